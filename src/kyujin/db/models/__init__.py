"""All mapped tables, imported here so that Alembic and create_all see every one."""

from kyujin.db.models.company import Company
from kyujin.db.models.import_job import ImportJob, ImportRejection
from kyujin.db.models.market import (
    MarketPostings,
    MarketSalary,
    MarketSalaryTotal,
    MarketSkill,
    MarketSkillTotal,
    MarketState,
)
from kyujin.db.models.posting import Posting, PostingSkill
from kyujin.db.models.report_job import ReportJob
from kyujin.db.models.search_change import SearchChange, SearchChangeMark

__all__ = [
    "Company",
    "ImportJob",
    "ImportRejection",
    "MarketPostings",
    "MarketSalary",
    "MarketSalaryTotal",
    "MarketSkill",
    "MarketSkillTotal",
    "MarketState",
    "Posting",
    "PostingSkill",
    "ReportJob",
    "SearchChange",
    "SearchChangeMark",
]

"""The market rollup (kyujin.db.models.market): how it is kept up to date as postings are
written, when figures may be read from it, and how it is rebuilt.

**Writing.** Whatever writes postings counts the change in the same transaction through a
``MarketChanges``: ``before(ids)`` takes away what those postings count now (before they,
or their company, change), ``added(ids)`` notes new postings, and ``finish()`` flushes and
counts every posting taken away or added as it stands after the change. A posting is taken
away at most once per batch, so a posting whose text changed and whose company changed in
the same batch is not taken away twice. The counting is SQL over the rows themselves
(market_repository.apply): a few upserts per batch of postings.

**Reading.** A figure over postings filtered only by cell columns (industry, size band,
foreign-affiliated, remote, Japanese level, employment type), or not filtered, is a sum over
rollup rows; other filters (text, skills, salary, prefecture, dates...) are answered from the
postings as before. Either way the numbers are the same (tests/analytics/test_market.py
compares them after imports, updates and company changes).

**Rebuilding.** ``kyujin analytics rebuild`` counts every posting again; on PostgreSQL it
locks the rollup tables in EXCLUSIVE mode, so writers wait for it and it waits for them.
A database migrated with postings in it is incomplete until then, and figures come from the
postings.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from kyujin.analytics import market_repository
from kyujin.analytics.market_repository import Cell
from kyujin.postings import repository as postings_repository
from kyujin.postings.search import japanese_at_most
from kyujin.postings.search_schemas import SearchQuery

# The filters a cell column answers: SearchQuery field -> rollup column.
_CELL_FILTERS = {
    "industry": "industry",
    "size_band": "size_band",
    "foreign_affiliated": "foreign_affiliated",
    "remote": "remote",
    "japanese_max": "japanese_level",
    "employment_type": "employment_type",
}
# Every other filter, with the value that means "not filtered".
_UNFILTERED: dict[str, object] = {
    "skill": [],
    "category": [],
    "salary_min": None,
    "salary_max": None,
    "visa_sponsorship": None,
    "max_years_experience": None,
    "prefecture": [],
    "company": None,
    "posted_since": None,
    "source": [],
    "exclude_source": [],
}


class MarketChanges:
    """The postings a write changes, counted out before and in after (see the module doc)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._counted_out: set[int] = set()
        self._new: set[int] = set()

    def before(self, ids: Iterable[int]) -> None:
        """Call before the postings ``ids`` (or their company) change."""
        fresh = set(ids) - self._counted_out - self._new
        if fresh:
            self._session.flush()
            market_repository.apply(self._session, sorted(fresh), -1)
            self._counted_out |= fresh

    def before_company(self, company_id: int) -> None:
        """Call before a company's industry, size band or foreign-affiliation changes."""
        self.before(market_repository.posting_ids_of_company(self._session, company_id))

    def added(self, ids: Iterable[int]) -> None:
        self._new |= set(ids)

    def finish(self) -> None:
        """Count every posting taken out or added as it now stands."""
        changed = self._counted_out | self._new
        if changed:
            self._session.flush()
            market_repository.apply(self._session, sorted(changed), 1)
            # The search index reads the same changes from its outbox.
            postings_repository.record_search_changes(self._session, sorted(changed))
        self._counted_out.clear()
        self._new.clear()


def cell_of(query: SearchQuery) -> Cell | None:
    """The cells a search's filters allow, or None when a filter is not a cell column (the
    figure must then be computed from the postings)."""
    if query.q and query.q.split():
        return None
    for name, unfiltered in _UNFILTERED.items():
        if getattr(query, name) != unfiltered:
            return None
    cell: Cell = {}
    for name in ("industry", "size_band", "remote", "employment_type"):
        values = getattr(query, name)
        if values:
            cell[_CELL_FILTERS[name]] = list(values)
    if query.foreign_affiliated is not None:
        cell["foreign_affiliated"] = [str(query.foreign_affiliated).lower()]
    if query.japanese_max is not None:
        cell["japanese_level"] = list(japanese_at_most(query.japanese_max))
    return cell


def readable(session: Session, query: SearchQuery) -> Cell | None:
    """``cell_of(query)`` when the rollup is complete, else None."""
    cell = cell_of(query)
    if cell is None or not market_repository.is_complete(session):
        return None
    return cell


def rebuild(session: Session) -> None:
    market_repository.rebuild(session)


def drift(session: Session) -> dict[str, int]:
    """How far the rollup is from a fresh count: rows missing from it and rows it holds in
    excess, per table (all zero when it is right). Recounts into the current transaction and
    leaves the rollup as it found it only if the caller rolls back."""
    before = market_repository.snapshot(session)
    market_repository.rebuild(session)
    after = market_repository.snapshot(session)
    return {
        f"{name}_{kind}": len(rows)
        for name in before
        for kind, rows in (
            ("missing", after[name] - before[name]),
            ("extra", before[name] - after[name]),
        )
    }

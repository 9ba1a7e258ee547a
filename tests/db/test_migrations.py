"""Migrations run on both backends, can be undone, and match the models exactly."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from kyujin.db import models  # noqa: F401
from kyujin.db.base import Base, include_name
from kyujin.db.migrate import downgrade, upgrade


def test_models_match_the_migrations(engine, backend: str) -> None:
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(
                conn, opts={"compare_type": True, "include_name": include_name}
            ),
            Base.metadata,
        )
    assert diff == []


def test_downgrade_then_upgrade_again(new_database_url: str) -> None:
    downgrade(new_database_url)
    engine = create_engine(new_database_url)
    assert "posting" not in inspect(engine).get_table_names()
    upgrade(new_database_url)
    assert "posting" in inspect(engine).get_table_names()
    engine.dispose()


def test_constraints_follow_the_naming_convention(engine, backend: str) -> None:
    uniques = inspect(engine).get_unique_constraints("posting")
    assert [u["name"] for u in uniques] == ["uq_posting_source_external_id"]

"""Alembic environment. The URL comes from kyujin settings unless the caller passed one."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from kyujin.db import models  # noqa: F401  (registers every table on Base.metadata)
from kyujin.db.base import Base, include_name
from kyujin.db.engine import make_engine
from kyujin.settings import Settings, get_settings

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode recreates the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()
        if connection.dialect.name == "sqlite":
            _check_foreign_keys(connection)


def _check_foreign_keys(connection: Connection) -> None:
    """Migrations run with SQLite's foreign keys off (see make_engine): check them after."""
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"the migration left rows whose foreign keys are broken: {broken[:5]}")


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    settings = get_settings() if not url else Settings(database_url=url)
    engine = make_engine(settings, sqlite_foreign_keys=False)
    try:
        with engine.connect() as conn:
            _run(conn)
    finally:  # also when a migration fails (a revision the database is past or lacks)
        engine.dispose()


if context.is_offline_mode():
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()

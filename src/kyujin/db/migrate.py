"""Run Alembic migrations from code (the CLI and the tests call this)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(database_url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if database_url:
        config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(
    database_url: str | None = None, *, revision: str = "head", connection: Connection | None = None
) -> None:
    config = alembic_config(database_url)
    if connection is not None:
        config.attributes["connection"] = connection
    command.upgrade(config, revision)


def downgrade(database_url: str | None = None, *, revision: str = "base") -> None:
    command.downgrade(alembic_config(database_url), revision)


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revision(revision: str | None) -> bool:
    """Whether this code's migrations know ``revision`` (a database written by a newer
    kyujin is at a revision they do not)."""
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    if revision is None:
        return True
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False

"""The one settings object. Every field reads the environment with the ``KYUJIN_`` prefix."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEVELOPMENT_SECRET = "kyujin-development-secret-do-not-use"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KYUJIN_", env_file=".env", extra="ignore")

    env: Literal["development", "test", "production"] = Field(
        default="development", description="Deployment environment."
    )
    database_url: str = Field(
        default="sqlite:///./var/kyujin.db",
        description="SQLAlchemy URL: sqlite:///path or postgresql+psycopg://user:pw@host/db.",
    )
    redis_url: str | None = Field(
        default=None,
        description="redis://host:port/db; absent means in-process equivalents are used.",
    )
    secret_key: SecretStr = Field(
        default=SecretStr(DEVELOPMENT_SECRET),
        description="Signing key; the default is refused outside development.",
    )
    admin_api_key: SecretStr | None = Field(
        default=None,
        description="Key for write endpoints (X-Admin-Key header); unset disables them.",
    )
    queue_path: Path = Field(
        default=Path("var/kyujin-queue.db"),
        description="SQLite file of the embedded task queue, used when redis_url is unset.",
    )
    search_index_path: Path | None = Field(
        default=None,
        description="Directory of the search index (Tantivy) that GET /v1/postings reads "
        "once `kyujin index rebuild` has built it; unset, search runs in the database.",
    )
    search_outbox_keep: int = Field(
        default=1_000_000,
        ge=1,
        description="Changes the search index's outbox keeps (pruned by `kyujin index "
        "prune` and hourly by the worker); an index further behind is rebuilt, which is "
        "then about as quick as catching up.",
    )
    embedded_worker: bool = Field(
        default=True,
        description="With the embedded queue, the API process also runs a worker thread "
        "(so `make demo` needs no other process); `kyujin worker` can run beside it.",
    )
    import_dir: Path = Field(
        default=Path("var/imports"),
        description="Where files uploaded to POST /v1/imports wait for a worker; workers "
        "must see the same directory.",
    )
    report_dir: Path = Field(
        default=Path("var/reports"),
        description="Where report jobs (POST /v1/reports) write their HTML and PDF files; "
        "the API process must see the directory the workers write to.",
    )
    import_max_bytes: int = Field(
        default=2 * 1024**3, ge=1, description="Largest file POST /v1/imports accepts."
    )
    import_batch_size: int = Field(
        default=500,
        ge=1,
        le=10_000,
        description="Records per transaction in an import (its checkpoint and heartbeat).",
    )
    job_lease_s: float = Field(
        default=60.0,
        gt=0,
        description="A running import that has not reported progress for this long is taken "
        "to have lost its worker and is run again from its last committed batch.",
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["json", "console"] = "json"
    db_pool_size: int = Field(default=10, ge=1, description="Connections kept per process.")
    readiness_timeout_s: float = Field(
        default=2.0, gt=0, description="Time a readiness check may take per dependency."
    )

    @field_validator("admin_api_key", mode="before")
    @classmethod
    def _empty_key_is_unset(cls, value: object) -> object:
        # KYUJIN_ADMIN_API_KEY= (empty) must not become a key that an empty header matches.
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _refuse_unsafe_defaults(self) -> Settings:
        if self.env != "development" and self.secret_key.get_secret_value() == DEVELOPMENT_SECRET:
            raise ValueError(
                "KYUJIN_SECRET_KEY must be set outside development "
                f"(KYUJIN_ENV={self.env}); generate one with: "
                "python -c 'import secrets; print(secrets.token_urlsafe(48))'"
            )
        return self

    @property
    def queue_backend(self) -> Literal["redis", "sqlite"]:
        return "redis" if self.redis_url else "sqlite"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def sqlite_path(self) -> Path | None:
        """The file behind a sqlite URL (None for :memory: or other databases)."""
        if not self.is_sqlite:
            return None
        path = self.database_url.split(":///", 1)[-1]
        return None if path in ("", ":memory:") else Path(path)


@lru_cache
def get_settings() -> Settings:
    return Settings()

import pytest
from pydantic import ValidationError

from kyujin.settings import Settings


def test_defaults_run_locally_without_services(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("KYUJIN_DATABASE_URL", "KYUJIN_REDIS_URL", "KYUJIN_ENV", "KYUJIN_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings(_env_file=None)
    assert settings.database_url == "sqlite:///./var/kyujin.db"
    assert settings.redis_url is None and settings.env == "development"


@pytest.mark.parametrize("env", ["test", "production"])
def test_default_secret_is_refused_outside_development(
    env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KYUJIN_SECRET_KEY", raising=False)
    with pytest.raises(ValidationError, match="KYUJIN_SECRET_KEY must be set"):
        Settings(_env_file=None, env=env)


def test_environment_variables_use_the_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KYUJIN_ENV", "production")
    monkeypatch.setenv("KYUJIN_SECRET_KEY", "s" * 40)
    monkeypatch.setenv("KYUJIN_REDIS_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.setenv("KYUJIN_LOG_LEVEL", "DEBUG")
    settings = Settings(_env_file=None)
    assert settings.redis_url == "redis://127.0.0.1:6379/0" and settings.log_level == "DEBUG"


def test_invalid_values_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KYUJIN_LOG_FORMAT", "xml")
    with pytest.raises(ValidationError, match="log_format"):
        Settings(_env_file=None)

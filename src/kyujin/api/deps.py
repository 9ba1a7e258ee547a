"""Typed dependencies. The session dependency is the request's transaction boundary."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request
from sqlalchemy.orm import Session

from kyujin.db.engine import transaction
from kyujin.settings import Settings


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_session(request: Request) -> Iterator[Session]:
    """The request's transaction: committed when the endpoint returns, rolled back on error."""
    write = request.method not in ("GET", "HEAD", "OPTIONS")
    with transaction(request.app.state.session_factory, write=write) as session:
        yield session


# scope="function": the transaction commits before the response is sent, so a client that
# gets 201 can rely on the row being there (the default ends it after the response).
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


def require_admin(
    settings: SettingsDep,
    x_admin_key: Annotated[str | None, Header(description="The admin API key.")] = None,
) -> None:
    expected = settings.admin_api_key
    if expected is None or not expected.get_secret_value():
        raise HTTPException(403, "write endpoints are disabled: KYUJIN_ADMIN_API_KEY is not set")
    if x_admin_key is None:
        raise HTTPException(401, "missing X-Admin-Key header", {"WWW-Authenticate": "X-Admin-Key"})
    if not secrets.compare_digest(x_admin_key.encode(), expected.get_secret_value().encode()):
        raise HTTPException(403, "the X-Admin-Key given is not valid")


AdminDep = Depends(require_admin)

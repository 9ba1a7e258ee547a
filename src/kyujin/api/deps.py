"""Typed dependencies. The session dependency is the request's transaction boundary."""

from __future__ import annotations

import secrets
from collections import abc
from collections.abc import AsyncIterator, Callable
from types import UnionType
from typing import Annotated, Union, get_args, get_origin

import anyio
from fastapi import Depends, Header, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel
from sqlalchemy.orm import Session, sessionmaker

from kyujin.db.engine import WRITE
from kyujin.settings import Settings


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_session(request: Request) -> AsyncIterator[Session]:
    """The request's transaction: committed when the endpoint returns, rolled back on error.

    At most ``app.state.db_limiter`` requests hold a session at once, fewer than the pool
    has connections. Without that bound a process deadlocks under load: FastAPI runs the
    endpoint and then the dependency's exit in separate worker-thread turns, so a request
    holds its connection between them; once every worker thread is blocked waiting for a
    connection, the requests that hold the connections never get a thread to give them
    back (seen at 64 connections against one process: 40 threads, a 15-connection pool).
    """
    write = request.method not in ("GET", "HEAD", "OPTIONS")
    factory: sessionmaker[Session] = request.app.state.session_factory
    async with request.app.state.db_limiter:
        session = factory()
        ok = False
        try:
            if write:
                await run_in_threadpool(session.connection, execution_options=WRITE)
            yield session
            ok = True
        finally:
            with anyio.CancelScope(shield=True):  # give the connection back even if cancelled
                await run_in_threadpool(_finish, session, ok)


def _finish(session: Session, commit: bool) -> None:
    try:
        if commit:
            session.commit()
        else:
            session.rollback()
    finally:
        session.close()


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


def _takes_several(annotation: object) -> bool:
    """list[X], or list[X] | None and the like: a parameter FastAPI reads every value of."""
    if get_origin(annotation) in (list, set, frozenset, tuple, abc.Sequence):
        return True
    if get_origin(annotation) in (Union, UnionType):
        return any(_takes_several(arg) for arg in get_args(annotation))
    return False


def single_valued(model: type[BaseModel]) -> Callable[[Request], None]:
    """A dependency refusing a query parameter of ``model`` that takes one value but was
    given several (remote=full&remote=hybrid is a list, sort=new&sort=salary is not): the
    framework keeps the last one, and the others were dropped without a word."""
    scalars = {
        field.alias or name
        for name, field in model.model_fields.items()
        if not _takes_several(field.annotation)
    }

    def refuse_repeats(request: Request) -> None:
        errors = [
            {
                "type": "repeated",
                "loc": ("query", name),
                "msg": "given more than once; this parameter takes one value",
                "input": request.query_params.getlist(name),
            }
            for name in sorted(scalars)
            if len(request.query_params.getlist(name)) > 1
        ]
        if errors:
            raise RequestValidationError(errors)

    return refuse_repeats

"""Liveness and readiness: is each dependency reachable right now?"""

from __future__ import annotations

from dataclasses import dataclass

import redis
from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    detail: str


def check_database(engine: Engine) -> Check:
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        cause = getattr(exc, "orig", None) or exc
        reason = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
        return Check("database", False, f"unreachable: {reason}")
    return Check("database", True, "ok")


def check_redis(client: redis.Redis) -> Check:
    try:
        client.ping()
    except redis.RedisError as exc:
        return Check("redis", False, f"unreachable: {exc}")
    return Check("redis", True, "ok")


def readiness(engine: Engine, redis_client: redis.Redis | None) -> list[Check]:
    """Every configured dependency's check: the database always, Redis when it is set."""
    checks = [check_database(engine)]
    if redis_client is not None:
        checks.append(check_redis(redis_client))
    return checks

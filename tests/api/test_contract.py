"""Property-based contract test: generated requests from the app's own OpenAPI document.

Every operation, with valid and invalid input, must answer without a server error, with a
documented status code and content type, and a body matching its documented schema.
"""

import tempfile
from pathlib import Path

import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from kyujin.api.app import create_app
from kyujin.db.migrate import upgrade
from tests.conftest import ADMIN_KEY, make_settings


def _app() -> FastAPI:
    # A file database in a throw-away path: generated requests create postings in it.
    url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='kyujin-contract-')) / 'contract.db'}"
    upgrade(url)
    return create_app(make_settings(url))


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_contract(case: schemathesis.Case) -> None:
    case.headers = {**(case.headers or {}), "X-Admin-Key": ADMIN_KEY}
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ]
    )

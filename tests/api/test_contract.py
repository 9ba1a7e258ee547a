"""Property-based contract test: generated requests from the app's own OpenAPI document.

Every operation, with valid and invalid input, must answer without a server error, with a
documented status code and content type, and a body matching its documented schema.
"""

import tempfile
from pathlib import Path

import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
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


# POST /v1/imports takes a file as its body; schemathesis has no generator for JSON Lines.
_JSON_LINES = st.one_of(
    st.just(b'{"title": "Go Engineer", "description": "Go and gRPC"}\n'),
    st.binary(max_size=200),
)
for _media_type in ("application/x-ndjson", "application/jsonl", "application/jsonlines"):
    schemathesis.openapi.media_type(_media_type, _JSON_LINES)

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

"""The OpenAPI document, with every error response described as problem details.

FastAPI documents errors as application/json (and 422 as its own HTTPValidationError);
kyujin answers every error with application/problem+json (api/errors.py). This rewrites the
generated document to say so, and adds the errors any operation can return (413 for a
body over the limit, 422 for invalid input, 500).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from kyujin.api.errors import PROBLEM_JSON, Problem

_DESCRIPTIONS = {
    "400": "Bad request: a body that is not valid JSON, or a cursor this API did not issue",
    "401": "Missing credentials",
    "403": "Not allowed",
    "404": "Not found",
    "409": "Conflict with an existing resource",
    "413": "Request body over the size limit",
    "422": "Invalid input; `errors` lists each field",
    "500": "Unexpected error (details in the server log, under the request id)",
    "503": "A dependency is unreachable; it is named",
}


def install_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.update(problem.pop("$defs", {}))
        components["Problem"] = problem
        for name in ("HTTPValidationError", "ValidationError"):
            components.pop(name, None)
        reference = {"$ref": "#/components/schemas/Problem"}
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                responses = operation.setdefault("responses", {})
                has_input = "requestBody" in operation or operation.get("parameters")
                body = "requestBody" in operation
                extra = ["500"] + (["400", "413"] if body else [])
                extra += ["422"] if has_input else []
                for code in extra:
                    responses.setdefault(code, {})
                for code, response in responses.items():
                    if code[0] in "45":
                        response["description"] = _DESCRIPTIONS.get(code, "Error")
                        response["content"] = {PROBLEM_JSON: {"schema": reference}}
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]

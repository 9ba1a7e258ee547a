"""single_valued: which query parameters take one value."""

from collections.abc import Sequence
from typing import Annotated

import pytest
from fastapi import Depends, FastAPI, Query
from fastapi.testclient import TestClient
from pydantic import BaseModel

from kyujin.api.deps import single_valued


class Params(BaseModel):
    one: str | None = None
    many: list[str] = []
    maybe_many: list[str] | None = None
    several: Sequence[str] = ()


@pytest.fixture
def client() -> TestClient:
    app = FastAPI()

    @app.get("/", dependencies=[Depends(single_valued(Params))])
    def read(params: Annotated[Params, Query()]) -> dict[str, object]:
        return params.model_dump()

    return TestClient(app)


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("one=a", 200),
        ("one=a&one=b", 422),
        ("many=a&many=b", 200),
        ("maybe_many=a&maybe_many=b", 200),  # list[X] | None is a list too
        ("several=a&several=b", 200),
        ("other=a&other=b", 200),  # not the model's: left to the model's own checks
    ],
)
def test_only_a_parameter_taking_one_value_is_refused_twice(
    client: TestClient, query: str, status: int
) -> None:
    assert client.get(f"/?{query}").status_code == status

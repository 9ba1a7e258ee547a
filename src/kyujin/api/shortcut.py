"""GET /v1/postings/{id}, the busiest request, answered beneath FastAPI's routing.

Under load (64 connections, 1,000,000 postings on PostgreSQL) about a quarter of a worker's
time went to the layers between the request middleware and the endpoint: Starlette's
exception middleware, FastAPI's exit-stack middleware, matching the path against every
route, solving and validating the path parameter, and the Response object. This ASGI layer,
right inside the request middleware (so the request id, metrics and access log are the
same), recognises ``GET /v1/postings/<digits>`` and answers it through the same function as
the route (``postings.router.answer_posting``); the answer is byte for byte the route's.
Everything else, and every request that would end in an error (404, 406, an id out of
range), goes on to the app, whose route answers it with its problem details. The path is
matched as sent (``scope["path"]``): mounted under a prefix, the app would not be shortcut.
"""

from __future__ import annotations

import re

from fastapi.routing import APIRoute
from starlette.datastructures import State
from starlette.types import ASGIApp, Receive, Scope, Send

from kyujin.errors import KyujinError
from kyujin.postings.router import SHORTCUT_ERROR, answer_posting
from kyujin.postings.router import router as postings_router

PATH = "/v1/postings/{posting_id}"
# ASCII digits only: anything else (a sign, other scripts' digits) is left to the route.
_POSTING_PATH = re.compile(r"/v1/postings/([0-9]{1,19})")
_MAX_ID = 2**63 - 1


class PostingReadShortcut:
    def __init__(self, app: ASGIApp, *, state: State) -> None:
        self.app = app
        self.state = state
        # What the router stores on the scope; the access log and metrics label by it.
        self.route = _find_route()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            match = _POSTING_PATH.fullmatch(scope["path"])
            posting_id = int(match[1]) if match is not None else 0
            if 1 <= posting_id <= _MAX_ID and await self._answer(scope, send, posting_id):
                return
        await self.app(scope, receive, send)

    async def _answer(self, scope: Scope, send: Send, posting_id: int) -> bool:
        accept: list[str] = []
        tags: list[str] = []
        for name, value in scope["headers"]:
            if name == b"accept":
                accept.append(value.decode("latin-1"))
            elif name == b"if-none-match":  # several lines are one list (RFC 9110 5.3)
                tags.append(value.decode("latin-1"))
        if_none_match = ", ".join(tags) or None
        # Set first, so that an unexpected error (a 500) is logged and counted under it too.
        scope["route"] = self.route
        try:
            answer = await answer_posting(self.state, posting_id, accept, if_none_match)
        except KyujinError as error:
            # The route answers it with problem details, raising this error rather than
            # reading the posting again (a 404 would otherwise cost two reads).
            scope.setdefault("state", {})[SHORTCUT_ERROR] = error
            return False
        headers: list[tuple[bytes, bytes]] = [
            (name.lower().encode("latin-1"), value.encode("latin-1"))
            for name, value in answer.headers.items()
        ]
        if answer.status != 304:
            headers.append((b"content-length", str(len(answer.body)).encode()))
            headers.append((b"content-type", answer.media_type.encode("latin-1")))
        await send({"type": "http.response.start", "status": answer.status, "headers": headers})
        await send({"type": "http.response.body", "body": answer.body})
        return True


def _find_route() -> APIRoute:
    for route in postings_router.routes:
        if isinstance(route, APIRoute) and route.path == PATH and "GET" in (route.methods or ()):
            return route
    raise RuntimeError(f"no GET route {PATH}: the shortcut answers for it")

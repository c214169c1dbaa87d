"""JSON responses and pagination: bodies are the CLI's `--json` documents, unchanged.

Lists are paginated with `limit` and `offset`; the page is the body (the same list the CLI prints,
cut to the page) and the headers say the rest: `X-Total-Count`, and `Link: <...>; rel="next"` while
there is more.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from fastapi.responses import Response

from backbone.services.paging import Window


class JsonResponse(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()


def body(content: Any, status: int = 200, headers: dict[str, str] | None = None) -> JsonResponse:
    return JsonResponse(content, status_code=status, headers=headers)


class Page:
    def __init__(
        self,
        limit: Annotated[int, Query(ge=1, le=500, description="Items per page.")] = 100,
        offset: Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")] = 0,
    ) -> None:
        self.limit = limit
        self.offset = offset

    def window(self) -> Window:
        return Window(self.limit, self.offset)


Paging = Annotated[Page, Depends()]


def paged(request: Request, items: Sequence[Any], page: Page) -> JsonResponse:
    """A short list (exercises, tokens, grants...) cut to the page here."""
    return one_page(request, list(items[page.offset : page.offset + page.limit]), len(items), page)


def one_page(request: Request, chosen: list[Any], total: int, page: Page) -> JsonResponse:
    """A page the database already cut (a list that grows with use), with the list's total."""
    headers = {"X-Total-Count": str(total)}
    following = page.offset + page.limit
    if following < total:
        url = request.url.include_query_params(limit=page.limit, offset=following)
        headers["Link"] = f'<{url}>; rel="next"'
    return body(chosen, headers=headers)


LIST_HEADERS = {
    "X-Total-Count": {
        "description": "How many items there are in all.",
        "schema": {"type": "integer"},
    },
    "Link": {
        "description": 'The next page: `<url>; rel="next"` (absent on the last page).',
        "schema": {"type": "string"},
    },
}


def documented(
    example: Any,
    *,
    status: int = 200,
    listed: bool = False,
    errors: Sequence[int] = (401, 404, 422),
) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses`: the success body's example and the error statuses of the route."""
    ok: dict[str, Any] = {
        "description": "Success.",
        "content": {"application/json": {"example": example}},
    }
    if listed:
        ok["headers"] = LIST_HEADERS
    responses: dict[int | str, dict[str, Any]] = {status: ok}
    codes = list(errors)
    if 401 in codes:  # every authenticated route can also answer these
        codes += [403, 413, 429, 503]
    elif codes:
        codes += [413, 503]
    for code in sorted(set(codes)):
        responses[code] = {
            "description": ERROR_DESCRIPTIONS[code],
            "content": {"application/json": {"schema": ERROR_SCHEMA}},
        }
    return responses


ERROR_SCHEMA = {
    "type": "object",
    "required": ["ok", "status", "code", "error", "details"],
    "properties": {
        "ok": {"type": "boolean", "const": False},
        "status": {"type": "integer"},
        "code": {"type": "string"},
        "error": {"type": "string"},
        "details": {"type": "object"},
    },
}

ERROR_DESCRIPTIONS = {
    401: "Not signed in, or the token is not valid.",
    403: "A browser session without its CSRF token.",
    404: "No such thing, or not yours to see.",
    409: "Clashes with what is stored.",
    413: "The request body is too large.",
    422: "The request is malformed or out of range (or training must not go ahead).",
    429: "Too many attempts; see Retry-After.",
    503: "The database is unavailable.",
}

"""HTTP errors: the error tree mapped once (`backbone.interfaces.errors`), made safe to show.

No response carries a stack trace, SQL, a file path or a database message: errors translated from
the database keep only the action ("Could not store the token."), a StorageError says the database
is unavailable, and anything unexpected is a bare 500 with the same JSON shape.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from backbone.domain.errors import (
    BackboneError,
    InputError,
    InternalError,
    NotFound,
    RateLimited,
    StorageError,
    Unauthorized,
)
from backbone.interfaces.errors import error_body, http_status

log = logging.getLogger("backbone.api")


def safe(error: BackboneError) -> BackboneError:
    """The error as a client may see it."""
    if isinstance(error, StorageError):
        return StorageError("The database is unavailable or busy; try again shortly.")
    if isinstance(error, InternalError):
        return InternalError("Backbone could not do that because of a fault on the server.")
    if "reason" in error.details:  # translated from the database: keep the action only
        action = str(error.details.get("action", "do that"))
        return type(error)(f"Could not {action}.", {"action": action})
    return error


def error_response(error: BackboneError) -> JSONResponse:
    shown = safe(error)
    status = http_status(shown)
    headers: dict[str, str] = {}
    if isinstance(shown, RateLimited):
        headers["Retry-After"] = str(shown.retry_after_s)
    if isinstance(shown, Unauthorized):
        headers["WWW-Authenticate"] = 'Bearer realm="backbone"'
    return JSONResponse(dict(error_body(shown, status)), status_code=status, headers=headers)


def _validation_details(error: RequestValidationError) -> list[dict[str, Any]]:
    return [
        {
            "loc": [str(part) for part in item.get("loc", ())],
            "msg": item.get("msg", ""),
            "type": item.get("type", ""),
        }
        for item in error.errors()
    ]


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into the one JSON error body."""

    async def backbone_error(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, BackboneError)
        if isinstance(error, StorageError | InternalError):
            log.warning("%s %s: %s", request.method, request.url.path, error.message)
        return error_response(error)

    async def invalid_request(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RequestValidationError)
        details = _validation_details(error)
        first = details[0] if details else {"loc": [], "msg": "invalid request"}
        where = ".".join(first["loc"][1:] or first["loc"])
        message = f"Invalid request: {where}: {first['msg']}." if where else "Invalid request."
        return error_response(InputError(message, {"errors": details}))

    async def http_error(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, StarletteHTTPException)
        if error.status_code == 404:
            return error_response(NotFound("No such resource.", {"path": request.url.path}))
        code = "method_not_allowed" if error.status_code == 405 else "http_error"
        body = {
            "ok": False,
            "status": error.status_code,
            "code": code,
            "error": str(error.detail),
            "details": {},
        }
        return JSONResponse(body, status_code=error.status_code, headers=error.headers)

    async def unexpected(request: Request, error: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(InternalError("unexpected"))

    app.add_exception_handler(BackboneError, backbone_error)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, unexpected)

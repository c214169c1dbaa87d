"""The error tree, translated once for every interface: exit codes, HTTP statuses, one JSON body.

    code              CLI exit   HTTP
    input_error          2       422
    safety_stop          3       422   (training must not go ahead: not a malformed request)
    infeasible_plan      1       422
    not_found            1       404
    conflict             1       409
    unauthorized         1       401
    forbidden            1       403
    rate_limited         1       429
    too_large            1       413
    storage_error        1       503
    internal_error       1       500
    error (any other)    1       500

The JSON body is the same everywhere: `{"ok": false, "status", "code", "error", "details"}`.
"""

from __future__ import annotations

from typing import Any

from typing_extensions import TypedDict

from backbone.domain.errors import BackboneError

EXIT_OK = 0
EXIT_OTHER = 1
EXIT_INPUT = 2
EXIT_SAFETY = 3

_EXIT_CODES = {"input_error": EXIT_INPUT, "safety_stop": EXIT_SAFETY}
_HTTP_STATUS = {
    "input_error": 422,
    "safety_stop": 422,
    "infeasible_plan": 422,
    "not_found": 404,
    "conflict": 409,
    "unauthorized": 401,
    "forbidden": 403,
    "rate_limited": 429,
    "too_large": 413,
    "storage_error": 503,
    "internal_error": 500,
}


class ErrorBody(TypedDict):
    ok: bool
    status: int
    code: str
    error: str
    details: dict[str, Any]


def exit_code(error: BackboneError) -> int:
    return _EXIT_CODES.get(error.code, EXIT_OTHER)


def http_status(error: BackboneError) -> int:
    return _HTTP_STATUS.get(error.code, 500)


def error_body(error: BackboneError, status: int | None = None) -> ErrorBody:
    return {
        "ok": False,
        "status": http_status(error) if status is None else status,
        "code": error.code,
        "error": error.message,
        "details": dict(error.details),
    }

"""The one error tree every layer raises and every interface translates.

    BackboneError            code "error"            any expected failure
    ├── InputError           code "input_error"      the user asked for something malformed
    ├── NotFound             code "not_found"        a named thing does not exist
    ├── Conflict             code "conflict"         the request clashes with stored state
    ├── SafetyStop           code "safety_stop"      training must not go ahead (red flags)
    ├── InfeasiblePlan       code "infeasible_plan"  no plan satisfies every hard rule
    ├── Unauthorized         code "unauthorized"     no valid credentials (sign in, or a token)
    ├── Forbidden            code "forbidden"        signed in, but this account may not do it
    ├── RateLimited          code "rate_limited"     too many attempts; details say when to retry
    ├── TooLarge             code "too_large"        a request body over the server's limit
    ├── StorageError         code "storage_error"    the database could not do its part
    └── InternalError        code "internal_error"   Backbone itself is broken (e.g. its packaged
                                                      data files): not the user's doing

Interfaces map them once (`backbone.interfaces.errors`): CLI exit 2 for InputError, 3 for
SafetyStop, 1 otherwise; HTTP 422/404/409/422/401/403/429/413/503/500.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, ClassVar


class BackboneError(Exception):
    code: ClassVar[str] = "error"

    def __init__(self, message: str, details: Mapping[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details: Mapping[str, Any] = MappingProxyType(dict(details or {}))


class InputError(BackboneError):
    code = "input_error"


class NotFound(BackboneError):
    code = "not_found"


class Conflict(BackboneError):
    code = "conflict"


class SafetyStop(BackboneError):
    code = "safety_stop"


class InfeasiblePlan(BackboneError):
    code = "infeasible_plan"


class Unauthorized(BackboneError):
    code = "unauthorized"


class Forbidden(BackboneError):
    code = "forbidden"


class RateLimited(BackboneError):
    code = "rate_limited"

    def __init__(
        self, message: str, retry_after_s: int, details: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(message, {**(details or {}), "retry_after_s": retry_after_s})
        self.retry_after_s = retry_after_s


class TooLarge(BackboneError):
    code = "too_large"


class StorageError(BackboneError):
    code = "storage_error"


class InternalError(BackboneError):
    code = "internal_error"

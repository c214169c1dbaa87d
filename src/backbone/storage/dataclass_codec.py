"""Frozen domain dataclasses to JSON values and back, driven by their type hints.

Used for stored documents (the running program's plan) so that a field added to a domain type
later is read back from older documents with its default, and a field removed is ignored: a stored
program survives changes to the domain types, unlike the public JSON the interfaces print.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin

T = TypeVar("T")


def to_json(value: Any) -> Any:
    """A JSON-ready value: dataclasses as objects, enums by value, dates ISO, sets sorted."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, frozenset | set):
        return sorted(to_json(v) for v in value)
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    return value


def from_json(kind: type[T], raw: Any) -> T:
    """The value of type `kind` that `to_json` wrote as `raw` (ValueError/TypeError if it cannot be)."""
    result: T = _decode(kind, raw)
    return result


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def _decode(kind: Any, raw: Any) -> Any:
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        options = get_args(kind)
        if raw is None and type(None) in options:
            return None
        last_error: Exception | None = None
        for option in options:
            if option is type(None):
                continue
            try:
                return _decode(option, raw)
            except (TypeError, ValueError, KeyError) as error:
                last_error = error
        raise ValueError(f"{raw!r} fits none of {kind}") from last_error
    if origin is tuple:
        args = get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in _list(raw))
        items = _list(raw)
        if len(items) != len(args):
            raise ValueError(f"expected {len(args)} values, got {len(items)}")
        return tuple(_decode(a, v) for a, v in zip(args, items, strict=True))
    if origin is frozenset:
        (item,) = get_args(kind)
        return frozenset(_decode(item, v) for v in _list(raw))
    if kind is Any:
        return raw
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        if not isinstance(raw, dict):
            raise TypeError(f"{kind.__name__} must be an object, got {type(raw).__name__}")
        hints = _hints(kind)
        values = {
            f.name: _decode(hints[f.name], raw[f.name])
            for f in dataclasses.fields(kind)
            if f.init and f.name in raw
        }
        return kind(**values)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(raw)
    if kind is datetime:
        return datetime.fromisoformat(_str(raw))
    if kind is date:
        return date.fromisoformat(_str(raw))
    if kind is bool:
        if not isinstance(raw, bool):
            raise TypeError(f"expected true/false, got {raw!r}")
        return raw
    if kind is int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise TypeError(f"expected a whole number, got {raw!r}")
        return raw
    if kind is float:
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise TypeError(f"expected a number, got {raw!r}")
        return float(raw)
    if kind is str:
        return _str(raw)
    raise TypeError(f"cannot decode {kind!r}")


def _list(raw: Any) -> list[Any]:
    if not isinstance(raw, list):
        raise TypeError(f"expected a list, got {type(raw).__name__}")
    return raw


def _str(raw: Any) -> str:
    if not isinstance(raw, str):
        raise TypeError(f"expected text, got {type(raw).__name__}")
    return raw

"""Reading form fields through the one input layer (`backbone.domain.inputs`), as the CLI does.

Python's int()/float() accept `1_0`, `nan`, `1e3` and non-ASCII digits; a form must not. These
helpers check the syntax and raise `InputError` with the validator's words (the page shows them
on the form and stores nothing); each use case still checks the field's own range, so a page,
the CLI and the API refuse the same values with the same message.
"""

from __future__ import annotations

from datetime import date

from starlette.datastructures import FormData

from backbone.domain.inputs import parse_date, parse_int, parse_number, parse_numbers
from backbone.interfaces.web.pages import field

BROAD_LIMIT = 1_000_000
"""Syntax is checked here; the use case checks the field's own range and says it."""


def whole(form: FormData, name: str, low: int = -BROAD_LIMIT, high: int = BROAD_LIMIT) -> int:
    """A required whole number."""
    return parse_int(field(form, name), name, low, high)


def whole_or_none(
    form: FormData, name: str, low: int = -BROAD_LIMIT, high: int = BROAD_LIMIT
) -> int | None:
    """A whole number, or None when the field was left empty."""
    return whole(form, name, low, high) if field(form, name) else None


def decimal(
    form: FormData, name: str, low: float = -BROAD_LIMIT, high: float = BROAD_LIMIT
) -> float:
    """A required number (a decimal comma is read as a point)."""
    return parse_number(field(form, name), name, low, high)


def decimal_or_none(
    form: FormData, name: str, low: float = -BROAD_LIMIT, high: float = BROAD_LIMIT
) -> float | None:
    return decimal(form, name, low, high) if field(form, name) else None


def numbers_or_none(form: FormData, name: str) -> tuple[float, ...] | None:
    """Comma- or space-separated numbers (`20, 10, 5, 2.5`), or None when left empty."""
    raw = field(form, name)
    return parse_numbers(raw, name, -BROAD_LIMIT, BROAD_LIMIT) if raw else None


def day_or_none(form: FormData, name: str) -> date | None:
    """A `YYYY-MM-DD` date, or None when left empty."""
    raw = field(form, name)
    return parse_date(raw, name) if raw else None

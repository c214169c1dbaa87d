"""Click parameter types built on the one input layer (`backbone.domain.inputs`).

click's own INT and FLOAT accept what Python's int()/float() accept: `1_0` (ten), `nan`, `1e-9`,
Arabic-Indic digits. These types read only what a person types, and refuse the rest with the
validator's words; exact ranges stay with the use cases, so the API and web forms get the same
limits and messages.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import click

from backbone.domain.errors import InputError
from backbone.domain.inputs import check_date, parse_date, parse_int, parse_number

BROAD_LIMIT = 1_000_000
"""Syntax is checked here; the use case checks the field's own range and says it."""


class DateParam(click.ParamType[date, Any]):
    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        field = _field(param, "date")
        try:
            if isinstance(value, datetime):
                return check_date(value.date(), field)
            if isinstance(value, date):
                return check_date(value, field)
            return parse_date(str(value), field)
        except InputError as error:
            self.fail(error.message, param, ctx)


class WholeNumberParam(click.ParamType[int, Any]):
    name = "integer"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        try:
            return parse_int(str(value), _field(param, "number"), -BROAD_LIMIT, BROAD_LIMIT)
        except InputError as error:
            self.fail(error.message, param, ctx)


class DecimalParam(click.ParamType[float, Any]):
    name = "number"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        if isinstance(value, float | int) and not isinstance(value, bool):
            return float(value)
        try:
            return parse_number(str(value), _field(param, "number"), -BROAD_LIMIT, BROAD_LIMIT)
        except InputError as error:
            self.fail(error.message, param, ctx)


def _field(param: click.Parameter | None, fallback: str) -> str:
    """The name the user typed (`--date`), not the Python name (`on`)."""
    if param is None:
        return fallback
    if param.opts and param.opts[0].startswith("-"):
        return max(param.opts, key=len).lstrip("-").replace("-", "_")
    return param.name or fallback


DATE = DateParam()
WHOLE = WholeNumberParam()
DECIMAL = DecimalParam()

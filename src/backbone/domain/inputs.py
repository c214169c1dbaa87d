"""The one input layer: the rules every interface (CLI, REST API, web forms) applies to raw values.

Each validator takes what a person typed (text) or what a parser already produced (a number, a
date) and returns a clean value or raises `InputError` naming the field, what was wrong and what is
allowed. The rules:

- dates: `YYYY-MM-DD` in ASCII digits, between 1900-01-01 and 2200-12-31; an impossible day is
  named ("2026-02-30: February 2026 has 28 days"). Far dates are refused because a training log
  never needs them and the date arithmetic downstream (weeks ahead, deloads) overflows near year 9999.
- numbers: ASCII digits only (no `1_0`, no Arabic-Indic digits, no exponent), finite, inside the
  range the field documents. Python's int()/float() accept all of those, so text never reaches
  them unchecked.
- loads: plates, dumbbell steps and logged loads are at least the smallest real increment
  (0.25 kg, or 0.5 lb for a pound lifter); assistance on a bodyweight move never reaches the body's
  weight.
- sizes: at most `MAX_SETS_PER_ENTRY` sets in one log entry and `MAX_NOTE_CHARS` characters in a
  note; a note must be real text (bytes that were not UTF-8 are refused, not stored mangled).
- names of vocabulary words and red flags are matched without regard to case (see `parse_choice`
  in `backbone.domain.athlete` and `normalise_red_flags` in `backbone.domain.safety`).

Pure: no clock, no environment; "today" is never assumed here.
"""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from datetime import date
from typing import Final

from backbone.domain.errors import InputError

MIN_DATE: Final = date(1900, 1, 1)
MAX_DATE: Final = date(2200, 12, 31)

MIN_INCREMENT_KG: Final = 0.25
"""The smallest real load change in kilograms: a pair of 0.125 kg micro-plates, a 0.25 kg step."""
MIN_INCREMENT_LB: Final = 0.5
"""The smallest real load change in pounds (fractional plates of 0.25 lb a side)."""

MIN_BODYWEIGHT_KG: Final = 25.0
MAX_BODYWEIGHT_KG: Final = 350.0

MAX_SETS_PER_ENTRY: Final = 60
"""More sets of one exercise in one day is a typo or a script; it also keeps analytics fast."""
MAX_NOTE_CHARS: Final = 500

_MAX_NUMBER_CHARS: Final = 20
"""Longer number text is a typo; the cap also keeps int() away from huge digit strings."""

_DATE_TEXT = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})", re.ASCII)
_INTEGER_TEXT = re.compile(r"[+-]?[0-9]+", re.ASCII)
_DECIMAL_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)", re.ASCII)


# --- dates ------------------------------------------------------------------------------------


def parse_date(text: str, field: str) -> date:
    """`YYYY-MM-DD` -> a date inside the supported range, or an InputError naming the problem."""
    raw = text.strip()
    found = _DATE_TEXT.fullmatch(raw)
    if found is None:
        raise InputError(
            f"{_label(field)} '{_shown(text)}' is not a date: write YYYY-MM-DD, e.g. 2026-03-14.",
            {"field": field, "value": _shown(text)},
        )
    year, month, day = (int(found.group(name)) for name in ("year", "month", "day"))
    if not 1 <= month <= 12:
        raise InputError(
            f"{_label(field)} {raw}: the month must be 01-12.",
            {"field": field, "value": raw},
        )
    days_in_month = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if not 1 <= day <= days_in_month:
        month_name = calendar.month_name[month]
        raise InputError(
            f"{_label(field)} {raw}: {month_name} {year} has {days_in_month} days.",
            {"field": field, "value": raw, "days_in_month": days_in_month},
        )
    if year < 1:
        raise _date_out_of_range(raw, field)
    return check_date(date(year, month, day), field)


def check_date(value: date, field: str) -> date:
    """A date already parsed (by an API model, a form, the clock) inside the supported range."""
    if not MIN_DATE <= value <= MAX_DATE:
        raise _date_out_of_range(value.isoformat(), field)
    return value


def _date_out_of_range(shown: str, field: str) -> InputError:
    return InputError(
        f"{_label(field)} {shown} is outside the dates Backbone works with "
        f"({MIN_DATE.isoformat()} to {MAX_DATE.isoformat()}).",
        {"field": field, "value": shown, "min": MIN_DATE.isoformat(), "max": MAX_DATE.isoformat()},
    )


# --- numbers ----------------------------------------------------------------------------------


def parse_int(text: str, field: str, low: int, high: int) -> int:
    """A whole number typed in ASCII digits, inside [low, high]."""
    raw = text.strip()
    if len(raw) > _MAX_NUMBER_CHARS or _INTEGER_TEXT.fullmatch(raw) is None:
        raise InputError(
            f"{_label(field)} takes a whole number written with digits 0-9; got '{_shown(text)}'.",
            {"field": field, "value": _shown(text), "min": low, "max": high},
        )
    return check_int(int(raw), field, low, high)


def check_int(value: int, field: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not low <= value <= high:
        raise InputError(
            f"{_label(field)} must be between {low} and {high}; got {value}.",
            {"field": field, "value": value, "min": low, "max": high},
        )
    return value


def parse_number(text: str, field: str, low: float, high: float) -> float:
    """A decimal number typed in ASCII digits (a decimal comma is read as a point), in [low, high].

    No exponents, no `nan`/`inf`, no digit-group underscores: a person types 2.5, not 25e-1.
    """
    raw = text.strip().replace(",", ".")
    if len(raw) > _MAX_NUMBER_CHARS or _DECIMAL_TEXT.fullmatch(raw) is None:
        raise InputError(
            f"{_label(field)} takes a number written with digits 0-9 (e.g. 2.5); "
            f"got '{_shown(text)}'.",
            {"field": field, "value": _shown(text), "min": low, "max": high},
        )
    return check_number(float(raw), field, low, high)


def check_number(value: float, field: str, low: float, high: float) -> float:
    """A number already parsed: finite and inside [low, high]."""
    if isinstance(value, bool) or not math.isfinite(value) or not low <= value <= high:
        raise InputError(
            f"{_label(field)} must be a number between {low:g} and {high:g}; got {value:g}.",
            {"field": field, "value": _json_number(value), "min": low, "max": high},
        )
    return float(value)


def parse_numbers(text: str, field: str, low: float, high: float) -> tuple[float, ...]:
    """Comma- or space-separated numbers: `20,10,5,2.5` (a decimal comma cannot be used here)."""
    parts = [part for part in re.split(r"[,\s]+", text.strip()) if part]
    if not parts:
        raise InputError(
            f"{_label(field)} needs at least one number, e.g. 20,10,5,2.5.",
            {"field": field, "value": _shown(text)},
        )
    if len(parts) > 30:
        raise InputError(
            f"{_label(field)} takes at most 30 numbers; got {len(parts)}.",
            {"field": field, "count": len(parts)},
        )
    return tuple(parse_number(part, field, low, high) for part in parts)


# --- loads ------------------------------------------------------------------------------------


def min_increment(in_lb: bool) -> float:
    """The smallest real load change in the athlete's unit."""
    return MIN_INCREMENT_LB if in_lb else MIN_INCREMENT_KG


def check_increment(value: float, field: str, in_lb: bool, high: float) -> float:
    """A plate size, a dumbbell step or a load: finite, at least the smallest real increment."""
    unit = "lb" if in_lb else "kg"
    low = min_increment(in_lb)
    if isinstance(value, bool) or not math.isfinite(value) or not low <= value <= high:
        raise InputError(
            f"{_label(field)} must be between {low:g} and {high:g} {unit} "
            f"(the smallest real step is {low:g} {unit}); got {_json_number(value)}.",
            {"field": field, "value": _json_number(value), "min": low, "max": high, "unit": unit},
        )
    return float(value)


def check_assistance_kg(assistance_kg: float, bodyweight_kg: float | None, field: str) -> float:
    """Assistance (a band, an assisted machine) takes weight off the body, never all of it.

    Without a stored bodyweight the heaviest bodyweight Backbone accepts is the ceiling.
    """
    ceiling_kg = MAX_BODYWEIGHT_KG if bodyweight_kg is None else bodyweight_kg
    if assistance_kg >= ceiling_kg:
        whose = (
            f"the heaviest bodyweight Backbone accepts ({ceiling_kg:g} kg)"
            if bodyweight_kg is None
            else f"your bodyweight ({ceiling_kg:g} kg)"
        )
        raise InputError(
            f"{_label(field)}: assistance of {assistance_kg:g} kg is not less than {whose}; "
            "check the number and the units.",
            {"field": field, "value": assistance_kg, "bodyweight_kg": bodyweight_kg},
        )
    return assistance_kg


def check_set_count(count: int, field: str = "sets") -> int:
    if count > MAX_SETS_PER_ENTRY:
        raise InputError(
            f"{_label(field)}: {count} sets in one entry is more than the "
            f"{MAX_SETS_PER_ENTRY} Backbone accepts; log them in separate entries if they are real.",
            {"field": field, "count": count, "max": MAX_SETS_PER_ENTRY},
        )
    return count


# --- text -------------------------------------------------------------------------------------


def check_note(text: str, field: str = "note") -> str:
    """A free-text note: real Unicode text, at most `MAX_NOTE_CHARS`, control characters removed.

    Bytes that are not UTF-8 reach Python as lone surrogates (`surrogateescape`); storing them
    would make the row unreadable as text later, so they are refused here with a clear message.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(
            f"{_label(field)} contains bytes that are not valid UTF-8 text; "
            "retype it or check your terminal's encoding.",
            {"field": field},
        ) from None
    cleaned = strip_controls(text, keep_newlines=True).strip()
    if len(cleaned) > MAX_NOTE_CHARS:
        raise InputError(
            f"{_label(field)} is limited to {MAX_NOTE_CHARS} characters; got {len(cleaned)}.",
            {"field": field, "length": len(cleaned), "max": MAX_NOTE_CHARS},
        )
    return cleaned


_ANSI_SEQUENCE = re.compile(
    r"""
    \x1b \[ [0-?]* [ -/]* [@-~]              # CSI: colours, cursor moves, screen clears
  | \x1b \] .*? (?: \x07 | \x1b\\ )          # OSC: window titles, hyperlinks
  | \x1b [ -/]* [0-~]                        # any other two- or three-byte escape
  | \x9b [0-?]* [ -/]* [@-~]                 # the 8-bit CSI
    """,
    re.VERBOSE | re.DOTALL,
)


def strip_controls(text: str, *, keep_newlines: bool = False) -> str:
    """`text` without terminal escape sequences or other control characters.

    User-supplied text (an exercise name that matched nothing, a note, an imported comment) is
    echoed back; an escape sequence in it could recolour, clear or retitle the terminal. Tabs
    become spaces; newlines are kept only when asked (multi-line notes).
    """
    text = _ANSI_SEQUENCE.sub("", text)
    kept: list[str] = []
    for char in text:
        if char == "\n" and keep_newlines:
            kept.append(char)
        elif char == "\t":
            kept.append(" ")
        elif unicodedata.category(char) in ("Cc", "Cs") or char in "\u2028\u2029":
            continue
        else:
            kept.append(char)
    return "".join(kept)


def _label(field: str) -> str:
    """The field as every interface can show it: `dumbbell_step` -> "dumbbell step"."""
    return field.replace("_", " ")


def _shown(text: str) -> str:
    """Raw text safe to put in a message: controls removed, long input cut."""
    clean = strip_controls(text)
    return clean if len(clean) <= 40 else f"{clean[:37]}..."


def _json_number(value: float) -> float | str:
    """NaN and infinity are not JSON numbers; error details carry them as text."""
    return value if math.isfinite(value) else str(value)

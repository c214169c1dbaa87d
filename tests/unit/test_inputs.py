"""The one input layer: every interface validates raw values through these rules."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backbone.domain.errors import InputError
from backbone.domain.inputs import (
    MAX_DATE,
    MAX_NOTE_CHARS,
    MAX_SETS_PER_ENTRY,
    MIN_DATE,
    check_assistance_kg,
    check_date,
    check_increment,
    check_note,
    check_number,
    check_set_count,
    parse_date,
    parse_int,
    parse_number,
    parse_numbers,
    strip_controls,
)


def test_dates_read_iso_text() -> None:
    assert parse_date("2026-03-14", "date") == date(2026, 3, 14)
    assert parse_date(" 2026-3-4 ", "date") == date(2026, 3, 4)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-02-30", "date 2026-02-30: February 2026 has 28 days"),
        ("2024-02-30", "February 2024 has 29 days"),
        ("2026-04-31", "April 2026 has 30 days"),
        ("2026-13-01", "the month must be 01-12"),
        ("0001-01-01", "outside the dates Backbone works with"),
        ("9999-12-31", "outside the dates Backbone works with"),
        ("1899-12-31", "outside"),
        ("2201-01-01", "outside"),
        ("14/03/2026", "is not a date: write YYYY-MM-DD"),
        ("\uff12\uff10\uff12\uff16-03-14", "is not a date"),  # fullwidth digits
        ("\u0662\u0660\u0662\u0666-03-14", "is not a date"),  # Arabic-Indic digits
        ("", "is not a date"),
    ],
)
def test_bad_dates_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        parse_date(text, "date")
    assert caught.value.details["field"] == "date"


def test_the_supported_range_is_inclusive() -> None:
    assert parse_date("1900-01-01", "start") == MIN_DATE
    assert parse_date("2200-12-31", "start") == MAX_DATE
    with pytest.raises(InputError):
        check_date(date(9999, 12, 31), "date")


@pytest.mark.parametrize(
    "text", ["1_0", "0_3", "\u0661\u0660", "1e1", "+", "", " ", "3.0", "0x10", "9" * 30]
)
def test_integers_are_ascii_digits_only(text: str) -> None:
    with pytest.raises(InputError, match="whole number") as caught:
        parse_int(text, "pain", 0, 10)
    assert caught.value.details["field"] == "pain"


def test_integers_in_range() -> None:
    assert parse_int(" 7 ", "pain", 0, 10) == 7
    assert parse_int("-2", "x", -5, 5) == -2
    with pytest.raises(InputError, match="between 0 and 10; got 11"):
        parse_int("11", "pain", 0, 10)


@pytest.mark.parametrize(
    "text", ["nan", "inf", "-inf", "1e-9", "1_0", "\u0663", "2.5.1", "0x1", "--1"]
)
def test_decimals_refuse_what_a_person_does_not_type(text: str) -> None:
    with pytest.raises(InputError, match="digits 0-9"):
        parse_number(text, "sleep", 0, 24)


def test_decimals_accept_points_and_commas() -> None:
    assert parse_number("7.5", "sleep", 0, 24) == 7.5
    assert parse_number("7,5", "sleep", 0, 24) == 7.5
    assert parse_number(".5", "sleep", 0, 24) == 0.5
    with pytest.raises(InputError, match="between 0 and 24"):
        parse_number("25", "sleep", 0, 24)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, -1.0, 25.0])
def test_parsed_numbers_must_be_finite_and_in_range(value: float) -> None:
    with pytest.raises(InputError) as caught:
        check_number(value, "sleep", 0, 24)
    assert caught.value.details["field"] == "sleep"
    assert not isinstance(caught.value.details["value"], float) or math.isfinite(
        caught.value.details["value"]
    )


def test_number_lists() -> None:
    assert parse_numbers("20,10, 5 2.5", "plates", 0, 50) == (20.0, 10.0, 5.0, 2.5)
    with pytest.raises(InputError, match="at least one number"):
        parse_numbers(" , ", "plates", 0, 50)
    with pytest.raises(InputError, match="digits 0-9"):
        parse_numbers("20,nan", "plates", 0, 50)


@pytest.mark.parametrize(("value", "in_lb"), [(0.005, False), (1e-9, False), (0.25, True)])
def test_increments_below_the_smallest_real_step_are_refused(value: float, in_lb: bool) -> None:
    with pytest.raises(InputError, match="smallest real step") as caught:
        check_increment(value, "dumbbell_step", in_lb, 10)
    assert caught.value.details["field"] == "dumbbell_step"


def test_increments_at_the_smallest_step_are_fine() -> None:
    assert check_increment(0.25, "plates", False, 50) == 0.25
    assert check_increment(0.5, "plates", True, 50) == 0.5
    with pytest.raises(InputError):
        check_increment(math.nan, "plates", False, 50)


def test_assistance_never_reaches_bodyweight() -> None:
    assert check_assistance_kg(20, 80, "sets") == 20
    with pytest.raises(InputError, match="not less than your bodyweight"):
        check_assistance_kg(1000, 80, "sets")
    with pytest.raises(InputError, match="not less than your bodyweight"):
        check_assistance_kg(80, 80, "sets")
    with pytest.raises(InputError, match="heaviest bodyweight"):
        check_assistance_kg(1000, None, "sets")


def test_set_count_is_capped() -> None:
    assert check_set_count(MAX_SETS_PER_ENTRY) == MAX_SETS_PER_ENTRY
    with pytest.raises(InputError, match="more than the"):
        check_set_count(MAX_SETS_PER_ENTRY + 1)


def test_notes_must_be_text_and_short() -> None:
    assert check_note("  felt strong\n") == "felt strong"
    assert check_note("a\x1b[31mred\x1b[0m note") == "ared note"
    with pytest.raises(InputError, match="not valid UTF-8"):
        check_note("caf\udce9")  # what Python makes of the Latin-1 byte 0xE9 in argv
    with pytest.raises(InputError, match=f"limited to {MAX_NOTE_CHARS}"):
        check_note("x" * (MAX_NOTE_CHARS + 1))


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[2J\x1b[Hrow", "row"),
        ("\x1b]0;pwned\x07name", "name"),
        ("a\x00b\x07c\x9b31md", "abcd"),
        ("tab\there", "tab here"),
        ("two\nlines", "twolines"),
        ("Zürich · 60×8", "Zürich · 60×8"),
    ],
)
def test_strip_controls(text: str, shown: str) -> None:
    assert strip_controls(text) == shown


@given(st.text())
def test_stripped_text_has_no_controls_left(text: str) -> None:
    cleaned = strip_controls(text)
    assert "\x1b" not in cleaned
    assert all(ord(c) >= 0x20 and not 0x7F <= ord(c) <= 0x9F for c in cleaned)


@given(st.text(max_size=30))
def test_parse_int_either_returns_in_range_or_raises_input_error(text: str) -> None:
    try:
        value = parse_int(text, "days", 1, 7)
    except InputError:
        return
    assert 1 <= value <= 7
    assert text.strip().lstrip("+-").isascii()

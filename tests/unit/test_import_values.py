"""Values as apps write them: locale times, durations, units; and the lb/kg rounding rule."""

from __future__ import annotations

from datetime import datetime

import pytest

from backbone.domain.athlete import Units
from backbone.importers.values import (
    logged_load,
    read_duration_s,
    read_locale_datetime,
    read_timestamp,
    rir_from_rpe,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7 Apr 2026, 10:14", datetime(2026, 4, 7, 10, 14)),
        ("Jun 11, 2026, 1:01 PM", datetime(2026, 6, 11, 13, 1)),
        ("Jun 11, 2026, 12:30 AM", datetime(2026, 6, 11, 0, 30)),
        ("11 juin 2026, 13:01", datetime(2026, 6, 11, 13, 1)),
        ("11. Juni 2026, 13:01", datetime(2026, 6, 11, 13, 1)),
        ("3 mar 2026 18:05", datetime(2026, 3, 3, 18, 5)),
        ("11 de junio de 2026, 13:01", datetime(2026, 6, 11, 13, 1)),
        ("2026年6月11日 13:01", datetime(2026, 6, 11, 13, 1)),
        ("11/06/2026 13:01", datetime(2026, 6, 11, 13, 1)),
        ("06/13/2026 13:01", datetime(2026, 6, 13, 13, 1)),
    ],
)
def test_start_times_in_the_phones_locale(text: str, expected: datetime) -> None:
    assert read_locale_datetime(text) == expected


@pytest.mark.parametrize("text", ["someday", "31 Feb 2026, 10:00", "10:14", "7 Apr, 10:14"])
def test_unreadable_times_are_none(text: str) -> None:
    assert read_locale_datetime(text) is None


def test_iso_and_numeric_timestamps() -> None:
    assert read_timestamp("2026-04-07 10:14:00") == datetime(2026, 4, 7, 10, 14)
    assert read_timestamp("07.04.2026 10:14") == datetime(2026, 4, 7, 10, 14)
    aware = read_timestamp("2026-04-15 18:02:11 +0000")
    assert aware is not None
    assert aware.utcoffset() is not None


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1h 38m", 98 * 60),
        ("55m", 55 * 60),
        ("57min", 57 * 60),
        ("1小时13分钟", 73 * 60),
        ("1 Std. 5 Min.", 65 * 60),
        ("2h", 7200),
        ("1:05:00", 3900),
        ("45s", 45),
    ],
)
def test_durations(text: str, seconds: int) -> None:
    assert read_duration_s(text) == seconds


@pytest.mark.parametrize("text", ["forever", "1h later", "3 fortnights"])
def test_unreadable_durations_are_none(text: str) -> None:
    assert read_duration_s(text) is None


def test_a_pound_lifters_load_written_in_kilograms_becomes_the_pounds_it_was() -> None:
    shown, kg = logged_load(20.41168092460379, Units.KG, Units.LB)
    assert shown == 45.0
    assert kg == pytest.approx(20.4116567, abs=1e-6)
    assert logged_load(102.05840462301896, Units.KG, Units.LB)[0] == 225.0


def test_loads_round_to_hundredths_in_their_own_unit() -> None:
    assert logged_load(62.5, Units.KG, Units.KG) == (62.5, 62.5)
    assert logged_load(20.41168092460379, Units.KG, Units.KG) == (20.41, 20.41)
    assert logged_load(135.0, Units.LB, Units.LB)[0] == 135.0


@pytest.mark.parametrize(("rpe", "rir"), [(None, None), (10, 0), (8, 2), (8.5, 1), (6.5, 3)])
def test_rpe_becomes_rir_rounded_down(rpe: float | None, rir: int | None) -> None:
    assert rir_from_rpe(rpe) == rir

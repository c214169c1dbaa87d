"""Loads, doses and records in words: the athlete's units, rounded to what they can load."""

from __future__ import annotations

from datetime import date

import pytest

from backbone.domain.athlete import Units
from backbone.domain.history import LoggedSet, RangeDone, SetType
from backbone.domain.loads import lb_to_kg
from backbone.domain.progression import SetTarget
from backbone.presentation import dates, doses, records
from backbone.presentation.loads import bodyweight_load, load

DAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("kg", "units", "shown"),
    [
        (62.5, Units.KG, "62.5 kg"),
        (60.0, Units.KG, "60 kg"),
        (22.6796, Units.KG, "22.7 kg"),  # never float noise like 22.6796
        (lb_to_kg(45), Units.LB, "45 lb"),  # a 45 lb load stored as 20.41... kg reads back as 45
        (lb_to_kg(137.5), Units.LB, "137.5 lb"),
        (20.412, Units.LB, "45 lb"),  # what 0.1.0 stored for 45 lb
        (0.25, Units.KG, "0.25 kg"),
    ],
)
def test_loads_read_in_the_athletes_units(kg: float, units: Units, shown: str) -> None:
    assert load(kg, units) == shown


def test_bodyweight_loads_say_added_or_assisted() -> None:
    assert bodyweight_load(None, Units.KG) == "bodyweight"
    assert bodyweight_load(0.0, Units.LB) == "bodyweight"
    assert bodyweight_load(10.0, Units.KG) == "bodyweight +10 kg"
    assert bodyweight_load(lb_to_kg(-20), Units.LB) == "bodyweight -20 lb"


def test_targets_are_phrased_with_load_amount_and_effort() -> None:
    loaded = SetTarget(lb_to_kg(135), None, (8, 12), None, 2)
    assert doses.target(loaded, Units.LB) == "135 lb × 8-12 reps @ RIR 2"
    held = SetTarget(None, 0.0, None, (20, 30), None)
    assert doses.target(held, Units.KG) == "bodyweight × 20-30 s"
    assert doses.amount((10, 10), None) == "10 reps"


def test_a_logged_set_shows_what_was_done() -> None:
    one = LoggedSet("barbell_row", DAY, 1, SetType.WARMUP, 40.0, None, 8, None, None)
    assert doses.logged(one, Units.KG) == "40 kg × 8 (warmup)"
    partial = LoggedSet(
        "pull_up", DAY, 2, SetType.WORKING, None, -10.0, 6, None, 2, RangeDone.PARTIAL
    )
    assert doses.logged(partial, Units.KG) == "bodyweight -10 kg × 6 @ RIR 2 (partial)"


def test_records_read_in_units_and_say_what_they_beat() -> None:
    text = records.record(
        "rep_max", lb_to_kg(225), 5, lb_to_kg(215), Units.LB, bodyweight_move=False
    )
    assert text == "rep max: 225 lb × 5 (was 215 lb)"
    assert (
        records.record("longest_hold", 45.0, None, None, Units.KG, bodyweight_move=False)
        == "longest hold: 45 s"
    )
    assert (
        records.record("rep_max", 5.0, 8, 0.0, Units.KG, bodyweight_move=True)
        == "rep max: bodyweight +5 kg × 8 (was bodyweight)"
    )


def test_dates_and_times_read_naturally() -> None:
    assert dates.day(DAY) == "Mon 30 Nov 2026"
    assert dates.minutes(28.9) == "~29 min"
    assert [dates.seconds(s) for s in (45, 90, 150, 180)] == ["45 s", "90 s", "2 min 30 s", "3 min"]

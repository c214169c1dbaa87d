"""Hevy exports: kg or lbs, locale start times, half-point RPE, literal \\n notes, newest first."""

from __future__ import annotations

from datetime import datetime

import pytest

from backbone.domain.athlete import Units
from backbone.domain.errors import InputError
from backbone.importers import hevy

from .import_samples import rows, sample


def test_kilogram_file_newest_first_comes_out_oldest_first() -> None:
    batch = hevy.parse(sample("hevy_weight_kg.csv"))
    assert batch.dialect == "hevy/weight-kg"
    assert [w.name for w in batch.workouts] == ["Pull A", "Pull B"]
    assert rows(batch) == [
        ("Deadlift (Barbell)", 1, "working", 140.0, "kg", 5, None, None, 2, ""),
        ("Rowing Machine", 1, "working", None, "kg", None, 600, 2500.0, None, ""),
        (
            "Lat Pulldown (Cable)",
            1,
            "warmup",
            30.0,
            "kg",
            12,
            None,
            None,
            None,
            "Slow eccentric\nSqueeze at the bottom",
        ),
        ("Lat Pulldown (Cable)", 2, "working", 57.5, "kg", 10, None, None, 1, ""),
        ("Face Pull", 1, "working", 20.0, "kg", 15, None, None, None, ""),
        ("Lat Pulldown (Cable)", 3, "drop", 45.0, "kg", 8, None, None, None, ""),
        ("Face Pull", 2, "failure", 20.0, "kg", 13, None, None, 0, ""),
        ("Plank", 1, "working", None, "kg", None, 75, None, None, ""),
    ]
    pull_a, pull_b = batch.workouts
    assert pull_a.started_at == datetime(2026, 4, 7, 10, 14)
    assert (pull_b.duration_min, pull_b.notes) == (68.0, "Short on sleep")


def test_supersets_and_half_point_rpe_are_kept() -> None:
    batch = hevy.parse(sample("hevy_weight_kg.csv"))
    working_pulldown = batch.sets[3]
    assert (working_pulldown.rpe, working_pulldown.rir) == (8.5, 1)
    assert [s.superset for s in batch.workouts[1].sets] == ["0", "0", "0", "0", "0", None]
    assert [(n.field, n.count) for n in batch.lossy] == [("rpe", 1)]


def test_pound_file_with_a_us_start_time() -> None:
    batch = hevy.parse(sample("hevy_weight_lbs.csv"))
    assert batch.dialect == "hevy/weight-lbs"
    assert batch.workouts[0].started_at == datetime(2026, 6, 11, 13, 1)
    assert batch.workouts[0].duration_min == 64.0
    assert rows(batch) == [
        ("Bent Over Row (Dumbbell)", 1, "working", 60.0, "lb", 10, None, None, 3, ""),
        ("Bent Over Row (Dumbbell)", 2, "working", 60.0, "lb", 9, None, None, None, ""),
        ("Walking", 1, "working", None, "lb", None, 1500, pytest.approx(2414.016), None, ""),
    ]


def test_german_month_names() -> None:
    batch = hevy.parse(sample("hevy_german_dates.csv"))
    assert [w.started_at for w in batch.workouts] == [
        datetime(2026, 2, 28, 9, 30),
        datetime(2026, 3, 3, 18, 5),
    ]


def test_a_pound_lifters_kilogram_file_rounds_back_to_pounds() -> None:
    text = sample("hevy_weight_kg.csv").replace(",140,5,", ",61.23496995,5,")
    batch = hevy.parse(text, units=Units.LB)
    deadlift = next(s for s in batch.sets if s.exercise_name == "Deadlift (Barbell)")
    assert (deadlift.load, deadlift.unit) == (135.0, Units.LB)


def test_an_unknown_set_type_names_its_cell() -> None:
    text = sample("hevy_weight_kg.csv").replace(",1,normal,57.5,", ",1,heavy,57.5,")
    with pytest.raises(InputError, match=r"Line 3, column 9 \(set_type\)"):
        hevy.parse(text)


def test_an_unreadable_start_time_names_its_cell() -> None:
    text = sample("hevy_weight_lbs.csv").replace('"Jun 11, 2026, 1:01 PM"', '"someday"', 1)
    with pytest.raises(InputError, match=r"Line 2, column 2 \(start_time\): 'someday'"):
        hevy.parse(text)

"""Fitbod: kilograms always, leading spaces, blank lines, and the old one-row-per-exercise layout."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from backbone.domain.athlete import Units
from backbone.domain.errors import InputError
from backbone.importers import fitbod

from .import_samples import rows, sample, skipped


def test_a_pound_lifters_file_comes_back_in_whole_pounds() -> None:
    batch = fitbod.parse(sample("fitbod.csv"), units=Units.LB)
    assert batch.dialect == "fitbod/row-per-set"
    assert batch.rows_read == 6
    assert skipped(batch) == {"blank_line": (4,)}
    assert rows(batch) == [
        ("Barbell Deadlift", 1, "warmup", 45.0, "lb", 5, None, None, None, ""),
        ("Barbell Deadlift", 2, "working", 225.0, "lb", 5, None, None, None, "Belt on"),
        ("Dumbbell Row", 1, "working", 50.0, "lb", 10, None, None, None, ""),
        ("Running", 1, "working", None, "lb", None, 900, 2400.0, None, ""),
        ("Back Extension", 1, "working", 0.0, "lb", 15, None, None, None, ""),
    ]
    assert batch.workouts[0].started_at == datetime(2026, 4, 15, 18, 2, 11, tzinfo=UTC)
    assert [(n.field, n.count) for n in batch.lossy] == [("Incline/Resistance", 1)]


def test_a_kilogram_lifters_file_rounds_to_hundredths_of_a_kilogram() -> None:
    batch = fitbod.parse(sample("fitbod.csv"))
    assert [s.load for s in batch.sets[:3]] == [20.41, 102.06, 22.68]


def test_old_layout_expands_a_row_of_identical_sets() -> None:
    batch = fitbod.parse(sample("fitbod_old_layout.csv"))
    assert batch.dialect == "fitbod/sets-column"
    assert rows(batch) == [
        ("Barbell Row", 1, "working", 60.0, "kg", 8, None, None, None, ""),
        ("Barbell Row", 2, "working", 60.0, "kg", 8, None, None, None, ""),
        ("Barbell Row", 3, "working", 60.0, "kg", 8, None, None, None, ""),
        ("Barbell Row", 4, "warmup", 40.0, "kg", 10, None, None, None, ""),
    ]
    # a plank logged with neither reps nor time says nothing about what was done
    assert skipped(batch) == {"empty_set": (4,)}
    assert len({s.fingerprint for s in batch.sets}) == 4


def test_a_warmup_flag_that_is_not_true_or_false_names_its_cell() -> None:
    text = sample("fitbod.csv").replace("0,false,Belt on", "0,maybe,Belt on")
    with pytest.raises(InputError, match=r"Line 3, column 9 \(isWarmup\)"):
        fitbod.parse(text)

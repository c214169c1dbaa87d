"""FitNotes: Android files with the unit in the header or per row, unquoted commas, and iOS."""

from __future__ import annotations

from datetime import datetime

import pytest

from backbone.domain.errors import InputError
from backbone.importers import fitnotes

from .import_samples import rows, sample


def test_old_android_file_with_pounds_in_the_header_and_unquoted_commas() -> None:
    batch = fitnotes.parse(sample("fitnotes_android_lbs_header.csv"))
    assert batch.dialect == "fitnotes/android-unit-in-header"
    assert rows(batch) == [
        ("Deadlift", 1, "working", 225.0, "lb", 5, None, None, None, ""),
        ("Row, Seated Cable", 1, "working", 120.0, "lb", 10, None, None, None, ""),
        ("Row, Seated Cable", 2, "working", 120.0, "lb", 9, None, None, None, "Last one slow"),
        ("Plank", 1, "working", None, "lb", None, 90, None, None, ""),
        ("Treadmill", 1, "working", None, "lb", None, 1500, pytest.approx(4988.966), None, ""),
    ]
    # FitNotes has days, not workouts with start times
    assert [(w.performed_on.isoformat(), w.started_at) for w in batch.workouts] == [
        ("2021-03-04", None),
        ("2021-03-06", None),
    ]
    notes = {n.field: n.count for n in batch.lossy}
    assert notes == {"Exercise": 2, "Category": 5}


def test_newer_android_file_with_a_unit_per_row() -> None:
    batch = fitnotes.parse(sample("fitnotes_android_unit_per_row.csv"))
    assert batch.dialect == "fitnotes/android-unit-per-row"
    assert rows(batch) == [
        ("Lat Pulldown", 1, "working", 60.0, "kg", 10, None, None, None, ""),
        ("Dumbbell Shrug", 1, "working", 70.0, "lb", 12, None, None, None, "Grip, then hold"),
        ("Rowing Machine", 1, "working", None, "kg", None, 490, 2000.0, None, ""),
    ]


def test_ios_file_with_decimal_commas_and_times() -> None:
    batch = fitnotes.parse(sample("fitnotes_ios.csv"))
    assert batch.dialect == "fitnotes/ios"
    assert batch.workouts[0].started_at == datetime(2025, 2, 20, 18, 20)
    assert rows(batch) == [
        ("Romanian Deadlift", 1, "working", 62.5, "kg", 10, None, None, None, ""),
        (
            "Romanian Deadlift",
            2,
            "working",
            62.5,
            "kg",
            10,
            None,
            None,
            None,
            "Hips back, not down",
        ),
        ("Side Plank", 1, "working", None, "kg", None, 45, None, None, ""),
    ]


def test_a_bad_time_names_its_cell() -> None:
    text = sample("fitnotes_android_lbs_header.csv").replace("0:01:30", "ninety")
    with pytest.raises(InputError, match=r"Line 5, column 8 \(Time\)"):
        fitnotes.parse(text)

"""Strong exports in each layout the app has written, read to exactly the sets the lifter did."""

from __future__ import annotations

from datetime import datetime

import pytest

from backbone.domain.athlete import Units
from backbone.domain.errors import InputError
from backbone.importers import strong
from backbone.importers.batch import SourceApp

from .import_samples import rows, sample, skipped


def test_comma_file_without_units_reads_every_set_and_skips_the_rest_timer() -> None:
    batch = strong.parse(sample("strong_comma_no_unit.csv"))
    assert batch.source is SourceApp.STRONG
    assert batch.dialect == "strong/no-unit (comma, en)"
    assert batch.rows_read == 10
    assert skipped(batch) == {"rest_timer": (4,)}
    assert rows(batch) == [
        ("Deadlift (Barbell)", 1, "warmup", 60.0, "kg", 5, None, None, None, ""),
        ("Deadlift (Barbell)", 2, "working", 140.0, "kg", 5, None, None, 2, ""),
        (
            "Deadlift (Barbell)",
            3,
            "working",
            140.0,
            "kg",
            5,
            None,
            None,
            1,
            "Grip slipped, used straps",
        ),
        ("Lat Pulldown (Cable)", 1, "working", 55.0, "kg", 10, None, None, None, ""),
        ("Lat Pulldown (Cable)", 2, "working", 55.0, "kg", 9, None, None, None, ""),
        ("Plank", 1, "working", None, "kg", None, 60, None, None, ""),
        ("Running", 1, "working", None, "kg", None, 1680, 5200.0, None, ""),
        ("Pull Up", 1, "working", 0.0, "kg", 8, None, None, None, ""),
        ("Pull Up", 2, "drop", 0.0, "kg", 5, None, None, None, ""),
    ]
    pull_day, conditioning = batch.workouts
    assert (pull_day.name, pull_day.duration_min, pull_day.notes) == (
        "Pull Day",
        65.0,
        "Felt strong",
    )
    assert pull_day.started_at == datetime(2026, 3, 2, 18, 4, 11)
    assert conditioning.duration_min == 38.0


def test_a_file_without_units_says_it_assumed_kilograms() -> None:
    batch = strong.parse(sample("strong_comma_no_unit.csv"))
    notes = {(n.field, n.note) for n in batch.lossy}
    assert ("Weight", "no unit in the file: read as kg (pass --units lb for pounds)") in notes
    assert ("Distance", "no distance unit in the file: read as km") in notes


def test_a_pound_lifter_without_units_in_the_file_gets_pounds() -> None:
    batch = strong.parse(sample("strong_comma_no_unit.csv"), units=Units.LB)
    deadlift = batch.sets[1]
    assert (deadlift.load, deadlift.unit) == (140.0, Units.LB)
    assert deadlift.load_kg == pytest.approx(63.503, abs=1e-3)
    running = batch.sets[6]
    assert running.distance_m == pytest.approx(5.2 * 1609.344)
    assert not [n for n in batch.lossy if n.field == "Weight"]


def test_semicolon_file_with_a_unit_per_row_and_named_set_types() -> None:
    batch = strong.parse(sample("strong_semicolon_unit.csv"))
    assert batch.dialect == "strong/unit-per-row (semicolon, en)"
    assert rows(batch) == [
        ("Bent Over Row (Barbell)", 1, "warmup", 95.0, "lb", 8, None, None, None, ""),
        ("Bent Over Row (Barbell)", 2, "working", 135.0, "lb", 8, None, None, 2, ""),
        ("Bent Over Row (Barbell)", 3, "working", 135.0, "lb", 7, None, None, 1, ""),
        ("Bent Over Row (Barbell)", 4, "failure", 135.0, "lb", 5, None, None, 0, ""),
        ("Farmer's Walk", 1, "working", 70.0, "lb", None, 45, 36.576, None, "Per hand"),
        ("Cycling (Indoor)", 1, "working", None, "kg", None, 600, 4023.36, None, ""),
    ]
    assert batch.sets[1].load_kg == pytest.approx(61.235, abs=1e-3)
    assert batch.lossy == ()


def test_fully_quoted_numbered_file_with_a_note_spanning_two_lines() -> None:
    batch = strong.parse(sample("strong_quoted_numbered.csv"))
    assert batch.dialect == "strong/numbered (semicolon, en)"
    assert skipped(batch) == {"rest_timer": (5,)}
    assert rows(batch) == [
        ("Romanian Deadlift (Barbell)", 1, "working", 100.0, "kg", 8, None, None, None, ""),
        (
            "Romanian Deadlift (Barbell)",
            2,
            "working",
            100.0,
            "kg",
            8,
            None,
            None,
            None,
            'Said "slow" on the way down\nand kept it',
        ),
        ("Face Pull (Cable)", 1, "working", 22.5, "kg", 15, None, None, None, ""),
        ("Chin Up", 1, "working", 10.0, "kg", 6, None, None, 1, ""),
    ]
    # the set after the two-line note starts on line 6 of the file
    assert [s.line for s in batch.sets] == [2, 3, 6, 7]
    first, second = batch.workouts
    assert (first.duration_min, first.notes) == (58.0, "Hip ok")
    assert second.duration_min == 45.0


def test_old_kilogram_column_from_a_pound_lifter_rounds_back_to_pounds() -> None:
    batch = strong.parse(sample("strong_old_unit_in_header.csv"), units=Units.LB)
    assert batch.dialect == "strong/unit-in-header (comma, en)"
    assert rows(batch) == [
        ("Deadlift (Barbell)", 1, "working", 45.0, "lb", 5, None, None, None, ""),
        ("Deadlift (Barbell)", 2, "working", 225.0, "lb", 5, None, None, None, ""),
        ("Rowing (Machine)", 1, "working", None, "lb", None, 480, pytest.approx(2011.68), None, ""),
    ]


def test_old_kilogram_column_sets_numbered_from_zero_count_from_one() -> None:
    batch = strong.parse(sample("strong_old_unit_in_header.csv"))
    assert [(s.position, s.load, s.unit.value) for s in batch.sets[:2]] == [
        (1, 20.41, "kg"),
        (2, 102.06, "kg"),
    ]


def test_recent_file_without_notes_columns() -> None:
    batch = strong.parse(sample("strong_no_notes.csv"))
    assert batch.dialect == "strong/no-unit (comma, en, no notes columns)"
    assert rows(batch) == [
        ("Seated Cable Row", 1, "working", 60.0, "kg", 12, None, None, 3, ""),
        ("Seated Cable Row", 2, "working", 60.0, "kg", 12, None, None, 2, ""),
        ("Back Extension", 1, "working", 10.0, "kg", 15, None, None, None, ""),
    ]


def test_german_headers_duration_rest_timer_and_decimal_comma() -> None:
    batch = strong.parse(sample("strong_german.csv"))
    assert batch.dialect == "strong/unit-per-row (semicolon, de)"
    assert skipped(batch) == {"rest_timer": (3,)}
    assert rows(batch) == [
        ("Kreuzheben (Langhantel)", 1, "warmup", 60.0, "kg", 5, None, None, None, ""),
        ("Kreuzheben (Langhantel)", 2, "working", 120.0, "kg", 5, None, None, 2, ""),
        (
            "Rudern vorgebeugt (Kurzhantel)",
            1,
            "working",
            27.5,
            "kg",
            10,
            None,
            None,
            None,
            "Einarmig",
        ),
    ]
    assert batch.workouts[0].duration_min == 98.0


def test_french_headers_and_minute_duration() -> None:
    batch = strong.parse(sample("strong_french.csv"))
    assert batch.dialect == "strong/no-unit (comma, fr)"
    assert skipped(batch) == {"rest_timer": (3,)}
    assert [(s.load, s.reps) for s in batch.sets] == [(47.5, 12), (47.5, 10)]
    assert batch.workouts[0].duration_min == 57.0


def test_chinese_headers_and_duration() -> None:
    batch = strong.parse(sample("strong_chinese.csv"))
    assert batch.dialect == "strong/no-unit (comma, zh)"
    assert skipped(batch) == {"rest_timer": (3,)}
    assert rows(batch) == [
        ("硬拉（杠铃）", 1, "working", 100.0, "kg", 5, None, None, None, ""),
        ("平板支撑", 1, "working", None, "kg", None, 45, None, None, ""),
    ]
    assert batch.workouts[0].duration_min == 73.0


HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
GOOD = "2026-03-02 18:04:11,Pull,1h,Deadlift (Barbell),1,140,5,0,0,,,\n"


@pytest.mark.parametrize(
    ("bad_row", "line", "column", "field", "why"),
    [
        (
            "2026-03-02 18:04:11,Pull,1h,Deadlift (Barbell),1,heavy,5,0,0,,,\n",
            3,
            6,
            "Weight",
            "not a number",
        ),
        (
            "2026-03-02 18:04:11,Pull,1h,Deadlift (Barbell),1,140,5.5,0,0,,,\n",
            3,
            7,
            "Reps",
            "not a whole number",
        ),
        ("yesterday,Pull,1h,Deadlift (Barbell),1,140,5,0,0,,,\n", 3, 1, "Date", "not a date"),
        (
            "2026-03-02 18:04:11,Pull,1h,Deadlift (Barbell),X,140,5,0,0,,,\n",
            3,
            5,
            "Set Order",
            "not a set number",
        ),
        (
            "2026-03-02 18:04:11,Pull,1h,Deadlift (Barbell),1,140,5,0,0,,,12\n",
            3,
            12,
            "RPE",
            "outside 1-10",
        ),
        (
            "2026-03-03 18:00:00,Pull,forever,Deadlift (Barbell),1,140,5,0,0,,,\n",
            3,
            3,
            "Duration",
            "not a duration",
        ),
    ],
)
def test_a_malformed_row_names_its_line_and_column_and_nothing_is_imported(
    bad_row: str, line: int, column: int, field: str, why: str
) -> None:
    with pytest.raises(InputError, match=why) as caught:
        strong.parse(HEADER + GOOD + bad_row + GOOD)
    assert f"Line {line}, column {column} ({field})" in caught.value.message
    assert caught.value.details["line"] == line
    assert caught.value.details["column"] == column


def test_an_unknown_weight_unit_is_refused_at_its_cell() -> None:
    text = sample("strong_semicolon_unit.csv").replace(";135;lbs;7;", ";135;stone;7;")
    with pytest.raises(InputError, match=r"Line 4, column 7 \(Weight Unit\): 'stone'"):
        strong.parse(text)


def test_a_set_with_nothing_done_is_skipped_as_empty() -> None:
    batch = strong.parse(
        HEADER + GOOD + "2026-03-02 18:04:11,Pull,1h,Deadlift (Barbell),2,140,0,0,0,,,\n"
    )
    assert len(batch.sets) == 1
    assert skipped(batch) == {"empty_set": (3,)}

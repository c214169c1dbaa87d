"""Re-importing: the same set gets the same fingerprint in a later, overlapping export."""

from __future__ import annotations

from dataclasses import replace

from backbone.domain.athlete import Units
from backbone.importers import fitbod, hevy, strong

from .import_samples import sample

HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
MONDAY = (
    "2026-03-02 18:00:00,Pull,1h,Deadlift (Barbell),1,140,5,0,0,,,8\n"
    "2026-03-02 18:00:00,Pull,1h,Deadlift (Barbell),2,140,5,0,0,,,8\n"
    "2026-03-02 18:00:00,Pull,1h,Face Pull (Cable),1,20,15,0,0,,,\n"
)
THURSDAY = (
    "2026-03-05 18:00:00,Pull,50m,Deadlift (Barbell),1,145,5,0,0,,,\n"
    "2026-03-05 18:00:00,Pull,50m,Deadlift (Barbell),Rest Timer,0,0,0,120,,,\n"
    "2026-03-05 18:00:00,Pull,50m,Deadlift (Barbell),2,145,4,0,0,,,\n"
)


def test_a_newer_overlapping_export_adds_only_the_new_sets() -> None:
    first = strong.parse(HEADER + MONDAY)
    # the later export has an edited note and RPE on Monday, and a whole new Thursday
    edited_monday = MONDAY.replace(",0,0,,,8\n", ",0,0,Felt easy,,7\n", 1)
    later = strong.parse(HEADER + edited_monday + THURSDAY)
    known = {s.fingerprint for s in first.sets}
    new = [s for s in later.sets if s.fingerprint not in known]
    assert [(s.performed_on.day, s.load, s.reps) for s in new] == [(5, 145.0, 5), (5, 145.0, 4)]


def test_the_same_file_twice_has_the_same_fingerprints_and_entry_keys() -> None:
    once = hevy.parse(sample("hevy_weight_kg.csv"))
    twice = hevy.parse(sample("hevy_weight_kg.csv"))
    assert [s.fingerprint for s in once.sets] == [s.fingerprint for s in twice.sets]
    assert len({s.fingerprint for s in once.sets}) == len(once.sets)
    keys = [e.idempotency_key for w in once.workouts for e in w.entries()]
    assert keys == [e.idempotency_key for w in twice.workouts for e in w.entries()]
    assert [e.exercise_name for e in once.workouts[1].entries()] == [
        "Lat Pulldown (Cable)",
        "Face Pull",
        "Plank",
    ]


def test_a_kilogram_float_and_the_pound_value_it_came_from_are_the_same_set() -> None:
    as_kg_float = fitbod.parse(sample("fitbod.csv"), units=Units.LB).sets[0]
    as_pounds = replace(as_kg_float, load=45.0, load_kg=45.0 * 0.45359237)
    assert as_kg_float.fingerprint == as_pounds.fingerprint


def test_what_the_fingerprint_ignores_and_what_it_does_not() -> None:
    one = strong.parse(HEADER + MONDAY).sets[0]
    assert replace(one, notes="edited", rpe=9.0, rir=1, line=99).fingerprint == one.fingerprint
    assert replace(one, load=142.5).fingerprint != one.fingerprint
    assert replace(one, reps=6).fingerprint != one.fingerprint
    assert replace(one, position=2).fingerprint != one.fingerprint
    assert replace(one, exercise_name="Sumo Deadlift").fingerprint != one.fingerprint
    assert replace(one, exercise_name="deadlift (barbell) ").fingerprint == one.fingerprint


def test_fingerprints_in_bulk_equal_one_by_one_even_for_equal_instants_in_other_zones() -> None:
    from dataclasses import replace
    from datetime import UTC, datetime, timedelta, timezone

    from backbone.importers.batch import set_fingerprints
    from backbone.importers.detect import parse_export

    batch = parse_export(sample("hevy_weight_lbs.csv"))
    sets = list(batch.iter_sets())
    one = sets[0]
    utc = replace(one, started_at=datetime(2026, 3, 29, 1, 30, tzinfo=UTC))
    cet = replace(one, started_at=datetime(2026, 3, 29, 2, 30, tzinfo=timezone(timedelta(hours=1))))
    together = [*sets, utc, cet]
    assert set_fingerprints(together) == tuple(s.fingerprint for s in together)
    assert utc.fingerprint != cet.fingerprint  # the same instant, written differently

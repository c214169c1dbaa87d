"""The PR check's candidates stay right however the log changes: logged, edited, deleted, undone,
imported and un-imported, moved to another exercise. SQL storage keeps them in a table of its own
(`exercise_records`); here they must always give the same bests as the sets themselves, on the
fake, SQLite and PostgreSQL alike."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, timedelta

from backbone.domain.history import LogEntry, LoggedSet, RangeDone, SetType
from tests.integration.conftest import UowFactory
from tests.integration.test_import_repository_contract import a_record
from tests.integration.test_repository_contract import AT, DAY, a_set, stored_athlete

LATER = DAY + timedelta(days=365)
Group = tuple[SetType, RangeDone, int | None, int | None]


def bests(sets: Sequence[LoggedSet]) -> dict[Group, tuple[float, float, int, date]]:
    """Per record group: the heaviest load, the most added weight (plain bodyweight as 0, which
    beats assistance), the longest hold, the first day: what the PR check compares against."""
    found: dict[Group, tuple[float, float, int, date]] = {}
    for s in sets:
        key = (s.set_type, s.range_done, s.reps, s.rir)
        load, added, hold, first = found.get(key, (-1.0, -1000.0, -1, s.performed_on))
        found[key] = (
            max(load, s.load_kg if s.load_kg is not None else -1.0),
            max(added, s.added_kg if s.added_kg is not None else 0.0),
            max(hold, s.seconds if s.seconds is not None else -1),
            min(first, s.performed_on),
        )
    return found


def assert_records_right(new_uow: UowFactory, athlete_id: int, exercise: str) -> None:
    with new_uow() as uow:
        for until in (DAY, DAY + timedelta(days=1), LATER):
            every_set = uow.sets.sets_for(athlete_id, [exercise], until=until)
            candidates = uow.sets.record_candidates(athlete_id, exercise, until)
            assert bests(candidates) == bests(every_set), until


def logged(new_uow: UowFactory, entry: LogEntry) -> LogEntry:
    with new_uow() as uow:
        stored = uow.sets.add_entry(entry)
        uow.commit()
    return stored


def entry_of(athlete_id: int, on: date, *sets: LoggedSet, minutes: int = 0) -> LogEntry:
    day_sets = tuple(dataclasses.replace(s, performed_on=on) for s in sets)
    return LogEntry(athlete_id, sets[0].exercise, on, AT + timedelta(minutes=minutes), day_sets)


def test_records_follow_logging_and_editing(uow_factory: UowFactory) -> None:
    ana = stored_athlete(uow_factory)
    logged(
        uow_factory,
        entry_of(
            ana,
            DAY,
            a_set(1, load_kg=30.0, set_type=SetType.WARMUP, rir=None),
            a_set(2, load_kg=60.0),
            a_set(3, load_kg=62.5, reps=6),
        ),
    )
    second = logged(
        uow_factory,
        entry_of(ana, DAY + timedelta(days=2), a_set(1, load_kg=70.0), a_set(2), minutes=1),
    )
    assert_records_right(uow_factory, ana, "barbell_row")
    assert second.entry_id is not None
    # the heaviest set edited down: the old best must not linger
    with uow_factory() as uow:
        uow.sets.replace_set(ana, second.entry_id, a_set(1, load_kg=50.0, reps=5))
        uow.commit()
    assert_records_right(uow_factory, ana, "barbell_row")
    with uow_factory() as uow:
        candidates = uow.sets.record_candidates(ana, "barbell_row", LATER)
    assert max(s.load_kg or 0.0 for s in candidates if s.reps == 8) == 60.0


def test_records_follow_delete_and_undo(uow_factory: UowFactory) -> None:
    ana = stored_athlete(uow_factory)
    bo = stored_athlete(uow_factory, "bo")
    logged(uow_factory, entry_of(ana, DAY, a_set(1, load_kg=60.0)))
    heavy = logged(
        uow_factory, entry_of(ana, DAY + timedelta(days=3), a_set(1, load_kg=90.0), minutes=1)
    )
    logged(uow_factory, entry_of(bo, DAY, a_set(1, load_kg=120.0)))
    hold = a_set(1, exercise="side_plank", load_kg=None, reps=None, rir=None, seconds=40)
    logged(uow_factory, entry_of(ana, DAY + timedelta(days=4), hold, minutes=2))
    assert heavy.entry_id is not None
    with uow_factory() as uow:
        uow.sets.delete_entry(ana, heavy.entry_id)
        # undo: the last entry logged goes
        last = uow.sets.last_entry(ana)
        assert last is not None
        assert last.entry_id is not None
        uow.sets.delete_entry(ana, last.entry_id)
        uow.commit()
    assert_records_right(uow_factory, ana, "barbell_row")
    assert_records_right(uow_factory, ana, "side_plank")
    assert_records_right(uow_factory, bo, "barbell_row")
    with uow_factory() as uow:
        assert uow.sets.record_candidates(ana, "side_plank", LATER) == []
        ana_best = max(
            s.load_kg or 0.0 for s in uow.sets.record_candidates(ana, "barbell_row", LATER)
        )
        bo_best = max(
            s.load_kg or 0.0 for s in uow.sets.record_candidates(bo, "barbell_row", LATER)
        )
    assert (ana_best, bo_best) == (60.0, 120.0)


def test_records_follow_bodyweight_and_assistance(uow_factory: UowFactory) -> None:
    ana = stored_athlete(uow_factory)
    pull_up = {"exercise": "pull_up", "load_kg": None, "reps": 6}
    logged(uow_factory, entry_of(ana, DAY, a_set(1, added_kg=-20.0, **pull_up)))
    logged(
        uow_factory,
        entry_of(ana, DAY + timedelta(days=2), a_set(1, added_kg=-10.0, **pull_up), minutes=1),
    )
    assert_records_right(uow_factory, ana, "pull_up")
    plain = logged(
        uow_factory,
        entry_of(ana, DAY + timedelta(days=4), a_set(1, added_kg=None, **pull_up), minutes=2),
    )
    assert_records_right(uow_factory, ana, "pull_up")
    assert plain.entry_id is not None
    with uow_factory() as uow:
        uow.sets.delete_entry(ana, plain.entry_id)
        uow.commit()
    assert_records_right(uow_factory, ana, "pull_up")


def test_records_follow_imports_undone_and_moves(uow_factory: UowFactory) -> None:
    ana = stored_athlete(uow_factory)
    logged(uow_factory, entry_of(ana, DAY + timedelta(days=1), a_set(1, load_kg=60.0)))
    with uow_factory() as uow:
        batch = uow.imports.add(a_record(ana))
        assert batch.batch_id is not None
        imported = [
            dataclasses.replace(
                entry_of(ana, DAY - timedelta(days=day), a_set(1, load_kg=load), minutes=day),
                source="import:strong",
                idempotency_key=f"strong-{day}",
                import_batch_id=batch.batch_id,
            )
            for day, load in ((3, 100.0), (2, 55.0))
        ]
        uow.sets.add_entries(ana, imported)
        uow.commit()
    assert_records_right(uow_factory, ana, "barbell_row")
    with uow_factory() as uow:
        uow.imports.delete(ana, batch.batch_id)
        uow.commit()
    assert_records_right(uow_factory, ana, "barbell_row")
    with uow_factory() as uow:
        assert (
            max(s.load_kg or 0.0 for s in uow.sets.record_candidates(ana, "barbell_row", LATER))
            == 60.0
        )
        uow.sets.repoint(ana, "barbell_row", "pendlay_row")
        uow.commit()
    assert_records_right(uow_factory, ana, "barbell_row")
    assert_records_right(uow_factory, ana, "pendlay_row")
    with uow_factory() as uow:
        assert uow.sets.record_candidates(ana, "barbell_row", LATER) == []


def test_a_backdated_day_counts_only_the_sets_up_to_it(uow_factory: UowFactory) -> None:
    ana = stored_athlete(uow_factory)
    logged(uow_factory, entry_of(ana, DAY - timedelta(days=7), a_set(1, load_kg=60.0)))
    logged(uow_factory, entry_of(ana, DAY + timedelta(days=7), a_set(1, load_kg=80.0), minutes=1))
    with uow_factory() as uow:
        before = uow.sets.record_candidates(ana, "barbell_row", DAY)
    assert max(s.load_kg or 0.0 for s in before) == 60.0


def test_exposure_days_are_the_exercises_days_newest_first(uow_factory: UowFactory) -> None:
    ana = stored_athlete(uow_factory)
    bo = stored_athlete(uow_factory, "bo")
    for offset in (0, 2, 2, 5, 9):
        logged(
            uow_factory,
            entry_of(ana, DAY + timedelta(days=offset), a_set(1), minutes=offset),
        )
    logged(uow_factory, entry_of(ana, DAY + timedelta(days=3), a_set(1, exercise="shrug")))
    logged(uow_factory, entry_of(bo, DAY + timedelta(days=4), a_set(1)))
    with uow_factory() as uow:
        days = uow.sets.exposure_days(
            ana, "barbell_row", DAY + timedelta(days=1), DAY + timedelta(days=5)
        )
    assert days == [DAY + timedelta(days=5), DAY + timedelta(days=2)]


def test_the_last_session_is_the_last_day_with_sets(uow_factory: UowFactory) -> None:
    ana = stored_athlete(uow_factory)
    bo = stored_athlete(uow_factory, "bo")
    sore = a_set(2, pain=6)
    logged(uow_factory, entry_of(ana, DAY, a_set(1, pain=3), a_set(2)))
    logged(uow_factory, entry_of(ana, DAY + timedelta(days=2), a_set(1), sore, minutes=1))
    logged(
        uow_factory, entry_of(ana, DAY + timedelta(days=2), a_set(1, exercise="shrug"), minutes=2)
    )
    logged(uow_factory, entry_of(ana, DAY + timedelta(days=5), a_set(1), minutes=3))
    logged(uow_factory, entry_of(bo, DAY + timedelta(days=9), a_set(1, pain=9)))
    with uow_factory() as uow:
        read = uow.sets.sets_of_last_day
        # the last day up to `until`, whatever was logged later or by someone else, in entry order
        day_two = read(ana, DAY, DAY + timedelta(days=4))
        assert [(s.exercise, s.position, s.pain) for s in day_two] == [
            ("barbell_row", 1, None),
            ("barbell_row", 2, 6),
            ("shrug", 1, None),
        ]
        assert [s.pain for s in read(ana, DAY, DAY + timedelta(days=1))] == [3, None]
        assert {s.performed_on for s in read(ana, DAY, DAY + timedelta(days=9))} == {
            DAY + timedelta(days=5)
        }
        assert read(ana, DAY + timedelta(days=6), DAY + timedelta(days=9)) == []

"""The storage contract of imports: bulk entries, import batches, the athlete's own exercises,
programs kept as stored (for backups), on the fake, SQLite and PostgreSQL alike."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from backbone.domain.errors import Conflict, NotFound
from backbone.domain.history import ImportPreview, ImportRecord, LogEntry, Prescribed
from backbone.domain.own_exercise import Movement, OwnExercise
from backbone.domain.program import ProgramSwap
from backbone.domain.vocabulary import Muscle, SpinalLoad
from backbone.services.ports import StoredProgram, Window
from tests.integration.conftest import UowFactory
from tests.integration.test_repository_contract import (
    AT,
    DAY,
    a_program,
    a_set,
    an_entry,
    stored_athlete,
)


def a_record(athlete_id: int, **changes: object) -> ImportRecord:
    values: dict[str, object] = {
        "athlete_id": athlete_id,
        "source": "strong",
        "dialect": "strong/comma",
        "file_name": "strong.csv",
        "imported_at": AT,
        "rows_read": 10,
        "entries_imported": 2,
        "sets_imported": 6,
        "sets_duplicate": 0,
        "rows_skipped": 4,
    }
    values.update(changes)
    return ImportRecord(**values)  # type: ignore[arg-type]


def imported(athlete_id: int, batch_id: int, key: str, on: date = DAY) -> LogEntry:
    return dataclasses.replace(
        an_entry(athlete_id, on=on),
        source="import:strong",
        idempotency_key=key,
        import_batch_id=batch_id,
        started_at=datetime(2026, 11, 30, 18, 5, tzinfo=timezone(timedelta(hours=-5))),
        workout="Pull day",
    )


def test_bulk_entries_round_trip_with_what_imports_carry(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    extra = a_set(
        4,
        distance_m=1609.344,
        prescribed=Prescribed(62.5, 8, None, 2),
        note="line 1\nline 2",
    )
    with uow_factory() as uow:
        batch = uow.imports.add(a_record(athlete_id))
        assert batch.batch_id is not None
        first = imported(athlete_id, batch.batch_id, "k1")
        first = dataclasses.replace(first, sets=(*first.sets, extra))
        naive = dataclasses.replace(
            imported(athlete_id, batch.batch_id, "k2", DAY + timedelta(days=2)),
            started_at=datetime(2026, 12, 2, 7, 30),
        )
        assert uow.sets.add_entries(athlete_id, [first, naive]) == 7
        uow.commit()
    with uow_factory() as uow:
        stored = uow.sets.entries(athlete_id)
    assert [e.idempotency_key for e in stored] == ["k1", "k2"]
    assert stored[0].sets == first.sets
    assert stored[0].started_at == first.started_at
    assert stored[0].started_at is not None
    assert stored[0].started_at.utcoffset() == timedelta(hours=-5)
    assert stored[1].started_at == datetime(2026, 12, 2, 7, 30)
    assert stored[0].workout == "Pull day"
    assert stored[0].import_batch_id == batch.batch_id


def test_bulk_entries_are_all_or_nothing(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    with uow_factory() as uow:
        uow.sets.add_entry(dataclasses.replace(an_entry(athlete_id), idempotency_key="used"))
        uow.commit()
    with uow_factory() as uow:
        batch = uow.imports.add(a_record(athlete_id))
        assert batch.batch_id is not None
        with pytest.raises(Conflict):
            uow.sets.add_entries(
                athlete_id,
                [
                    imported(athlete_id, batch.batch_id, "new"),
                    imported(athlete_id, batch.batch_id, "used"),
                ],
            )
        assert uow.sets.known_keys(athlete_id, ["new", "used"]) == {"used"}


def test_known_keys_are_per_athlete(uow_factory: UowFactory) -> None:
    ana = stored_athlete(uow_factory)
    bo = stored_athlete(uow_factory, "bo")
    with uow_factory() as uow:
        uow.sets.add_entry(dataclasses.replace(an_entry(ana), idempotency_key="a"))
        uow.commit()
        assert uow.sets.known_keys(ana, ["a", "b"]) == {"a"}
        assert uow.sets.known_keys(bo, ["a", "b"]) == set()
        assert uow.sets.known_keys(ana, [f"x{i}" for i in range(1200)] + ["a"]) == {"a"}


def test_undoing_a_batch_removes_its_entries_and_sets_only(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    other = stored_athlete(uow_factory, "bo")
    with uow_factory() as uow:
        batch = uow.imports.add(a_record(athlete_id))
        assert batch.batch_id is not None
        uow.sets.add_entries(athlete_id, [imported(athlete_id, batch.batch_id, "k1")])
        uow.sets.add_entry(an_entry(athlete_id, at=AT + timedelta(hours=1)))
        uow.commit()
    with uow_factory() as uow:
        assert uow.imports.get(athlete_id, batch.batch_id) == batch
        assert uow.imports.for_athlete(athlete_id) == [batch]
        with pytest.raises(NotFound):
            uow.imports.delete(other, batch.batch_id)  # never someone else's batch
        uow.imports.delete(athlete_id, batch.batch_id)
        uow.commit()
    with uow_factory() as uow:
        assert [e.source for e in uow.sets.entries(athlete_id)] == ["cli"]
        assert len(uow.sets.sets_for(athlete_id)) == 3
        assert uow.imports.for_athlete(athlete_id) == []
        with pytest.raises(NotFound):
            uow.imports.get(athlete_id, batch.batch_id)
        with pytest.raises(NotFound):
            uow.imports.delete(athlete_id, batch.batch_id)


def test_import_records_come_back_utc(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    at = datetime(2026, 11, 30, 20, 0, tzinfo=timezone(timedelta(hours=2)))
    with uow_factory() as uow:
        batch = uow.imports.add(a_record(athlete_id, imported_at=at))
        uow.commit()
    assert batch.batch_id is not None
    with uow_factory() as uow:
        got = uow.imports.get(athlete_id, batch.batch_id)
    assert got.imported_at == at
    assert got.imported_at.tzinfo == UTC


def test_a_window_of_imports_oldest_first_and_their_count(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    other = stored_athlete(uow_factory, "bo")
    with uow_factory() as uow:
        for hours in (3, 0, 2, 0):  # two at the same instant: then by batch id
            at = AT + timedelta(hours=hours)
            uow.imports.add(a_record(athlete_id, imported_at=at, file_name=f"{hours}.csv"))
        uow.imports.add(a_record(other))
        uow.commit()
    with uow_factory() as uow:
        everything = uow.imports.for_athlete(athlete_id)
        assert [r.file_name for r in everything] == ["0.csv", "0.csv", "2.csv", "3.csv"]
        assert uow.imports.page(athlete_id, Window(2, 1)) == everything[1:3]
        assert uow.imports.page(athlete_id, Window(2, 4)) == []
        assert uow.imports.count(athlete_id) == 4
        assert uow.imports.count(other) == 1


def test_own_exercises_are_per_athlete_and_unique(uow_factory: UowFactory) -> None:
    ana = stored_athlete(uow_factory)
    bo = stored_athlete(uow_factory, "bo")
    squat = OwnExercise(
        ana,
        "squat_barbell",
        "Squat (Barbell)",
        Movement.SQUAT,
        ((Muscle.GLUTES, 1.0), (Muscle.ERECTOR_SPINAE, 0.5)),
        SpinalLoad.HIGH,
        "Squat (Barbell)",
    )
    with uow_factory() as uow:
        stored = uow.own_exercises.add(squat)
        uow.own_exercises.add(dataclasses.replace(squat, athlete_id=bo))
        with pytest.raises(Conflict):
            uow.own_exercises.add(squat)
        uow.commit()
    assert stored.exercise_id is not None
    with uow_factory() as uow:
        assert uow.own_exercises.for_athlete(ana) == [stored]
        uow.own_exercises.delete(ana, "squat_barbell")
        with pytest.raises(NotFound):
            uow.own_exercises.delete(ana, "squat_barbell")
        uow.commit()
        assert uow.own_exercises.for_athlete(ana) == []
        assert len(uow.own_exercises.for_athlete(bo)) == 1


def test_repoint_moves_one_athletes_sets_of_one_exercise(uow_factory: UowFactory) -> None:
    ana = stored_athlete(uow_factory)
    bo = stored_athlete(uow_factory, "bo")
    with uow_factory() as uow:
        uow.sets.add_entry(an_entry(ana, exercise="my_row"))
        uow.sets.add_entry(an_entry(ana, exercise="pull_up", at=AT + timedelta(hours=1)))
        uow.sets.add_entry(an_entry(bo, exercise="my_row"))
        assert uow.sets.repoint(ana, "my_row", "barbell_row") == 3
        uow.commit()
    with uow_factory() as uow:
        assert [e.exercise for e in uow.sets.entries(ana)] == ["barbell_row", "pull_up"]
        assert {s.exercise for s in uow.sets.sets_for(ana)} == {"barbell_row", "pull_up"}
        assert {s.exercise for s in uow.sets.sets_for(bo)} == {"my_row"}


def test_programs_come_back_as_stored_and_restore_exactly(uow_factory: UowFactory) -> None:
    ana = stored_athlete(uow_factory)
    bo = stored_athlete(uow_factory, "bo")
    swap = ProgramSwap("band_row", "face_pull", DAY + timedelta(days=9), None)
    with uow_factory() as uow:
        later = uow.programs.add(a_program(ana, DAY + timedelta(days=7), "later"))
        assert later.program_id is not None
        uow.programs.add_swap(ana, later.program_id, swap)
        uow.programs.add(a_program(ana, DAY, "first"))
        uow.commit()
        stored = uow.programs.stored(ana)
        assert [p.started_on for p in stored] == [DAY, DAY + timedelta(days=7)]
        for program in stored:
            uow.programs.add_stored(dataclasses.replace(program, athlete_id=bo))
        uow.commit()
    with uow_factory() as uow:
        copied = uow.programs.stored(bo)
        assert [_unnumbered(dataclasses.replace(p, athlete_id=ana)) for p in copied] == [
            _unnumbered(p) for p in stored
        ]
        assert [len(p.swaps) for p in copied] == [0, 1]
        current = uow.programs.current(bo)
        original = uow.programs.current(ana)
    assert current is not None
    assert original is not None
    assert current.plan == original.plan
    assert current.swaps[0].to_exercise == "face_pull"


def _unnumbered(program: StoredProgram) -> StoredProgram:
    swaps = tuple(dataclasses.replace(s, swap_id=None) for s in program.swaps)
    return dataclasses.replace(program, swaps=swaps)


def a_preview(athlete_id: int, preview_id: str, at: datetime = AT) -> ImportPreview:
    return ImportPreview(
        preview_id=preview_id,
        athlete_id=athlete_id,
        created_at=at,
        file_name="strong.csv",
        source="strong",
        units=None,
        overrides=(("Mystery Row", "chest_supported_row"),),
        content=b"Date,Exercise Name\n\x00\xff bytes as uploaded",
        content_sha256="ab" * 32,
    )


def test_a_preview_keeps_the_uploaded_bytes_for_its_athlete_only(uow_factory: UowFactory) -> None:
    ana = stored_athlete(uow_factory)
    bo = stored_athlete(uow_factory, "bo")
    with uow_factory() as uow:
        uow.imports.add_preview(a_preview(ana, "p1"))
        uow.commit()
    with uow_factory() as uow:
        assert uow.imports.preview(ana, "p1") == a_preview(ana, "p1")
        with pytest.raises(NotFound):
            uow.imports.preview(bo, "p1")
        uow.imports.delete_preview(bo, "p1")  # someone else's: nothing happens
        uow.commit()
    with uow_factory() as uow:
        uow.imports.preview(ana, "p1")
        uow.imports.delete_preview(ana, "p1")
        uow.commit()
    with uow_factory() as uow, pytest.raises(NotFound):
        uow.imports.preview(ana, "p1")


def test_old_previews_are_pruned_per_athlete(uow_factory: UowFactory) -> None:
    ana = stored_athlete(uow_factory)
    bo = stored_athlete(uow_factory, "bo")
    with uow_factory() as uow:
        uow.imports.add_preview(a_preview(ana, "old", AT - timedelta(hours=2)))
        uow.imports.add_preview(a_preview(ana, "new", AT))
        uow.imports.add_preview(a_preview(bo, "bos", AT - timedelta(hours=2)))
        assert uow.imports.prune_previews(ana, AT - timedelta(hours=1)) == 1
        uow.commit()
    with uow_factory() as uow:
        uow.imports.preview(ana, "new")
        uow.imports.preview(bo, "bos")
        with pytest.raises(NotFound):
            uow.imports.preview(ana, "old")


def test_mappings_are_remembered_per_athlete_and_replaced(uow_factory: UowFactory) -> None:
    ana = stored_athlete(uow_factory)
    bo = stored_athlete(uow_factory, "bo")
    with uow_factory() as uow:
        uow.imports.remember_mapping(ana, "mystery row", "inverted_row")
        uow.imports.remember_mapping(ana, "mystery row", "chest_supported_row")
        uow.commit()
    with uow_factory() as uow:
        assert uow.imports.mappings(ana) == {"mystery row": "chest_supported_row"}
        assert uow.imports.mappings(bo) == {}


def test_own_exercises_remember_the_import_that_created_them(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    with uow_factory() as uow:
        batch = uow.imports.add(a_record(athlete_id))
        assert batch.batch_id is not None
        made = OwnExercise(
            athlete_id, "zercher_squat", "Zercher Squat", Movement.SQUAT,
            ((Muscle.ERECTOR_SPINAE, 0.5),), SpinalLoad.HIGH, "Zercher Squat",
            import_batch_id=batch.batch_id,
        )  # fmt: skip
        uow.own_exercises.add(made)
        uow.own_exercises.add(dataclasses.replace(made, slug="other", import_batch_id=None))
        uow.commit()
    with uow_factory() as uow:
        by_slug = {o.slug: o.import_batch_id for o in uow.own_exercises.for_athlete(athlete_id)}
    assert by_slug == {"zercher_squat": batch.batch_id, "other": None}


def test_entries_on_days_and_exercises_in_use(uow_factory: UowFactory) -> None:
    ana = stored_athlete(uow_factory)
    bo = stored_athlete(uow_factory, "bo")
    with uow_factory() as uow:
        uow.sets.add_entry(an_entry(ana, on=DAY))
        uow.sets.add_entry(an_entry(ana, on=DAY + timedelta(days=3)))
        uow.sets.add_entry(an_entry(bo, on=DAY))
        uow.commit()
    with uow_factory() as uow:
        found = uow.sets.entries_on(ana, {DAY, DAY + timedelta(days=1)})
        assert [(e.athlete_id, e.performed_on) for e in found] == [(ana, DAY)]
        assert found[0].sets
        assert uow.sets.entries_on(ana, set()) == []
        used = found[0].exercise
        assert uow.sets.exercises_in_use(ana, [used, "nothing_logged"]) == {used}

"""Importing through the application object over the fakes: report, dry run, idempotency, undo,
mapping fixes, custom exercises in the analytics, and nothing half-imported."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from backbone.domain.errors import Conflict, InputError, NotFound
from backbone.services.application import Backbone
from backbone.services.importing import PREVIEW_TTL
from backbone.services.ports import Knowledge
from tests.fakes import FakeStore
from tests.service.conftest import NOW
from tests.unit.import_samples import SAMPLES

STRONG = (SAMPLES / "strong_comma_no_unit.csv").read_bytes()


def test_a_dry_run_reports_everything_and_writes_nothing(
    app: Backbone, me: int, store: FakeStore
) -> None:
    commits = store.commits
    report = app.import_file(me, STRONG, "strong.csv", dry_run=True)
    assert store.commits == commits
    assert report.dry_run
    assert report.batch_id is None
    assert report.source == "strong"
    assert report.rows_read == 10
    assert report.sets_imported == 9
    assert report.sets_duplicate == 0
    assert {s.reason.value: s.lines for s in report.skipped} == {"rest_timer": (4,)}
    mapped = {m.source_name: m for m in report.mapping}
    assert mapped["Deadlift (Barbell)"].slug == "conventional_deadlift"
    assert mapped["Lat Pulldown (Cable)"].slug == "lat_pulldown"
    assert mapped["Running"].new
    assert mapped["Running"].movement == "cardio"
    assert mapped["Deadlift (Barbell)"].sets == 3
    assert app.history(me)[1] == []


def test_import_twice_adds_nothing_the_second_time(app: Backbone, me: int) -> None:
    first = app.import_file(me, STRONG, "strong.csv")
    assert first.batch_id is not None
    assert first.sets_imported == 9
    assert first.workouts_imported == 2
    second = app.import_file(me, STRONG, "strong.csv")
    assert second.sets_imported == 0
    assert second.sets_duplicate == 9
    assert second.batch_id is None
    assert sum(len(e.sets) for e in app.history(me)[1]) == 9


def test_an_overlapping_newer_export_adds_only_the_new_workout(app: Backbone, me: int) -> None:
    lines = STRONG.decode().splitlines(keepends=True)
    older = "".join(lines[:8]).encode()  # the first workout only
    app.import_file(me, older, "old.csv")
    newer = app.import_file(me, STRONG, "new.csv")
    assert newer.sets_imported == 3  # the second workout: run, pull-up, drop set
    assert newer.sets_duplicate == 6


def test_undo_removes_the_batch_completely(app: Backbone, me: int) -> None:
    app.log_sets(me, "barbell_row", ["60x8@2"], on=date(2026, 11, 2))
    report = app.import_file(me, STRONG, "strong.csv")
    assert report.batch_id is not None
    assert [r.batch_id for r in app.list_imports(me)] == [report.batch_id]
    app.undo_import(me, report.batch_id)
    assert [e.exercise for e in app.history(me)[1]] == ["barbell_bent_over_row"]
    assert app.list_imports(me) == []
    with pytest.raises(NotFound):
        app.undo_import(me, report.batch_id)
    again = app.import_file(me, STRONG, "strong.csv")  # undone sets can come back
    assert again.sets_imported == 9


def test_nobody_undoes_another_athletes_import(app: Backbone, me: int) -> None:
    report = app.import_file(me, STRONG, "strong.csv")
    other = app.create_athlete(app.create_user("bo").user_id or 0, "Bo").athlete_id
    assert other is not None
    assert report.batch_id is not None
    with pytest.raises(NotFound):
        app.undo_import(other, report.batch_id)


def test_a_malformed_file_imports_nothing_and_names_line_and_column(
    app: Backbone, me: int, store: FakeStore
) -> None:
    broken = STRONG.decode().replace('2,140,5,0,0,"Grip', '2,heavy,5,0,0,"Grip')
    commits = store.commits
    with pytest.raises(InputError) as raised:
        app.import_file(me, broken.encode(), "broken.csv")
    assert "Line 5, column 6 (Weight)" in str(raised.value)
    assert store.commits == commits
    assert app.history(me)[1] == []


def test_an_unknown_file_names_the_known_formats(app: Backbone, me: int) -> None:
    with pytest.raises(InputError) as raised:
        app.import_file(me, b"a,b,c\n1,2,3\n", "what.csv")
    assert "Strong" in str(raised.value)
    assert "Hevy" in str(raised.value)
    with pytest.raises(InputError, match="--from"):
        app.import_file(me, STRONG, "strong.csv", source="jefit")


def test_map_overrides_and_a_later_exercise_map(app: Backbone, me: int) -> None:
    report = app.import_file(me, STRONG, "strong.csv", overrides={"Pull Up": "chin_up"}, units="kg")
    mapped = {m.source_name: m for m in report.mapping}
    assert mapped["Pull Up"].slug == "chin_up"
    assert mapped["Pull Up"].method == "override"
    running = mapped["Running"].slug
    result = app.map_exercise(me, "Running", "farmers_carry")
    assert result.sets_moved == 1
    assert result.own.slug == running
    assert {e.exercise for e in app.history(me)[1]} >= {"farmers_carry"}
    assert running not in {e.exercise for e in app.history(me)[1]}
    with pytest.raises(NotFound):
        app.map_exercise(me, "Running", "farmers_carry")
    with pytest.raises(NotFound):
        app.map_exercise(me, "Plank", "no_such_exercise")
    with pytest.raises(InputError):
        app.import_file(me, STRONG, "strong.csv", overrides={"Pull Up": "no_such"})


SQUATS_AND_PRESSES = b"""Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
2026-11-24 18:00:00,Legs,1h,Squat (Barbell),1,140,5,0,0,,,8
2026-11-24 18:00:00,Legs,1h,Squat (Barbell),2,140,5,0,0,,,8
2026-11-24 18:00:00,Legs,1h,Bench Press (Barbell),1,100,5,0,0,,,8
2026-11-24 18:00:00,Legs,1h,Bench Press (Barbell),2,100,5,0,0,,,8
2026-11-24 18:00:00,Legs,1h,Bench Press (Barbell),3,100,5,0,0,,,8
2026-11-24 18:00:00,Legs,1h,Seated Cable Row,1,60,10,0,0,,,8
"""


def test_custom_exercises_count_in_spinal_load_and_push_pull(app: Backbone, me: int) -> None:
    report = app.import_file(me, SQUATS_AND_PRESSES, "legs.csv")
    movements = {m.source_name: m.movement for m in report.mapping}
    assert movements["Squat (Barbell)"] == "squat"
    assert movements["Bench Press (Barbell)"] == "push"
    stats = app.stats(me, weeks=2, today=date(2026, 11, 30))
    assert sum(w.high_sets for w in stats.spinal_load) >= 2
    push_pull = next(b for b in stats.balance if b.name == "pull_vs_push")
    assert push_pull.right_sets == 3.0
    assert push_pull.left_sets == 1.0
    assert push_pull.ratio == 0.33


def test_sets_of_unknown_exercises_never_crash_the_views(app: Backbone, me: int) -> None:
    app.import_file(me, STRONG, "strong.csv")
    app.import_file(me, SQUATS_AND_PRESSES, "legs.csv")
    _athlete, entries = app.history(me)
    assert len(entries) == 8
    app.stats(me, weeks=52, today=date(2026, 11, 30))
    app.build_report(me, since_weeks=52, today=date(2026, 11, 30))
    with pytest.raises(NotFound):  # no program: the usual answer, not a crash
        app.today(me, date(2026, 11, 30))


LEGS_MONDAY = b"""Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
2026-11-24 18:00:00,Legs,1h,Squat (Barbell),1,140,5,0,0,,,8
2026-11-24 18:00:00,Legs,1h,Zercher Carry,1,60,0,20,0,,,8
"""
LEGS_MONDAY_LATER = LEGS_MONDAY + (
    b"2026-11-24 18:00:00,Legs,1h,Squat (Barbell),2,140,5,0,0,,,8\n"
    b"2026-11-24 18:00:00,Legs,1h,Squat (Barbell),3,140,4,0,0,,,9\n"
)


def test_a_newer_export_with_more_sets_in_a_workout_adds_only_those_sets(
    app: Backbone, me: int
) -> None:
    app.import_file(me, LEGS_MONDAY, "old.csv")
    newer = app.import_file(me, LEGS_MONDAY_LATER, "new.csv")
    assert (newer.sets_imported, newer.sets_duplicate) == (2, 2)
    squats = [s for e in app.history(me)[1] for s in e.sets if e.exercise != "zercher_carry"]
    assert sorted((s.position, s.reps) for s in squats) == [(1, 5), (2, 5), (3, 4)]
    again = app.import_file(me, LEGS_MONDAY_LATER, "new.csv")
    assert (again.sets_imported, again.sets_duplicate) == (0, 4)


FITBOD_HEADER = (
    b"Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,Note,"
    b"multiplier\n"
)


def _fitbod(*loads_kg: str) -> bytes:
    rows = [
        f"2026-04-15 18:0{i}:00 +0000,Barbell Deadlift, 5, {load}, 0, 0, 0, 0,false,,1\n"
        for i, load in enumerate(loads_kg)
    ]
    return FITBOD_HEADER + "".join(rows).encode()


def test_pounds_arriving_as_kilogram_floats_are_compared_in_pounds(app: Backbone, me: int) -> None:
    app.update_athlete(me, units="lb")
    # 45 lb = 20.4117 kg: one export rounds it below 20.415, a later one above; both are 45.0 lb
    app.import_file(me, _fitbod("20.4149"), "fitbod-march.csv")
    later = app.import_file(me, _fitbod("20.4151", "22.6796"), "fitbod-april.csv")
    assert (later.sets_imported, later.sets_duplicate) == (1, 1)
    assert sum(len(e.sets) for e in app.history(me)[1]) == 2


def test_exercise_map_is_remembered_for_later_imports(app: Backbone, me: int) -> None:
    app.import_file(me, LEGS_MONDAY, "old.csv")
    app.map_exercise(me, "Zercher Carry", "farmers_carry")
    later = app.import_file(me, LEGS_MONDAY_LATER, "new.csv")
    carry = next(m for m in later.mapping if m.source_name == "Zercher Carry")
    assert (carry.slug, carry.method, carry.new) == ("farmers_carry", "remembered", False)
    assert not [o for o in app.own_exercises(me) if o.source_name == "Zercher Carry"]
    override = app.import_file(
        me, LEGS_MONDAY, "x.csv", overrides={"Zercher Carry": "suitcase_carry"}, dry_run=True
    )
    assert next(m for m in override.mapping if m.source_name == "Zercher Carry").method == (
        "override"
    )


def test_undo_removes_the_own_exercises_its_batch_created_and_nothing_else(
    app: Backbone, me: int
) -> None:
    first = app.import_file(me, SQUATS_AND_PRESSES, "legs.csv")
    second = app.import_file(me, LEGS_MONDAY, "carry.csv")
    assert first.batch_id is not None
    assert second.batch_id is not None
    mine = {o.source_name for o in app.own_exercises(me)}
    assert {"Bench Press (Barbell)", "Zercher Carry"} <= mine
    app.undo_import(me, second.batch_id)
    mine = {o.source_name for o in app.own_exercises(me)}
    assert "Zercher Carry" not in mine
    assert "Bench Press (Barbell)" in mine


def test_a_preview_is_confirmed_once_with_the_bytes_that_were_shown(
    app: Backbone, me: int, store: FakeStore
) -> None:
    shown = app.preview_import(me, STRONG, "strong.csv")
    assert shown.report.dry_run
    assert shown.report.sets_imported == 9
    assert app.history(me)[1] == []
    with pytest.raises(Conflict):
        app.confirm_import(me, shown.preview_id, content_sha256="0" * 64)
    done = app.confirm_import(me, shown.preview_id, content_sha256=shown.content_sha256)
    assert not done.dry_run
    assert done.sets_imported == 9
    with pytest.raises(NotFound):  # used up
        app.confirm_import(me, shown.preview_id)
    other = app.create_athlete(app.create_user("bo").user_id or 0, "Bo").athlete_id
    assert other is not None
    theirs = app.preview_import(other, STRONG, "strong.csv")
    with pytest.raises(NotFound):
        app.confirm_import(me, theirs.preview_id)


def test_abandoned_previews_are_removed_by_the_next_preview_or_confirm(
    facts: Knowledge, store: FakeStore
) -> None:
    clock = [NOW]
    app = Backbone(knowledge=facts, database=store, clock=lambda: clock[0])
    me = app.local_athlete().athlete_id
    assert me is not None
    abandoned = app.preview_import(me, STRONG, "strong.csv")
    clock[0] = NOW + PREVIEW_TTL + timedelta(minutes=1)
    kept = app.preview_import(me, STRONG, "again.csv")
    assert set(store.committed.previews) == {kept.preview_id}
    with pytest.raises(NotFound):
        app.confirm_import(me, abandoned.preview_id)

    clock[0] += PREVIEW_TTL + timedelta(minutes=1)
    with pytest.raises(NotFound, match="expired"):
        app.confirm_import(me, kept.preview_id)
    assert store.committed.previews == {}  # the expired one went with the refusal


def test_a_calendar_feed_secret_opens_the_program_until_revoked(app: Backbone, me: int) -> None:
    secret = app.create_calendar_feed(me)
    assert app.calendar_feed_since(me) is not None
    with pytest.raises(NotFound):  # no program yet: the feed says so, it does not crash
        app.calendar_feed_ics(secret)
    replaced = app.create_calendar_feed(me)
    with pytest.raises(NotFound):
        app.calendar_feed_ics(secret + "x")
    assert app.revoke_calendar_feed(me)
    with pytest.raises(NotFound):
        app.calendar_feed_ics(replaced)
    assert app.calendar_feed_since(me) is None


GORILLA_ROWS = b"""Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
2026-11-24 18:00:00,Back,1h,Gorilla Row,1,30,10,0,0,,,8
2026-11-24 18:00:00,Back,1h,Gorilla Row,2,30,10,0,0,,,8
"""


def test_own_exercises_count_in_weekly_muscle_volume_and_history(app: Backbone, me: int) -> None:
    report = app.import_file(me, GORILLA_ROWS, "rows.csv")
    own = next(m for m in report.mapping if m.source_name == "Gorilla Row")
    assert own.new
    stats = app.stats(me, weeks=2, today=date(2026, 11, 30))
    lats = next(v for v in stats.volume if v.muscle.value == "lats")
    assert sum(sets for _, sets in lats.weekly_sets) == 2.0
    _, entries = app.history(me, exercise=own.slug)
    assert [len(e.sets) for e in entries] == [2]
    _, by_name = app.history(me, exercise="gorilla row")
    assert by_name == entries


def test_a_backup_carries_the_remembered_mappings(app: Backbone, me: int) -> None:
    app.import_file(me, LEGS_MONDAY, "old.csv")
    app.map_exercise(me, "Zercher Carry", "farmers_carry")
    backup = app.export_history(me, "json").text.encode()
    other = app.create_athlete(app.create_user("bo").user_id or 0, "Bo").athlete_id
    assert other is not None
    restored = app.import_file(other, backup, "backup.json")
    assert restored.restored is not None
    assert restored.restored["exercise_mappings"] == 1
    later = app.import_file(other, LEGS_MONDAY_LATER, "new.csv", dry_run=True)
    carry = next(m for m in later.mapping if m.source_name == "Zercher Carry")
    assert (carry.slug, carry.method) == ("farmers_carry", "remembered")


def test_an_own_exercise_kept_by_a_later_import_goes_when_that_one_is_undone(
    app: Backbone, me: int
) -> None:
    first = app.import_file(me, LEGS_MONDAY, "monday.csv")
    wednesday = LEGS_MONDAY.replace(b"2026-11-24", b"2026-11-26")
    second = app.import_file(me, wednesday, "wednesday.csv")
    assert first.batch_id is not None
    assert second.batch_id is not None
    app.undo_import(me, first.batch_id)
    assert "Zercher Carry" in {o.source_name for o in app.own_exercises(me)}  # wednesday's sets
    app.undo_import(me, second.batch_id)
    assert app.own_exercises(me) == []

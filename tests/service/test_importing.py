"""Importing through the application object over the fakes: report, dry run, idempotency, undo,
mapping fixes, custom exercises in the analytics, and nothing half-imported."""

from __future__ import annotations

from datetime import date

import pytest

from backbone.domain.errors import InputError, NotFound
from backbone.services.application import Backbone
from tests.fakes import FakeStore
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

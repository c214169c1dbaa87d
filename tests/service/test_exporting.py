"""Exports through the application object: the round trips the issue promises, the complete
JSON backup, and the running program as a calendar."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backbone.domain.athlete import Units
from backbone.domain.errors import Conflict, InputError, NotFound
from backbone.domain.history import LogEntry, LoggedSet, Prescribed, RangeDone, SetType
from backbone.domain.loads import KG_PER_LB
from backbone.domain.own_exercise import Movement, OwnExercise
from backbone.domain.vocabulary import Muscle, SpinalLoad
from backbone.services.application import Backbone
from backbone.services.planning import PlanRequest
from backbone.services.ports import Knowledge
from tests.fakes import FakeStore
from tests.service.conftest import MONDAY, NOW

EXERCISES = ("conventional_deadlift", "pull_up", "lat_pulldown", "front_plank", "my_squat")
WORKOUTS = ("", "Pull day", "Legs, heavy")


def fresh_app(facts: Knowledge) -> tuple[Backbone, int]:
    app = Backbone(knowledge=facts, database=FakeStore(), clock=lambda: NOW)
    athlete_id = app.local_athlete().athlete_id
    assert athlete_id is not None
    return app, athlete_id


@st.composite
def histories(draw: st.DrawFn, units: Units) -> list[LogEntry]:
    def load() -> float | None:
        halves = draw(st.one_of(st.none(), st.integers(1, 600)))
        if halves is None:
            return None
        return halves / 2 if units is Units.KG else halves / 2 * KG_PER_LB

    entries = []
    for number in range(draw(st.integers(1, 6))):
        on = date(2026, 1, 5) + timedelta(days=draw(st.integers(0, 60)))
        started = draw(st.sampled_from(["none", "aware", "naive"]))
        at = datetime.combine(on, time(draw(st.integers(5, 21)), draw(st.sampled_from([0, 30]))))
        started_at = {
            "none": None,
            "aware": at.replace(tzinfo=timezone(timedelta(hours=2))),
            "naive": at,
        }[started]
        exercise = draw(st.sampled_from(EXERCISES))
        sets = []
        for position in range(1, draw(st.integers(1, 4)) + 1):
            timed = exercise == "front_plank"
            sets.append(
                LoggedSet(
                    exercise=exercise,
                    performed_on=on,
                    position=position,
                    set_type=draw(st.sampled_from(list(SetType))),
                    load_kg=None if timed or exercise == "pull_up" else load(),
                    added_kg=None,
                    reps=None if timed else draw(st.integers(1, 20)),
                    seconds=draw(st.integers(10, 120)) if timed else None,
                    rir=draw(st.none() | st.integers(0, 5)),
                    range_done=draw(st.sampled_from(list(RangeDone))),
                    pain=draw(st.none() | st.integers(0, 10)),
                    note=draw(st.text(alphabet="ab ,;\"'\n", max_size=8)).strip(),
                    distance_m=draw(st.none() | st.integers(1, 9000).map(float)),
                    prescribed=draw(
                        st.none() | st.builds(Prescribed, st.none(), st.integers(1, 12))
                    ),
                )
            )
        entries.append(
            LogEntry(
                athlete_id=0,
                exercise=exercise,
                performed_on=on,
                logged_at=NOW + timedelta(minutes=number),
                sets=tuple(sets),
                started_at=started_at,
                workout=draw(st.sampled_from(WORKOUTS)),
            )
        )
    return entries


def stored(app: Backbone, athlete_id: int, entries: list[LogEntry], units: Units) -> None:
    app.update_athlete(athlete_id, units=units.value)
    with app.new_uow() as uow:
        uow.own_exercises.add(
            OwnExercise(
                athlete_id,
                "my_squat",
                "Squat (Barbell)",
                Movement.SQUAT,
                ((Muscle.GLUTES, 1.0),),
                SpinalLoad.HIGH,
                "Squat (Barbell)",
            )
        )
        uow.sets.add_entries(
            athlete_id, [dataclasses.replace(e, athlete_id=athlete_id) for e in entries]
        )
        uow.commit()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), units=st.sampled_from(list(Units)))
def test_csv_export_import_export_gives_the_same_file(
    facts: Knowledge, data: st.DataObject, units: Units
) -> None:
    first_app, first = fresh_app(facts)
    stored(first_app, first, data.draw(histories(units)), units)
    exported = first_app.export_history(first, "csv").text

    second_app, second = fresh_app(facts)
    second_app.update_athlete(second, units=units.value)
    report = second_app.import_file(second, exported.encode(), "backbone.csv")
    assert report.sets_duplicate == 0
    assert second_app.export_history(second, "csv").text == exported


def test_two_undated_workouts_of_one_day_with_the_same_sets_both_come_back(
    facts: Knowledge,
) -> None:
    """A morning and an evening workout with a date only and the same single warm-up set: the
    workout names keep them apart (found by the property above)."""
    first_app, first = fresh_app(facts)
    warmup = LoggedSet(
        exercise="conventional_deadlift", performed_on=date(2026, 1, 5), position=1,
        set_type=SetType.WARMUP, load_kg=None, added_kg=None, reps=1, seconds=None, rir=None,
        range_done=RangeDone.FULL, pain=None, note="",
    )  # fmt: skip
    entries = [
        LogEntry(
            athlete_id=0,
            exercise="conventional_deadlift",
            performed_on=date(2026, 1, 5),
            logged_at=NOW + timedelta(minutes=minute),
            sets=(warmup,),
            workout=name,
        )
        for minute, name in ((0, ""), (1, "Pull day"))
    ]
    stored(first_app, first, entries, Units.KG)
    exported = first_app.export_history(first, "csv").text

    second_app, second = fresh_app(facts)
    report = second_app.import_file(second, exported.encode(), "backbone.csv")
    assert (report.sets_imported, report.sets_duplicate) == (2, 0)
    assert second_app.export_history(second, "csv").text == exported
    again = second_app.import_file(second, exported.encode(), "backbone.csv")
    assert (again.sets_imported, again.sets_duplicate) == (0, 2)


def test_a_backup_restores_completely_and_exports_the_same_bytes(facts: Knowledge) -> None:
    app, me = fresh_app(facts)
    app.update_athlete(me, units="lb", bodyweight=81.5, plates=[20, 10, 2.5], bar=15.0)
    request = PlanRequest(
        start_on=MONDAY, days_per_week=3, minutes_per_session=45,
        equipment=("barbell", "dumbbell", "bench", "pullup_bar", "cable"),
        level="intermediate", goal="hypertrophy",
    )  # fmt: skip
    app.start_program(me, request, ["chest_supported_row=24x10@2"])
    app.log_sets(me, "barbell_bent_over_row", ["60x8@2", "60x8@1"], on=MONDAY)
    app.swap_exercise(me, "chest_supported_row", "seated_cable_row", MONDAY)
    app.import_file(me, SQUAT_FILE, "legs.csv")
    app.check_in(me, sleep_h=7.5, back_pain=2, soreness=3, readiness=8, on=MONDAY)
    app.finish_session(me, session_rpe=7, duration_min=50, on=MONDAY)
    app.record_test(me, "side_bridge", 60, side="left", on=MONDAY)
    backup = app.export_history(me, "json")

    empty, restored = fresh_app(facts)
    report = empty.import_file(restored, backup.text.encode(), "backup.json")
    assert report.source == "backup"
    assert report.restored is not None
    assert report.restored["programs"] == 1
    assert report.restored["custom_exercises"] == 1
    assert empty.export_history(restored, "json").text == backup.text
    assert empty.export_history(restored, "csv").text == app.export_history(me, "csv").text
    assert empty.athlete(restored).units is Units.LB
    assert empty.show_program(restored).plan == app.show_program(me).plan
    swaps = empty.show_program(restored).program.swaps
    assert [(s.from_exercise, s.to_exercise, s.carried) for s in swaps] == [
        (s.from_exercise, s.to_exercise, s.carried) for s in app.show_program(me).program.swaps
    ]
    # the restored program trains the replacement on the days the planner gave the row
    plan = empty.show_program(restored).plan
    day = next(
        s.on
        for s in plan.weeks[0].sessions
        if any(i.exercise == "seated_cable_row" for i in s.items())
    )
    assert "seated_cable_row" in [i.exercise.slug for i in empty.today(restored, day).items]
    with pytest.raises(Conflict):  # a second restore would double the history
        empty.import_file(restored, backup.text.encode(), "backup.json")


def test_undoing_a_restore_removes_the_exercises_of_ones_own_it_created(facts: Knowledge) -> None:
    app, me = fresh_app(facts)
    app.import_file(me, SQUAT_FILE, "legs.csv")
    assert app.own_exercises(me)  # the squat file leaves one exercise of the athlete's own
    backup = app.export_history(me, "json")
    empty, restored = fresh_app(facts)
    report = empty.import_file(restored, backup.text.encode(), "backup.json")
    assert report.batch_id is not None
    assert [o.slug for o in empty.own_exercises(restored)] == [
        o.slug for o in app.own_exercises(me)
    ]
    empty.undo_import(restored, report.batch_id)
    assert empty.history(restored)[1] == []
    assert empty.own_exercises(restored) == []


def test_a_changed_backup_is_refused(facts: Knowledge) -> None:
    app, me = fresh_app(facts)
    app.log_sets(me, "barbell_bent_over_row", ["60x8@2"], on=MONDAY)
    text = app.export_history(me, "json").text.replace('"reps":8', '"reps":9')
    empty, other = fresh_app(facts)
    with pytest.raises(InputError, match="checksum"):
        empty.import_file(other, text.encode(), "backup.json")


SQUAT_FILE = b"""Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
2026-11-24 18:00:00,Legs,1h,Squat (Barbell),1,140,5,0,0,,,8
2026-11-24 18:00:00,Legs,1h,Deadlift (Barbell),1,160,3,0,0,,,9
"""


def test_strong_export_reads_back_as_the_same_sets(facts: Knowledge) -> None:
    app, me = fresh_app(facts)
    app.import_file(me, SQUAT_FILE, "legs.csv")
    exported = app.export_history(me, "strong")
    assert exported.text.startswith("Date,Workout Name,Duration,Exercise Name")
    empty, other = fresh_app(facts)
    report = empty.import_file(other, exported.text.encode(), "strong.csv")
    assert report.source == "strong"
    assert report.sets_imported == 2
    assert {m.slug for m in report.mapping} >= {"conventional_deadlift"}


def test_unknown_export_format_is_an_input_error(app: Backbone, me: int) -> None:
    with pytest.raises(InputError, match="csv, json or strong"):
        app.export_history(me, "xml")


def test_program_ics_has_one_event_per_session(app: Backbone, me: int) -> None:
    with pytest.raises(NotFound, match="program start"):
        app.program_ics(me, time(18, 0))
    request = PlanRequest(
        start_on=MONDAY, days_per_week=2, minutes_per_session=30, equipment=("band",),
        level="novice", goal="health",
    )  # fmt: skip
    view = app.start_program(me, request)
    ics = app.program_ics(me, time(18, 0)).decode()
    sessions = sum(len(w.sessions) for w in view.plan.weeks)
    assert ics.count("BEGIN:VEVENT") == sessions
    assert f"DTSTART:{MONDAY.strftime('%Y%m%d')}T180000" in ics
    assert app.program_ics(me, time(18, 0)).decode() == ics

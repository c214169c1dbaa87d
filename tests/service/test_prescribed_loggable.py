"""Every prescribed item can be logged exactly as prescribed, and then counts (issue 9 §2).

Plans come from the planner for random profiles; each session's items are logged through the
same use case the CLI's `backbone log` calls, with the first value of each target, and `stats`
then counts every planned set as performed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from backbone.domain.errors import InfeasiblePlan
from backbone.domain.exercise import Exercise
from backbone.domain.loads import logs_load_kg
from backbone.domain.program import PlanItem
from backbone.domain.progression import Prescription, SetTarget
from backbone.domain.vocabulary import (
    BackPain,
    BlockKind,
    Equipment,
    Goal,
    Kind,
    Level,
    MeasuredBy,
)
from backbone.services.application import Backbone
from backbone.services.planning import PlanRequest
from backbone.services.ports import Knowledge
from tests.fakes import FakeStore

START = date(2026, 11, 30)
PICKED_LOAD = 20
"""a calibration target asks the lifter to pick a load: this is the one picked"""

profiles = st.builds(
    PlanRequest,
    start_on=st.just(START),
    days_per_week=st.integers(1, 6),
    minutes_per_session=st.integers(20, 120),
    equipment=st.lists(st.sampled_from([e.value for e in Equipment]), max_size=7, unique=True),
    level=st.sampled_from([v.value for v in Level]),
    goal=st.sampled_from([v.value for v in Goal]),
    back_pain=st.sampled_from([v.value for v in BackPain]),
    weeks=st.integers(1, 6),
)


def token(target: SetTarget, exercise: Exercise) -> str:
    """The shorthand for one set done exactly as the target asks (bottom of each range)."""
    if target.seconds is not None:
        amount = f"{target.seconds[0]}s"
    else:
        assert target.reps is not None, f"{exercise.slug}: a target with neither reps nor time"
        amount = str(target.reps[0])
    if logs_load_kg(exercise):
        load = target.load_kg if target.load_kg is not None else PICKED_LOAD
        body = f"{load:g}x{amount}"
    else:
        added = target.added_kg or 0.0
        sign = "" if added == 0 else ("+" if added > 0 else "-")
        body = f"bw{sign}{abs(added):g}x{amount}" if added else f"bwx{amount}"
        if target.seconds is not None and not added:
            body = amount
    return body if target.rir is None else f"{body}@{target.rir}"


def planned_tokens(item: PlanItem, exercise: Exercise) -> list[str]:
    target = SetTarget(None, 0.0, item.reps, item.seconds, None)
    return [token(target, exercise)] * item.sets


def prescribed_tokens(prescription: Prescription, exercise: Exercise) -> list[str]:
    return [token(t, exercise) for t in prescription.sets]


def in_its_unit(item: PlanItem, exercise: Exercise) -> bool:
    if exercise.measured_by is MeasuredBy.SECONDS:
        return item.seconds is not None and item.reps is None
    return item.reps is not None and item.seconds is None


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(request=profiles)
def test_every_prescribed_item_of_a_week_logs_as_prescribed_and_counts(
    request: PlanRequest, facts: Knowledge
) -> None:
    app = Backbone(
        knowledge=facts,
        database=FakeStore(),
        clock=lambda: datetime(2026, 11, 30, 6, 0, tzinfo=UTC),
    )
    me = app.local_athlete().athlete_id
    assert me is not None
    try:
        view = app.start_program(me, request)
    except InfeasiblePlan:
        event("infeasible profile")
        return
    catalogue = facts.catalogue
    for week in view.plan.weeks:
        for session in week.sessions:
            for item in session.items():
                exercise = catalogue.get(item.exercise)
                assert in_its_unit(item, exercise), f"{item.exercise} planned {item}"
    week = view.plan.weeks[0]
    counted_sets = 0
    for session in week.sessions:
        for entry in app.today(me, session.on).items:
            if entry.prescription is None:
                tokens = planned_tokens(entry.planned, entry.exercise)
                app.log_sets(me, entry.exercise.slug, tokens, on=session.on)
                continue
            doing = catalogue.get(entry.prescription.substitute or entry.exercise.slug)
            tokens = prescribed_tokens(entry.prescription, doing)
            assert tokens, f"{entry.exercise.slug}: nothing to log"
            result = app.log_sets(me, doing.slug, tokens, on=session.on)
            assert len(result.entry.sets) == len(entry.prescription.sets)
            if doing.kind is not Kind.MOBILITY:
                counted_sets += len(result.entry.sets)
        if session is week.sessions[0]:
            # the first session is done exactly as planned: every planned set counts
            first = app.stats(me, weeks=1, today=session.on).adherence
            assert first is not None
            planned = sum(
                i.sets
                for kind in (BlockKind.MAIN, BlockKind.ACCESSORY, BlockKind.CORE)
                for i in session.items(kind)
            )
            assert first.planned_sets == planned
            assert first.performed_sets == planned
    counted = app.stats(me, weeks=1, today=week.sessions[-1].on).adherence
    assert counted is not None
    assert counted.performed_sessions == len(week.sessions)
    assert counted.performed_sets == counted_sets


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(request=profiles, seconds_more=st.integers(0, 20))
def test_the_next_prescription_after_logging_is_loggable_too(
    request: PlanRequest, seconds_more: int, facts: Knowledge
) -> None:
    """What `log` answers with ("Next time: ...") can itself be logged as written."""
    app = Backbone(
        knowledge=facts,
        database=FakeStore(),
        clock=lambda: datetime(2026, 11, 30, 6, 0, tzinfo=UTC),
    )
    me = app.local_athlete().athlete_id
    assert me is not None
    try:
        view = app.start_program(me, request)
    except InfeasiblePlan:
        return
    first = view.plan.weeks[0].sessions[0]
    catalogue = facts.catalogue
    for entry in app.today(me, first.on).items:
        if entry.prescription is None or entry.prescription.substitute:
            continue
        exercise = entry.exercise
        # done a little better than asked: holds longer, reps at the top
        sets = [
            SetTarget(
                t.load_kg,
                t.added_kg,
                None if t.reps is None else (t.reps[1], t.reps[1]),
                None if t.seconds is None else (t.seconds[1] + seconds_more,) * 2,
                t.rir,
            )
            for t in entry.prescription.sets
        ]
        result = app.log_sets(me, exercise.slug, [token(t, exercise) for t in sets], on=first.on)
        upcoming = result.next
        if upcoming is None or not upcoming.sets:
            continue
        doing = catalogue.get(upcoming.substitute or exercise.slug)
        later = first.on + timedelta(days=1)
        app.log_sets(me, doing.slug, prescribed_tokens(upcoming, doing), on=later)

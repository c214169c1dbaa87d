"""Properties that hold for every valid profile (Hypothesis explores the space)."""

from __future__ import annotations

import itertools
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backbone.domain.errors import InfeasiblePlan
from backbone.domain.program import Plan, SessionFocus
from backbone.domain.vocabulary import BackPain, Day, Equipment, Goal, Level, SpinalLoad
from backbone.services.planning import PlanRequest, plan_training
from backbone.services.ports import Knowledge

profiles = st.builds(
    PlanRequest,
    start_on=st.dates(min_value=date(2025, 1, 1), max_value=date(2030, 12, 31)),
    days_per_week=st.integers(1, 7),
    minutes_per_session=st.integers(15, 120),
    equipment=st.lists(st.sampled_from([e.value for e in Equipment]), max_size=6, unique=True),
    level=st.sampled_from([v.value for v in Level]),
    goal=st.sampled_from([v.value for v in Goal]),
    back_pain=st.sampled_from([v.value for v in BackPain]),
    weeks=st.integers(1, 8),
)

PROPERTY_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def plan_or_none(request: PlanRequest, facts: Knowledge) -> Plan | None:
    """Random profiles may hit a real conflict (e.g. 15 minutes cannot hold the week's patterns):
    that must be an InfeasiblePlan naming the rules, never a crash or a rule-breaking plan."""
    try:
        return plan_training(request, facts)
    except InfeasiblePlan as error:
        conflicts = error.details["conflicts"]
    assert conflicts, "an infeasible plan must name the conflicting rules"
    return None


@PROPERTY_SETTINGS
@given(request=profiles)
def test_plans_respect_the_hard_rules(request: PlanRequest, facts: Knowledge) -> None:
    plan = plan_or_none(request, facts)
    if plan is None:
        return
    available = {Equipment(e) for e in request.equipment} | {Equipment.BODYWEIGHT}
    level_rank = Level(request.level).rank
    for week in plan.weeks:
        back_dates = [s.on for s in week.sessions if s.focus is SessionFocus.BACK]
        assert 1 <= len(back_dates) <= 3
        assert all((b - a).days >= 2 for a, b in itertools.pairwise(back_dates))
        for session in week.sessions:
            assert session.est_minutes <= request.minutes_per_session
            for item in session.items():
                exercise = facts.catalogue.get(item.exercise)
                assert exercise.equipment <= available
                assert exercise.level.rank <= level_rank
                if request.back_pain == "current":
                    assert exercise.spinal_load is not SpinalLoad.HIGH


@PROPERTY_SETTINGS
@given(request=profiles)
def test_plans_are_deterministic(request: PlanRequest, facts: Knowledge) -> None:
    first = plan_or_none(request, facts)
    second = plan_or_none(request, facts)
    assert first == second


@settings(max_examples=60, deadline=None)
@given(
    days=st.integers(1, 7),
    on=st.lists(st.sampled_from(list(Day)), min_size=1, max_size=7, unique=True),
)
def test_schedule_never_puts_back_sessions_on_adjacent_days(days: int, on: list[Day]) -> None:
    from backbone.domain.planner.schedule import schedule_week

    on_days = tuple(sorted(on, key=lambda d: d.weekday))
    if len(on_days) < days:
        return
    try:
        week = schedule_week(days, on_days)
    except InfeasiblePlan:
        return
    indices = [d.weekday for d in week.back_days]
    for a in indices:
        for b in indices:
            if a != b:
                assert (a - b) % 7 not in (1, 6)
    assert set(week.back_days) | set(week.core_days) <= set(on_days)
    assert len(week.back_days) + len(week.core_days) == days

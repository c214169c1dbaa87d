from __future__ import annotations

from datetime import timedelta
from typing import Any

from backbone.domain.vocabulary import BlockKind
from tests.unit.analytics_builders import hard, run


def test_no_plan_no_adherence() -> None:
    assert run().adherence is None


def test_planned_vs_performed(plan_for: Any) -> None:
    plan = plan_for(days_per_week=2)
    first_week = plan.weeks[0]
    sessions = first_week.sessions
    today = first_week.starts_on + timedelta(days=6)
    # Do the first planned session's main work fully and skip the second session.
    done = sessions[0]
    sets = [
        s for item in done.items(BlockKind.MAIN) for s in hard(item.exercise, done.on, item.sets)
    ]
    adherence = run(sets, today=today, weeks=1, plan=plan).adherence
    assert adherence is not None
    counted = (BlockKind.MAIN, BlockKind.ACCESSORY, BlockKind.CORE)
    assert adherence.planned_sessions == len(sessions) == 2
    assert adherence.performed_sessions == 1
    assert adherence.planned_sets == sum(
        i.sets for s in sessions for k in counted for i in s.items(k)
    )
    assert adherence.performed_sets == sum(i.sets for i in done.items(BlockKind.MAIN))
    assert len(adherence.calendar) == 7
    assert (done.on, True, True) in adherence.calendar
    assert (sessions[1].on, True, False) in adherence.calendar


def test_future_sessions_are_not_yet_planned(plan_for: Any) -> None:
    plan = plan_for(days_per_week=2)
    start = plan.weeks[0].starts_on
    adherence = run(today=start - timedelta(days=1), weeks=1, plan=plan).adherence
    assert adherence is not None
    assert adherence.planned_sessions == 0

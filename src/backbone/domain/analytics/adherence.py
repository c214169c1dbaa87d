"""Adherence: the sessions and sets the running plan asked for against what was logged.

Planned sessions are the plan's sessions inside the window up to `today` (a session later today
is still planned, not missed). A performed session is a day with any logged set. Planned sets are
the main, accessory and core items' sets; warm-up and cool-down mobility is not counted, and
neither are logged warm-up sets or mobility drills, so both sides count the same kind of work.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from backbone.domain.analytics.hard_sets import find_exercise
from backbone.domain.analytics.model import Adherence
from backbone.domain.catalogue import Catalogue
from backbone.domain.history import LoggedSet, SetType
from backbone.domain.program import Plan, Session
from backbone.domain.vocabulary import BlockKind, Kind

COUNTED_BLOCKS = (BlockKind.MAIN, BlockKind.ACCESSORY, BlockKind.CORE)


def _planned_sets(session: Session) -> int:
    return sum(item.sets for kind in COUNTED_BLOCKS for item in session.items(kind))


def adherence(
    plan: Plan | None,
    sets: Sequence[LoggedSet],
    days: Sequence[date],
    today: date,
    catalogue: Catalogue,
) -> Adherence | None:
    """None without a plan; `days` are every day of the window."""
    if plan is None:
        return None
    first, last = days[0], days[-1]
    sessions = [
        s for week in plan.weeks for s in week.sessions if first <= s.on <= min(last, today)
    ]
    planned_days = {s.on for w in plan.weeks for s in w.sessions if first <= s.on <= last}
    logged = [s for s in sets if first <= s.performed_on <= min(last, today)]
    performed_days = {s.performed_on for s in logged}
    performed_sets = 0
    for logged_set in logged:
        exercise = find_exercise(catalogue, logged_set.exercise)
        if (
            logged_set.set_type is not SetType.WARMUP
            and exercise is not None
            and exercise.kind is not Kind.MOBILITY
        ):
            performed_sets += 1
    return Adherence(
        planned_sessions=len(sessions),
        performed_sessions=len(performed_days),
        planned_sets=sum(_planned_sets(s) for s in sessions),
        performed_sets=performed_sets,
        calendar=tuple((d, d in planned_days, d in performed_days) for d in days),
    )

"""Fill the solved week toward the time box, one set at a time, up to the bands' tops.

The solver chooses the exercises at their working-set targets (`constraints.template_sets`); this
pass then adds sets in the back session with the most time left, so sessions fill evenly: main
lifts first, then where a set buys the most weekly volume still below a band's top. It keeps every cap the model keeps:
the time box, each exercise's most sets (an isolation exercise a few a session), the weekly band tops
of the lats, upper back and erectors (volume.back_muscle_targets), the direct sets a session may
hold (frequency.volume_equated) and the weekly cap on direct erector isolation
(volume.erector_isolation_cap). Deterministic: ties go to fewer sets, then training order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from backbone.domain.athlete import Profile
from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.exercise import Exercise
from backbone.domain.planner.candidates import muscle_band
from backbone.domain.planner.constraints import (
    QUARTERS,
    SYNERGIST_CREDIT,
    counts_as_hard_sets,
    erector_isolation_cap,
    session_direct_sets_max,
)
from backbone.domain.prescription import Dose
from backbone.domain.time_model import item_s, ramp_up_s, ramps_up
from backbone.domain.vocabulary import BackPain, BlockKind, Kind, Muscle, Pattern
from backbone.domain.volume import PLAN_TARGETS

TARGETS_RULE = "volume.back_muscle_targets"


@dataclass(frozen=True, slots=True)
class Placed:
    """One chosen exercise in one session, with its sets so far."""

    session: int
    block: BlockKind
    exercise: Exercise
    dose: Dose
    sets: int


def top_up(
    placed: Sequence[Placed],
    budgets_s: dict[int, int],
    back_sessions: frozenset[int],
    profile: Profile,
    evidence: EvidenceRegistry,
) -> list[Placed]:
    """`placed` with sets added toward the bands' tops while each back session has time left."""
    items = list(placed)
    tops = {m: muscle_band(m, profile, evidence)[1] * QUARTERS for m in PLAN_TARGETS}
    counted = dict.fromkeys(PLAN_TARGETS, 0)
    """weekly quarter sets as the band tops count them: prime-mover and synergist credit"""
    for item in items:
        if counts_as_hard_sets(item.dose):
            for muscle in PLAN_TARGETS:
                counted[muscle] += _counted_quarters(item.exercise, muscle) * item.sets
    direct_max = {
        m: session_direct_sets_max(m, len(back_sessions), profile, evidence) for m in PLAN_TARGETS
    }
    erector_cap: int | None = None
    if profile.back_pain is BackPain.NONE:
        erector_cap = erector_isolation_cap(profile, evidence)
    isolation_max = evidence.integer(TARGETS_RULE, "isolation_sets_per_session_max")

    used = {
        s: sum(_seconds(i, i.sets, profile) for i in items if i.session == s) for s in budgets_s
    }

    while True:
        best: tuple[tuple[int, bool, int, int, int], int] | None = None
        for index, item in enumerate(items):
            if item.session not in back_sessions or not _may_grow(item, isolation_max):
                continue
            value = sum(
                _counted_quarters(item.exercise, m) for m in PLAN_TARGETS if counted[m] < tops[m]
            )
            if value <= 0:
                continue
            extra = _seconds(item, item.sets + 1, profile) - _seconds(item, item.sets, profile)
            left = budgets_s[item.session] - used[item.session]
            if extra > left:
                continue
            if any(
                counted[m] + _counted_quarters(item.exercise, m) > tops[m]
                for m in PLAN_TARGETS
                if _counted_quarters(item.exercise, m) > 0
            ):
                continue
            if not _within_session_caps(item, items, direct_max):
                continue
            if erector_cap is not None and _erector_isolation(item):
                week_sets = sum(i.sets for i in items if _erector_isolation(i))
                if week_sets + 1 > erector_cap:
                    continue
            key = (left, item.block is BlockKind.MAIN, value, -item.sets, -index)
            if best is None or key > best[0]:
                best = (key, index)
        if best is None:
            return items
        index = best[1]
        item = items[index]
        used[item.session] += _seconds(item, item.sets + 1, profile) - _seconds(
            item, item.sets, profile
        )
        for muscle in PLAN_TARGETS:
            counted[muscle] += _counted_quarters(item.exercise, muscle)
        items[index] = replace(item, sets=item.sets + 1)


def _may_grow(item: Placed, isolation_max: int) -> bool:
    """volume.back_muscle_targets: an isolation exercise stops at a few sets a session; more
    upper-back volume comes from another exercise or another day."""
    most = item.dose.max_sets
    if item.exercise.kind is Kind.ISOLATION:
        most = min(most, isolation_max)
    return counts_as_hard_sets(item.dose) and item.sets < most


def _quarters(exercise: Exercise, muscle: Muscle) -> int:
    return round(exercise.credit(muscle) * QUARTERS)


def _counted_quarters(exercise: Exercise, muscle: Muscle) -> int:
    credit = exercise.credit(muscle)
    return round(credit * QUARTERS) if credit >= SYNERGIST_CREDIT else 0


def placed_s(item: Placed, profile: Profile) -> int:
    """Seconds `item` takes in its session with its sets (ramp-up sets included)."""
    return _seconds(item, item.sets, profile)


def _seconds(item: Placed, sets: int, profile: Profile) -> int:
    seconds = item_s(item.exercise, item.dose, item.block, sets)
    if sets > 0 and ramps_up(item.exercise, item.block):
        seconds += ramp_up_s(item.exercise, item.dose, profile.minutes_per_session)
    return seconds


def _within_session_caps(item: Placed, items: list[Placed], direct_max: dict[Muscle, int]) -> bool:
    for muscle in PLAN_TARGETS:
        if item.exercise.credit(muscle) < 1:
            continue
        direct = sum(
            i.sets for i in items if i.session == item.session and i.exercise.credit(muscle) >= 1
        )
        if direct + 1 > direct_max[muscle]:
            return False
    return True


def _erector_isolation(item: Placed) -> bool:
    return item.exercise.pattern is Pattern.BACK_EXTENSION and item.block is not BlockKind.CORE

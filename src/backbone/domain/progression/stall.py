"""progression.stall: no gain over 3 exposures in a row -> change something, and deload at the
second stall in a block.

An exposure counts as a gain when it beats the one before it: a higher e1RM, more reps at the
same load, or a longer hold. Comparing with the previous exposure (not the best ever) keeps the
normal dip after a double-progression step from looking like a stall.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date, timedelta

from backbone.domain.exercise import Exercise
from backbone.domain.exposures import Exposure
from backbone.domain.prescription import Reason
from backbone.domain.program import PlanItem
from backbone.domain.progression.context import Context
from backbone.domain.progression.outcome import Outcome, outcome
from backbone.domain.progression.targets import Stall, StallFix
from backbone.domain.progression.variations import sibling
from backbone.domain.strength import best_e1rm_kg

RULE = "progression.stall"
DELOAD_RULE = "progression.deload_trigger"
DAYS_PER_WEEK = 7
GAIN_EPSILON = 1e-6


def detect_stall(
    exercise: Exercise, planned: PlanItem, exposures: Sequence[Exposure], ctx: Context
) -> Stall | None:
    window = ctx.evidence.integer(RULE, "stall_exposures")
    gains = _gains(exercise, exposures, ctx)
    if len(gains) < window or any(gain for _, gain in gains[-window:]):
        return None
    # A block is one mesocycle: look back that far for an earlier, separate stall.
    weeks = ctx.evidence.integer("progression.mesocycle_length", "loading_weeks_max") + 1
    since = exposures[-1].performed_on - timedelta(days=weeks * DAYS_PER_WEEK)
    flags = [gain for _, gain in gains]
    earlier = any(
        not any(flags[end - window + 1 : end + 1])
        for end in range(window - 1, len(flags) - window)
        if gains[end][0] >= since
    )
    if earlier:
        return Stall(
            window,
            f"Second stall in this block: take a deload week (about half the sets, RIR +2) "
            f"before pushing {exercise.name} again.",
            (
                Reason(RULE, f"no gain in {window} sessions, the second stall in this block"),
                Reason("progression.deload_prescription", "deload: fewer sets, RIR +2"),
            ),
            StallFix.DELOAD,
        )
    variation = sibling(exercise, ctx.catalogue, ctx.level)
    rep_change = _rep_range_hint(planned)
    reasons = (Reason(RULE, f"no gain in e1RM, reps or time over {window} sessions"),)
    if variation is not None:
        return Stall(
            window,
            f"No gain in {window} sessions: swap to {variation.name} for a block, or {rep_change}.",
            reasons,
            StallFix.VARIATION,
            variation.slug,
        )
    return Stall(window, f"No gain in {window} sessions: {rep_change}.", reasons)


def _rep_range_hint(planned: PlanItem) -> str:
    if planned.reps is None:
        return "change the hold (e.g. shorter holds with more sets)"
    low, high = planned.reps
    if low >= 8:
        return f"move from {low}-{high} to 6-8 reps with a heavier load"
    return f"move from {low}-{high} to 8-12 reps with a lighter load"


def _gains(
    exercise: Exercise, exposures: Sequence[Exposure], ctx: Context
) -> list[tuple[date, bool]]:
    """For each exposure with work sets after the first: its date, and did it beat the last?"""
    bodyweight = ctx.athlete.bodyweight_kg
    scored = [
        (e.performed_on, best_e1rm_kg(e, exercise, bodyweight), outcome(e, exercise, ctx.evidence))
        for e in exposures
    ]
    scored = [item for item in scored if item[2].has_work]
    return [(cur[0], _beat(prev[1:], cur[1:])) for prev, cur in itertools.pairwise(scored)]


def _beat(prev: tuple[float | None, Outcome], cur: tuple[float | None, Outcome]) -> bool:
    (prev_e1rm, before), (cur_e1rm, now) = prev, cur
    if prev_e1rm is not None and cur_e1rm is not None and cur_e1rm > prev_e1rm + GAIN_EPSILON:
        return True
    same_load = (before.top_kg or 0.0) == (now.top_kg or 0.0)
    if same_load and now.total_reps > before.total_reps:
        return True
    if (now.top_kg or 0.0) > (before.top_kg or 0.0) and (now.min_reps or 0) >= (
        before.min_reps or 0
    ):
        return True
    return (now.max_seconds or 0) > (before.max_seconds or 0)

"""progression.stall: no gain over 3 exposures in a row -> change something, and deload at the
second stall in a block.

An exposure counts as a gain when it beats the one before it: a higher e1RM, more reps at the
same load, more load (reps may dip after a load step: that is the plan working), a longer hold
or more holds. Comparing with the previous exposure (not the best ever) keeps the normal dip
after a double-progression step from looking like a stall. An exposure at less load, or at
shorter holds, than the one before is a reset (a stall fix, a deload, a regression): the count
starts again after it, so one stall is never answered twice.

Holds whose target is fixed (McGill's 10 s holds) or already reached are not stalls: meeting the
target is the prescription. A stall changes the prescription (`apply_stall`): another variation
of the lift for a block, or another rep range with the load worked out from the e1RM, or a small
reset; and says what changed and why.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from enum import Enum

from backbone.domain.exercise import Exercise
from backbone.domain.exposures import Exposure
from backbone.domain.loads import (
    body_loaded,
    format_load,
    load_progressed,
    next_load_down_kg,
    next_load_up_kg,
    round_load_kg,
)
from backbone.domain.prescription import Reason, mcgill_big3
from backbone.domain.program import PlanItem
from backbone.domain.progression.context import Context
from backbone.domain.progression.outcome import Outcome, outcome
from backbone.domain.progression.targets import (
    Prescription,
    SetTarget,
    Stall,
    StallFix,
    load_target,
)
from backbone.domain.progression.variations import sibling, spine_rank
from backbone.domain.strength import best_e1rm_kg, load_for_reps_kg
from backbone.domain.vocabulary import MeasuredBy

RULE = "progression.stall"
DELOAD_RULE = "progression.deload_trigger"
DAYS_PER_WEEK = 7
GAIN_EPSILON = 1e-6
LOWER_RANGE = (5, 8)
"""a stall in a range starting at 8 or more moves here, heavier"""
HIGHER_RANGE = (8, 12)
"""a stall in a low range moves here, lighter"""
RESET_FRACTION = 0.1
"""the small reset when no e1RM says where to restart"""


class Step(Enum):
    GAIN = "gain"
    FLAT = "flat"
    RESET = "reset"


def detect_stall(
    exercise: Exercise, planned: PlanItem, exposures: Sequence[Exposure], ctx: Context
) -> Stall | None:
    window = ctx.evidence.integer(RULE, "stall_exposures")
    if _target_met(exercise, planned, exposures, ctx):
        return None
    steps = _steps(exercise, exposures, ctx)
    if len(steps) < window or any(step is not Step.FLAT for _, step in steps[-window:]):
        return None
    # A block is one mesocycle: look back that far for an earlier, separate stall.
    weeks = ctx.evidence.integer("progression.mesocycle_length", "loading_weeks_max") + 1
    since = exposures[-1].performed_on - timedelta(days=weeks * DAYS_PER_WEEK)
    flat = [step is Step.FLAT for _, step in steps]
    earlier = any(
        all(flat[end - window + 1 : end + 1])
        for end in range(window - 1, len(flat) - window)
        if steps[end][0] >= since
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
    reasons = (Reason(RULE, f"no gain in e1RM, reps, load or time over {window} sessions"),)
    variation = stall_variation(exercise, ctx)
    if variation is not None:
        return Stall(
            window,
            f"No gain in {window} sessions: {variation.name} for this block instead of "
            f"{exercise.name}, then come back to it.",
            reasons,
            StallFix.VARIATION,
            variation.slug,
        )
    return Stall(window, f"No gain in {window} sessions: {_range_hint(planned)}.", reasons)


def apply_stall(
    result: Prescription,
    stall: Stall,
    exercise: Exercise,
    planned: PlanItem,
    exposures: Sequence[Exposure],
    ctx: Context,
) -> Prescription:
    """The prescription changed the way the stall says (a deload is left to the deload rule)."""
    if stall.fix is StallFix.DELOAD or not result.sets:
        return replace(result, stall=stall)
    if stall.fix is StallFix.VARIATION and stall.variation is not None:
        nxt = ctx.catalogue.get(stall.variation)
        sets = tuple(
            replace(t, load_kg=None, added_kg=0.0 if body_loaded(nxt) else None)
            for t in result.sets
        )
        find_load = load_progressed(nxt) and not body_loaded(nxt)
        text = stall.suggestion
        first = sets[0]
        if find_load and first.reps is not None:
            text += (
                f" Work up to a load for {first.reps[0]}-{first.reps[1]} reps that leaves "
                f"{first.rir or 0} in reserve, and log it."
            )
        return replace(
            result,
            sets=sets,
            substitute=nxt.slug,
            calibrate=find_load,
            instructions=text,
            why=(*stall.reasons, *result.why[1:]),
            stall=stall,
        )
    last = outcome(exposures[-1], exercise, ctx.evidence)
    if planned.seconds is not None and planned.reps is None:
        low, high = planned.seconds
        seconds = (low, high)
        text = (
            f"No gain in {stall.exposures} sessions: back to {low} s holds with a harder brace, "
            f"building to {high} s again."
        )
        sets = tuple(replace(t, seconds=seconds) for t in result.sets)
        return _changed(result, stall, sets, text)
    assert planned.reps is not None
    reps = _new_range(planned.reps)
    if load_progressed(exercise) and last.top_kg is not None:
        load = _restart_load(exercise, planned, exposures, reps, last.top_kg, ctx)
        sign = "-" if load < 0 else "+"
        shown = (
            f"bodyweight {sign}{format_load(abs(load), ctx.athlete)}"
            if body_loaded(exercise)
            else format_load(load, ctx.athlete)
        )
        text = (
            f"No gain in {stall.exposures} sessions: {reps[0]}-{reps[1]} reps at {shown} "
            f"instead of {planned.reps[0]}-{planned.reps[1]}."
        )
        target = load_target(body_loaded(exercise), load, reps, None, planned.rir)
        return _changed(result, stall, (target,) * len(result.sets), text)
    text = (
        f"No gain in {stall.exposures} sessions: {reps[0]}-{reps[1]} reps with a 3 s lowering "
        f"and a pause instead of {planned.reps[0]}-{planned.reps[1]}."
    )
    sets = tuple(replace(t, reps=reps) for t in result.sets)
    return _changed(result, stall, sets, text)


def stall_variation(exercise: Exercise, ctx: Context) -> Exercise | None:
    """A variation of about the same difficulty the athlete can do: the same lift family at the
    same level first (pull-up -> chin-up), else a listed neighbour of the same pattern."""
    if exercise.family is not None:
        for candidate in ctx.catalogue:
            if (
                candidate.slug != exercise.slug
                and candidate.family == exercise.family
                and candidate.level is exercise.level
                and candidate.loadability is exercise.loadability
                and candidate.measured_by is exercise.measured_by
                and ctx.has(candidate.equipment)
                and spine_rank(candidate.spinal_load) <= spine_rank(exercise.spinal_load)
            ):
                return candidate
    found = sibling(exercise, ctx.catalogue, ctx.level)
    if found is not None and ctx.has(found.equipment):
        return found
    return None


def _changed(
    result: Prescription, stall: Stall, sets: tuple[SetTarget, ...], text: str
) -> Prescription:
    return replace(
        result,
        sets=sets,
        instructions=text,
        why=(*stall.reasons, *result.why),
        stall=replace(stall, suggestion=text, fix=StallFix.REP_RANGE),
    )


def _new_range(reps: tuple[int, int]) -> tuple[int, int]:
    return LOWER_RANGE if reps[0] >= HIGHER_RANGE[0] else HIGHER_RANGE


def _range_hint(planned: PlanItem) -> str:
    if planned.reps is None:
        return "back to the bottom of the hold range with a harder brace"
    low, high = planned.reps
    new = _new_range(planned.reps)
    heavier = "heavier" if new[0] < low else "lighter"
    return f"move from {low}-{high} to {new[0]}-{new[1]} reps, {heavier}"


def _restart_load(
    exercise: Exercise,
    planned: PlanItem,
    exposures: Sequence[Exposure],
    reps: tuple[int, int],
    top_kg: float,
    ctx: Context,
) -> float:
    """The load for the new range from the latest e1RM, at least a step away from the last load
    in the direction the range moved; without an e1RM, a small reset."""
    bodyweight = ctx.athlete.bodyweight_kg
    e1rm = best_e1rm_kg(exposures[-1], exercise, bodyweight)
    fallback = next_load_down_kg(top_kg, exercise, ctx.athlete, RESET_FRACTION)
    if e1rm is None:
        return fallback
    moved = load_for_reps_kg(e1rm, reps[1], planned.rir)
    if moved is None:
        return fallback
    if body_loaded(exercise):
        moved -= bodyweight or 0.0
    load = round_load_kg(moved, exercise, ctx.athlete)
    # fewer reps means a heavier load and more reps a lighter one, by at least a step
    if reps[0] < (planned.reps or reps)[0]:
        return max(load, next_load_up_kg(top_kg, exercise, ctx.athlete))
    return min(load, next_load_down_kg(top_kg, exercise, ctx.athlete))


def _target_met(
    exercise: Exercise, planned: PlanItem, exposures: Sequence[Exposure], ctx: Context
) -> bool:
    """A hold at its fixed or top target is the prescription met, not a stall."""
    if exercise.measured_by is not MeasuredBy.SECONDS or not exposures:
        return False
    if planned.seconds is None:
        return mcgill_big3(exercise)
    low, high = planned.seconds
    last = outcome(exposures[-1], exercise, ctx.evidence)
    return low == high or (last.min_seconds or 0) >= high


def _steps(
    exercise: Exercise, exposures: Sequence[Exposure], ctx: Context
) -> list[tuple[date, Step]]:
    """For each exposure with work sets after the first: its date, and how it compares."""
    bodyweight = ctx.athlete.bodyweight_kg
    scored = [
        (e.performed_on, best_e1rm_kg(e, exercise, bodyweight), outcome(e, exercise, ctx.evidence))
        for e in exposures
    ]
    scored = [item for item in scored if item[2].has_work]
    return [(cur[0], _compare(prev[1:], cur[1:])) for prev, cur in itertools.pairwise(scored)]


def _compare(prev: tuple[float | None, Outcome], cur: tuple[float | None, Outcome]) -> Step:
    (prev_e1rm, before), (cur_e1rm, now) = prev, cur
    before_kg, now_kg = before.top_kg or 0.0, now.top_kg or 0.0
    if now_kg > before_kg + GAIN_EPSILON:
        return Step.GAIN
    if now_kg < before_kg - GAIN_EPSILON:
        return Step.RESET
    if prev_e1rm is not None and cur_e1rm is not None and cur_e1rm > prev_e1rm + GAIN_EPSILON:
        return Step.GAIN
    if now.total_reps > before.total_reps:
        return Step.GAIN
    now_s, before_s = now.max_seconds or 0, before.max_seconds or 0
    if now_s > before_s or (now_s == before_s > 0 and now.sets > before.sets):
        return Step.GAIN
    if now_s < before_s:
        return Step.RESET
    return Step.FLAT

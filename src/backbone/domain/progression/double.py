"""progression.double: climb the rep range at one load, then add the smallest step and restart.

Load goes up only when every work set reached the top of the range, at or above the target RIR,
full range and pain-free; the step is taken from the heaviest set. Otherwise the load stays and
the target is one more rep. One step (never a percentage) keeps the rule monotone: a session with
less load or fewer reps can never earn a bigger jump than a stronger one.
"""

from __future__ import annotations

from backbone.domain.exercise import Exercise
from backbone.domain.loads import (
    ASSISTANCE_MACHINES,
    body_loaded,
    format_load,
    next_load_down_kg,
    next_load_up_kg,
)
from backbone.domain.prescription import Reason
from backbone.domain.program import PlanItem
from backbone.domain.progression import bodyweight_ladder
from backbone.domain.progression.context import Context
from backbone.domain.progression.outcome import Outcome
from backbone.domain.progression.targets import Prescription, load_target

RULE = "progression.double"


def earned(last: Outcome, top_reps: int, rir: int | None) -> bool:
    return (
        last.clean
        and last.min_reps is not None
        and last.min_reps >= top_reps
        and (rir is None or last.min_rir is None or last.min_rir >= rir)
    )


def progress(exercise: Exercise, planned: PlanItem, last: Outcome, ctx: Context) -> Prescription:
    assert planned.reps is not None
    assert last.top_kg is not None
    low, high = planned.reps
    body = body_loaded(exercise)
    if earned(last, high, planned.rir):
        load = next_load_up_kg(last.top_kg, exercise, ctx.athlete)
        reps = (low, high)
        why = Reason(
            RULE,
            f"every set reached {high} reps at RIR {planned.rir} or more: "
            f"+{format_load(load - last.top_kg, ctx.athlete)}, back to {low} reps",
        )
        text = f"New load {format_load(load, ctx.athlete)}: {low}-{high} reps per set."
    elif (
        body and _below(last, low) and last.top_kg <= 0 and exercise.slug not in ASSISTANCE_MACHINES
    ):
        # nothing added to take off: an easier variation (negatives, assistance) instead
        return bodyweight_ladder.regress(exercise, planned, last, ctx)
    elif body and _below(last, low):
        # a bodyweight move below the range: less added weight, or more assistance
        load = next_load_down_kg(last.top_kg, exercise, ctx.athlete)
        change = "less added weight" if load >= 0 else "more assistance"
        reps = (low, high)
        why = Reason(
            RULE,
            f"{round(last.mean_reps or 0)} reps a set is below the {low}-{high} range: {change} "
            f"({_signed(load, ctx)}) until the range is in reach",
        )
        text = f"Bodyweight {_signed(load, ctx)}: {low}-{high} reps per set."
    else:
        load = last.top_kg
        floor = min(max(low, (last.min_reps or 0) + 1), high)
        reps = (floor, high)
        why = Reason(RULE, _hold_reason(last, high, planned.rir))
        text = f"Same load; beat last time: at least {floor} reps on every set, up to {high}."
    target = load_target(body, load, reps, None, planned.rir)
    return Prescription(exercise.slug, (target,) * planned.sets, False, text, (why,))


def _below(last: Outcome, low: int) -> bool:
    return last.below_range(low)


def _signed(added_kg: float, ctx: Context) -> str:
    sign = "-" if added_kg < 0 else "+"
    return f"{sign}{format_load(abs(added_kg), ctx.athlete)}"


def _hold_reason(last: Outcome, high: int, rir: int | None) -> str:
    if not last.clean:
        return "a partial or painful set does not count: same load until every set is clean"
    if last.min_reps is not None and last.min_reps >= high and rir is not None:
        return f"top of the range reached but below RIR {rir}: same load until it is easier"
    return f"not every set reached {high} reps yet: same load, one more rep"

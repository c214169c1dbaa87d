"""A rep/set ladder for moves with nothing to add to the bar (bodyweight, bands).

progression.overload_required says load, reps or sets must rise; without a load to add, this
ladder climbs reps to the top of the range, then adds a set (one extra), then moves to the next
variation in the catalogue (e.g. band-assisted pull-up -> negative -> pull-up) at the bottom of
the range. Partial or painful sets never count (progression.double).
"""

from __future__ import annotations

from backbone.domain.exercise import Exercise
from backbone.domain.loads import body_loaded
from backbone.domain.prescription import Reason
from backbone.domain.program import PlanItem
from backbone.domain.progression.context import Context
from backbone.domain.progression.outcome import Outcome
from backbone.domain.progression.targets import Prescription, SetTarget, load_target
from backbone.domain.progression.variations import harder

RULE = "progression.overload_required"
CLEAN_RULE = "progression.double"


def progress(exercise: Exercise, planned: PlanItem, last: Outcome, ctx: Context) -> Prescription:
    assert planned.reps is not None
    low, high = planned.reps
    extra = ctx.evidence.integer(RULE, "ladder_extra_sets")
    most_sets = planned.sets + extra
    reps_done = last.min_reps or 0
    sets = max(planned.sets, min(last.sets, most_sets))
    substitute: str | None = None
    reps = (low, high)
    added = last.top_kg if body_loaded(exercise) else None
    if not last.clean:
        reps = (min(max(low, reps_done), high), high)
        why = Reason(CLEAN_RULE, "a partial or painful set does not count: same targets")
        text = f"Repeat {sets} sets of {reps[0]}-{high} clean reps."
    elif reps_done < high:
        reps = (min(max(low, reps_done + 1), high), high)
        why = Reason(RULE, f"not every set reached {high} reps: one more rep per set")
        text = f"{sets} sets: at least {reps[0]} reps each, up to {high}."
    elif last.sets < most_sets:
        sets = min(last.sets + 1, most_sets)
        reps = (low, high)
        why = Reason(RULE, f"every set reached {high} reps: add a set ({sets})")
        text = f"{sets} sets of {low}-{high} reps."
    else:
        nxt = harder(exercise, ctx.catalogue)
        if nxt is None:
            reps = (high, high)
            why = Reason(RULE, f"{most_sets} x {high} reached; no harder variation listed")
            text = f"{sets} sets of {high} reps; slow the lowering to 3 s to make it harder."
        else:
            substitute = nxt.slug
            sets = planned.sets
            added = None
            why = Reason(RULE, f"{most_sets} x {high} reached: move on to {nxt.name}")
            text = f"Move on to {nxt.name}: {sets} sets of {low}-{high} reps."
    if substitute is not None:
        nxt_body = body_loaded(ctx.catalogue.get(substitute))
        target = (
            load_target(True, 0.0, reps, None, planned.rir)
            if nxt_body
            else SetTarget(None, None, reps, None, planned.rir)
        )
    elif body_loaded(exercise):
        target = load_target(True, added, reps, None, planned.rir)
    else:
        target = SetTarget(None, None, reps, None, planned.rir)
    return Prescription(exercise.slug, (target,) * sets, False, text, (why,), substitute)

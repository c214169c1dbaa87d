"""The first exposure: no history yet, so either calibrate the load or derive it from a known set.

A known recent set gives an e1RM (e1rm.rir_adjusted); the starting load is the one that leaves
the target RIR at the TOP of the rep range, the lighter end, so the first session is a sure
success. Without one, the athlete works up in small jumps (mobility.dynamic_warmup ramp-up sets)
until a set in the range leaves the target RIR, and logs it (rir.accuracy: RIR is judged well
near failure).
"""

from __future__ import annotations

from backbone.domain.exercise import Exercise
from backbone.domain.loads import (
    body_loaded,
    format_load,
    load_progressed,
    logs_load_kg,
    round_load_kg,
)
from backbone.domain.prescription import Reason
from backbone.domain.program import KnownSet, PlanItem
from backbone.domain.progression.context import Context
from backbone.domain.progression.targets import Prescription, SetTarget, load_target
from backbone.domain.strength import E1rmEstimate, estimate_known_set, load_for_reps_kg
from backbone.domain.vocabulary import MeasuredBy

E1RM_RULE = "e1rm.rir_adjusted"
RAMP_RULE = "mobility.dynamic_warmup"
RIR_RULE = "rir.accuracy"
OVERLOAD_RULE = "progression.overload_required"


def first_exposure(
    exercise: Exercise, planned: PlanItem, known: KnownSet | None, rir: int | None, ctx: Context
) -> Prescription:
    body = body_loaded(exercise)
    why: tuple[Reason, ...]
    if planned.seconds is not None:
        low, high = planned.seconds
        if known is not None and known.seconds is not None:
            low = min(max(low, known.seconds), high)
        weighed = load_progressed(exercise) and not body
        if weighed and known is not None and known.load_kg is not None:
            # a carry reported with its load: start there
            target = load_target(body, known.load_kg, None, (low, high), rir)
            why = (Reason("progression.hold_time", f"from your known set: {low}-{high} s"),)
            text = f"Carry {format_load(known.load_kg, ctx.athlete)} for {low}-{high} s."
            return Prescription(exercise.slug, (target,) * planned.sets, False, text, why)
        target = load_target(body, None, None, (low, high), rir)
        why = (Reason("progression.hold_time", f"start with {low}-{high} s holds, form first"),)
        if weighed:
            text = f"Pick a load you can carry or hold for {high} s with perfect form; log it."
        else:
            text = f"Hold {low}-{high} s per set with perfect form; stop when position slips."
        return Prescription(exercise.slug, (target,) * planned.sets, weighed, text, why)
    assert planned.reps is not None
    low, high = planned.reps
    if not load_progressed(exercise):
        start = low
        if known is not None and known.reps is not None:
            start = min(max(low, known.reps), high)
        added = known.added_kg if known is not None and known.added_kg is not None else 0.0
        target = (
            load_target(True, added, (start, high), None, rir)
            if body
            else SetTarget(None, None, (start, high), None, rir)
        )
        text = f"{planned.sets} sets of {start}-{high} clean reps, stopping {rir or 0} short of failure."
        why = (Reason(OVERLOAD_RULE, "first session: find your reps; they climb from here"),)
        return Prescription(exercise.slug, (target,) * planned.sets, False, text, why)
    from_known = _from_known(exercise, known, high, rir, ctx)
    if from_known is not None:
        value, estimate = from_known
        e1rm = estimate.e1rm_kg
        spread = round((estimate.high_kg - estimate.e1rm_kg) / estimate.e1rm_kg * 100)
        target = load_target(body, value, (low, high), None, rir)
        sign = "-" if value < 0 else "+"
        shown = (
            f"bodyweight {sign}{format_load(abs(value), ctx.athlete)}"
            if body
            else format_load(value, ctx.athlete)
        )
        text = f"Start at {shown} for {low}-{high} reps at RIR {rir}."
        why = (
            Reason(
                E1RM_RULE,
                f"from your known set (e1RM about {format_load(e1rm, ctx.athlete)}, "
                f"±{spread}% from {estimate.reps_to_failure} reps to failure): "
                f"a load for {high} reps with {rir} in reserve",
            ),
        )
        return Prescription(exercise.slug, (target,) * planned.sets, False, text, why)
    target = load_target(body, None, (low, high), None, rir)
    what = "weight" if body else "load"
    text = (
        f"Work up in small jumps until a set of {low}-{high} reps leaves {rir} in reserve; "
        f"log that set as your {what} and do the remaining sets with it."
    )
    why = (
        Reason(RAMP_RULE, "ramp-up sets find the working load"),
        Reason(RIR_RULE, f"stop each set with {rir} reps in reserve"),
    )
    return Prescription(exercise.slug, (target,) * planned.sets, True, text, why)


def _from_known(
    exercise: Exercise, known: KnownSet | None, reps: int, rir: int | None, ctx: Context
) -> tuple[float, E1rmEstimate] | None:
    """(starting load or added weight, e1RM estimate) from a known set, or None when it cannot
    tell."""
    if known is None or known.reps is None:
        return None
    bodyweight = ctx.athlete.bodyweight_kg
    if body_loaded(exercise):
        if bodyweight is None:
            return None
        moved = bodyweight + (known.added_kg or 0.0)
    else:
        if known.load_kg is None:
            return None
        moved = known.load_kg
    estimate = estimate_known_set(moved, known.reps, known.rir)
    if isinstance(estimate, str):
        return None
    load = load_for_reps_kg(estimate.e1rm_kg, reps, rir)
    if load is None:
        return None
    if body_loaded(exercise):
        load -= bodyweight or 0.0
    return round_load_kg(load, exercise, ctx.athlete), estimate


def known_set_problem(
    exercise: Exercise, known: KnownSet, bodyweight_kg: float | None
) -> str | None:
    """Why a `--known` set cannot set the start (None when it can), for the CLI to say; it
    mirrors what `first_exposure` reads from the set."""
    if exercise.measured_by is MeasuredBy.SECONDS:
        if known.seconds is None:
            return f"{exercise.name} is a timed hold: give seconds, e.g. 30s"
        if logs_load_kg(exercise) and known.load_kg is None:
            return f"{exercise.name} is carried with a load: give load x seconds, e.g. 24x40s"
        return None
    if known.reps is None:
        return f"{exercise.name} is counted in reps: give e.g. 60x10@2"
    if not load_progressed(exercise):
        return None  # the reps start the ladder; no load is worked out
    if body_loaded(exercise):
        if bodyweight_kg is None:
            return (
                "your bodyweight is not known, so a load cannot be worked out "
                "(set it with `backbone athlete --bodyweight KG`)"
            )
        moved = bodyweight_kg + (known.added_kg or 0.0)
    elif known.load_kg is None:
        return "it has no load"
    else:
        moved = known.load_kg
    estimate = estimate_known_set(moved, known.reps, known.rir)
    return estimate if isinstance(estimate, str) else None

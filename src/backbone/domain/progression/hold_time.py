"""progression.hold_time: timed holds get longer, then harder.

Each clean session adds 5 s (from the shortest hold) up to the top of the planned range. Fixed
holds (McGill style, e.g. 10 s) add one hold per session instead, up to 6-8; once the target is
reached the next variation in the catalogue takes over, starting again at the bottom.
"""

from __future__ import annotations

from backbone.domain.exercise import Exercise
from backbone.domain.loads import body_loaded
from backbone.domain.prescription import Reason
from backbone.domain.program import PlanItem
from backbone.domain.progression.context import Context
from backbone.domain.progression.outcome import Outcome
from backbone.domain.progression.targets import Prescription, load_target
from backbone.domain.progression.variations import harder

RULE = "progression.hold_time"


def progress(exercise: Exercise, planned: PlanItem, last: Outcome, ctx: Context) -> Prescription:
    assert planned.seconds is not None
    evidence = ctx.evidence
    low, high = planned.seconds
    step_s = evidence.integer(RULE, "hold_increase_s_min")
    held = last.min_seconds or 0
    body = body_loaded(exercise)
    sets = planned.sets
    substitute: str | None = None
    seconds = (low, high)
    if not last.clean:
        seconds = (min(max(low, held), high), high)
        why = Reason(RULE, "a hold that lost position or hurt does not count: same time")
        text = f"Repeat: {seconds[0]}-{high} s holds with clean form."
    elif held < high:
        start = min(max(low, held + step_s), high)
        seconds = (start, high)
        why = Reason(RULE, f"form held for {held} s: add {step_s} s")
        text = f"Hold {start}-{high} s per set." if start < high else f"Hold {high} s per set."
    elif low == high and last.sets < evidence.integer(RULE, "target_reps_per_side_min"):
        sets = min(
            max(planned.sets, last.sets + evidence.integer(RULE, "rep_increase")),
            evidence.integer(RULE, "target_reps_per_side_max"),
        )
        why = Reason(RULE, f"every {high} s hold was clean: one more hold ({sets})")
        text = f"{sets} holds of {high} s."
    else:
        nxt = harder(exercise, ctx.catalogue)
        if nxt is None:
            why = Reason(RULE, f"target of {high} s reached on every set; keep it and own it")
            text = f"Hold {high} s per set."
            seconds = (high, high)
        else:
            substitute = nxt.slug
            why = Reason(RULE, f"{high} s reached on every set: move on to {nxt.name}")
            text = f"Move on to {nxt.name}: {low}-{high} s per set."
    load = None if substitute else last.top_kg
    target = load_target(body, load, None, seconds, planned.rir)
    return Prescription(exercise.slug, (target,) * sets, False, text, (why,), substitute)

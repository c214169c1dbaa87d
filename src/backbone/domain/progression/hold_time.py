"""progression.hold_time: timed holds get longer up to a cap, then harder; never more sets.

- McGill's curl-up, side bridge and bird dog (core.mcgill_big3), dosed as his short holds (a
  back that hurts or has hurt), keep them short: each clean session adds a hold (a repetition)
  up to the top pyramid, and stays there. The hold time is the target, so reaching it is
  success, never a stall.
- Other holds add 5 s from the shortest clean hold up to the top of the planned range (the cap).
  At the cap a carry or loaded hold adds the smallest load step and goes back to the bottom of
  the range; a bodyweight hold moves on to the next variation the athlete has the equipment for;
  without one it stays at the cap. The set count is the plan's: piling up short sets is not a
  progression any source describes.
"""

from __future__ import annotations

from backbone.domain.exercise import Exercise
from backbone.domain.loads import body_loaded, format_load, logs_load_kg, next_load_up_kg
from backbone.domain.prescription import BIG3_RULE, Reason, mcgill_big3
from backbone.domain.program import PlanItem
from backbone.domain.progression.context import Context
from backbone.domain.progression.outcome import Outcome
from backbone.domain.progression.targets import Prescription, load_target
from backbone.domain.progression.variations import harder_within

RULE = "progression.hold_time"


def progress(exercise: Exercise, planned: PlanItem, last: Outcome, ctx: Context) -> Prescription:
    assert planned.seconds is not None
    if mcgill_big3(exercise) and planned.seconds[0] == planned.seconds[1]:
        return _more_holds(exercise, planned, last, ctx)
    evidence = ctx.evidence
    low, high = planned.seconds
    high = min(high, evidence.integer(RULE, "hold_s_cap"))
    low = min(low, high)
    step_s = evidence.integer(RULE, "hold_increase_s_min")
    held = last.min_seconds or 0
    body = body_loaded(exercise)
    loaded = logs_load_kg(exercise)
    load = last.top_kg
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
    elif loaded and load is not None:
        load = next_load_up_kg(load, exercise, ctx.athlete)
        shown = format_load(load, ctx.athlete)
        why = Reason(RULE, f"{high} s reached on every set: more load ({shown}), back to {low} s")
        text = f"New load {shown}: {low}-{high} s per set."
    else:
        nxt = harder_within(exercise, ctx)
        if nxt is None:
            seconds = (high, high)
            why = Reason(RULE, f"{high} s reached on every set, the cap for this hold: keep it")
            text = f"Hold {high} s per set; a harder variation needs equipment you do not have."
        else:
            substitute = nxt.slug
            why = Reason(RULE, f"{high} s reached on every set: move on to {nxt.name}")
            text = f"Move on to {nxt.name}, back at the bottom of its range."
    value = None if substitute else load
    target = load_target(body, value, None, seconds, planned.rir)
    return Prescription(exercise.slug, (target,) * planned.sets, False, text, (why,), substitute)


def _more_holds(exercise: Exercise, planned: PlanItem, last: Outcome, ctx: Context) -> Prescription:
    """core.mcgill_big3: the hold stays short; the number of holds is what grows."""
    assert planned.seconds is not None
    hold = planned.seconds[1]
    most = sum(ctx.evidence.integers(RULE, "pyramid_top"))
    step = ctx.evidence.integer(RULE, "rep_increase")
    side = " per side" if exercise.unilateral else ""
    held_all = last.clean and (last.min_seconds or 0) >= hold
    if not held_all:
        holds = planned.sets
        why = Reason(RULE, f"every hold to {hold} s with clean form before adding holds")
        text = f"{holds} holds of {hold} s{side}, clean."
    elif last.sets >= most:
        holds = most
        why = Reason(BIG3_RULE, f"{most} holds of {hold} s is the top of the pyramid: keep it")
        text = f"{holds} holds of {hold} s{side}: the full pyramid."
    else:
        holds = min(max(planned.sets, last.sets + step), most)
        why = Reason(RULE, f"every {hold} s hold was clean: one more hold ({holds})")
        text = f"{holds} holds of {hold} s{side}, split in a descending pyramid."
    target = load_target(body_loaded(exercise), None, None, (hold, hold), planned.rir)
    return Prescription(exercise.slug, (target,) * holds, False, text, (why,))

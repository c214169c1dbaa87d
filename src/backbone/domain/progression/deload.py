"""Deloads: planned (the program's deload week) and reactive (poor recovery check-ins).

progression.deload_prescription: about a week of fewer sets, the same load or up to 10% less,
and RIR +2 with no set harder than RIR 3; exercises stay the same. A planned deload week already
has its sets cut by the planner, so only a reactive deload cuts sets here. A reactive deload
also takes 10% off, because it answers fatigue that is already there.
"""

from __future__ import annotations

import math

from backbone.domain.exercise import Exercise
from backbone.domain.loads import body_loaded, format_load, load_progressed, next_load_down_kg
from backbone.domain.prescription import Reason
from backbone.domain.program import PlanItem
from backbone.domain.progression.context import Context
from backbone.domain.progression.outcome import Outcome
from backbone.domain.progression.targets import Prescription, SetTarget, load_target

RULE = "progression.deload_prescription"


def deload_rir(rir: int | None, *, planned_week: bool, ctx: Context) -> int | None:
    """RIR for a deload set: the planner already eased a planned week; a reactive one adds 2."""
    if rir is None:
        return None
    floor = ctx.evidence.integer(RULE, "deload_rir_min")
    added = 0 if planned_week else ctx.evidence.integer(RULE, "rir_increase")
    return max(rir + added, floor)


def deload(
    exercise: Exercise,
    planned: PlanItem,
    last: Outcome,
    ctx: Context,
    *,
    planned_week: bool,
    reactive: bool,
) -> Prescription:
    evidence = ctx.evidence
    sets = planned.sets
    if reactive and not planned_week:
        cut = evidence.number(RULE, "set_cut_fraction_max")
        sets = max(1, math.ceil(planned.sets * (1 - cut)))
    rir = deload_rir(planned.rir, planned_week=planned_week, ctx=ctx)
    body = body_loaded(exercise)
    load = last.top_kg if (load_progressed(exercise) or body) else None
    why = [
        Reason(
            RULE, f"deload: {sets} sets, no load increase, RIR {rir if rir is not None else '+2'}"
        )
    ]
    if reactive and load is not None and load_progressed(exercise):
        fraction = evidence.number(RULE, "load_cut_fraction_max")
        load = next_load_down_kg(load, exercise, ctx.athlete, fraction)
        why.append(Reason(RULE, f"recovery is poor: {round(fraction * 100):g}% less load"))
    seconds = planned.seconds
    if seconds is not None and last.min_seconds is not None:
        seconds = (seconds[0], max(seconds[0], min(seconds[1], last.min_seconds)))
    if body or load is not None:
        target = load_target(body, load, planned.reps, seconds, rir)
    else:
        target = SetTarget(None, None, planned.reps, seconds, rir)
    shown = f" at {format_load(load, ctx.athlete)}" if load is not None and not body else ""
    kind = "Deload week" if planned_week else "Recovery deload"
    text = f"{kind}: {sets} easy sets{shown}; same exercise, stop well short of failure."
    return Prescription(exercise.slug, (target,) * sets, False, text, tuple(why))

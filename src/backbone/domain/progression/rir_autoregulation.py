"""progression.rir_autoregulation: the next load follows the gap between planned and reported RIR.

Reported RIR 2+ below target (or reps below the range) cuts the load 5%; 2+ above target with
every rep done adds 2.5% (at least one step); otherwise the load stays and the target is one more
rep, with one step up once the top of the range is reached at the target RIR. The decision reads
the hardest set and the fewest reps, so less load or fewer reps can never raise the next load.
"""

from __future__ import annotations

from backbone.domain.exercise import Exercise
from backbone.domain.loads import body_loaded, format_load, next_load_down_kg, next_load_up_kg
from backbone.domain.prescription import Reason
from backbone.domain.program import PlanItem
from backbone.domain.progression.context import Context
from backbone.domain.progression.outcome import Outcome
from backbone.domain.progression.targets import Prescription, load_target

RULE = "progression.rir_autoregulation"


def progress(exercise: Exercise, planned: PlanItem, last: Outcome, ctx: Context) -> Prescription:
    assert planned.reps is not None
    assert last.top_kg is not None
    evidence, units = ctx.evidence, ctx.athlete
    low, high = planned.reps
    target_rir = planned.rir if planned.rir is not None else 2
    trigger = evidence.integer(RULE, "rir_miss_trigger")
    reps_done = last.min_reps or 0
    gap = 0 if last.min_rir is None else last.min_rir - target_rir
    current = last.top_kg
    reps = (low, high)
    if reps_done < low or gap <= -trigger:
        cut = evidence.number(RULE, "load_cut_pct_min") / 100
        load = next_load_down_kg(current, exercise, units, cut)
        why = Reason(
            RULE,
            f"harder than planned (RIR {last.min_rir} vs {target_rir}, {reps_done} reps): "
            f"-{round(cut * 100, 1):g}% load",
        )
    elif not last.clean:
        load = current
        why = Reason(RULE, "a partial or painful set does not count: same load")
        reps = (min(max(low, reps_done), high), high)
    elif gap >= trigger:
        rise = evidence.number(RULE, "load_increase_pct_min") / 100
        load = next_load_up_kg(current, exercise, units, rise)
        why = Reason(
            RULE,
            f"easier than planned (RIR {last.min_rir} vs {target_rir}): "
            f"+{format_load(load - current, units)}",
        )
    elif reps_done >= high and gap >= 0:
        load = next_load_up_kg(current, exercise, units)
        why = Reason(RULE, f"top of the range at RIR {target_rir}: one step up, back to {low} reps")
    else:
        load = current
        reps = (min(max(low, reps_done + 1), high), high)
        why = Reason(RULE, f"on target (RIR {target_rir}): same load, one more rep")
    text = f"{format_load(load, units)} for {reps[0]}-{reps[1]} reps, stopping at RIR {target_rir}."
    target = load_target(body_loaded(exercise), load, reps, None, planned.rir)
    return Prescription(exercise.slug, (target,) * planned.sets, False, text, (why,))

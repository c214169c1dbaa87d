"""progression.linear: novices add the smallest step after every successful session.

Success = every work set completed the top of the rep range at RIR 1 or more, full range and
pain-free. Hinges step every second success (their recovery is slower). After 2 failed sessions
in a row at this load (or a heavier one within the reset margin) the load drops 10% and climbs
again; misses from before an earlier reset are further away than that margin, so they do not
count twice. Counting heavier sessions too keeps the rule monotone: lowering the load yourself
never postpones a reset you would otherwise have got.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from backbone.domain.exercise import Exercise
from backbone.domain.loads import body_loaded, format_load, next_load_down_kg, next_load_up_kg
from backbone.domain.prescription import Reason
from backbone.domain.program import PlanItem
from backbone.domain.progression.context import Context
from backbone.domain.progression.outcome import Outcome
from backbone.domain.progression.targets import Prescription, load_target
from backbone.domain.vocabulary import Pattern

RULE = "progression.linear"
SAME_LOAD_KG = 1e-6


def succeeded(last: Outcome, top_reps: int, rir_min: int) -> bool:
    return (
        last.clean
        and last.min_reps is not None
        and last.min_reps >= top_reps
        and (last.min_rir is None or last.min_rir >= rir_min)
    )


def progress(
    exercise: Exercise, planned: PlanItem, outcomes: Sequence[Outcome], ctx: Context
) -> Prescription:
    assert planned.reps is not None
    assert outcomes
    assert outcomes[-1].top_kg is not None
    evidence = ctx.evidence
    _, high = planned.reps
    rir_min = evidence.integer(RULE, "rir_min")
    every = evidence.integer(
        RULE,
        "hinge_sessions_per_step" if exercise.pattern is Pattern.HINGE else "sessions_per_step",
    )
    misses_allowed = evidence.integer(RULE, "failed_sessions_before_switch")
    current = outcomes[-1].top_kg
    cut = evidence.number(RULE, "reset_load_cut_pct") / 100
    wins = _trailing(
        outcomes, lambda o: succeeded(o, high, rir_min) and _top(o) >= current - SAME_LOAD_KG
    )
    misses = _trailing(
        outcomes,
        # a miss at this load or a heavier one: falling short at less load never lifts the next
        lambda o: not succeeded(o, high, rir_min) and _top(o) >= current - SAME_LOAD_KG,
    )
    units = ctx.athlete
    if wins >= every:
        load = next_load_up_kg(current, exercise, units)
        why = Reason(
            RULE,
            f"all {high} reps done at RIR {rir_min}+: add the smallest step "
            f"(+{format_load(load - current, units)})",
        )
        text = f"New load {format_load(load, units)}: {high} reps per set."
    elif misses >= misses_allowed:
        load = next_load_down_kg(current, exercise, units, cut)
        why = Reason(
            RULE,
            f"{misses} sessions in a row short of {high} reps: reset the load "
            f"{round(cut * 100):g}% lower and climb again",
        )
        text = f"Reset to {format_load(load, units)}: {high} reps per set."
    else:
        load = current
        reason = (
            f"one more successful session at this load before the next step (hinges step every {every})"
            if wins
            else "last session fell short: repeat the load"
        )
        why = Reason(RULE, reason)
        text = f"Same load: {high} reps per set."
    target = load_target(body_loaded(exercise), load, (high, high), None, planned.rir)
    return Prescription(exercise.slug, (target,) * planned.sets, False, text, (why,))


def _top(item: Outcome) -> float:
    return item.top_kg if item.top_kg is not None else float("-inf")


def _trailing(items: Sequence[Outcome], test: Callable[[Outcome], bool]) -> int:
    count = 0
    for item in reversed(items):
        if not test(item):
            break
        count += 1
    return count

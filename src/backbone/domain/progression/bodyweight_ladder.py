"""A rep ladder for moves with nothing to add to the bar (bodyweight, bands).

progression.overload_required says load, reps or sets must rise; without a load to add, this
ladder climbs reps to the top of the range, then moves to the next variation the athlete has the
equipment for (pull-up -> weighted pull-up, back extension -> weighted), at the bottom of its
range. The set count stays the plan's: adding sets is not the ladder.

Below the bottom of the range the move is too hard to progress: it regresses to the first listed
easier variation the equipment allows (negatives, band or machine assistance), or, without one,
to sets of what the athlete can do, built back up to the range. Partial or painful sets never
count as success (progression.double).
"""

from __future__ import annotations

from backbone.domain.exercise import Exercise
from backbone.domain.loads import body_loaded
from backbone.domain.prescription import ECCENTRIC_RULE, Reason, eccentric_reps
from backbone.domain.program import PlanItem
from backbone.domain.progression.context import Context
from backbone.domain.progression.outcome import Outcome
from backbone.domain.progression.targets import Prescription, SetTarget, load_target
from backbone.domain.progression.variations import easier_within, harder_within

RULE = "progression.overload_required"
CLEAN_RULE = "progression.double"
REGRESS_RULE = "progression.overload_required"


def progress(exercise: Exercise, planned: PlanItem, last: Outcome, ctx: Context) -> Prescription:
    assert planned.reps is not None
    low, high = planned.reps
    reps_done = last.min_reps or 0
    sets = planned.sets
    substitute: str | None = None
    reps = (low, high)
    added = last.top_kg if body_loaded(exercise) else None
    if last.below_range(low):
        return regress(exercise, planned, last, ctx)
    if not last.clean:
        reps = (min(max(low, reps_done), high), high)
        why = Reason(CLEAN_RULE, "a partial or painful set does not count: same targets")
        text = f"Repeat {sets} sets of {reps[0]}-{high} clean reps."
    elif reps_done < high:
        reps = (min(max(low, reps_done + 1), high), high)
        why = Reason(RULE, f"not every set reached {high} reps: one more rep per set")
        text = f"{sets} sets: at least {reps[0]} reps each, up to {high}."
    else:
        nxt = harder_within(exercise, ctx)
        if nxt is None:
            reps = (high, high)
            why = Reason(RULE, f"{high} reps on every set and no harder variation with your kit")
            text = (
                f"{sets} sets of {high} reps with a 3 s lowering and a pause at the hardest "
                "point: slower reps are the next overload."
            )
        else:
            substitute = nxt.slug
            added = None
            why = Reason(RULE, f"{high} reps on every set: move on to {nxt.name}")
            if nxt.eccentric_only:
                reps = low, high = eccentric_reps(ctx.evidence)
            text = f"Move on to {nxt.name}: {sets} sets of {low}-{high} reps."
    return Prescription(
        exercise.slug,
        _targets(exercise, substitute, added, reps, sets, planned, ctx),
        False,
        text,
        (why,),
        substitute,
    )


def regress(exercise: Exercise, planned: PlanItem, last: Outcome, ctx: Context) -> Prescription:
    """Below the range: an easier variation within the equipment, else fewer reps per set."""
    assert planned.reps is not None
    low, high = planned.reps
    reps_done = round(last.mean_reps or 0)
    easier = easier_within(exercise, ctx)
    instead = " and no easier variation fits your kit"
    also: tuple[Reason, ...] = ()
    if easier is not None and easier.eccentric_only:
        # load.eccentric_only: negatives are for a lifter who cannot yet do a few full reps; one
        # who can builds the full lift back up a rep at a time (below)
        few, most = eccentric_reps(ctx.evidence)
        if reps_done >= few:
            easier = None
            instead = ""
            also = (
                Reason(ECCENTRIC_RULE, f"no negatives: they are for fewer than {few} full reps"),
            )
        else:
            low, high = few, most
    if easier is not None:
        why = Reason(
            REGRESS_RULE,
            f"{reps_done} reps a set is below the {planned.reps[0]}-{planned.reps[1]} range: "
            f"{easier.name} until the range is in reach",
        )
        text = f"Regress to {easier.name}: {planned.sets} sets of {low}-{high} reps."
        targets = _targets(exercise, easier.slug, None, (low, high), planned.sets, planned, ctx)
        return Prescription(exercise.slug, targets, False, text, (why,), easier.slug)
    start = max(1, reps_done)
    why = Reason(
        REGRESS_RULE,
        f"{reps_done} reps a set is below the {low}-{high} range{instead}: "
        f"sets of {start}-{low}, building back to {low}",
    )
    text = (
        f"{planned.sets} sets of {start}-{low} reps with a slow 3-5 s lowering; "
        f"add a rep a session until {low} on every set."
    )
    added = last.top_kg if body_loaded(exercise) else None
    targets = _targets(exercise, None, added, (start, low), planned.sets, planned, ctx)
    return Prescription(exercise.slug, targets, False, text, (why, *also))


def _targets(
    exercise: Exercise,
    substitute: str | None,
    added: float | None,
    reps: tuple[int, int],
    sets: int,
    planned: PlanItem,
    ctx: Context,
) -> tuple[SetTarget, ...]:
    doing = ctx.catalogue.get(substitute) if substitute is not None else exercise
    if substitute is not None:
        target = (
            load_target(True, 0.0, reps, None, planned.rir)
            if body_loaded(doing)
            else SetTarget(None, None, reps, None, planned.rir)
        )
    elif body_loaded(exercise):
        target = load_target(True, added, reps, None, planned.rir)
    else:
        target = SetTarget(None, None, reps, None, planned.rir)
    return (target,) * sets

"""Every target in the unit its exercise is logged in.

A rule may hand over to another exercise (a harder variation, an easier substitute) whose unit
differs from the planned one: a hold that progresses to a loaded rep exercise, a rep drill that
regresses to a hold. The targets are rewritten here so that what `today` asks for can always be
logged as asked: holds in seconds, reps in reps, carries with a load and a time.
"""

from __future__ import annotations

from dataclasses import replace

from backbone.domain.exercise import Exercise
from backbone.domain.loads import body_loaded, logs_load_kg
from backbone.domain.prescription import (
    BIG3_RULE,
    CARRY_SECONDS,
    HOLD_SECONDS_BY_GOAL,
    eccentric_reps,
    mcgill_big3,
)
from backbone.domain.program import PlanItem
from backbone.domain.progression.context import Context
from backbone.domain.progression.targets import Prescription, SetTarget
from backbone.domain.vocabulary import Kind, MeasuredBy, Pattern

MOBILITY_SECONDS = (30, 45)
REPS_BY_KIND = {Kind.COMPOUND: (8, 12), Kind.ISOLATION: (10, 15), Kind.CORE: (8, 12)}
MOBILITY_REPS = (6, 10)


def hold_seconds(exercise: Exercise, ctx: Context) -> tuple[int, int]:
    """The hold range a timed exercise starts at when no plan item gives one."""
    if mcgill_big3(exercise):
        hold = ctx.evidence.integer(BIG3_RULE, "hold_s")
        return hold, hold
    if exercise.kind is Kind.MOBILITY:
        return MOBILITY_SECONDS
    if exercise.pattern is Pattern.CARRY or logs_load_kg(exercise):
        return CARRY_SECONDS
    return HOLD_SECONDS_BY_GOAL[ctx.goal]


def rep_range(exercise: Exercise) -> tuple[int, int]:
    """The rep range a rep exercise starts at when no plan item gives one."""
    if exercise.kind is Kind.MOBILITY:
        return MOBILITY_REPS
    return REPS_BY_KIND.get(exercise.kind, (8, 12))


def fit_target(target: SetTarget, exercise: Exercise, ctx: Context) -> SetTarget:
    """`target` in the unit and load style of `exercise` (unchanged when it already fits)."""
    fitted = target
    if exercise.measured_by is MeasuredBy.SECONDS and target.seconds is None:
        fitted = replace(fitted, seconds=hold_seconds(exercise, ctx), reps=None)
    elif exercise.measured_by is MeasuredBy.REPS and target.reps is None:
        fitted = replace(fitted, reps=rep_range(exercise), seconds=None)
    elif exercise.measured_by is MeasuredBy.SECONDS:
        fitted = replace(fitted, reps=None)
    else:
        fitted = replace(fitted, seconds=None)
    if exercise.eccentric_only and fitted.reps is not None:
        # negatives handed a rep range meant for the full lift (8-12 slow lowerings is a minute
        # under load): a set of negatives is a few reps
        fitted = replace(fitted, reps=eccentric_reps(ctx.evidence))
    if body_loaded(exercise):
        if fitted.added_kg is None or fitted.load_kg is not None:
            fitted = replace(fitted, load_kg=None, added_kg=0.0)
    elif fitted.added_kg is not None:
        # a bodyweight target handed to a loaded exercise: the load has to be found
        fitted = replace(fitted, added_kg=None, load_kg=None)
    if not logs_load_kg(exercise):
        fitted = replace(fitted, load_kg=None)
    return fitted


def in_logged_units(result: Prescription, planned_exercise: Exercise, ctx: Context) -> Prescription:
    """The prescription with every set target fitted to the exercise it is done on."""
    if not result.sets:
        return result
    doing = (
        ctx.catalogue.get(result.substitute)
        if result.substitute is not None and result.substitute in ctx.catalogue
        else planned_exercise
    )
    sets = tuple(fit_target(t, doing, ctx) for t in result.sets)
    if sets == result.sets:
        return result
    # a load-logged exercise that lost its load must be found again: say so
    calibrate = result.calibrate or (
        logs_load_kg(doing)
        and any(t.load_kg is None for t in sets)
        and doing.slug != planned_exercise.slug
    )
    return replace(result, sets=sets, calibrate=calibrate)


def fitted_item(planned: PlanItem, doing: Exercise, prescription: Prescription) -> PlanItem:
    """The planned item re-aimed at the exercise done in its place, in that exercise's unit:
    the substitute's first targets give its range."""
    first = prescription.sets[0] if prescription.sets else None
    reps = first.reps if first is not None else None
    seconds = first.seconds if first is not None else None
    if doing.measured_by is MeasuredBy.SECONDS:
        reps, seconds = None, seconds or planned.seconds or CARRY_SECONDS
    else:
        reps, seconds = reps or planned.reps or rep_range(doing), None
    return replace(
        planned,
        exercise=doing.slug,
        name=doing.name,
        sets=max(1, len(prescription.sets)) if prescription.sets else planned.sets,
        reps=reps,
        seconds=seconds,
        per_side=doing.unilateral,
    )

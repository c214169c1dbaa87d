"""prescribe: pick the progression rule for an exercise and apply the overrides on top.

Order of precedence (safety first, then recovery, then progress):
1. stop (red flag at check-in): no sets, see a clinician.
2. no loaded back work (check-in pain 7+, rising, or new leg symptoms): no sets today.
3. no history: calibrate, or start from a known set (on a regress day: a lower spinal-load
   substitute, or a gentler calibration).
4. red pain in the last session: regress (easier variant or less load, fewer sets), never harder
   than the set that hurt.
5. regress day (check-in back pain 4-6): lower spinal-load substitute, or lighter loads.
6. deload (the program's deload week, or poor recovery): no increase, fewer sets, easier RIR.
   A reactive deload is one event: its loads are cut from the last exposure before it, and
   afterwards progression starts again from that exposure (sessions under it are skipped).
7. hold (back pain not settling or rising, or a session RPE of 9-10): repeat the last load.
8. otherwise the rule for the exercise: hold_time for timed work, a rep/set ladder when there is
   no load to add, linear for novices on compound lifts with a strength goal,
   RIR autoregulation for advanced lifters, double progression for everyone else.
A stall, when found, is attached for the athlete to act on; a short-sleep RIR floor applies last.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from backbone.domain.athlete import Athlete, Profile
from backbone.domain.catalogue import Catalogue
from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.exercise import Exercise
from backbone.domain.exposures import Exposure
from backbone.domain.loads import load_progressed
from backbone.domain.pain_day import DayCall
from backbone.domain.prescription import Reason
from backbone.domain.program import KnownSet, PlanItem
from backbone.domain.progression import (
    bodyweight_ladder,
    double,
    hold_time,
    linear,
    rir_autoregulation,
)
from backbone.domain.progression.calibrate import first_exposure
from backbone.domain.progression.context import Context
from backbone.domain.progression.deload import deload, deload_rir
from backbone.domain.progression.outcome import has_work, outcome
from backbone.domain.progression.pain import (
    PainLight,
    ease,
    exposure_light,
    hold,
    never_harder,
    regress,
)
from backbone.domain.progression.recovery import Recovery
from backbone.domain.progression.stall import apply_stall, detect_stall
from backbone.domain.progression.targets import Prescription
from backbone.domain.progression.units import in_logged_units
from backbone.domain.vocabulary import BackPain, Goal, Kind, Level, MeasuredBy

FLAGS_RULE = "safety.red_flags"
GATE_RULE = "safety.spinal_load_gate"


class RuleName:
    """Which rule `choose_rule` picked: the module's rule id."""

    LINEAR = linear.RULE
    DOUBLE = double.RULE
    RIR = rir_autoregulation.RULE
    HOLD_TIME = hold_time.RULE
    LADDER = bodyweight_ladder.RULE


def choose_rule(exercise: Exercise, planned: PlanItem, level: Level, goal: Goal) -> str:
    """The progression rule id for this exercise and athlete."""
    if exercise.measured_by is MeasuredBy.SECONDS or planned.reps is None:
        return RuleName.HOLD_TIME
    if not load_progressed(exercise):
        return RuleName.LADDER
    if level is Level.NOVICE and goal is Goal.STRENGTH and exercise.kind is Kind.COMPOUND:
        return RuleName.LINEAR
    if level is Level.ADVANCED:
        return RuleName.RIR
    return RuleName.DOUBLE


def prescribe(
    exercise: Exercise,
    planned: PlanItem,
    exposures: Sequence[Exposure],
    *,
    athlete: Athlete,
    level: Level,
    goal: Goal,
    back_pain: BackPain,
    deload_week: bool,
    known: KnownSet | None,
    recovery: Recovery,
    catalogue: Catalogue,
    evidence: EvidenceRegistry,
    profile: Profile | None = None,
) -> Prescription:
    """What to do next time for one planned exercise, with the reasons."""
    ctx = Context(athlete, level, goal, back_pain, catalogue, evidence, profile)
    if recovery.stop:
        return Prescription(
            exercise.slug,
            (),
            False,
            "No training today: a red flag was reported. See a clinician before training; "
            "Backbone will prescribe again once a check-in has no red flags.",
            recovery.reasons or (Reason(FLAGS_RULE, "red flag reported: see a clinician"),),
        )
    back = recovery.back
    if back.call is DayCall.NO_LOADED_BACK_WORK:
        return Prescription(
            exercise.slug,
            (),
            False,
            "No loaded back work until a check-in says the pain has eased: walk and do the "
            "gentle mobility drills instead, and check in again before this lift.",
            recovery.reasons,
        )
    history = tuple(e for e in sorted(exposures, key=lambda e: e.performed_on) if has_work(e))
    # Sessions trained under a reactive deload say nothing about the load to come back to.
    base = tuple(e for e in history if not recovery.deload_on(e.performed_on)) or history
    regress_day = back.call is DayCall.REGRESS and back.back_pain is not None
    if not history:
        rir = planned.rir
        if deload_week or recovery.deload:
            rir = deload_rir(rir, planned_week=deload_week, ctx=ctx)
        eased = ease(exercise, planned, None, ctx, back.back_pain or 0) if regress_day else None
        if eased is not None:
            result = eased
        else:
            if regress_day and rir is not None:
                rir = max(rir, evidence.integer(GATE_RULE, "current_moderate_rir_min"))
            result = first_exposure(exercise, planned, known, rir, ctx)
    else:
        hurt = outcome(history[-1], exercise, evidence)
        last = outcome(base[-1], exercise, evidence)
        eased = ease(exercise, planned, last, ctx, back.back_pain or 0) if regress_day else None
        if exposure_light(history[-1], evidence) is PainLight.RED:
            result = never_harder(regress(exercise, planned, hurt, ctx), hurt)
        elif eased is not None:
            result = eased
        elif deload_week or recovery.deload:
            result = deload(
                exercise, planned, last, ctx, planned_week=deload_week, reactive=recovery.deload
            )
        elif recovery.hold or _hard_session(recovery, planned):
            result = hold(exercise, planned, last, ctx)
            if not recovery.hold and recovery.hard_session_reason is not None:
                result = replace(result, why=(recovery.hard_session_reason,))
        else:
            result = _progress(exercise, planned, base, ctx)
            stall = detect_stall(exercise, planned, base, ctx)
            if stall is not None and result.substitute is None and last.clean:
                # progression.stall: the stall changes what is done, not only what is said
                result = apply_stall(result, stall, exercise, planned, base, ctx)
    result = replace(result, why=result.why + recovery.reasons)
    return _cap_rir(in_logged_units(result, exercise, ctx), recovery.rir_floor)


def _hard_session(recovery: Recovery, planned: PlanItem) -> bool:
    """rir.scale: the last session felt harder (fewer reps in reserve) than this set is planned."""
    hard = recovery.hard_session_rir
    return hard is not None and planned.rir is not None and hard < planned.rir


def _progress(
    exercise: Exercise, planned: PlanItem, history: Sequence[Exposure], ctx: Context
) -> Prescription:
    rule = choose_rule(exercise, planned, ctx.level, ctx.goal)
    last = outcome(history[-1], exercise, ctx.evidence)
    if rule == RuleName.HOLD_TIME:
        if planned.seconds is None:
            return bodyweight_ladder.progress(exercise, planned, last, ctx)
        return hold_time.progress(exercise, planned, last, ctx)
    if rule == RuleName.LADDER:
        return bodyweight_ladder.progress(exercise, planned, last, ctx)
    if last.top_kg is None:
        # Sets were logged without a load: there is nothing to progress from, so find it again.
        return first_exposure(exercise, planned, None, planned.rir, ctx)
    if rule == RuleName.LINEAR:
        outcomes = [outcome(e, exercise, ctx.evidence) for e in history]
        return linear.progress(exercise, planned, outcomes, ctx)
    if rule == RuleName.RIR:
        return rir_autoregulation.progress(exercise, planned, last, ctx)
    return double.progress(exercise, planned, last, ctx)


def _cap_rir(result: Prescription, floor: int | None) -> Prescription:
    """recovery.sleep: after short nights no set is harder than the floor."""
    if floor is None or not result.sets:
        return result
    sets = tuple(replace(t, rir=max(t.rir, floor)) if t.rir is not None else t for t in result.sets)
    return replace(result, sets=sets)

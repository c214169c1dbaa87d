"""safety.pain_monitoring: the traffic light that overrides progression.

Green (0-2 during a set): progress. Amber (3-5): repeat the load (the rules already refuse to
count a set above green). Red (over 5, not settled by the next morning, or rising week to week):
regress one step, to an easier variant with no more spinal load or to 20-30% less load, with
fewer sets. `hold` repeats the last load when recovery says hold (rising back pain). `ease` is
the check-in's regress day (back pain 4-6/10): a lower spinal-load substitute the athlete can do,
or about 20% less load, in the pain-free range. `never_harder` clamps whatever follows red pain.
"""

from __future__ import annotations

import math
from dataclasses import replace
from enum import StrEnum

from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.exercise import Exercise
from backbone.domain.exposures import Exposure
from backbone.domain.loads import body_loaded, format_load, load_progressed, next_load_down_kg
from backbone.domain.planner.candidates import allowed, preference
from backbone.domain.prescription import Reason
from backbone.domain.program import PlanItem
from backbone.domain.progression.context import Context
from backbone.domain.progression.outcome import Outcome
from backbone.domain.progression.targets import Prescription, SetTarget, load_target
from backbone.domain.progression.variations import easier, spine_rank
from backbone.domain.vocabulary import SpinalLoad

RULE = "safety.pain_monitoring"
CUT_RULE = "progression.deload_prescription"
GATE_RULE = "safety.spinal_load_gate"


class PainLight(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


def light(pain: int | None, evidence: EvidenceRegistry) -> PainLight:
    if pain is None or pain <= evidence.integer(RULE, "green_max"):
        return PainLight.GREEN
    if pain <= evidence.integer(RULE, "amber_max"):
        return PainLight.AMBER
    return PainLight.RED


def exposure_light(exposure: Exposure, evidence: EvidenceRegistry) -> PainLight:
    """The worst pain of any set, warm-ups included: pain is pain whatever the set was for."""
    worst = max((s.pain for s in exposure.sets if s.pain is not None), default=None)
    return light(worst, evidence)


def regress(exercise: Exercise, planned: PlanItem, last: Outcome, ctx: Context) -> Prescription:
    """Red pain: an easier variant (or 30% less load), fewer sets, more reps in reserve."""
    evidence = ctx.evidence
    keep = max(1, math.ceil(planned.sets * (1 - evidence.number(CUT_RULE, "set_cut_fraction_max"))))
    rir_floor = evidence.integer(GATE_RULE, "current_moderate_rir_min")
    rir = None if planned.rir is None else max(planned.rir, rir_floor)
    why = [
        Reason(
            RULE, f"pain above {evidence.integer(RULE, 'amber_max')}/10 last time: regress a step"
        )
    ]
    why.append(Reason(CUT_RULE, f"fewer sets ({keep} instead of {planned.sets})"))
    substitute = easier(exercise, ctx.catalogue)
    if substitute is not None and ctx.profile is not None and not allowed(substitute, ctx.profile):
        substitute = lower_spine_substitute(exercise, ctx)
    if substitute is not None:
        calibrate = load_progressed(substitute)
        if body_loaded(substitute):
            target = load_target(True, 0.0, planned.reps, planned.seconds, rir)
        else:
            target = SetTarget(None, None, planned.reps, planned.seconds, rir)
        why.append(Reason(RULE, f"swap to {substitute.name}: no more load on the spine"))
        ending = f", working up to a load that leaves RIR {rir}." if calibrate else "."
        text = f"Swap to {substitute.name}: {keep} easy sets in the pain-free range{ending}"
        return Prescription(
            exercise.slug, (target,) * keep, calibrate, text, tuple(why), substitute.slug
        )
    load = last.top_kg
    if load is not None and load_progressed(exercise):
        cut = evidence.number(RULE, "regress_load_cut_pct_max") / 100
        load = next_load_down_kg(load, exercise, ctx.athlete, cut)
        why.append(Reason(RULE, f"no easier variant listed: {round(cut * 100):g}% less load"))
        text = f"{keep} sets at {format_load(load, ctx.athlete)}, pain-free range only."
    else:
        text = f"{keep} easy sets, pain-free range only."
    reps = None if planned.reps is None else (planned.reps[0], planned.reps[0])
    seconds = None if planned.seconds is None else (planned.seconds[0], planned.seconds[0])
    target = load_target(body_loaded(exercise), load, reps, seconds, rir)
    if not body_loaded(exercise) and not load_progressed(exercise):
        target = SetTarget(None, None, reps, seconds, rir)
    return Prescription(exercise.slug, (target,) * keep, False, text, tuple(why))


def hold(exercise: Exercise, planned: PlanItem, last: Outcome, ctx: Context) -> Prescription:
    """Recovery says hold: the same load (or time) as last time, no increases."""
    reps = planned.reps
    seconds = planned.seconds
    if seconds is not None and last.min_seconds is not None:
        seconds = (min(max(seconds[0], last.min_seconds), seconds[1]), seconds[1])
    load = last.top_kg if (load_progressed(exercise) or body_loaded(exercise)) else None
    if body_loaded(exercise) or load is not None:
        target = load_target(body_loaded(exercise), load, reps, seconds, planned.rir)
    else:
        target = SetTarget(None, None, reps, seconds, planned.rir)
    shown = (
        f" at {format_load(load, ctx.athlete)}"
        if load is not None and not body_loaded(exercise)
        else ""
    )
    text = f"Repeat last session{shown}; no increases until the back settles."
    why = (Reason(RULE, "back pain not settled or rising: hold the load, do not progress"),)
    return Prescription(exercise.slug, (target,) * planned.sets, False, text, why)


def lower_spine_substitute(exercise: Exercise, ctx: Context) -> Exercise | None:
    """The planner's favourite exercise of the same pattern and kind with less spinal load that
    the athlete's equipment, level and back allow; None without a profile or when none fits."""
    profile = ctx.profile
    if profile is None:
        return None
    options = [
        e
        for e in ctx.catalogue
        if e.pattern is exercise.pattern
        and e.kind is exercise.kind
        and e.measured_by is exercise.measured_by
        and spine_rank(e.spinal_load) < spine_rank(exercise.spinal_load)
        and allowed(e, profile)
    ]
    if not options:
        return None
    return max(options, key=lambda e: preference(e, profile, ctx.evidence))


def ease(
    exercise: Exercise, planned: PlanItem, last: Outcome | None, ctx: Context, pain: int
) -> Prescription | None:
    """The check-in's regress day (back pain 4-6/10): less spine, less load, pain-free range.
    None when nothing is logged and no substitute fits: the caller calibrates gently instead."""
    evidence = ctx.evidence
    keep = max(1, math.ceil(planned.sets * (1 - evidence.number(CUT_RULE, "set_cut_fraction_min"))))
    floor = evidence.integer(GATE_RULE, "current_moderate_rir_min")
    rir = None if planned.rir is None else max(planned.rir, floor)
    felt = f"back pain {pain}/10 today"
    loads_spine = spine_rank(exercise.spinal_load) > spine_rank(SpinalLoad.LOW)
    # A heavy spinal load is swapped out; a moderate one only when there is no load to lighten
    # (a lighter Romanian deadlift is a better step back than a band pull-through).
    lighten = last is not None and last.top_kg is not None and load_progressed(exercise)
    swap = exercise.spinal_load is SpinalLoad.HIGH or (loads_spine and not lighten)
    substitute = lower_spine_substitute(exercise, ctx) if swap else None
    if substitute is not None:
        calibrate = load_progressed(substitute)
        body = body_loaded(substitute)
        target = (
            load_target(True, 0.0, planned.reps, planned.seconds, rir)
            if body
            else SetTarget(None, None, planned.reps, planned.seconds, rir)
        )
        ending = f", working up to a load that leaves RIR {rir}." if calibrate else "."
        return Prescription(
            exercise.slug,
            (target,) * keep,
            calibrate,
            f"Today swap to {substitute.name} (less load on the spine): {keep} sets in the "
            f"pain-free range{ending}",
            (Reason(RULE, f"{felt}: {substitute.name} instead, lower spinal load"),),
            substitute.slug,
        )
    if last is None or not last.has_work:
        return None
    if not loads_spine and not load_progressed(exercise):
        held = hold(exercise, planned, last, ctx)
        return replace(
            held,
            instructions="Repeat last session in the pain-free range; no increases today.",
            why=(Reason(RULE, f"{felt}: low spinal load, so keep it, without increases"),),
        )
    reps = None if planned.reps is None else (planned.reps[0], planned.reps[0])
    seconds = planned.seconds
    if seconds is not None and last.min_seconds is not None:
        top = max(1, min(seconds[0], last.min_seconds))
        seconds = (top, top)
    load = last.top_kg
    why = [Reason(RULE, f"{felt}: regress, fewer sets ({keep}), pain-free range")]
    if load is not None and load_progressed(exercise):
        cut = evidence.number(RULE, "regress_load_cut_pct_min") / 100
        load = next_load_down_kg(load, exercise, ctx.athlete, cut)
        why.append(Reason(RULE, f"about {round(cut * 100):g}% less load than last time"))
        text = f"{keep} sets at {format_load(load, ctx.athlete)}, pain-free range only."
        target = load_target(body_loaded(exercise), load, reps, seconds, rir)
    else:
        text = f"{keep} easy sets, pain-free range only."
        target = (
            load_target(True, load, reps, seconds, rir)
            if body_loaded(exercise)
            else SetTarget(None, None, reps, seconds, rir)
        )
    return never_harder(
        Prescription(exercise.slug, (target,) * keep, False, text, tuple(why)), last
    )


def never_harder(prescription: Prescription, hurt: Outcome) -> Prescription:
    """After red pain (over 5): clamp every set target so it asks no more than the exposure that
    hurt did: no more sets, reps or seconds, no less in reserve, no more load. A substitute is a
    different lift, so its load is left to calibration, but its sets, reps, time and effort are
    clamped the same way."""
    if not prescription.sets:
        return prescription
    if prescription.substitute is not None:
        hurt = replace(hurt, top_kg=None)
    sets = prescription.sets[: max(1, min(len(prescription.sets), hurt.sets))]
    return replace(prescription, sets=tuple(_clamp(t, hurt) for t in sets))


def _clamp(target: SetTarget, hurt: Outcome) -> SetTarget:
    reps = target.reps
    if reps is not None and hurt.min_reps is not None:
        top = max(1, min(reps[1], hurt.min_reps))
        reps = (min(reps[0], top), top)
    seconds = target.seconds
    if seconds is not None and hurt.min_seconds is not None:
        top = max(1, min(seconds[1], hurt.min_seconds))
        seconds = (min(seconds[0], top), top)
    rir = target.rir
    if hurt.min_rir is not None:
        rir = max(rir if rir is not None else 0, hurt.min_rir)
    load = target.load_kg
    if load is not None and hurt.top_kg is not None:
        load = min(load, hurt.top_kg)
    added = target.added_kg
    if added is not None and hurt.top_kg is not None:
        added = min(added, hurt.top_kg)
    return SetTarget(load, added, reps, seconds, rir)

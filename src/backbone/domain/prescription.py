"""How hard, how many and how long: the dose of one exercise for a profile, read from the evidence.

Numbers come from the evidence registry by rule id, so changing `evidence.yaml` changes the plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from backbone.domain.athlete import Profile
from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.exercise import Exercise
from backbone.domain.vocabulary import (
    BackPain,
    BlockKind,
    Equipment,
    Goal,
    Kind,
    Level,
    Loadability,
    MeasuredBy,
    Pattern,
    SpinalLoad,
)

MAX_SETS_BY_LEVEL = {Level.NOVICE: 3, Level.INTERMEDIATE: 4, Level.ADVANCED: 5}
CORE_MAX_SETS = 3
HOLD_SECONDS_BY_GOAL = {
    Goal.STRENGTH: (20, 30),
    Goal.HYPERTROPHY: (20, 40),
    Goal.ENDURANCE: (30, 60),
    Goal.HEALTH: (15, 30),
}
CARRY_SECONDS = (30, 45)
CORE_REST_S = 45
SHORT_SESSION_MIN = 30
"""sessions this short take McGill's shorter pyramid (5, 3, 1 holds)"""


@dataclass(frozen=True, slots=True)
class Reason:
    rule_id: str
    text: str


@dataclass(frozen=True, slots=True)
class Dose:
    """Targets for one exercise in one accumulation week, before the weekly effort ramp."""

    reps: tuple[int, int] | None
    seconds: tuple[int, int] | None
    rir_easiest: int | None
    """RIR in week 1; effort rises from here"""
    rir_hardest: int | None
    """RIR in the last loading week; never below the safety floors"""
    rest_s: int
    max_sets: int
    reasons: tuple[Reason, ...]
    fixed_sets: int | None = None
    """a dose whose set count is the prescription itself (McGill's pyramid of holds)"""

    @property
    def work_s_per_side(self) -> float:
        if self.seconds is not None:
            return sum(self.seconds) / 2
        assert self.reps is not None
        return sum(self.reps) / 2


def dose_for(
    exercise: Exercise, block: BlockKind, profile: Profile, evidence: EvidenceRegistry
) -> Dose:
    if exercise.kind is Kind.MOBILITY:
        return _mobility_dose(exercise, block, evidence)
    if (
        exercise.kind is Kind.CORE
        or exercise.pattern is Pattern.CARRY
        or exercise.measured_by is MeasuredBy.SECONDS
    ):
        return _core_dose(exercise, profile, evidence)
    return _loaded_dose(exercise, block, profile, evidence)


def heavy_strength_lift(exercise: Exercise) -> bool:
    """load.strength: the lifts worked in the heavy 3-6 range: barbell lifts and the weighted
    pull-up. Machine, cable, dumbbell and band pulls and rows stay in the 6-12 range, where their
    stacks, bells and set-ups still load them well."""
    if exercise.loadability is not Loadability.EXTERNAL:
        return False
    return Equipment.BARBELL in exercise.equipment or exercise.family == "pull_up"


def _loaded_dose(
    exercise: Exercise, block: BlockKind, profile: Profile, evidence: EvidenceRegistry
) -> Dose:
    goal, level = profile.goal, profile.level
    is_main = block is BlockKind.MAIN
    reasons: list[Reason] = []
    num = evidence.integer
    if goal is Goal.STRENGTH:
        rule = "load.strength"
        if is_main and heavy_strength_lift(exercise):
            low, high = num(rule, "main_reps_min"), num(rule, "main_reps_max")
            if level is Level.NOVICE:
                # Novices keep the heavy range but stay on the light end of it while they learn.
                low = max(low, high - 2)
        else:
            low, high = num(rule, "accessory_reps_min"), num(rule, "accessory_reps_max")
        rir = (num(rule, "rir_min"), num(rule, "rir_max"))
        rest_rule = "rest.strength"
        if level is Level.NOVICE:
            rest_s = num(rest_rule, "untrained_rest_s_max")
        elif is_main:
            rest_s = num(rest_rule, "main_rest_s_min")
        else:
            rest_s = num(rest_rule, "accessory_rest_s_min")
    elif goal is Goal.HYPERTROPHY:
        rule = "load.hypertrophy"
        low, high = (8, 12) if exercise.kind is Kind.COMPOUND else (10, 15)
        low, high = max(low, num(rule, "reps_min")), min(high, num(rule, "reps_max"))
        if exercise.kind is Kind.COMPOUND:
            rir = (num(rule, "compound_rir_min"), num(rule, "compound_rir_max"))
        else:
            rir = (num(rule, "isolation_rir_min"), num(rule, "isolation_rir_max"))
        rest_rule = "rest.hypertrophy"
        if exercise.kind is Kind.COMPOUND:
            rest_s = num(rest_rule, "compound_rest_s_min")
        else:
            rest_s = num(rest_rule, "isolation_rest_s_min")
    elif goal is Goal.ENDURANCE:
        rule = "load.endurance"
        low, high = (12, 20) if exercise.kind is Kind.COMPOUND else (15, 25)
        rir = (num(rule, "rir_min"), num(rule, "rir_max"))
        rest_rule = "rest.endurance"
        rest_s = num(rest_rule, "rest_s_max") if is_main else num(rest_rule, "rest_s_min") * 2
    else:
        rule = "load.health"
        low, high = (8, 12) if exercise.kind is Kind.COMPOUND else (10, 15)
        rir = (num(rule, "rir_min"), num(rule, "rir_max"))
        # No rest study covers the health goal: it borrows the hypertrophy figure for isolation
        # work without citing that rule outside its goal.
        rest_rule = ""
        rest_s = (
            90
            if exercise.kind is Kind.COMPOUND
            else num("rest.hypertrophy", "isolation_rest_s_min")
        )
    if exercise.eccentric_only:
        # load.eccentric_only: a few slow negatives a set, whatever the goal's range says
        rule = ECCENTRIC_RULE
        low, high = eccentric_reps(evidence)
        reasons.append(Reason(rule, f"{low}-{high} slow negatives a set: the lowering is the work"))
    elif exercise.pattern is Pattern.SCAPULAR and exercise.kind is Kind.ISOLATION:
        # select.scapular_isolation: the mid and lower traps and the rear delts take 12-20 reps
        # at RIR 1-3 whatever the goal; heavy face pulls turn into a row.
        rule = "select.scapular_isolation"
        low, high = num(rule, "reps_min"), num(rule, "reps_max")
        lowest, highest = num(rule, "rir_min"), num(rule, "rir_max")
        rir = (min(max(rir[0], lowest), highest), min(max(rir[1], lowest), highest))
        reasons.append(
            Reason(rule, f"{low}-{high} reps: the range for the mid traps and rear delts")
        )
    else:
        reasons.append(Reason(rule, f"{low}-{high} reps for the {goal.value} goal"))
    if rest_rule:
        reasons.append(Reason(rest_rule, f"rest about {rest_s} s between sets"))
    floor, floor_reasons = _rir_floor(exercise, profile, evidence)
    reasons.extend(floor_reasons)
    hardest = max(rir[0], floor)
    easiest = max(rir[1], hardest)
    return Dose(
        reps=(low, high),
        seconds=None,
        rir_easiest=easiest,
        rir_hardest=hardest,
        rest_s=rest_s,
        max_sets=MAX_SETS_BY_LEVEL[level],
        reasons=tuple(reasons),
    )


def _rir_floor(
    exercise: Exercise, profile: Profile, evidence: EvidenceRegistry
) -> tuple[int, list[Reason]]:
    """The fewest reps in reserve safety allows; the most conservative rule wins."""
    floor, reasons = 0, []
    if profile.level is Level.NOVICE:
        floor = evidence.integer("rir.novice_buffer", "rir_min")
        reasons.append(Reason("rir.novice_buffer", f"stop {floor}+ reps short while learning"))
    spine_loaded = exercise.spinal_load is not SpinalLoad.LOW
    if spine_loaded or exercise.pattern is Pattern.HINGE:
        rule = "safety.no_failure_on_hinges"
        need = evidence.integer(rule, "rir_min")
        if profile.level is Level.NOVICE:
            need = evidence.integer(rule, "novice_rir_min")
        if profile.back_pain is not BackPain.NONE:
            need = max(need, evidence.integer(rule, "back_pain_history_rir_min"))
        if need > floor:
            floor = need
            reasons.append(Reason(rule, f"never to failure on spine-loading lifts (RIR >= {need})"))
    if profile.back_pain is BackPain.CURRENT and spine_loaded:
        need = evidence.integer("safety.spinal_load_gate", "current_moderate_rir_min")
        if need > floor:
            floor = need
            reasons.append(
                Reason(
                    "safety.spinal_load_gate", f"with current pain: RIR >= {need}, pain-free range"
                )
            )
    return floor, reasons


BIG3_RULE = "core.mcgill_big3"
ECCENTRIC_RULE = "load.eccentric_only"


def eccentric_reps(evidence: EvidenceRegistry) -> tuple[int, int]:
    """load.eccentric_only: the reps a set of negatives takes, whatever the goal."""
    return evidence.integer(ECCENTRIC_RULE, "reps_min"), evidence.integer(
        ECCENTRIC_RULE, "reps_max"
    )


def mcgill_big3(exercise: Exercise) -> bool:
    """The curl-up, side bridge and bird dog: McGill's spine-sparing core trio."""
    return BIG3_RULE in exercise.rule_ids and exercise.kind is Kind.CORE


def _short_holds(exercise: Exercise, profile: Profile) -> bool:
    """McGill's 10-second holds: every big-3 drill for a back that has hurt; the bird dog and the
    curl-up for everyone (progression.hold_time: McGill's holds stay short, and a 40-second bird
    dog or curl-up is not his drill). A pain-free side bridge is ordinary anti-lateral-flexion
    work that lengthens toward the hold cap, as the side-bridge endurance norms are long holds."""
    return profile.back_pain is not BackPain.NONE or exercise.pattern is not (
        Pattern.ANTI_LATERAL_FLEXION
    )


def _core_dose(exercise: Exercise, profile: Profile, evidence: EvidenceRegistry) -> Dose:
    reasons: list[Reason] = []
    if exercise.measured_by is MeasuredBy.SECONDS:
        if mcgill_big3(exercise) and _short_holds(exercise, profile):
            # core.mcgill_big3: short holds in a descending pyramid (6, 4, 2 holds), the number
            # of holds is the dose; rest.core_isometric: a few seconds between holds. For a back
            # that has hurt, longer holds are not the progression for these drills.
            hold = evidence.integer(BIG3_RULE, "hold_s")
            short = profile.minutes_per_session <= SHORT_SESSION_MIN
            pyramid = evidence.integers(BIG3_RULE, "pyramid_alternative" if short else "pyramid")
            holds = sum(pyramid)
            rest_s = evidence.integer("rest.core_isometric", "rest_s_min")
            steps = ", ".join(str(n) for n in pyramid)
            side = " per side" if exercise.unilateral else ""
            reasons.append(
                Reason(BIG3_RULE, f"{holds} holds of {hold} s{side} as {steps}: spine-sparing")
            )
            reasons.append(Reason("rest.core_isometric", f"{rest_s} s between holds"))
            reasons.append(
                Reason("progression.hold_time", "holds stay short; progress by adding holds")
            )
            return Dose(None, (hold, hold), None, None, rest_s, holds, tuple(reasons), holds)
        if exercise.pattern is Pattern.CARRY or exercise.loadability is Loadability.EXTERNAL:
            seconds = CARRY_SECONDS
            reasons.append(
                Reason("progression.hold_time", "carry a load you can hold tall for the time")
            )
        else:
            seconds = HOLD_SECONDS_BY_GOAL[profile.goal]
            reasons.append(
                Reason("progression.hold_time", "lengthen the hold to the top, then a harder one")
            )
        return Dose(None, seconds, None, None, CORE_REST_S, CORE_MAX_SETS, tuple(reasons))
    low, high = (6, 10) if profile.back_pain is not BackPain.NONE else (8, 12)
    reasons.append(Reason("core.anti_movement_mix", f"{low}-{high} slow, controlled reps"))
    return Dose((low, high), None, 2, 2, CORE_REST_S, CORE_MAX_SETS, tuple(reasons))


def _mobility_dose(exercise: Exercise, block: BlockKind, evidence: EvidenceRegistry) -> Dose:
    if exercise.measured_by is MeasuredBy.SECONDS:
        limit = evidence.integer("mobility.dynamic_warmup", "static_stretch_s_max")
        seconds = (30, min(45, limit))
        if block is BlockKind.COOLDOWN:
            # mobility.cooldown_stretch: static holds belong after the lifting (convention)
            text = f"a gentle static stretch after the lifting, {seconds[0]}-{seconds[1]} s"
            reason = Reason("mobility.cooldown_stretch", text)
        else:
            text = f"under 60 s before lifting, {seconds[0]}-{seconds[1]} s"
            reason = Reason("mobility.dynamic_warmup", text)
        return Dose(None, seconds, None, None, 0, 1, (reason,))
    if exercise.pattern is Pattern.SPINAL_MOBILITY:
        rule = "mobility.cat_camel"
        reps = (evidence.integer(rule, "cycles_min"), evidence.integer(rule, "cycles_max"))
        reason = Reason(rule, f"{reps[0]}-{reps[1]} slow cycles, no forcing the end range")
    elif exercise.pattern is Pattern.HIP_MOBILITY:
        reps = (6, 10)
        if block is BlockKind.COOLDOWN:
            reason = Reason("mobility.cooldown_stretch", "easy hip drill to cool down")
        else:
            reason = Reason("mobility.dynamic_warmup", "dynamic hip drill to prepare the hinge")
    else:
        rule = "mobility.thoracic"
        reps = (
            evidence.integer(rule, "reps_per_side_min"),
            evidence.integer(rule, "reps_per_side_max"),
        )
        reason = Reason(rule, f"{reps[0]}-{reps[1]} controlled reps")
    return Dose(reps, None, None, None, 0, 1, (reason,))

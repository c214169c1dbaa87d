"""Which exercises may appear where: hard filters (equipment, level, spinal load) and block roles."""

from __future__ import annotations

from dataclasses import dataclass

from backbone.domain.athlete import Profile
from backbone.domain.catalogue import Catalogue
from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.exercise import Exercise
from backbone.domain.planner.outside import hinge_done_outside, outside_sets
from backbone.domain.prescription import mcgill_big3
from backbone.domain.vocabulary import (
    BackPain,
    BlockKind,
    Equipment,
    Goal,
    Kind,
    Level,
    Loadability,
    MobilityUse,
    Muscle,
    Pattern,
    Skill,
    SpinalLoad,
    Stability,
)

SHORTLIST_PER_GROUP = 2
MAIN_PATTERNS = (Pattern.VERTICAL_PULL, Pattern.HORIZONTAL_PULL, Pattern.HINGE)
DEADLIFT_FAMILY = "deadlift"


@dataclass(frozen=True, slots=True)
class Candidates:
    main: tuple[Exercise, ...]
    accessory: tuple[Exercise, ...]
    core: tuple[Exercise, ...]
    warmup: tuple[Exercise, ...]
    cooldown: tuple[Exercise, ...]

    def for_block(self, block: BlockKind) -> tuple[Exercise, ...]:
        return {
            BlockKind.MAIN: self.main,
            BlockKind.ACCESSORY: self.accessory,
            BlockKind.CORE: self.core,
            BlockKind.WARMUP: self.warmup,
            BlockKind.COOLDOWN: self.cooldown,
        }[block]


def allowed(exercise: Exercise, profile: Profile) -> bool:
    """Equipment, level, the athlete's exclusions and the spinal-load gate
    (safety.spinal_load_gate; volume.outside_training for heavy hinges done elsewhere)."""
    if exercise.slug in profile.excluded:
        return False
    if not exercise.fits(profile.available_equipment):
        return False
    if exercise.level.rank > profile.level.rank:
        return False
    if exercise.spinal_load is SpinalLoad.HIGH:
        if profile.back_pain is BackPain.CURRENT:
            return False
        if profile.back_pain is BackPain.HISTORY and profile.level is Level.NOVICE:
            return False
        if hinge_done_outside(profile):
            return False
    return True


def loaded_hinge(exercise: Exercise) -> bool:
    """select.loaded_hinge_weekly: a hinge that takes measured external load."""
    return (
        exercise.pattern is Pattern.HINGE
        and exercise.kind is Kind.COMPOUND
        and exercise.loadability is Loadability.EXTERNAL
    )


def deadlift_variant(exercise: Exercise) -> bool:
    return exercise.family == DEADLIFT_FAMILY and loaded_hinge(exercise)


def article_lift(exercise: Exercise) -> bool:
    """The lifts the source article names: deadlift, pull-up, rows, back extension and the
    underhand close-grip lat pulldown."""
    return (
        exercise.family in (DEADLIFT_FAMILY, "pull_up")
        or exercise.slug == "underhand_close_grip_pulldown"
        or (exercise.pattern is Pattern.HORIZONTAL_PULL and exercise.kind is Kind.COMPOUND)
        or (exercise.pattern is Pattern.BACK_EXTENSION and exercise.measured_by.value == "reps")
    )


def block_of(exercise: Exercise) -> BlockKind:
    if exercise.kind is Kind.MOBILITY:
        return BlockKind.WARMUP
    if exercise.kind is Kind.CORE:
        return BlockKind.CORE
    if exercise.kind is Kind.COMPOUND and exercise.pattern in MAIN_PATTERNS:
        return BlockKind.MAIN
    return BlockKind.ACCESSORY


def find_candidates(
    profile: Profile, catalogue: Catalogue, evidence: EvidenceRegistry
) -> Candidates:
    usable = [e for e in catalogue if allowed(e, profile)]
    mobility = [e for e in usable if e.kind is Kind.MOBILITY]

    def short(block: BlockKind) -> tuple[Exercise, ...]:
        return shortlist([e for e in usable if block_of(e) is block], profile, evidence)

    return Candidates(
        main=short(BlockKind.MAIN),
        accessory=short(BlockKind.ACCESSORY),
        core=_with_big3(short(BlockKind.CORE), usable, profile),
        warmup=tuple(
            e for e in mobility if e.mobility_use in (MobilityUse.WARMUP, MobilityUse.BOTH)
        ),
        cooldown=tuple(
            e for e in mobility if e.mobility_use in (MobilityUse.COOLDOWN, MobilityUse.BOTH)
        ),
    )


def _with_big3(
    core: tuple[Exercise, ...], usable: list[Exercise], profile: Profile
) -> tuple[Exercise, ...]:
    """core.mcgill_big3: with back pain the curl-up, side bridge and bird dog stay candidates."""
    if profile.back_pain is BackPain.NONE:
        return core
    extra = [e for e in usable if mcgill_big3(e) and e not in core]
    return (*core, *extra)


def shortlist(
    exercises: list[Exercise], profile: Profile, evidence: EvidenceRegistry
) -> tuple[Exercise, ...]:
    """The best few of each (pattern, kind), so the solver weighs real options, not 15 near-twins.

    The lowest spinal-load option of each group always stays in, because the weekly heavy-hinge
    and per-session spinal-load limits may rule the top picks out.
    """
    groups: dict[tuple[Pattern, Kind], list[Exercise]] = {}
    for exercise in exercises:
        groups.setdefault((exercise.pattern, exercise.kind), []).append(exercise)
    kept: list[Exercise] = []
    for group in groups.values():
        group = _no_stand_ins_beside_loadable(group)
        ranked = sorted(group, key=lambda e: (-preference(e, profile, evidence), e.slug))
        best = ranked[:SHORTLIST_PER_GROUP]
        gentlest = min(
            ranked, key=lambda e: (list(SpinalLoad).index(e.spinal_load), ranked.index(e))
        )
        if gentlest not in best:
            best.append(gentlest)
        kept += best
    return tuple(e for e in exercises if e in kept)


STAND_INS = (Loadability.FIXED, Loadability.BAND)


def _no_stand_ins_beside_loadable(group: list[Exercise]) -> list[Exercise]:
    """select.loadable_first: with a loaded compound of the same pattern at hand, a doorframe or
    band stand-in is never the pick, not even to vary the week or to save a minute (a coach
    repeats the dumbbell row rather than write a doorframe row beside it). A stand-in gentler on
    the spine than every loaded option stays, for a back that needs it."""
    loaded = [e for e in group if e.loadability is Loadability.EXTERNAL]
    if not loaded or any(e.kind is not Kind.COMPOUND for e in group):
        return group  # isolation drills (a prone T raise beside a reverse fly) are no stand-ins
    gentlest_loaded = min(list(SpinalLoad).index(e.spinal_load) for e in loaded)
    return [
        e
        for e in group
        if e.loadability not in STAND_INS or list(SpinalLoad).index(e.spinal_load) < gentlest_loaded
    ]


def preference(exercise: Exercise, profile: Profile, evidence: EvidenceRegistry) -> int:
    """Soft preference among allowed exercises; the evidence behind each nudge is in the comments."""
    score = 0
    # select.loadable_first: measured load in small steps from a stable set-up beats stand-ins.
    # A penalty for each step below the best, so choosing more exercises is never a reward.
    rule = "select.loadable_first"
    best_load, best_stability = len(Loadability) - 1, len(Stability) - 1
    score -= evidence.integer(rule, "loadability_weight") * (best_load - exercise.loadability.rank)
    score -= evidence.integer(rule, "stability_weight") * (best_stability - exercise.stability.rank)
    if profile.level is Level.NOVICE and exercise.skill is Skill.HIGH:
        score -= evidence.integer(rule, "novice_skill_penalty")
    # select.row_spine_load / safety.spinal_load_gate: the sorer the back, the lower the spine load.
    spine_weight = {BackPain.NONE: 1, BackPain.HISTORY: 3, BackPain.CURRENT: 6}[profile.back_pain]
    if (
        profile.goal is Goal.STRENGTH
        and profile.back_pain is BackPain.NONE
        and exercise.pattern is Pattern.HINGE
    ):
        spine_weight = 0  # a strength hinge is meant to load the back that has no complaint
    score -= spine_weight * list(SpinalLoad).index(exercise.spinal_load)
    # Trained lifters get the harder variations they qualify for; novices keep simple ones.
    score += exercise.level.rank if profile.level is not Level.NOVICE else -2 * exercise.level.rank
    # select.pull_up_priority / select.pulldown_grip: the top-ranked pulls by lat activity.
    if (
        "select.pull_up_priority" in exercise.rule_ids
        or "select.pulldown_grip" in exercise.rule_ids
    ):
        score += 3
    # load.strength: heavy bilateral barbell work is where strength is expressed and measured.
    if profile.goal is Goal.STRENGTH and exercise.kind is Kind.COMPOUND:
        score += -3 if exercise.unilateral else 2
        # select.loaded_hinge_weekly: a deadlift variant is the strength goal's main hinge.
        if deadlift_variant(exercise):
            # the full pull from the floor (high spinal load) is the strength test itself
            score += 12 if exercise.spinal_load is SpinalLoad.HIGH else 6
        if Equipment.BARBELL in exercise.equipment and exercise.loadability is Loadability.EXTERNAL:
            score += 2  # the heaviest, finest-stepped load: where strength is expressed
    # lumbar.posterior_chain_lbp: posterior-chain work is preferred when the back has a history.
    if profile.back_pain is not BackPain.NONE and exercise.credit(Muscle.ERECTOR_SPINAE) >= 1:
        score += 2
    return score


TARGETS_RULE = "volume.back_muscle_targets"


def muscle_band(muscle: Muscle, profile: Profile, evidence: EvidenceRegistry) -> tuple[int, int]:
    """The band the plan itself must fill for `muscle` (volume.back_muscle_targets): the weekly
    band for the lats and the upper back, a floor for the lower traps, the erectors' own band;
    less the sets done in other training (volume.outside_training), never below zero."""
    low, high = target_band(muscle, profile, evidence)
    outside = outside_sets(profile, evidence).get(muscle, 0.0)
    return max(0, round(low - outside)), max(0, round(high - outside))


def target_band(muscle: Muscle, profile: Profile, evidence: EvidenceRegistry) -> tuple[int, int]:
    """Weekly hard sets for `muscle` (volume.back_muscle_targets): the level's band for the lats
    and the upper back, a lower floor for the lower traps, the erectors' own band."""
    low, high = volume_band(profile, evidence)
    if muscle is Muscle.ERECTOR_SPINAE:
        level = profile.level.value
        low = evidence.integer(TARGETS_RULE, f"erector_{level}_sets_min")
        high = evidence.integer(TARGETS_RULE, f"erector_{level}_sets_max")
    elif muscle is Muscle.TRAPS_LOWER:
        low = min(low, evidence.integer(TARGETS_RULE, "traps_lower_sets_min"))
    return low, high


def volume_band(profile: Profile, evidence: EvidenceRegistry) -> tuple[int, int]:
    """Weekly hard sets per target back muscle (volume.weekly_sets_band, volume.health_floor)."""
    rule = "volume.weekly_sets_band"
    high = evidence.integer(rule, f"{profile.level.value}_sets_max")
    if profile.goal is Goal.HEALTH or profile.back_pain is BackPain.CURRENT:
        return evidence.integer(rule, "maintenance_sets_min"), high
    return evidence.integer(rule, f"{profile.level.value}_sets_min"), high

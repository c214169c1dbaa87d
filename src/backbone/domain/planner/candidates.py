"""Which exercises may appear where: hard filters (equipment, level, spinal load) and block roles."""

from __future__ import annotations

from dataclasses import dataclass

from backbone.domain.athlete import Profile
from backbone.domain.catalogue import Catalogue
from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.exercise import Exercise
from backbone.domain.vocabulary import (
    BackPain,
    BlockKind,
    Goal,
    Kind,
    Level,
    MobilityUse,
    Muscle,
    Pattern,
    SpinalLoad,
)

SHORTLIST_PER_GROUP = 3
MAIN_PATTERNS = (Pattern.VERTICAL_PULL, Pattern.HORIZONTAL_PULL, Pattern.HINGE)


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
    """Equipment, level and the spinal-load gate (safety.spinal_load_gate)."""
    if not exercise.fits(profile.available_equipment):
        return False
    if exercise.level.rank > profile.level.rank:
        return False
    if exercise.spinal_load is SpinalLoad.HIGH:
        if profile.back_pain is BackPain.CURRENT:
            return False
        if profile.back_pain is BackPain.HISTORY and profile.level is Level.NOVICE:
            return False
    return True


def block_of(exercise: Exercise) -> BlockKind:
    if exercise.kind is Kind.MOBILITY:
        return BlockKind.WARMUP
    if exercise.kind is Kind.CORE:
        return BlockKind.CORE
    if exercise.kind is Kind.COMPOUND and exercise.pattern in MAIN_PATTERNS:
        return BlockKind.MAIN
    return BlockKind.ACCESSORY


def find_candidates(profile: Profile, catalogue: Catalogue) -> Candidates:
    usable = [e for e in catalogue if allowed(e, profile)]
    mobility = [e for e in usable if e.kind is Kind.MOBILITY]
    return Candidates(
        main=shortlist([e for e in usable if block_of(e) is BlockKind.MAIN], profile),
        accessory=shortlist([e for e in usable if block_of(e) is BlockKind.ACCESSORY], profile),
        core=shortlist([e for e in usable if block_of(e) is BlockKind.CORE], profile),
        warmup=tuple(
            e for e in mobility if e.mobility_use in (MobilityUse.WARMUP, MobilityUse.BOTH)
        ),
        cooldown=tuple(
            e for e in mobility if e.mobility_use in (MobilityUse.COOLDOWN, MobilityUse.BOTH)
        ),
    )


def shortlist(exercises: list[Exercise], profile: Profile) -> tuple[Exercise, ...]:
    """The best few of each (pattern, kind), so the solver weighs real options, not 15 near-twins.

    The lowest spinal-load option of each group always stays in, because the weekly heavy-hinge
    and per-session spinal-load limits may rule the top picks out.
    """
    groups: dict[tuple[Pattern, Kind], list[Exercise]] = {}
    for exercise in exercises:
        groups.setdefault((exercise.pattern, exercise.kind), []).append(exercise)
    kept: list[Exercise] = []
    for group in groups.values():
        ranked = sorted(group, key=lambda e: (-preference(e, profile), e.slug))
        best = ranked[:SHORTLIST_PER_GROUP]
        gentlest = min(
            ranked, key=lambda e: (list(SpinalLoad).index(e.spinal_load), ranked.index(e))
        )
        if gentlest not in best:
            best.append(gentlest)
        kept += best
    return tuple(e for e in exercises if e in kept)


def preference(exercise: Exercise, profile: Profile) -> int:
    """Soft preference among allowed exercises; the evidence behind each nudge is in the comments."""
    score = 0
    # select.row_spine_load / safety.spinal_load_gate: the sorer the back, the lower the spine load.
    spine_weight = {BackPain.NONE: 1, BackPain.HISTORY: 3, BackPain.CURRENT: 6}[profile.back_pain]
    score -= spine_weight * list(SpinalLoad).index(exercise.spinal_load)
    # Trained lifters get the harder variations they qualify for; novices keep simple ones.
    score += (
        3 * exercise.level.rank if profile.level is not Level.NOVICE else -2 * exercise.level.rank
    )
    # select.pull_up_priority / select.pulldown_grip: the top-ranked pulls by lat activity.
    if (
        "select.pull_up_priority" in exercise.rule_ids
        or "select.pulldown_grip" in exercise.rule_ids
    ):
        score += 3
    # load.strength: heavy bilateral barbell work is where strength is expressed and measured.
    if profile.goal is Goal.STRENGTH and exercise.kind is Kind.COMPOUND:
        score += -3 if exercise.unilateral else 2
    # lumbar.posterior_chain_lbp: posterior-chain work is preferred when the back has a history.
    if profile.back_pain is not BackPain.NONE and exercise.credit(Muscle.ERECTOR_SPINAE) >= 1:
        score += 2
    return score


def volume_band(profile: Profile, evidence: EvidenceRegistry) -> tuple[int, int]:
    """Weekly hard sets per target back muscle (volume.weekly_sets_band, volume.health_floor)."""
    rule = "volume.weekly_sets_band"
    high = evidence.integer(rule, f"{profile.level.value}_sets_max")
    if profile.goal is Goal.HEALTH or profile.back_pain is BackPain.CURRENT:
        return evidence.integer(rule, "maintenance_sets_min"), high
    return evidence.integer(rule, f"{profile.level.value}_sets_min"), high

"""One exercise of the catalogue: what it trains, what it needs, and how to do it well."""

from __future__ import annotations

from dataclasses import dataclass

from backbone.domain.vocabulary import (
    Equipment,
    Kind,
    Level,
    Loadability,
    MeasuredBy,
    MobilityUse,
    Muscle,
    Pattern,
    Skill,
    SpinalLoad,
    Stability,
)

PRIME_MOVER_CREDIT = 1.0


@dataclass(frozen=True, slots=True)
class RangeOfMotion:
    start: str
    end: str


@dataclass(frozen=True, slots=True)
class CueCard:
    setup: tuple[str, ...]
    execution: tuple[str, ...]
    range_of_motion: RangeOfMotion
    common_faults: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Exercise:
    slug: str
    name: str
    aliases: tuple[str, ...]
    kind: Kind
    pattern: Pattern
    equipment: frozenset[Equipment]
    muscles: tuple[tuple[Muscle, float], ...]
    spinal_load: SpinalLoad
    level: Level
    unilateral: bool
    measured_by: MeasuredBy
    seconds_per_rep: float
    cues: CueCard
    regressions: tuple[str, ...]
    progressions: tuple[str, ...]
    rule_ids: tuple[str, ...]
    mobility_use: MobilityUse | None = None
    loadability: Loadability = Loadability.FIXED
    stability: Stability = Stability.FREE
    skill: Skill = Skill.LOW
    family: str | None = None
    """a lift family shared by variations (deadlift, pull_up): what a swap or a rule looks for"""
    eccentric_only: bool = False
    """only the lowering is worked (a pull-up negative): each rep is a slow 4-5 s descent, so a
    set is a few reps, not a hypertrophy range (load.eccentric_only)"""

    def credit(self, muscle: Muscle) -> float:
        """Share of a set counted toward `muscle` (1.0 prime mover, 0.5 synergist, 0 untouched)."""
        return dict(self.muscles).get(muscle, 0.0)

    def fits(self, available: frozenset[Equipment]) -> bool:
        return self.equipment <= available | {Equipment.BODYWEIGHT}

    @property
    def prime_movers(self) -> tuple[Muscle, ...]:
        return tuple(m for m, c in self.muscles if c >= PRIME_MOVER_CREDIT)

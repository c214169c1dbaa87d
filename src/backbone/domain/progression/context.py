"""Everything a progression rule may read besides the log: who trains, and the rules' numbers."""

from __future__ import annotations

from dataclasses import dataclass

from backbone.domain.athlete import Athlete
from backbone.domain.catalogue import Catalogue
from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.vocabulary import BackPain, Equipment, Goal, Level


@dataclass(frozen=True, slots=True)
class Context:
    athlete: Athlete
    level: Level
    goal: Goal
    back_pain: BackPain
    catalogue: Catalogue
    evidence: EvidenceRegistry
    equipment: frozenset[Equipment] | None = None
    """what the athlete has; None when not known (any variation may be offered)"""

    def has(self, exercise_equipment: frozenset[Equipment]) -> bool:
        """Can the athlete do an exercise that needs this equipment?"""
        if self.equipment is None:
            return True
        return exercise_equipment <= (self.equipment | {Equipment.BODYWEIGHT})

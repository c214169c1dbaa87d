"""Everything a progression rule may read besides the log: who trains, and the rules' numbers."""

from __future__ import annotations

from dataclasses import dataclass

from backbone.domain.athlete import Athlete, Profile
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
    profile: Profile | None = None
    """the program's profile, when known: substitutes must fit its equipment and level"""

    def has(self, exercise_equipment: frozenset[Equipment]) -> bool:
        """Can the athlete do an exercise that needs this equipment? (Any, when not known.)"""
        if self.profile is None:
            return True
        return exercise_equipment <= (self.profile.available_equipment | {Equipment.BODYWEIGHT})

"""An athlete's own exercise: a name from imported history that the catalogue does not have.

Every imported set is kept, back exercise or not. A set of an exercise the catalogue lacks points
at one of these, whose guessed movement, muscles and spinal load let the analytics still count it:
a heavy squat against the spinal-load budget, a press on the push side of push:pull, a hinge in
hinge volume. `backbone exercise map NAME SLUG` later moves its sets onto a catalogue exercise.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from backbone.domain.vocabulary import Muscle, SpinalLoad


class Movement(StrEnum):
    """The broad pattern of any exercise, back or not (the catalogue's patterns are back-only)."""

    PUSH = "push"
    SQUAT = "squat"
    LUNGE = "lunge"
    HINGE = "hinge"
    PULL = "pull"
    CARRY = "carry"
    CARDIO = "cardio"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class OwnExercise:
    athlete_id: int
    slug: str
    """unique per athlete, never a catalogue slug"""
    name: str
    movement: Movement
    muscles: tuple[tuple[Muscle, float], ...]
    spinal_load: SpinalLoad
    source_name: str
    """the name as the source app wrote it"""
    exercise_id: int | None = None
    import_batch_id: int | None = None
    """the import that created it: undoing that import removes it when nothing else uses it"""

    def credit(self, muscle: Muscle) -> float:
        return dict(self.muscles).get(muscle, 0.0)

"""Hard sets of the athlete's own exercises (imported names the catalogue lacks).

They count where their guessed movement and muscles say something true about the back: a heavy
squat in the spinal-load budget, a press on the push side of push:pull, a hinge in the hinge count,
a row in the lats' weekly volume (with its guessed muscle credits). They never count in
progression, which needs the catalogue's cues and load steps. Cardio is never a hard set.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from backbone.domain.analytics.hard_sets import HARD_SET_RIR_MAX
from backbone.domain.history import LoggedSet
from backbone.domain.own_exercise import Movement, OwnExercise
from backbone.domain.strength import WORK_SET_TYPES

OwnExercises = Mapping[str, OwnExercise]
"""the athlete's own exercises by slug"""


def own_hard_sets(
    sets: Iterable[LoggedSet], own: OwnExercises | None
) -> tuple[tuple[LoggedSet, OwnExercise], ...]:
    if not own:
        return ()
    found = []
    for logged in sets:
        exercise = own.get(logged.exercise)
        if (
            exercise is not None
            and exercise.movement is not Movement.CARDIO
            and logged.set_type in WORK_SET_TYPES
            and (logged.rir is None or logged.rir <= HARD_SET_RIR_MAX)
        ):
            found.append((logged, exercise))
    return tuple(found)


def own_count(pairs: Iterable[tuple[LoggedSet, OwnExercise]], movement: Movement) -> float:
    return float(sum(1 for _, exercise in pairs if exercise.movement is movement))

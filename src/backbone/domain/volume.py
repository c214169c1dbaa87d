"""Weekly hard sets per muscle with fractional credit (volume.fractional_counting).

A set counts toward every muscle the exercise credits, weighted by that credit: 1.0 for a prime
mover, 0.5 for a synergist (0.25 for a minor contributor). Mobility drills are not hard sets.
"""

from __future__ import annotations

from collections.abc import Iterable

from backbone.domain.exercise import Exercise
from backbone.domain.vocabulary import Kind, Muscle

BACK_TARGETS = (Muscle.LATS, Muscle.RHOMBOIDS, Muscle.ERECTOR_SPINAE)
"""The headline back muscles: shown first, and trained at least twice a week when possible."""

PLAN_TARGETS = (
    Muscle.LATS,
    Muscle.RHOMBOIDS,
    Muscle.TRAPS_MIDDLE,
    Muscle.TRAPS_LOWER,
    Muscle.REAR_DELTS,
    Muscle.ERECTOR_SPINAE,
)
"""The muscles whose weekly sets the planner keeps inside their bands
(volume.back_muscle_targets): the lats, the upper back and the erectors."""


def weekly_sets(performed: Iterable[tuple[Exercise, int]]) -> dict[Muscle, float]:
    totals = dict.fromkeys(Muscle, 0.0)
    for exercise, sets in performed:
        if exercise.kind is Kind.MOBILITY:
            continue
        for muscle, credit in exercise.muscles:
            totals[muscle] += credit * sets
    return {m: round(v, 2) for m, v in totals.items()}

"""Weekly hard sets per muscle with fractional credit (volume.fractional_counting).

A set counts toward every muscle it trains as a prime mover (1.0) or a synergist (0.5), weighted
by that credit. A minor contributor's 0.25 (a deadlift's touch of lat work) is not a hard set for
that muscle: the rule names prime movers and synergists only, and one count everywhere (the plan's
weekly totals, its band floors and tops, `stats`) means a total shown is the total judged.
Mobility drills are not hard sets.
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


COUNTED_CREDIT_MIN = 0.5
"""volume.fractional_counting: the synergist's credit, the least that makes a set count"""


def counted_credit(credit: float) -> float:
    """The share of a set that counts toward a muscle's weekly hard sets: the catalogue credit
    of a prime mover or synergist, nothing for a minor contributor."""
    return credit if credit >= COUNTED_CREDIT_MIN else 0.0


def weekly_sets(performed: Iterable[tuple[Exercise, int]]) -> dict[Muscle, float]:
    totals = dict.fromkeys(Muscle, 0.0)
    for exercise, sets in performed:
        if exercise.kind is Kind.MOBILITY:
            continue
        for muscle, credit in exercise.muscles:
            totals[muscle] += counted_credit(credit) * sets
    return {m: round(v, 2) for m, v in totals.items()}

"""Back work done outside the plan (`--also-training`): counted toward the bands, not repeated.

volume.outside_training: each lift named is assumed to bring a few hard sets a week, credited
like the catalogue's matching exercise (a deadlift: erectors 1.0, lats 0.5; a row: rhomboids 1.0,
lats 0.5...). Pressing lifts are accepted but bring no back credit.
"""

from __future__ import annotations

from backbone.domain.athlete import Profile
from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.vocabulary import Muscle, OutsideLift

RULE = "volume.outside_training"
CREDIT: dict[OutsideLift, tuple[tuple[Muscle, float], ...]] = {
    OutsideLift.DEADLIFT: ((Muscle.ERECTOR_SPINAE, 1.0), (Muscle.LATS, 0.5)),
    OutsideLift.OLYMPIC: ((Muscle.ERECTOR_SPINAE, 1.0), (Muscle.RHOMBOIDS, 0.25)),
    OutsideLift.SQUAT: ((Muscle.ERECTOR_SPINAE, 0.5),),
    OutsideLift.ROW: (
        (Muscle.RHOMBOIDS, 1.0),
        (Muscle.TRAPS_MIDDLE, 1.0),
        (Muscle.LATS, 0.5),
        (Muscle.REAR_DELTS, 0.5),
    ),
    OutsideLift.PULL_UP: (
        (Muscle.LATS, 1.0),
        (Muscle.RHOMBOIDS, 0.5),
        (Muscle.TRAPS_LOWER, 0.5),
    ),
    OutsideLift.BENCH: (),
    OutsideLift.OVERHEAD_PRESS: (),
}
HINGES = frozenset({OutsideLift.DEADLIFT, OutsideLift.OLYMPIC})


def outside_sets(profile: Profile, evidence: EvidenceRegistry) -> dict[Muscle, float]:
    """Weekly hard sets per muscle assumed from the lifts trained outside the plan."""
    per_lift = evidence.integer(RULE, "assumed_sets_per_lift_per_week")
    totals: dict[Muscle, float] = {}
    for lift in sorted(profile.also_training):
        for muscle, credit in CREDIT[lift]:
            totals[muscle] = totals.get(muscle, 0.0) + credit * per_lift
    return totals


def hinge_done_outside(profile: Profile) -> bool:
    return bool(profile.also_training & HINGES)

"""How often each muscle is trained, and the 48 h spacing audit of what was actually done.

A day counts as an exposure of a muscle when at least one hard set that day came from an
exercise crediting it 0.5 or more: a plank's 0.25 lat credit is not lat training
(frequency.per_muscle_min2). A back day is a day with such a set for the lats, rhomboids or
erectors; two back days closer than `min_hours_between` break recovery.spacing_48h. The log
keeps dates, not times, so days apart x 24 h is the spacing: consecutive days count as 24 h.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from itertools import pairwise

from backbone.domain.analytics.hard_sets import hard_sets
from backbone.domain.analytics.model import MuscleFrequency, SpacingViolation
from backbone.domain.catalogue import Catalogue
from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.history import LoggedSet
from backbone.domain.vocabulary import Muscle
from backbone.domain.volume import BACK_TARGETS

FREQUENCY_RULE = "frequency.per_muscle_min2"
SPACING_RULE = "recovery.spacing_48h"
EXPOSURE_CREDIT_MIN = 0.5
HOURS_PER_DAY = 24


def exposure_days(sets: Sequence[LoggedSet], catalogue: Catalogue) -> dict[Muscle, set[date]]:
    days: dict[Muscle, set[date]] = defaultdict(set)
    for logged, exercise in hard_sets(sets, catalogue):
        for muscle, credit in exercise.muscles:
            if credit >= EXPOSURE_CREDIT_MIN:
                days[muscle].add(logged.performed_on)
    return days


def muscle_frequency(
    sets: Sequence[LoggedSet], muscles: Sequence[Muscle], weeks: int, catalogue: Catalogue
) -> tuple[MuscleFrequency, ...]:
    """Mean exposures per week over the window, for each of `muscles`."""
    days = exposure_days(sets, catalogue)
    return tuple(
        MuscleFrequency(muscle, round(len(days.get(muscle, ())) / weeks, 2), FREQUENCY_RULE)
        for muscle in muscles
    )


def back_days(sets: Sequence[LoggedSet], catalogue: Catalogue) -> tuple[date, ...]:
    days = exposure_days(sets, catalogue)
    return tuple(sorted(set().union(*(days.get(m, set()) for m in BACK_TARGETS))))


def spacing_violations(
    sets: Sequence[LoggedSet], catalogue: Catalogue, evidence: EvidenceRegistry
) -> tuple[SpacingViolation, ...]:
    min_hours = evidence.integer(SPACING_RULE, "min_hours_between")
    found = []
    for first, second in pairwise(back_days(sets, catalogue)):
        hours = (second - first).days * HOURS_PER_DAY
        if hours < min_hours:
            found.append(SpacingViolation(first, second, hours, SPACING_RULE))
    return tuple(found)

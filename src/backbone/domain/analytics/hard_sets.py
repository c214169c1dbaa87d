"""Which logged sets count as hard sets, and for which exercise (volume.fractional_counting).

A hard set is a working, drop, failure or AMRAP set (never a warm-up) that ended at RIR 4 or
closer to failure; a set logged without RIR counts, because most people who skip the field are
doing their normal work sets and dropping them would hide real volume. Partial-range sets count
too: rom.lengthened_partials counts them as hypertrophy sets, and rom.specificity only keeps
them out of progression and e1RM, which the strength analytics already do. Mobility drills and
exercises missing from the catalogue are never hard sets.
"""

from __future__ import annotations

from collections.abc import Iterable

from backbone.domain.catalogue import Catalogue
from backbone.domain.errors import NotFound
from backbone.domain.exercise import Exercise
from backbone.domain.history import LoggedSet
from backbone.domain.strength import WORK_SET_TYPES
from backbone.domain.vocabulary import Kind

HARD_SET_RIR_MAX = 4
"""Section 2 of the evidence: a hard set ends at 4 RIR or closer to failure."""


def find_exercise(catalogue: Catalogue, slug: str) -> Exercise | None:
    """The catalogue entry, or None for an exercise the catalogue no longer knows."""
    try:
        return catalogue.get(slug)
    except NotFound:
        return None


def is_hard(logged: LoggedSet, exercise: Exercise) -> bool:
    return (
        exercise.kind is not Kind.MOBILITY
        and logged.set_type in WORK_SET_TYPES
        and (logged.rir is None or logged.rir <= HARD_SET_RIR_MAX)
    )


def hard_sets(
    sets: Iterable[LoggedSet], catalogue: Catalogue
) -> tuple[tuple[LoggedSet, Exercise], ...]:
    """The hard sets among `sets`, each with its exercise, in the order given."""
    found = []
    for logged in sets:
        exercise = find_exercise(catalogue, logged.exercise)
        if exercise is not None and is_hard(logged, exercise):
            found.append((logged, exercise))
    return tuple(found)

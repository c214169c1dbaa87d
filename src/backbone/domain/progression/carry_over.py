"""Carrying progress over a swap: the replacement's first prescription from the old exercise's sets.

When an athlete swaps an exercise for an equivalent one (same pattern), their recent work on the
old one says roughly what the new one will take, as long as the two load the same way:

- both take external weight (barbell, dumbbells or kettlebells, a cable or machine stack): the
  old top set's load is converted to what each hand held (a barbell or a two-handed stack load is
  shared by two hands; a dumbbell, a kettlebell or a one-arm stack load is one hand's), then to
  the new exercise's convention, and discounted: x 0.9 between two exercises of the same kind of
  weight (machine -> cable, barbell -> another barbell lift), x 0.8 across kinds (barbell ->
  dumbbells), because a less familiar set-up and stability demand cost some load at first.
  Barbell row 60 kg x 8 -> one-arm dumbbell row 60 / 2 x 0.8 = 24 kg per hand.
- both are bodyweight moves of the same lift family and weight kind (pull-up -> chin-up): the
  reps and any added weight carry over unchanged.

Anything else (a pull-up to a pulldown, a band to a cable, a hold to reps) does not transfer, and
the first session calibrates as for any new exercise. The carried set then goes through the
e1RM formulas (e1rm.rir_adjusted) exactly like a `--known` set, which aims the first session at
the light end of the rep range. The two discounts are a coaching convention, not a study result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.exercise import Exercise
from backbone.domain.exposures import Exposure
from backbone.domain.history import LoggedSet
from backbone.domain.loads import (
    ASSISTANCE_MACHINES,
    LoadKind,
    body_loaded,
    load_kind,
    logs_load_kg,
)
from backbone.domain.program import KnownSet
from backbone.domain.progression.outcome import PAIN_RULE, work_sets
from backbone.domain.vocabulary import MeasuredBy

RULE = "e1rm.rir_adjusted"
SAME_KIND_FACTOR = 0.9
"""machine -> cable, barbell -> barbell: a new exercise on the same kind of weight"""
OTHER_KIND_FACTOR = 0.8
"""barbell -> dumbbells, dumbbells -> stack: a new kind of weight and set-up"""
ONE_IMPLEMENT_BOTH_HANDS = frozenset(
    {"kettlebell_deadlift", "kettlebell_swing", "dumbbell_pullover"}
)
"""the catalogue does not say how a weight is held; these hold one dumbbell or kettlebell in both
hands, so its weight is shared like a bar's"""


@dataclass(frozen=True, slots=True)
class CarriedSet:
    """The old exercise's set the new one starts from, and the new exercise's version of it."""

    source: LoggedSet
    known: KnownSet
    factor: float | None
    """load multiplier applied (None for a bodyweight move, whose reps and added weight carry)"""


def carry_over(
    old: Exercise,
    new: Exercise,
    exposures: Sequence[Exposure],
    evidence: EvidenceRegistry,
) -> CarriedSet | None:
    """The replacement's starting set from the old exercise's most recent clean top set, or None
    when the load does not transfer (or there is nothing recent to carry)."""
    factor = transfer_factor(old, new)
    if factor is None:
        return None
    source = _last_top_set(old, exposures, evidence)
    if source is None or source.reps is None:
        return None
    if body_loaded(new):
        known = KnownSet(new.slug, None, source.added_kg, source.reps, None, source.rir)
        return CarriedSet(source, known, None)
    if source.load_kg is None or source.load_kg <= 0:
        return None
    load = source.load_kg / _hands_sharing(old) * _hands_sharing(new) * factor
    known = KnownSet(new.slug, round(load, 3), None, source.reps, None, source.rir)
    return CarriedSet(source, known, factor)


def transfer_factor(old: Exercise, new: Exercise) -> float | None:
    """How much of the old load the new exercise starts from; None when it does not transfer.
    Bodyweight moves that transfer give 1.0 (the reps and added weight carry unchanged)."""
    if old.pattern is not new.pattern:
        return None
    if MeasuredBy.SECONDS in (old.measured_by, new.measured_by):
        return None
    if body_loaded(old) or body_loaded(new):
        same_move = (
            body_loaded(old)
            and body_loaded(new)
            and old.family is not None
            and old.family == new.family
            and load_kind(old) is load_kind(new)
            and (old.slug in ASSISTANCE_MACHINES) == (new.slug in ASSISTANCE_MACHINES)
        )
        return 1.0 if same_move else None
    if not (logs_load_kg(old) and logs_load_kg(new)):
        return None
    return SAME_KIND_FACTOR if load_kind(old) is load_kind(new) else OTHER_KIND_FACTOR


def _hands_sharing(exercise: Exercise) -> int:
    """How many hands share the logged load: a bar or a two-handed stack, 2; a dumbbell, 1."""
    if exercise.slug in ONE_IMPLEMENT_BOTH_HANDS:
        return 2
    if load_kind(exercise) is LoadKind.DUMBBELL or exercise.unilateral:
        return 1
    return 2


def _last_top_set(
    exercise: Exercise, exposures: Sequence[Exposure], evidence: EvidenceRegistry
) -> LoggedSet | None:
    """The heaviest full-range, pain-green work set of the latest exposure that has one."""
    green_max = evidence.integer(PAIN_RULE, "green_max")
    for exposure in sorted(exposures, key=lambda e: e.performed_on, reverse=True):
        clean = [
            s
            for s in work_sets(exposure)
            if s.exercise == exercise.slug
            and s.counts_for_progression
            and s.reps is not None
            and (s.pain is None or s.pain <= green_max)
        ]
        if clean:
            weight = (lambda s: s.added_kg or 0.0) if body_loaded(exercise) else _load
            return max(clean, key=lambda s: (weight(s), s.reps or 0))
    return None


def _load(logged: LoggedSet) -> float:
    return logged.load_kg or 0.0

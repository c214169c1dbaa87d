"""What one exposure showed, read from its work sets only.

A set counts toward success only when it was full range (rom.specificity) and pain stayed green
(safety.pain_monitoring); one partial or painful set makes the whole exposure "not earned".
"""

from __future__ import annotations

from dataclasses import dataclass

from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.exercise import Exercise
from backbone.domain.exposures import Exposure
from backbone.domain.history import LoggedSet, RangeDone, SetType
from backbone.domain.loads import body_loaded

PAIN_RULE = "safety.pain_monitoring"
# Drop sets are planned back-off work at a lighter load; they say nothing about the working load.
PROGRESSION_SET_TYPES = frozenset({SetType.WORKING, SetType.FAILURE, SetType.AMRAP})


@dataclass(frozen=True, slots=True)
class Outcome:
    sets: int
    top_kg: float | None
    """heaviest load_kg, or heaviest added_kg (0 when none) for bodyweight moves"""
    min_reps: int | None
    total_reps: int
    min_seconds: int | None
    max_seconds: int | None
    min_rir: int | None
    """hardest reported set; None when no set reported RIR"""
    clean: bool
    """every work set full range with green pain"""
    worst_pain: int | None

    @property
    def mean_reps(self) -> float | None:
        """reps per work set: below the range on average means too hard, not one slow last set"""
        return self.total_reps / self.sets if self.sets and self.min_reps is not None else None

    def below_range(self, low: int) -> bool:
        mean = self.mean_reps
        return mean is not None and mean < low

    @property
    def has_work(self) -> bool:
        return self.sets > 0


def work_sets(exposure: Exposure) -> tuple[LoggedSet, ...]:
    return tuple(s for s in exposure.sets if s.set_type in PROGRESSION_SET_TYPES)


def outcome(exposure: Exposure, exercise: Exercise, evidence: EvidenceRegistry) -> Outcome:
    # one pass over the sets: the stall rule reads every exposure of a block on each prescription
    green_max = evidence.integer(PAIN_RULE, "green_max")
    body = body_loaded(exercise)
    count = 0
    top: float | None = None
    any_reps = any_seconds = False
    min_reps = total_reps = 0
    min_seconds = 0
    max_seconds: int | None = None
    min_rir: int | None = None
    worst_pain: int | None = None
    clean = True
    for s in exposure.sets:
        if s.set_type not in PROGRESSION_SET_TYPES:
            continue
        reps, seconds, rir, pain = s.reps, s.seconds, s.rir, s.pain
        # a set with no reps (or time) logged counts as zero: it cannot be a success
        if count == 0:
            min_reps, min_seconds = reps or 0, seconds or 0
        else:
            min_reps, min_seconds = min(min_reps, reps or 0), min(min_seconds, seconds or 0)
        count += 1
        load = (s.added_kg if s.added_kg is not None else 0.0) if body else s.load_kg
        if load is not None and (top is None or load > top):
            top = float(load)
        if reps is not None:
            any_reps = True
            total_reps += reps
        if seconds is not None:
            any_seconds = True
            if max_seconds is None or seconds > max_seconds:
                max_seconds = seconds
        if rir is not None and (min_rir is None or rir < min_rir):
            min_rir = rir
        if pain is not None and (worst_pain is None or pain > worst_pain):
            worst_pain = pain
        if s.range_done is not RangeDone.FULL or (pain is not None and pain > green_max):
            clean = False
    return Outcome(
        sets=count,
        top_kg=top,
        min_reps=min_reps if any_reps else None,
        total_reps=total_reps,
        min_seconds=min_seconds if any_seconds else None,
        max_seconds=max_seconds,
        min_rir=min_rir,
        clean=count > 0 and clean,
        worst_pain=worst_pain,
    )


def has_work(exposure: Exposure) -> bool:
    """`outcome(...).has_work` without working out the rest."""
    return any(s.set_type in PROGRESSION_SET_TYPES for s in exposure.sets)

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


def set_load_kg(logged: LoggedSet, exercise: Exercise) -> float | None:
    if body_loaded(exercise):
        return logged.added_kg if logged.added_kg is not None else 0.0
    return logged.load_kg


def outcome(exposure: Exposure, exercise: Exercise, evidence: EvidenceRegistry) -> Outcome:
    green_max = evidence.integer(PAIN_RULE, "green_max")
    sets = work_sets(exposure)
    loads = [float(v) for s in sets if (v := set_load_kg(s, exercise)) is not None]
    top = max(loads, default=None)
    reps = [s.reps for s in sets if s.reps is not None]
    seconds = [s.seconds for s in sets if s.seconds is not None]
    rirs = [s.rir for s in sets if s.rir is not None]
    pains = [s.pain for s in sets if s.pain is not None]
    return Outcome(
        sets=len(sets),
        top_kg=top,
        # A set with no reps logged counts as zero reps: it cannot be a success.
        min_reps=min(s.reps or 0 for s in sets) if reps else None,
        total_reps=sum(reps),
        min_seconds=min(s.seconds or 0 for s in sets) if seconds else None,
        max_seconds=max(seconds, default=None),
        min_rir=min(rirs, default=None),
        clean=bool(sets)
        and all(
            s.range_done is RangeDone.FULL and (s.pain is None or s.pain <= green_max) for s in sets
        ),
        worst_pain=max(pains, default=None),
    )

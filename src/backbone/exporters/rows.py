"""The plain rows exporters write: one logged set with everything a lossless export needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from backbone.domain.history import Prescribed, RangeDone, SetType


@dataclass(frozen=True, slots=True)
class ExportedSet:
    performed_on: date
    started_at: datetime | None
    """when the workout started, aware (its offset is written); None when only the day is known"""
    workout: str
    exercise: str
    """catalogue slug (or the athlete's own exercise's slug)"""
    exercise_name: str
    position: int
    """1-based order among this exercise's sets in the workout"""
    set_type: SetType
    load_kg: float | None
    added_kg: float | None
    """bodyweight moves: weight added (+) or assistance (-)"""
    reps: int | None
    seconds: int | None
    distance_m: float | None
    rir: int | None
    range_done: RangeDone = RangeDone.FULL
    pain: int | None = None
    notes: str = ""
    prescribed: Prescribed | None = None

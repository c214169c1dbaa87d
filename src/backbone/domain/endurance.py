"""Core and back endurance tests (section 16 of the evidence): recorded results."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class EnduranceResult:
    """One test result: a hold in seconds, or a count (pull-ups) where `test` is counted in reps."""

    athlete_id: int
    test: str
    """test name, e.g. "sorensen", "side_bridge", "mcgill_flexor", "plank", "dead_hang", "pullups"
    (the part after `test.` in the evidence rule id)"""
    value: float
    on: date
    side: Side | None = None
    result_id: int | None = None

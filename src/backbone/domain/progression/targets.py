"""What a progression rule answers: the sets to do next time, and why."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from backbone.domain.prescription import Reason


@dataclass(frozen=True, slots=True)
class SetTarget:
    """One set to do. Loads in kg; `added_kg` is for bodyweight moves (negative = assistance)."""

    load_kg: float | None
    added_kg: float | None
    reps: tuple[int, int] | None
    """aim for at least the first, at most the second"""
    seconds: tuple[int, int] | None
    rir: int | None


class StallFix(StrEnum):
    """progression.stall: change the rep range or the variation first; deload after a second."""

    REP_RANGE = "rep_range"
    VARIATION = "variation"
    DELOAD = "deload"


@dataclass(frozen=True)
class Stall:
    exposures: int
    """how many exposures in a row brought no gain"""
    suggestion: str
    reasons: tuple[Reason, ...]
    fix: StallFix = StallFix.REP_RANGE
    variation: str | None = None
    """catalogue slug to swap to when `fix` is a variation"""


@dataclass(frozen=True, slots=True)
class Prescription:
    exercise: str
    sets: tuple[SetTarget, ...]
    calibrate: bool
    """no load known yet: work up to the target effort and log that set"""
    instructions: str
    why: tuple[Reason, ...]
    substitute: str | None = None
    """do this (easier on the back) exercise instead; `sets` are for it"""
    stall: Stall | None = None


def load_target(
    body: bool,
    value_kg: float | None,
    reps: tuple[int, int] | None,
    seconds: tuple[int, int] | None,
    rir: int | None,
) -> SetTarget:
    """A set target whose weight goes in `load_kg`, or in `added_kg` for a bodyweight move."""
    if body:
        return SetTarget(None, 0.0 if value_kg is None else value_kg, reps, seconds, rir)
    return SetTarget(value_kg, None, reps, seconds, rir)

"""An exposure: one exercise on one day, the unit progression and stall rules reason about."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import groupby

from backbone.domain.history import LoggedSet


@dataclass(frozen=True, slots=True)
class Exposure:
    performed_on: date
    sets: tuple[LoggedSet, ...]
    """in logged order"""


def group_exposures(sets: Sequence[LoggedSet]) -> tuple[Exposure, ...]:
    """Group one exercise's sets by day, oldest first; sets keep their logged order.

    Sorting on (exercise, date, position) makes the result independent of how storage ordered the
    rows, so replaying the same log always gives the same exposures.
    """
    ordered = sorted(sets, key=lambda s: (s.performed_on, s.exercise, s.position))
    return tuple(
        Exposure(performed_on=day, sets=tuple(group))
        for (day, _), group in groupby(ordered, key=lambda s: (s.performed_on, s.exercise))
    )

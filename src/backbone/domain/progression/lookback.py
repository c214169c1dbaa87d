"""How much of an exercise's history the progression rules read.

Every rule reads the last exposure; the stall rule (progression.stall) also reads the exposures of
the current block, looking for an earlier stall, and a few before the block, since each exposure
is compared with the one before it. The next target is worked out from that much history, read
through the sets' (athlete, exercise, day) index, instead of half a year of decoded sets: `log`
stays fast however long the log grows. tests/unit/test_progression_lookback.py checks the rules
give the same prescription on it as on the whole history.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from backbone.domain.evidence import EvidenceRegistry

DAYS_PER_WEEK = 7


def history_start(days_newest_first: Sequence[date], evidence: EvidenceRegistry) -> date | None:
    """The first day of history the rules need, given the days the exercise was logged (newest
    first); None when it never was."""
    if not days_newest_first:
        return None
    # a block: the longest loading phase and its deload week (as progression.stall reads it)
    block_weeks = evidence.integer("progression.mesocycle_length", "loading_weeks_max") + 1
    cutoff = days_newest_first[0] - timedelta(days=block_weeks * DAYS_PER_WEEK)
    # the stall window before the block, twice over: a day of warm-ups only does not count
    before = 2 * (evidence.integer("progression.stall", "stall_exposures") + 1)
    inside = [day for day in days_newest_first if day >= cutoff]
    earlier = [day for day in days_newest_first if day < cutoff][:before]
    return (earlier or inside)[-1]

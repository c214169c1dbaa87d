"""Weekly spinal-load budget: hard sets of high and moderate spinal-load exercises
(select.deadlift_load_class), and whether it is rising.

The trend compares the last two weeks with the two before; a change of more than 20% either way
is "rising" or "falling". Two-week blocks smooth out a deload or a missed session, and 20% is
about one set in five: smaller moves are noise in a weekly count. The current week is counted as
logged so far, so early in a week the trend can read "falling" until the sessions are done.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from backbone.domain.analytics.hard_sets import hard_sets
from backbone.domain.analytics.model import SpinalLoadWeek
from backbone.domain.analytics.own_sets import OwnExercises, own_hard_sets
from backbone.domain.analytics.window import week_start
from backbone.domain.catalogue import Catalogue
from backbone.domain.history import LoggedSet
from backbone.domain.vocabulary import SpinalLoad

TREND_BLOCK_WEEKS = 2
TREND_CHANGE = 0.20
RISING, FALLING, STEADY = "rising", "falling", "steady"


def spinal_load_weeks(
    sets: Sequence[LoggedSet],
    weeks: Sequence[date],
    catalogue: Catalogue,
    own: OwnExercises | None = None,
) -> tuple[SpinalLoadWeek, ...]:
    """Per week; the athlete's own exercises count with their guessed spinal load."""
    high = dict.fromkeys(weeks, 0)
    moderate = dict.fromkeys(weeks, 0)
    loads = [(s.performed_on, e.spinal_load) for s, e in hard_sets(sets, catalogue)]
    loads += [(s.performed_on, e.spinal_load) for s, e in own_hard_sets(sets, own)]
    for performed_on, spinal_load in loads:
        monday = week_start(performed_on)
        if monday not in high:
            continue
        if spinal_load is SpinalLoad.HIGH:
            high[monday] += 1
        elif spinal_load is SpinalLoad.MODERATE:
            moderate[monday] += 1
    return tuple(SpinalLoadWeek(w, high[w], moderate[w]) for w in weeks)


def spinal_load_trend(weeks: Sequence[SpinalLoadWeek]) -> str:
    """Last two weeks vs the two before; "steady" with fewer than four weeks of window."""
    if len(weeks) < 2 * TREND_BLOCK_WEEKS:
        return STEADY
    totals = [w.high_sets + w.moderate_sets for w in weeks]
    recent = sum(totals[-TREND_BLOCK_WEEKS:])
    before = sum(totals[-2 * TREND_BLOCK_WEEKS : -TREND_BLOCK_WEEKS])
    if before == 0:
        return RISING if recent > 0 else STEADY
    change = (recent - before) / before
    if change > TREND_CHANGE:
        return RISING
    if change < -TREND_CHANGE:
        return FALLING
    return STEADY

from __future__ import annotations

from datetime import timedelta

from backbone.domain.analytics.model import SpinalLoadWeek
from backbone.domain.analytics.spinal_load import spinal_load_trend
from tests.unit.analytics_builders import MONDAY, hard, run


def test_weekly_counts_by_spinal_load() -> None:
    sets = (
        hard("conventional_deadlift", MONDAY, 3)
        + hard("romanian_deadlift", MONDAY, 2)
        + hard("lat_pulldown", MONDAY, 4)
    )
    assert run(sets, weeks=1).spinal_load == (SpinalLoadWeek(MONDAY, 3, 2),)


def _weeks(*totals: int) -> list[SpinalLoadWeek]:
    return [SpinalLoadWeek(MONDAY + timedelta(weeks=i), t, 0) for i, t in enumerate(totals)]


def test_trend_compares_the_last_two_weeks_with_the_two_before() -> None:
    assert spinal_load_trend(_weeks(5, 5, 6, 7)) == "rising"  # 13 vs 10: +30%
    assert spinal_load_trend(_weeks(5, 5, 5, 6)) == "steady"  # 11 vs 10: +10%
    assert spinal_load_trend(_weeks(5, 5, 4, 3)) == "falling"  # 7 vs 10: -30%
    assert spinal_load_trend(_weeks(0, 0, 0, 1)) == "rising"
    assert spinal_load_trend(_weeks(0, 0, 0, 0)) == "steady"
    assert spinal_load_trend(_weeks(9, 1, 1)) == "steady"  # too short to tell

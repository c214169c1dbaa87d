from __future__ import annotations

from datetime import timedelta

import pytest

from backbone.domain.errors import InputError
from tests.unit.analytics_builders import MONDAY, TODAY, check_in, hard, run


def test_empty_log_has_no_history_and_zero_weeks() -> None:
    analytics = run(weeks=3)
    assert not analytics.has_history
    assert analytics.weeks == 3
    assert [w.week_start for w in analytics.spinal_load] == [
        MONDAY - timedelta(weeks=2),
        MONDAY - timedelta(weeks=1),
        MONDAY,
    ]
    assert analytics.spinal_load_trend == "steady"
    assert all(v.rolling_mean_4w == 0 for v in analytics.volume)


def test_baseline_alone_is_history_but_not_window_volume() -> None:
    old = hard("lat_pulldown", MONDAY - timedelta(weeks=10), 3)
    analytics = run(record_baseline=old, weeks=1)
    assert analytics.has_history
    assert all(v.rolling_mean_4w == 0 for v in analytics.volume)


def test_sets_after_today_are_ignored() -> None:
    analytics = run(hard("lat_pulldown", TODAY + timedelta(days=1), 3), weeks=1)
    assert not analytics.has_history


def test_pain_vs_load_per_week() -> None:
    sets = hard("lat_pulldown", MONDAY, 3) + hard("lat_pulldown", MONDAY - timedelta(weeks=1), 2)
    check_ins = [check_in(MONDAY, 2), check_in(MONDAY + timedelta(days=1), 4)]
    weeks = run(sets, weeks=2, check_ins=check_ins).pain_vs_load
    assert [(w.mean_back_pain, w.hard_sets) for w in weeks] == [(None, 2.0), (3.0, 3.0)]


def test_weeks_must_be_positive() -> None:
    with pytest.raises(InputError):
        run(weeks=0)


def test_same_input_same_output() -> None:
    sets = hard("chest_supported_row", MONDAY, 3) + hard("conventional_deadlift", MONDAY, 2)
    assert run(sets) == run(list(reversed(sets)))

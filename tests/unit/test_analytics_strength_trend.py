from __future__ import annotations

from datetime import timedelta

import pytest

from backbone.domain.analytics.strength_trend import least_squares
from backbone.domain.history import LoggedSet
from tests.unit.analytics_builders import MONDAY, hard, run

START = MONDAY - timedelta(weeks=5)


def _singles(loads: list[float], every_days: int = 7) -> list[LoggedSet]:
    # Singles with no RIR: the e1RM of a single is its load, so the series is known exactly.
    return [
        s
        for i, load in enumerate(loads)
        for s in hard(
            "conventional_deadlift",
            START + timedelta(days=every_days * i),
            1,
            load_kg=load,
            reps=1,
            rir=None,
        )
    ]


def test_a_perfectly_linear_series_has_the_exact_slope_and_no_error() -> None:
    analytics = run(_singles([100.0, 102.5, 105.0, 107.5]), weeks=6)
    (trend,) = analytics.strength
    assert trend.exercise == "conventional_deadlift"
    assert [v for _, v in trend.points] == [100.0, 102.5, 105.0, 107.5]
    assert trend.slope_kg_per_week == 2.5
    assert trend.slope_stderr_kg_per_week == 0.0
    assert not trend.stalled
    assert trend.rule_id == "progression.stall"


def test_two_points_give_a_slope_but_no_error_and_one_point_no_trend() -> None:
    (trend,) = run(_singles([100.0, 110.0], every_days=14), weeks=6).strength
    assert trend.slope_kg_per_week == 5.0
    assert trend.slope_stderr_kg_per_week is None
    assert run(_singles([100.0]), weeks=6).strength == ()


def test_least_squares_standard_error_by_hand() -> None:
    # y = 0, 1, 1, 2 at x = 0..3: slope 0.6, residuals -0.1, 0.3, -0.3, 0.1 -> SSE 0.2,
    # stderr = sqrt(0.2 / 2 / 5) = sqrt(0.02).
    slope, stderr = least_squares([(0, 0), (1, 1), (2, 1), (3, 2)])
    assert slope == pytest.approx(0.6)
    assert stderr == pytest.approx(0.02**0.5)


def test_flat_series_is_stalled() -> None:
    (trend,) = run(_singles([100.0, 100.0, 100.0, 100.0]), weeks=6).strength
    assert trend.slope_kg_per_week == 0.0
    assert trend.stalled


def test_records_in_the_window_against_the_baseline() -> None:
    before = hard("lat_pulldown", START - timedelta(weeks=4), 1, load_kg=60.0, reps=8)
    window = hard("lat_pulldown", MONDAY, 1, load_kg=62.5, reps=8) + hard(
        "face_pull", MONDAY, 1, load_kg=15.0, reps=15
    )
    records = run(window, record_baseline=before).records
    pulldown = [r for r in records if r.exercise == "lat_pulldown"]
    assert {r.kind for r in pulldown} == {"rep_max", "e1rm"}
    rep_max = next(r for r in pulldown if r.kind == "rep_max")
    assert (rep_max.value, rep_max.previous) == (62.5, 60.0)
    assert any(r.exercise == "face_pull" and r.previous is None for r in records)

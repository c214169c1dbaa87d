from __future__ import annotations

from datetime import timedelta

from backbone.domain.analytics.model import Analytics, EnduranceRatio, EnduranceScore
from backbone.domain.endurance import Side
from tests.unit.analytics_builders import TODAY, result, run


def _score(analytics: Analytics, test: str, side: str | None = None) -> EnduranceScore:
    return next(s for s in analytics.endurance if s.test == test and s.side == side)


def _ratio(analytics: Analytics, name: str) -> EnduranceRatio:
    return next(r for r in analytics.endurance_ratios if r.name == name)


def test_latest_result_per_test_and_side() -> None:
    analytics = run(
        endurance=[result("plank", 60, TODAY - timedelta(days=30)), result("plank", 90)]
    )
    plank = _score(analytics, "plank")
    assert (plank.latest_s, plank.on) == (90, TODAY)
    assert "124" in plank.norm
    assert "83" in plank.norm
    assert plank.rule_id == "test.plank"


def test_sorensen_cut_offs_for_men_and_a_note_for_women() -> None:
    low = _score(run(endurance=[result("sorensen", 150)]), "sorensen")
    assert "under 176 s" in low.verdict
    assert "women" in low.verdict
    high = _score(run(endurance=[result("sorensen", 210)]), "sorensen")
    assert "over 198 s" in high.verdict
    assert high.rule_id == "test.sorensen"


def test_dead_hang_and_pullups_are_trend_only() -> None:
    analytics = run(endurance=[result("dead_hang", 45), result("pullups", 8)])
    for test in ("dead_hang", "pullups"):
        assert _score(analytics, test).norm == "no normative source: trend only"


def test_side_bridge_80_100_is_out_of_range() -> None:
    analytics = run(
        endurance=[
            result("side_bridge", 80, side=Side.RIGHT),
            result("side_bridge", 100, side=Side.LEFT),
            result("mcgill_flexor", 120),
            result("mcgill_extensor", 150),
        ]
    )
    sides = _ratio(analytics, "right_to_left_side_bridge")
    assert (sides.value, sides.in_range, sides.target) == (0.8, False, "0.95-1.05")
    assert sides.rule_id == "test.mcgill_ratios"
    flexor = _ratio(analytics, "flexor_to_extensor")
    assert (flexor.value, flexor.in_range) == (0.8, True)
    side_ext = _ratio(analytics, "side_bridge_to_extensor")
    assert (side_ext.value, side_ext.in_range) == (0.6, True)
    assert _score(analytics, "side_bridge", "right").rule_id == "test.side_bridge"


def test_sorensen_stands_in_for_the_extensor_hold() -> None:
    analytics = run(endurance=[result("mcgill_flexor", 200), result("sorensen", 100)])
    flexor = _ratio(analytics, "flexor_to_extensor")
    assert (flexor.value, flexor.in_range) == (2.0, False)


def test_no_results_no_ratios() -> None:
    assert run().endurance_ratios == ()

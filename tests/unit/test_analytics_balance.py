from __future__ import annotations

from backbone.domain.analytics.model import Analytics, Balance
from tests.unit.analytics_builders import MONDAY, hard, run


def _balance(analytics: Analytics, name: str) -> Balance:
    return next(b for b in analytics.balance if b.name == name)


def test_horizontal_vs_vertical_pulling() -> None:
    sets = hard("chest_supported_row", MONDAY, 6) + hard("lat_pulldown", MONDAY, 2)
    pulls = _balance(run(sets, weeks=1), "horizontal_vs_vertical")
    assert (pulls.left_sets, pulls.right_sets, pulls.ratio) == (6.0, 2.0, 3.0)
    assert "add pulldown" in pulls.verdict
    assert pulls.rule_id == "select.compound_plus_isolation"
    even = _balance(
        run(hard("seated_cable_row", MONDAY, 3) + hard("lat_pulldown", MONDAY, 3)),
        "horizontal_vs_vertical",
    )
    assert even.ratio == 1.0
    assert even.verdict == "Horizontal and vertical pulling are balanced."


def test_hinge_vs_back_extension_with_no_extension_has_no_ratio() -> None:
    hinge = _balance(run(hard("romanian_deadlift", MONDAY, 3)), "hinge_vs_back_extension")
    assert (hinge.left_sets, hinge.right_sets, hinge.ratio) == (3.0, 0.0, None)


def test_left_vs_right_reads_the_note() -> None:
    sets = hard("one_arm_dumbbell_row", MONDAY, 3, note="left") + hard(
        "one_arm_dumbbell_row", MONDAY, 2, note="Right arm"
    )
    sides = _balance(run(sets), "left_vs_right")
    assert (sides.left_sets, sides.right_sets, sides.ratio) == (3.0, 2.0, 1.5)


def test_left_vs_right_not_logged_by_side() -> None:
    sides = _balance(run(hard("one_arm_dumbbell_row", MONDAY, 3)), "left_vs_right")
    assert sides.ratio is None
    assert "not logged by side" in sides.verdict


def test_pull_vs_push_says_pushing_is_not_logged() -> None:
    push = _balance(run(hard("lat_pulldown", MONDAY, 3)), "pull_vs_push")
    assert (push.left_sets, push.ratio) == (3.0, None)
    assert "not logged" in push.verdict

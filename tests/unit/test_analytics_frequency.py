from __future__ import annotations

from datetime import timedelta

from backbone.domain.vocabulary import Muscle
from tests.unit.analytics_builders import MONDAY, hard, run


def test_sessions_per_week_counts_days_with_half_credit_or_more() -> None:
    # Two row days in one week; the plank's 0.25 lat credit is not a lat exposure.
    sets = (
        hard("chest_supported_row", MONDAY, 3)
        + hard("chest_supported_row", MONDAY + timedelta(days=2), 3)
        + hard("rkc_plank", MONDAY + timedelta(days=4), 3, load_kg=None, reps=None, seconds=30)
    )
    analytics = run(sets, weeks=1, today=MONDAY + timedelta(days=6))
    frequency = {f.muscle: f for f in analytics.frequency}
    assert frequency[Muscle.LATS].sessions_per_week == 2.0
    assert frequency[Muscle.ERECTOR_SPINAE].sessions_per_week == 0.0
    assert frequency[Muscle.LATS].rule_id == "frequency.per_muscle_min2"


def test_mean_over_the_window() -> None:
    sets = hard("lat_pulldown", MONDAY, 3)
    frequency = {f.muscle: f for f in run(sets, weeks=4).frequency}
    assert frequency[Muscle.LATS].sessions_per_week == 0.25


def test_two_back_days_one_day_apart_is_one_spacing_violation() -> None:
    sets = (
        hard("lat_pulldown", MONDAY, 3)
        + hard("back_extension_45", MONDAY + timedelta(days=1), 3, load_kg=None)
        + hard("chest_supported_row", MONDAY + timedelta(days=3), 3)
    )
    violations = run(sets, weeks=1, today=MONDAY + timedelta(days=6)).spacing_violations
    assert len(violations) == 1
    (violation,) = violations
    assert (violation.first_on, violation.second_on) == (MONDAY, MONDAY + timedelta(days=1))
    assert violation.hours_apart == 24
    assert violation.rule_id == "recovery.spacing_48h"


def test_core_days_are_not_back_days() -> None:
    sets = hard("lat_pulldown", MONDAY, 3) + hard(
        "plank", MONDAY + timedelta(days=1), 3, load_kg=None, reps=None, seconds=30
    )
    assert run(sets, weeks=1, today=MONDAY + timedelta(days=6)).spacing_violations == ()

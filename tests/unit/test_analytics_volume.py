from __future__ import annotations

from datetime import timedelta

from backbone.domain.analytics.model import Analytics, BandStatus, MuscleVolume
from backbone.domain.athlete import make_profile
from backbone.domain.history import RangeDone, SetType
from backbone.domain.vocabulary import Muscle
from tests.unit.analytics_builders import CATALOGUE, MONDAY, TODAY, hard, run


def _volume(analytics: Analytics, muscle: Muscle) -> MuscleVolume:
    return next(v for v in analytics.volume if v.muscle is muscle)


def test_fractional_credit_from_the_catalogue() -> None:
    sets = hard("chest_supported_row", MONDAY, 3) + hard("lat_pulldown", MONDAY, 2)
    analytics = run(sets, weeks=1)
    row, pulldown = CATALOGUE.get("chest_supported_row"), CATALOGUE.get("lat_pulldown")
    for muscle in (Muscle.LATS, Muscle.RHOMBOIDS, Muscle.TRAPS_MIDDLE, Muscle.REAR_DELTS):
        expected = 3 * row.credit(muscle) + 2 * pulldown.credit(muscle)
        assert dict(_volume(analytics, muscle).weekly_sets)[MONDAY] == expected
    lats = _volume(analytics, Muscle.LATS)
    assert lats.weekly_sets == ((MONDAY, 5.0),)
    assert lats.rolling_mean_4w == 5.0


def test_a_minor_contributor_gets_no_hard_sets_as_the_plan_counts_them() -> None:
    """A deadlift's touch of mid-trap work (credit 0.25) is no mid-trap set: `stats` counts what
    the plan's bands count, so a plan followed to the letter is never "above" its band."""
    deadlift = CATALOGUE.get("conventional_deadlift")
    assert deadlift.credit(Muscle.TRAPS_MIDDLE) == 0.25
    analytics = run(hard("conventional_deadlift", MONDAY, 4), weeks=1)
    assert _volume(analytics, Muscle.TRAPS_MIDDLE).weekly_sets == ((MONDAY, 0.0),)
    assert _volume(analytics, Muscle.LATS).weekly_sets == ((MONDAY, 2.0),)  # synergist 0.5


def test_warmups_easy_sets_and_mobility_are_not_hard_sets_but_partials_and_unknown_rir_are() -> (
    None
):
    sets = (
        hard("lat_pulldown", MONDAY, 1, set_type=SetType.WARMUP)
        + hard("lat_pulldown", MONDAY, 1, rir=5)
        + hard("childs_pose", MONDAY, 3, load_kg=None, reps=None, seconds=30)
        + hard("lat_pulldown", MONDAY, 1, rir=None)
        + hard("lat_pulldown", MONDAY, 1, range_done=RangeDone.PARTIAL)
    )
    lats = _volume(run(sets, weeks=1), Muscle.LATS)
    assert lats.weekly_sets == ((MONDAY, 2.0),)


def test_rolling_mean_of_four_weeks_against_the_novice_band_without_a_profile() -> None:
    weeks = [MONDAY - timedelta(weeks=w) for w in range(3, -1, -1)]
    sets = [s for i, w in enumerate(weeks) for s in hard("lat_pulldown", w, 6 + 2 * i)]
    lats = _volume(run(sets, weeks=6), Muscle.LATS)
    assert [v for _, v in lats.weekly_sets] == [0, 0, 6, 8, 10, 12]
    assert lats.rolling_mean_4w == 9.0
    assert lats.band == (8, 12)
    assert lats.status is BandStatus.INSIDE
    assert lats.rule_id == "volume.weekly_sets_band"
    assert lats.sources


def test_band_follows_the_profile_and_status_is_below_or_above() -> None:
    profile = make_profile(
        days_per_week=3,
        minutes_per_session=60,
        equipment=["cable"],
        level="intermediate",
        goal="hypertrophy",
        back_pain="none",
        weeks=5,
        start_on=MONDAY,
    )
    analytics = run(hard("lat_pulldown", TODAY, 20), weeks=1, profile=profile)
    assert _volume(analytics, Muscle.LATS).band == (10, 16)
    assert _volume(analytics, Muscle.LATS).status is BandStatus.ABOVE
    assert _volume(analytics, Muscle.ERECTOR_SPINAE).status is BandStatus.BELOW
    # the erectors are judged against their own band, the one the planner fills
    erectors = _volume(analytics, Muscle.ERECTOR_SPINAE)
    assert erectors.band == (6, 14)
    assert erectors.rule_id == "volume.back_muscle_targets"


def test_target_muscles_are_always_reported() -> None:
    muscles = {v.muscle for v in run().volume}
    assert muscles == {
        Muscle.LATS,
        Muscle.RHOMBOIDS,
        Muscle.ERECTOR_SPINAE,
        Muscle.TRAPS_MIDDLE,
        Muscle.REAR_DELTS,
    }


def test_only_back_muscles_are_judged_against_the_back_band() -> None:
    sets = hard("chest_supported_row", MONDAY, 3)
    judged = {v.muscle for v in run(sets, weeks=1).volume}
    assert Muscle.LATS in judged
    assert Muscle.BICEPS not in judged

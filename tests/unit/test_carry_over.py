"""progression.carry_over: which swaps carry the load over, and by how much."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import pytest

from backbone.domain.history import LoggedSet, RangeDone
from backbone.domain.progression import group_exposures
from backbone.domain.progression.carry_over import carry_over, transfer_factor
from tests.unit.progression_builders import CATALOGUE, EVIDENCE, MONDAY, session


def carried(old: str, new: str, sets: Sequence[LoggedSet]) -> float | None:
    found = carry_over(CATALOGUE.get(old), CATALOGUE.get(new), group_exposures(sets), EVIDENCE)
    return None if found is None else found.known.load_kg


@pytest.mark.parametrize(
    ("old", "new", "load_kg", "expected_kg"),
    [
        # a barbell's load is shared by two hands; a dumbbell is one hand's: 60 / 2 x 0.8
        ("barbell_bent_over_row", "one_arm_dumbbell_row", 60.0, 24.0),
        ("barbell_bent_over_row", "chest_supported_row", 60.0, 24.0),
        # same kind of weight (a stack), same two-handed pull: x 0.9
        ("machine_row", "seated_cable_row", 50.0, 45.0),
        # a two-handed stack to a one-arm cable: each hand's share, x 0.9
        ("seated_cable_row", "one_arm_cable_row", 50.0, 22.5),
        # dumbbells (per hand) to a two-handed cable row: 24 x 2 x 0.8
        ("chest_supported_row", "seated_cable_row", 24.0, 38.4),
        # one kettlebell in both hands is shared like a bar
        ("romanian_deadlift", "kettlebell_deadlift", 60.0, 48.0),
    ],
)
def test_the_load_transfers_scaled_by_how_it_is_held(
    old: str, new: str, load_kg: float, expected_kg: float
) -> None:
    sets = session(old, MONDAY, load_kg, [10, 10, 9])
    assert carried(old, new, sets) == pytest.approx(expected_kg)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("pull_up", "lat_pulldown"),  # the body to a stack
        ("lat_pulldown", "band_lat_pulldown"),  # a band is not weighed
        ("machine_assisted_pull_up", "pull_up"),  # assistance is not added weight
        ("plank", "ab_wheel_rollout"),  # a hold to reps
        ("chest_supported_row", "lat_pulldown"),  # another pattern
    ],
)
def test_loads_that_do_not_transfer_calibrate(old: str, new: str) -> None:
    assert transfer_factor(CATALOGUE.get(old), CATALOGUE.get(new)) is None


def test_a_bodyweight_lift_of_the_same_family_carries_its_reps() -> None:
    sets = session("pull_up", MONDAY, None, [8, 7, 6], added_kg=None)
    found = carry_over(
        CATALOGUE.get("pull_up"), CATALOGUE.get("chin_up"), group_exposures(sets), EVIDENCE
    )
    assert found is not None
    assert found.known.reps == 8
    assert found.known.load_kg is None


def test_the_latest_clean_top_set_is_carried() -> None:
    old = [
        *session("seated_cable_row", MONDAY, 40.0, [12, 12]),
        *session("seated_cable_row", MONDAY + timedelta(days=3), 45.0, [10, 9]),
        # partial or painful sets never count
        *session(
            "seated_cable_row", MONDAY + timedelta(days=3), 60.0, [8], range_done=RangeDone.PARTIAL
        ),
        *session("seated_cable_row", MONDAY + timedelta(days=3), 55.0, [8], pain=7),
    ]
    assert carried("seated_cable_row", "machine_row", old) == pytest.approx(45.0 * 0.9)


def test_nothing_recent_to_carry_means_calibration() -> None:
    assert carried("machine_row", "seated_cable_row", []) is None

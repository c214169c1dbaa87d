"""Guesses for exercises outside the catalogue: what the analytics count until corrected."""

from __future__ import annotations

import pytest

from backbone.domain.vocabulary import Muscle, SpinalLoad
from backbone.importers.guess import MovementFamily, guess_exercise, suggest_slug

F = MovementFamily


@pytest.mark.parametrize(
    ("name", "pattern", "spinal_load"),
    [
        ("Squat (Barbell)", F.SQUAT, SpinalLoad.HIGH),
        ("Back Squat", F.SQUAT, SpinalLoad.HIGH),
        ("Goblet Squat", F.SQUAT, SpinalLoad.MODERATE),
        ("Leg Press", F.SQUAT, SpinalLoad.LOW),
        ("Bench Press (Barbell)", F.PUSH, SpinalLoad.LOW),
        ("Overhead Press (Barbell)", F.PUSH, SpinalLoad.MODERATE),
        ("Walking Lunge (Dumbbell)", F.LUNGE, SpinalLoad.LOW),
        ("Bulgarian Split Squat", F.LUNGE, SpinalLoad.LOW),
        ("Sumo Deadlift (Barbell)", F.HINGE, SpinalLoad.HIGH),
        ("Hip Thrust (Barbell)", F.HINGE, SpinalLoad.LOW),
        ("Bicep Curl (Dumbbell)", F.PULL, SpinalLoad.LOW),
        ("Seated Leg Curl (Machine)", F.OTHER, SpinalLoad.LOW),
        ("Yoke Walk", F.CARRY, SpinalLoad.MODERATE),
        ("Rowing Machine", F.CARDIO, SpinalLoad.LOW),
        ("Running", F.CARDIO, SpinalLoad.LOW),
        ("深蹲", F.SQUAT, SpinalLoad.HIGH),
    ],
)
def test_pattern_and_spinal_load_from_the_name(
    name: str, pattern: MovementFamily, spinal_load: SpinalLoad
) -> None:
    guess = guess_exercise(name)
    assert (guess.pattern, guess.spinal_load) == (pattern, spinal_load)


def test_muscles_are_the_tracked_ones_only() -> None:
    assert guess_exercise("Bench Press (Barbell)").muscles == ()
    assert dict(guess_exercise("Hammer Curl (Dumbbell)").muscles)[Muscle.BICEPS] == 1.0
    assert Muscle.ERECTOR_SPINAE in dict(guess_exercise("Squat (Barbell)").muscles)
    assert dict(guess_exercise("Cable Crunch").muscles)[Muscle.RECTUS_ABDOMINIS] == 1.0


def test_confidence_says_how_much_the_name_told() -> None:
    assert guess_exercise("Bench Press").confidence == 0.7
    assert guess_exercise("Cable Crunch").confidence == 0.5
    assert guess_exercise("Zottman Thing").confidence == 0.3


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Bench Press (Barbell)", "bench_press_barbell"),
        ("Développé couché", "developpe_couche"),
        ("Pull-Up (Band)", "pull_up_band"),
    ],
)
def test_suggested_slugs_are_valid_catalogue_slugs(name: str, slug: str) -> None:
    suggested = suggest_slug(name)
    assert suggested[0].isalpha()
    assert suggested.replace("_", "").isalnum()
    assert suggested == slug


def test_a_name_without_latin_letters_still_gets_a_stable_slug() -> None:
    assert suggest_slug("深蹲") == suggest_slug("深蹲")
    assert suggest_slug("深蹲") != suggest_slug("卧推")
    assert suggest_slug("深蹲").startswith("custom_")

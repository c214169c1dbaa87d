"""The packaged exercise catalogue, and the validator that guards it."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from backbone.data import packaged_catalogue
from backbone.domain.catalogue import Catalogue, CatalogueError, catalogue_from_records
from backbone.domain.errors import NotFound
from backbone.domain.vocabulary import (
    CORE_PATTERNS,
    MOBILITY_PATTERNS,
    Equipment,
    Kind,
    Loadability,
    MeasuredBy,
    MobilityUse,
    Muscle,
    Pattern,
    Skill,
    SpinalLoad,
    Stability,
)

REQUIRED_SLUGS = (
    # vertical pulls
    "pull_up",
    "chin_up",
    "band_assisted_pull_up",
    "pull_up_negative",
    "weighted_pull_up",
    "lat_pulldown",
    "underhand_close_grip_pulldown",
    "band_lat_pulldown",
    "straight_arm_pulldown",
    "dumbbell_pullover",
    # horizontal pulls
    "barbell_bent_over_row",
    "one_arm_dumbbell_row",
    "chest_supported_row",
    "seated_cable_row",
    "inverted_row",
    "trx_row",
    "band_row",
    # hinges
    "conventional_deadlift",
    "romanian_deadlift",
    "kettlebell_swing",
    "good_morning",
    "single_leg_rdl",
    "band_pull_through",
    # back extensions
    "back_extension_45",
    "reverse_hyper",
    "isolated_lumbar_extension_machine",
    # scapular, shrugs, carries
    "face_pull",
    "band_pull_apart",
    "reverse_fly",
    "barbell_shrug",
    "farmers_carry",
    "suitcase_carry",
    # core
    "plank",
    "side_plank",
    "bird_dog",
    "dead_bug",
    "mcgill_curl_up",
    "pallof_press",
    "band_pallof_press",
    "ab_wheel_rollout",
    "hollow_hold",
    # mobility
    "cat_camel",
    "childs_pose",
    "hip_flexor_stretch",
    "dead_hang",
    "wall_slide",
)

THORACIC_ROTATION_SLUGS = ("open_book", "quadruped_thoracic_rotation", "thoracic_rotation")

# select.deadlift_load_class: conventional deadlift, good morning and bent-over barbell rows.
HIGH_SPINAL_LOAD = {"conventional_deadlift", "good_morning", "barbell_bent_over_row", "pendlay_row"}


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return packaged_catalogue()


def _fits(catalogue: Catalogue, *equipment: Equipment) -> list[Any]:
    return [e for e in catalogue if e.fits(frozenset(equipment))]


# ---------------------------------------------------------------- the packaged catalogue


def test_catalogue_is_large_enough_to_plan_from(catalogue: Catalogue) -> None:
    assert len(catalogue) >= 70


@pytest.mark.parametrize("slug", REQUIRED_SLUGS)
def test_required_exercise_is_present(catalogue: Catalogue, slug: str) -> None:
    assert slug in catalogue


def test_a_thoracic_rotation_drill_is_present(catalogue: Catalogue) -> None:
    drills = [s for s in THORACIC_ROTATION_SLUGS if s in catalogue]
    assert drills
    assert all(catalogue.get(s).pattern is Pattern.THORACIC_MOBILITY for s in drills)


def test_every_pattern_of_the_vocabulary_has_exercises(catalogue: Catalogue) -> None:
    assert {e.pattern for e in catalogue} == set(Pattern)


@pytest.mark.parametrize(
    "muscle",
    [
        Muscle.LATS,
        Muscle.RHOMBOIDS,
        Muscle.TRAPS_UPPER,
        Muscle.TRAPS_MIDDLE,
        Muscle.TRAPS_LOWER,
        Muscle.ERECTOR_SPINAE,
    ],
)
def test_each_back_muscle_is_the_prime_mover_somewhere(
    catalogue: Catalogue, muscle: Muscle
) -> None:
    assert any(muscle in e.prime_movers for e in catalogue)


def test_high_spinal_load_is_exactly_the_deadlift_good_morning_and_bent_over_row_family(
    catalogue: Catalogue,
) -> None:
    high = {e.slug for e in catalogue if e.spinal_load is SpinalLoad.HIGH}
    assert high == HIGH_SPINAL_LOAD & {e.slug for e in catalogue}
    assert {"conventional_deadlift", "good_morning", "barbell_bent_over_row"} <= high


@pytest.mark.parametrize(
    ("slug", "load"),
    [
        ("romanian_deadlift", SpinalLoad.MODERATE),
        ("dumbbell_romanian_deadlift", SpinalLoad.MODERATE),
        ("kettlebell_swing", SpinalLoad.MODERATE),
        ("reverse_hyper", SpinalLoad.MODERATE),
        ("weighted_back_extension", SpinalLoad.MODERATE),
        ("lat_pulldown", SpinalLoad.LOW),
        ("chest_supported_row", SpinalLoad.LOW),
        ("bird_dog", SpinalLoad.LOW),
        ("mcgill_curl_up", SpinalLoad.LOW),
        ("side_plank", SpinalLoad.LOW),
    ],
)
def test_spinal_load_follows_the_load_classes(
    catalogue: Catalogue, slug: str, load: SpinalLoad
) -> None:
    assert catalogue.get(slug).spinal_load is load


def test_supported_rows_are_low_spinal_load(catalogue: Catalogue) -> None:
    for slug in ("chest_supported_row", "seated_cable_row", "inverted_row", "trx_row"):
        assert catalogue.get(slug).spinal_load is SpinalLoad.LOW, slug


def test_levels_of_the_pull_up_ladder(catalogue: Catalogue) -> None:
    assert catalogue.get("band_assisted_pull_up").level.value == "novice"
    assert catalogue.get("pull_up_negative").level.value == "novice"
    assert catalogue.get("pull_up").level.value == "intermediate"
    assert catalogue.get("weighted_pull_up").level.value == "advanced"


def test_pull_up_ladder_climbs_from_assisted_to_weighted(catalogue: Catalogue) -> None:
    assert "pull_up_negative" in catalogue.get("band_assisted_pull_up").progressions
    assert "pull_up" in catalogue.get("pull_up_negative").progressions
    assert "weighted_pull_up" in catalogue.get("pull_up").progressions
    assert "band_assisted_pull_up" in catalogue.get("pull_up").regressions


@pytest.mark.parametrize(
    "equipment",
    [
        pytest.param((Equipment.BODYWEIGHT,), id="bodyweight"),
        pytest.param((Equipment.BAND,), id="band"),
        pytest.param(tuple(Equipment), id="full-gym"),
    ],
)
def test_home_equipment_still_covers_a_whole_week(equipment: tuple[Equipment, ...]) -> None:
    fitting = _fits(packaged_catalogue(), *equipment)
    patterns = {e.pattern for e in fitting}
    assert Pattern.HORIZONTAL_PULL in patterns
    assert patterns & {Pattern.HINGE, Pattern.BACK_EXTENSION}
    assert Pattern.SCAPULAR in patterns
    assert patterns >= CORE_PATTERNS
    uses = {e.mobility_use for e in fitting if e.kind is Kind.MOBILITY}
    assert uses & {MobilityUse.WARMUP, MobilityUse.BOTH}
    assert uses & {MobilityUse.COOLDOWN, MobilityUse.BOTH}


def test_a_band_alone_gives_a_vertical_pull_and_the_band_staples(catalogue: Catalogue) -> None:
    band_only = {e.slug for e in _fits(catalogue, Equipment.BAND)}
    assert any(catalogue.get(s).pattern is Pattern.VERTICAL_PULL for s in band_only)
    for slug in (
        "band_lat_pulldown",
        "band_row",
        "band_pull_apart",
        "band_pull_through",
        "band_face_pull",
        "band_pallof_press",
    ):
        assert slug in band_only, slug
        assert catalogue.get(slug).equipment == frozenset({Equipment.BAND}), slug


def test_no_vertical_pull_is_offered_without_something_to_pull_on(catalogue: Catalogue) -> None:
    assert (
        catalogue.filter(pattern=Pattern.VERTICAL_PULL, equipment=frozenset({Equipment.BODYWEIGHT}))
        == ()
    )
    assert catalogue.filter(
        pattern=Pattern.VERTICAL_PULL, equipment=frozenset({Equipment.PULLUP_BAR})
    )


def test_every_ladder_link_resolves_and_never_points_at_itself(catalogue: Catalogue) -> None:
    for exercise in catalogue:
        links = (*exercise.regressions, *exercise.progressions)
        assert exercise.slug not in links, exercise.slug
        assert all(link in catalogue for link in links), exercise.slug
        assert not set(exercise.regressions) & set(exercise.progressions), exercise.slug


def test_ladders_never_loop_back_on_themselves(catalogue: Catalogue) -> None:
    harder: dict[str, set[str]] = {e.slug: set(e.progressions) for e in catalogue}
    for exercise in catalogue:
        for easier in exercise.regressions:
            harder[easier].add(exercise.slug)

    def reachable(start: str) -> set[str]:
        seen: set[str] = set()
        stack = list(harder[start])
        while stack:
            slug = stack.pop()
            if slug not in seen:
                seen.add(slug)
                stack.extend(harder[slug])
        return seen

    for slug in harder:
        assert slug not in reachable(slug), slug


def test_a_regression_never_asks_for_a_higher_level(catalogue: Catalogue) -> None:
    for exercise in catalogue:
        for slug in exercise.regressions:
            assert catalogue.get(slug).level.rank <= exercise.level.rank, (exercise.slug, slug)
        for slug in exercise.progressions:
            assert catalogue.get(slug).level.rank >= exercise.level.rank, (exercise.slug, slug)


def test_kinds_and_patterns_agree(catalogue: Catalogue) -> None:
    for exercise in catalogue:
        assert (exercise.kind is Kind.CORE) == (exercise.pattern in CORE_PATTERNS), exercise.slug
        is_mobility = exercise.kind is Kind.MOBILITY
        assert is_mobility == (exercise.pattern in MOBILITY_PATTERNS), exercise.slug
        assert is_mobility == (exercise.mobility_use is not None), exercise.slug


@pytest.mark.parametrize(
    ("slug", "use"),
    [
        ("cat_camel", MobilityUse.WARMUP),
        ("wall_slide", MobilityUse.WARMUP),
        ("childs_pose", MobilityUse.COOLDOWN),
        ("hip_flexor_stretch", MobilityUse.COOLDOWN),
        ("dead_hang", MobilityUse.COOLDOWN),
    ],
)
def test_dynamic_drills_warm_up_and_static_stretches_cool_down(
    catalogue: Catalogue, slug: str, use: MobilityUse
) -> None:
    assert catalogue.get(slug).mobility_use is use


def test_timed_exercises_count_one_second_per_rep(catalogue: Catalogue) -> None:
    for exercise in catalogue:
        if exercise.measured_by is MeasuredBy.SECONDS:
            assert exercise.seconds_per_rep == 1.0, exercise.slug
    assert catalogue.get("plank").measured_by is MeasuredBy.SECONDS
    assert catalogue.get("farmers_carry").measured_by is MeasuredBy.SECONDS


def test_every_cue_card_is_complete_and_short(catalogue: Catalogue) -> None:
    for exercise in catalogue:
        cues = exercise.cues
        for lines in (cues.setup, cues.execution, cues.common_faults):
            assert 1 <= len(lines) <= 3, exercise.slug
        assert cues.range_of_motion.start != cues.range_of_motion.end, exercise.slug


def test_aliases_are_unambiguous(catalogue: Catalogue) -> None:
    owner: dict[str, str] = {}
    for exercise in catalogue:
        for alias in exercise.aliases:
            key = alias.lower().replace("-", "_").replace(" ", "_")
            assert key not in catalogue or key == exercise.slug, alias
            assert owner.setdefault(key, exercise.slug) == exercise.slug, alias


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("bird-dog", "bird_dog"),
        ("Lat Pull-Down", "lat_pulldown"),
        ("RDL", "romanian_deadlift"),
        ("farmer's walk", "farmers_carry"),
        ("cat-cow", "cat_camel"),
        ("side bridge", "side_plank"),
        ("  Face Pull ", "face_pull"),
    ],
)
def test_lookup_by_slug_or_alias(catalogue: Catalogue, typed: str, slug: str) -> None:
    assert catalogue.get(typed).slug == slug


def test_a_misspelling_is_not_found_but_suggests_the_right_name(catalogue: Catalogue) -> None:
    with pytest.raises(NotFound) as caught:
        catalogue.get("bird dgo")
    assert "bird_dog" in caught.value.details["suggestions"]
    assert "bird_dog" in caught.value.message


def test_nonsense_is_not_found_without_suggestions(catalogue: Catalogue) -> None:
    with pytest.raises(NotFound) as caught:
        catalogue.get("zzzzzz")
    assert caught.value.details["suggestions"] == []


# ---------------------------------------------------------------- the validator

_VALID: dict[str, Any] = {
    "slug": "test_row",
    "name": "Test row",
    "aliases": [],
    "kind": "compound",
    "pattern": "horizontal_pull",
    "equipment": ["band"],
    "muscles": {"lats": 1.0, "biceps": 0.5},
    "spinal_load": "low",
    "loadability": "band",
    "stability": "unstable",
    "skill": "low",
    "level": "novice",
    "unilateral": False,
    "measured_by": "reps",
    "seconds_per_rep": 3.0,
    "cues": {
        "setup": ["Anchor the band at chest height."],
        "execution": ["Row to the ribs."],
        "range_of_motion": {"start": "arms straight", "end": "hands at the ribs"},
        "common_faults": ["Shrugging."],
    },
    "regressions": [],
    "progressions": [],
    "rule_ids": ["select.row_spine_load"],
}


def _record(**changes: Any) -> dict[str, Any]:
    record = copy.deepcopy(_VALID)
    record.update(changes)
    return record


def test_a_valid_record_builds_a_catalogue() -> None:
    catalogue = catalogue_from_records([_record()])
    assert catalogue.get("test_row").credit(Muscle.BICEPS) == 0.5


def test_unknown_equipment_names_the_bad_value_and_the_allowed_list() -> None:
    with pytest.raises(CatalogueError) as caught:
        catalogue_from_records([_record(equipment=["band", "sandbag"])])
    message = caught.value.message
    assert "test_row" in message
    assert "sandbag" in message
    assert all(item.value in message for item in Equipment)


def test_a_credit_above_one_is_rejected() -> None:
    with pytest.raises(CatalogueError) as caught:
        catalogue_from_records([_record(muscles={"lats": 1.5})])
    assert "test_row" in caught.value.message
    assert "lats" in caught.value.message


def test_a_duplicate_slug_is_rejected() -> None:
    with pytest.raises(CatalogueError) as caught:
        catalogue_from_records([_record(), _record(name="Another row")])
    assert "test_row" in caught.value.message
    assert "more than once" in caught.value.message


def test_a_dangling_progression_link_is_rejected() -> None:
    with pytest.raises(CatalogueError) as caught:
        catalogue_from_records([_record(progressions=["no_such_row"])])
    assert "test_row" in caught.value.message
    assert "no_such_row" in caught.value.message


def test_missing_cues_are_rejected() -> None:
    record = _record()
    del record["cues"]
    with pytest.raises(CatalogueError) as caught:
        catalogue_from_records([record])
    assert "test_row" in caught.value.message
    assert "cues" in caught.value.message


def test_an_empty_cue_list_is_rejected() -> None:
    cues = copy.deepcopy(_VALID["cues"])
    cues["common_faults"] = []
    with pytest.raises(CatalogueError) as caught:
        catalogue_from_records([_record(cues=cues)])
    assert "test_row" in caught.value.message


def test_every_problem_is_reported_at_once() -> None:
    records = [
        _record(slug="first_row", muscles={"lats": 1.5}),
        _record(slug="second_row", equipment=["sandbag"]),
    ]
    with pytest.raises(CatalogueError) as caught:
        catalogue_from_records(records)
    problems = caught.value.details["problems"]
    assert len(problems) == 2
    assert any("first_row" in p for p in problems)
    assert any("second_row" in p for p in problems)


def test_a_lift_without_coaching_attributes_is_refused() -> None:
    record = _record()
    del record["loadability"]
    with pytest.raises(CatalogueError, match="loadability"):
        catalogue_from_records([record])


def test_coaching_attributes_tell_loadable_stable_lifts_from_stand_ins(
    catalogue: Catalogue,
) -> None:
    cable_row, doorframe = catalogue.get("seated_cable_row"), catalogue.get("doorframe_row")
    assert cable_row.loadability is Loadability.EXTERNAL
    assert cable_row.stability is Stability.SUPPORTED
    assert doorframe.loadability is Loadability.FIXED
    assert catalogue.get("band_row").loadability is Loadability.BAND
    assert catalogue.get("pull_up").loadability is Loadability.BODYWEIGHT
    assert catalogue.get("pendlay_row").skill is Skill.HIGH


def test_deadlift_and_pull_up_families_are_named(catalogue: Catalogue) -> None:
    deadlifts = {e.slug for e in catalogue if e.family == "deadlift"}
    assert {"conventional_deadlift", "romanian_deadlift", "dumbbell_romanian_deadlift"} <= deadlifts
    assert all(catalogue.get(s).pattern is Pattern.HINGE for s in deadlifts)
    pulls = {e.slug for e in catalogue if e.family == "pull_up"}
    assert {"pull_up", "chin_up", "band_assisted_pull_up"} <= pulls

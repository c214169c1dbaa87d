"""Exercise names from other apps land on the right catalogue slugs, or on an honest guess."""

from __future__ import annotations

import pytest

from backbone.data import packaged_import_aliases
from backbone.domain.catalogue import Catalogue, CatalogueError
from backbone.domain.errors import InputError
from backbone.importers.guess import MovementFamily
from backbone.importers.names import (
    AliasTable,
    MatchMethod,
    NameMatcher,
    alias_table_from_document,
    map_names,
)
from backbone.services.ports import Knowledge


@pytest.fixture(scope="module")
def catalogue(facts: Knowledge) -> Catalogue:
    return facts.catalogue


@pytest.fixture(scope="module")
def aliases(catalogue: Catalogue) -> AliasTable:
    return packaged_import_aliases(catalogue)


@pytest.fixture(scope="module")
def matcher(catalogue: Catalogue, aliases: AliasTable) -> NameMatcher:
    return NameMatcher(catalogue, aliases)


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Lat Pulldown (Cable)", "lat_pulldown"),
        ("Deadlift (Barbell)", "conventional_deadlift"),
        ("Bent Over Row (Dumbbell)", "staggered_stance_dumbbell_row"),
        ("Bent Over Row (Barbell)", "barbell_bent_over_row"),
        ("Romanian Deadlift", "romanian_deadlift"),
        ("Back Extension", "back_extension_45"),
        ("Face Pull", "face_pull"),
        ("Face Pull (Cable)", "face_pull"),
        ("Pull Up", "pull_up"),
        ("Pull-up", "pull_up"),
        ("Chin Up", "chin_up"),
        ("Chin Up (Assisted)", "machine_assisted_pull_up"),
        ("Pull Up (Weighted)", "weighted_pull_up"),
        ("Seated Cable Row - V Grip (Cable)", "seated_cable_row"),
        ("T Bar Row", "barbell_bent_over_row"),
        ("Shrug (Barbell)", "barbell_shrug"),
        ("Shrug (Dumbbell)", "dumbbell_shrug"),
        ("Plank", "plank"),
        ("Kreuzheben (Langhantel)", "conventional_deadlift"),
        ("Tirage vertical (Câble)", "lat_pulldown"),
        ("硬拉（杠铃）", "conventional_deadlift"),
    ],
)
def test_common_app_names_map_exactly(matcher: NameMatcher, name: str, slug: str) -> None:
    mapping = matcher.match(name)
    assert (mapping.slug, mapping.confidence) == (slug, 1.0)
    assert mapping.method in (MatchMethod.ALIAS, MatchMethod.CATALOGUE)


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Barbell Rows", "barbell_bent_over_row"),
        ("Deadlifts", "conventional_deadlift"),
        ("Seated Cable Rows", "seated_cable_row"),
        ("Glute Bridges", "glute_bridge"),
        ("Lat Pull Down (Cable)", "lat_pulldown"),
        ("Chinups", "chin_up"),
    ],
)
def test_near_misses_match_with_less_than_full_confidence(
    matcher: NameMatcher, name: str, slug: str
) -> None:
    mapping = matcher.match(name)
    assert mapping.slug == slug
    assert 0.86 <= mapping.confidence < 1.0


@pytest.mark.parametrize(
    ("name", "pattern"),
    [
        ("Rowing Machine", MovementFamily.CARDIO),  # not the machine row
        ("Front Squat", MovementFamily.SQUAT),  # not the front plank
        ("Bench Press (Barbell)", MovementFamily.PUSH),
        ("Shrug (Cable)", MovementFamily.PULL),  # the implement must agree: not a barbell shrug
    ],
)
def test_names_that_only_look_alike_become_new_exercises(
    matcher: NameMatcher, name: str, pattern: MovementFamily
) -> None:
    mapping = matcher.match(name)
    assert (mapping.slug, mapping.method) == (None, MatchMethod.NEW)
    assert mapping.guess is not None
    assert mapping.guess.pattern is pattern


def test_the_athletes_map_wins_and_must_name_real_exercises(
    catalogue: Catalogue, aliases: AliasTable
) -> None:
    mapped = map_names(
        ["Bent Over Row (Dumbbell)", "My Row", "Bent Over Row (Dumbbell)"],
        catalogue,
        aliases,
        overrides={"bent over row (dumbbell)": "one_arm_dumbbell_row", "My Row": "my_row"},
        own_slugs={"my_row"},
    )
    assert [(m.source_name, m.slug, m.method.value) for m in mapped] == [
        ("Bent Over Row (Dumbbell)", "one_arm_dumbbell_row", "override"),
        ("My Row", "my_row", "override"),
    ]
    with pytest.raises(InputError, match=r"unknown exercise.*row_of_dreams"):
        NameMatcher(catalogue, aliases, {"My Row": "row_of_dreams"})


def test_the_alias_table_is_checked_against_the_catalogue(catalogue: Catalogue) -> None:
    with pytest.raises(CatalogueError) as caught:
        alias_table_from_document(
            {
                "aliases": {
                    "no_such_exercise": ["Mystery Lift"],
                    "pull_up": ["Pull Up Thing"],
                    "chin_up": ["pull-up thing", "Lat Pulldown"],
                }
            },
            catalogue,
        )
    problems = caught.value.details["problems"]
    assert "no_such_exercise: not in the exercise catalogue" in problems
    assert "chin_up: 'pull-up thing' already names pull_up" in problems
    assert "chin_up: 'Lat Pulldown' is the catalogue's name for lat_pulldown" in problems


def test_the_packaged_alias_table_loads(catalogue: Catalogue, aliases: AliasTable) -> None:
    table = aliases
    assert isinstance(table, AliasTable)
    assert len(table) > 100
    assert set(table.slug_by_name.values()) <= {e.slug for e in catalogue}

"""Loads the athlete can actually make: steps, rounding per equipment and units, never stalling."""

from __future__ import annotations

import pytest

from backbone.data import packaged_catalogue
from backbone.domain.athlete import Athlete, Units
from backbone.domain.errors import InputError
from backbone.domain.loads import (
    KG_PER_LB,
    LoadKind,
    body_loaded,
    format_load,
    kg_to_lb,
    lb_to_kg,
    load_kind,
    load_step_kg,
    next_load_down_kg,
    next_load_up_kg,
    round_load_kg,
)

CATALOGUE = packaged_catalogue()
KG = Athlete("kg")
LB = Athlete("lb", units=Units.LB)
ROW = CATALOGUE.get("barbell_bent_over_row")
DB_ROW = CATALOGUE.get("chest_supported_row")
CABLE = CATALOGUE.get("seated_cable_row")


def test_conversion_uses_the_exact_pound() -> None:
    assert KG_PER_LB == 0.45359237
    assert lb_to_kg(100) == pytest.approx(45.359237)
    assert kg_to_lb(lb_to_kg(135)) == pytest.approx(135)


@pytest.mark.parametrize(
    ("slug", "kind", "body"),
    [
        ("barbell_bent_over_row", LoadKind.BARBELL, False),
        ("chest_supported_row", LoadKind.DUMBBELL, False),
        ("kettlebell_row", LoadKind.DUMBBELL, False),
        ("seated_cable_row", LoadKind.STACK, False),
        ("band_row", LoadKind.BAND, False),
        ("pull_up", LoadKind.NONE, True),
        ("band_assisted_pull_up", LoadKind.BAND, True),
        ("weighted_pull_up", LoadKind.DUMBBELL, True),
        ("machine_assisted_pull_up", LoadKind.STACK, True),
        ("inverted_row", LoadKind.NONE, True),
        ("plank", LoadKind.NONE, True),
    ],
)
def test_what_the_load_is(slug: str, kind: LoadKind, body: bool) -> None:
    exercise = CATALOGUE.get(slug)
    assert load_kind(exercise) is kind
    assert body_loaded(exercise) is body


def test_smallest_real_step_per_equipment() -> None:
    assert load_step_kg(ROW, KG) == 2.5  # a pair of 1.25 kg plates
    assert load_step_kg(ROW, Athlete("small", plates_kg=(20.0, 10.0, 5.0, 2.5))) == 5.0
    assert load_step_kg(DB_ROW, KG) == 2.0
    assert load_step_kg(DB_ROW, Athlete("x", dumbbell_step_kg=2.5)) == 2.5
    assert load_step_kg(CABLE, KG) == 2.5
    assert load_step_kg(CABLE, LB) == pytest.approx(lb_to_kg(5))
    assert load_step_kg(ROW, LB) == pytest.approx(lb_to_kg(5))  # two 2.5 lb plates
    assert load_step_kg(CATALOGUE.get("band_row"), KG) == 0
    assert load_step_kg(CATALOGUE.get("pull_up"), KG) == 0


def test_barbell_rounds_to_bar_plus_plate_pairs() -> None:
    assert round_load_kg(61.0, ROW, KG) == 60.0
    assert round_load_kg(61.3, ROW, KG) == 62.5
    assert round_load_kg(10.0, ROW, KG) == 20.0  # never below the empty bar
    coarse = Athlete("coarse", plates_kg=(20.0, 10.0, 5.0))
    assert round_load_kg(52.0, ROW, coarse) == 50.0
    assert round_load_kg(58.0, ROW, coarse) == 60.0


def test_pound_lifters_get_whole_pound_loads() -> None:
    # 45 lb bar + 45 lb plates each side = 135 lb
    assert kg_to_lb(round_load_kg(lb_to_kg(136), ROW, LB)) == pytest.approx(135)
    assert kg_to_lb(round_load_kg(lb_to_kg(138), ROW, LB)) == pytest.approx(140)
    assert kg_to_lb(round_load_kg(lb_to_kg(33), DB_ROW, LB)) == pytest.approx(35)
    assert format_load(round_load_kg(lb_to_kg(136), ROW, LB), LB) == "135 lb"


def test_dumbbells_and_stacks_round_to_their_steps() -> None:
    assert round_load_kg(21.2, DB_ROW, KG) == 22.0
    assert round_load_kg(0.5, DB_ROW, KG) == 2.0
    assert round_load_kg(41.0, CABLE, KG) == 40.0


def test_added_weight_and_assistance_round_to_the_adding_kit() -> None:
    weighted = CATALOGUE.get("weighted_pull_up")
    assisted = CATALOGUE.get("machine_assisted_pull_up")
    assert round_load_kg(9.1, weighted, KG) == 10.0
    assert round_load_kg(-21.0, assisted, KG) == -20.0
    assert next_load_up_kg(-20.0, assisted, KG) == -17.5  # less assistance is harder


def test_nothing_to_round_without_a_load() -> None:
    assert round_load_kg(7.3, CATALOGUE.get("band_row"), KG) == 7.3
    with pytest.raises(InputError):
        next_load_up_kg(10, CATALOGUE.get("band_row"), KG)


def test_next_load_up_never_stalls_on_rounding() -> None:
    # +2.5% of 60 kg is 61.5 kg, which rounds back to 60: the step still happens.
    assert next_load_up_kg(60, ROW, KG, 0.025) == 62.5
    assert next_load_up_kg(60, ROW, KG, 0.1) == 65.0
    coarse = Athlete("coarse", plates_kg=(20.0, 10.0))
    assert next_load_up_kg(60, ROW, coarse) == 80.0
    assert next_load_up_kg(20, DB_ROW, KG) == 22.0


def test_next_load_down_cuts_at_least_the_fraction() -> None:
    assert next_load_down_kg(60, ROW, KG, 0.1) == 52.5
    assert next_load_down_kg(60, ROW, KG) == 57.5
    assert next_load_down_kg(20, ROW, KG, 0.5) == 20.0  # the empty bar is the floor


@pytest.mark.parametrize("plates", [(0.005,), (1e-9,), (0.0,)])
def test_plates_too_small_to_weigh_are_named_not_looped_on(plates: tuple[float, ...]) -> None:
    # Stored before validation existed (or hand-edited): an error naming the setting, at once.
    tiny = Athlete("tiny", plates_kg=plates)
    with pytest.raises(InputError, match="too small to load a bar"):
        round_load_kg(62.3, ROW, tiny)
    with pytest.raises(InputError, match="--plates"):
        next_load_up_kg(60.0, ROW, tiny)


def test_a_plate_that_rounds_to_nothing_is_ignored_beside_real_ones() -> None:
    mixed = Athlete("mixed", plates_kg=(20.0, 0.004))
    assert round_load_kg(62.3, ROW, mixed) == 60.0
    assert next_load_up_kg(60.0, ROW, mixed) == 100.0


def test_a_load_beyond_any_bar_is_refused_not_computed() -> None:
    with pytest.raises(InputError, match="far beyond"):
        round_load_kg(10_000_000.0, ROW, KG)

"""e1RM by rep range and RIR, the exclusions, personal records and the e1RM trend."""

from __future__ import annotations

import math
from datetime import date

import pytest

from backbone.data import packaged_catalogue, packaged_evidence
from backbone.domain import strength
from backbone.domain.exposures import group_exposures
from backbone.domain.history import RangeDone, SetType
from backbone.domain.strength import (
    PersonalRecord,
    e1rm_trend,
    estimate_1rm_kg,
    load_for_reps_kg,
    new_records,
    set_e1rm_kg,
)
from tests.unit.progression_builders import logged, session

CATALOGUE = packaged_catalogue()
ROW = CATALOGUE.get("barbell_bent_over_row")
PULL_UP = CATALOGUE.get("pull_up")
DAY1, DAY2 = date(2026, 1, 5), date(2026, 1, 8)


@pytest.mark.parametrize(
    ("constant", "rule_id", "param"),
    [
        ("EPLEY_REPS_MAX", "e1rm.epley", "reps_max"),
        ("EPLEY_DIVISOR", "e1rm.epley", "reps_divisor"),
        ("MAYHEW_REPS_MAX", "e1rm.mayhew", "reps_max"),
        ("MAYHEW_CONSTANT_PCT", "e1rm.mayhew", "constant_pct"),
        ("MAYHEW_AMPLITUDE_PCT", "e1rm.mayhew", "amplitude_pct"),
        ("MAYHEW_DECAY_PER_REP", "e1rm.mayhew", "decay_per_rep"),
        ("RIR_ADJUSTED_RIR_MAX", "e1rm.rir_adjusted", "rir_max"),
        ("RIR_ADJUSTED_RTF_MAX", "e1rm.rir_adjusted", "reps_to_failure_max"),
        ("EASY_LOGGED_RIR_ABOVE", "rir.accuracy", "easy_logged_rir_above"),
        ("BACK_EXTENSION_RTF_MAX", "e1rm.exclusions", "back_extension_reps_to_failure_max"),
    ],
)
def test_constants_match_the_evidence_registry(constant: str, rule_id: str, param: str) -> None:
    assert getattr(strength, constant) == packaged_evidence().number(rule_id, param)


def test_epley_up_to_ten_reps_to_failure() -> None:
    assert estimate_1rm_kg(100, 1) == 100
    assert estimate_1rm_kg(100, 5) == pytest.approx(100 * (1 + 5 / 30))
    # RIR adds reps to failure: 5 reps with 2 left is a 7-rep max
    assert estimate_1rm_kg(100, 5, 2) == pytest.approx(100 * (1 + 7 / 30))


def test_mayhew_from_eleven_to_fifteen() -> None:
    expected = 100 * 60 / (52.2 + 41.9 * math.exp(-0.055 * 12))
    assert estimate_1rm_kg(60, 12) == pytest.approx(expected)
    # the two formulas meet where they hand over, so the trend has no jump
    assert estimate_1rm_kg(100, 11) == pytest.approx(estimate_1rm_kg(100, 10) or 0, rel=0.01)
    assert estimate_1rm_kg(60, 16) is None


@pytest.mark.parametrize(
    ("reps", "rir"),
    [(0, None), (-1, None), (11, 2), (5, 5), (8, -1)],
)
def test_no_estimate_outside_the_valid_range(reps: int, rir: int | None) -> None:
    assert estimate_1rm_kg(100, reps, rir) is None


def test_load_for_reps_inverts_the_estimate() -> None:
    e1rm = estimate_1rm_kg(80, 8, 2)
    assert e1rm is not None
    assert load_for_reps_kg(e1rm, 8, 2) == pytest.approx(80)


def test_set_e1rm_exclusions() -> None:
    good = logged("barbell_bent_over_row", DAY1, 1, 100, 5, 1)
    assert set_e1rm_kg(good, ROW, None) == pytest.approx(120)
    partial = logged("barbell_bent_over_row", DAY1, 1, 100, 5, 1, range_done=RangeDone.PARTIAL)
    warmup = logged("barbell_bent_over_row", DAY1, 1, 100, 5, 1, set_type=SetType.WARMUP)
    easy = logged("barbell_bent_over_row", DAY1, 1, 100, 5, 6)
    for excluded in (partial, warmup, easy):
        assert set_e1rm_kg(excluded, ROW, None) is None
    hold = logged("plank", DAY1, 1, None, None, None, seconds=60)
    assert set_e1rm_kg(hold, CATALOGUE.get("plank"), 80) is None
    band = logged("band_row", DAY1, 1, None, 12, 2)
    assert set_e1rm_kg(band, CATALOGUE.get("band_row"), 80) is None
    assisted = logged("band_assisted_pull_up", DAY1, 1, None, 8, 2, added_kg=-15.0)
    assert set_e1rm_kg(assisted, CATALOGUE.get("band_assisted_pull_up"), 80) is None


def test_bodyweight_moves_count_the_body() -> None:
    pull = logged("pull_up", DAY1, 1, None, 5, 1, added_kg=10.0)
    assert set_e1rm_kg(pull, PULL_UP, 80) == pytest.approx(90 * (1 + 6 / 30))
    assert set_e1rm_kg(pull, PULL_UP, None) is None
    extension = CATALOGUE.get("back_extension_45")
    long_set = logged("back_extension_45", DAY1, 1, None, 12, 2, added_kg=0.0)
    assert set_e1rm_kg(long_set, extension, 80) is None


def test_first_ever_sets_are_records() -> None:
    new = session("barbell_bent_over_row", DAY1, 60, [10, 10, 8], rir=2)
    records = new_records([], new, ROW, None)
    kinds = [(r.kind, r.reps) for r in records]
    assert kinds == [("rep_max", 8), ("rep_max", 10), ("e1rm", 10)]
    assert all(r.previous is None for r in records)


def test_rep_max_is_the_heaviest_load_at_that_rep_count() -> None:
    before = session("barbell_bent_over_row", DAY1, 60, [10, 10], rir=2)
    new = session("barbell_bent_over_row", DAY2, 62.5, [10, 9], rir=2)
    records = new_records(before, new, ROW, None)
    rep_max = [r for r in records if r.kind == "rep_max"]
    assert rep_max == [
        PersonalRecord("rep_max", ROW.slug, 62.5, 9, DAY2, None),
        PersonalRecord("rep_max", ROW.slug, 62.5, 10, DAY2, 60),
    ]
    assert any(r.kind == "e1rm" and r.previous is not None for r in records)


def test_no_record_for_an_equal_or_lighter_session() -> None:
    before = session("barbell_bent_over_row", DAY1, 60, [10, 10], rir=2)
    again = session("barbell_bent_over_row", DAY2, 60, [10, 10], rir=2)
    assert new_records(before, again, ROW, None) == ()


def test_partial_sets_make_no_records() -> None:
    partial = session("barbell_bent_over_row", DAY1, 100, [5], rir=1, range_done=RangeDone.PARTIAL)
    assert new_records([], partial, ROW, None) == ()


def test_longest_hold() -> None:
    plank = CATALOGUE.get("plank")
    before = [logged("plank", DAY1, 1, None, None, None, seconds=40)]
    new = [
        logged("plank", DAY2, 1, None, None, None, seconds=45),
        logged("plank", DAY2, 2, None, None, None, seconds=50),
    ]
    assert new_records(before, new, plank, None) == (
        PersonalRecord("longest_hold", "plank", 50.0, None, DAY2, 40.0),
    )


def test_e1rm_trend_is_the_best_set_per_exposure() -> None:
    sets = [
        *session("barbell_bent_over_row", DAY2, 62.5, [8, 8], rir=2),
        *session("barbell_bent_over_row", DAY1, 60, [10, 9], rir=2),
    ]
    trend = e1rm_trend(group_exposures(sets), ROW)
    assert [d for d, _ in trend] == [DAY1, DAY2]
    assert trend[0][1] == pytest.approx(estimate_1rm_kg(60, 10, 2) or 0, abs=0.01)
    assert e1rm_trend(group_exposures(sets)) == trend  # no exercise: externally loaded sets only

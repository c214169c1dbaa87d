"""The top-up pass: sets added toward the bands' tops, evenly, never past a cap."""

from __future__ import annotations

from datetime import date

from backbone.domain.athlete import Profile, make_profile
from backbone.domain.planner.candidates import muscle_band
from backbone.domain.planner.top_up import Placed, top_up
from backbone.domain.prescription import dose_for
from backbone.domain.vocabulary import BlockKind, Muscle
from backbone.services.ports import Knowledge


def _profile(minutes: int) -> Profile:
    return make_profile(
        days_per_week=2,
        minutes_per_session=minutes,
        equipment=("cable", "machine"),
        level="advanced",
        goal="hypertrophy",
        back_pain="none",
        weeks=1,
        start_on=date(2026, 11, 30),
    )


def _placed(facts: Knowledge, minutes: int) -> tuple[list[Placed], Profile]:
    profile = _profile(minutes)
    row = facts.catalogue.get("seated_cable_row")
    pulldown = facts.catalogue.get("lat_pulldown")
    placed = [
        Placed(s, BlockKind.MAIN, e, dose_for(e, BlockKind.MAIN, profile, facts.evidence), 3)
        for s in (0, 1)
        for e in (row, pulldown)
    ]
    return placed, profile


def test_sets_grow_evenly_and_stop_at_the_band_top(facts: Knowledge) -> None:
    placed, profile = _placed(facts, 120)
    grown = top_up(placed, {0: 7200, 1: 7200}, frozenset({0, 1}), profile, facts.evidence)
    lats = sum(p.exercise.credit(Muscle.LATS) * p.sets for p in grown)
    assert lats <= muscle_band(Muscle.LATS, profile, facts.evidence)[1]
    assert all(p.sets <= p.dose.max_sets for p in grown)
    by_session = [sum(p.sets for p in grown if p.session == s) for s in (0, 1)]
    assert abs(by_session[0] - by_session[1]) <= 1
    assert sum(by_session) > sum(p.sets for p in placed)


def test_no_set_is_added_without_time(facts: Knowledge) -> None:
    placed, profile = _placed(facts, 30)
    assert top_up(placed, {0: 0, 1: 0}, frozenset({0, 1}), profile, facts.evidence) == placed

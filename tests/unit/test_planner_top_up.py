"""The top-up pass: sets added toward the bands' tops, evenly, never past a cap."""

from __future__ import annotations

from datetime import date

from backbone.domain.athlete import Profile, make_profile
from backbone.domain.exercise import Exercise
from backbone.domain.planner.balance import balance_sessions
from backbone.domain.planner.candidates import muscle_band
from backbone.domain.planner.top_up import Placed, placed_s, top_up
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


def test_full_bands_leave_the_sessions_balanced_by_moving_whole_exercises(
    facts: Knowledge,
) -> None:
    profile = _profile(60)
    row = facts.catalogue.get("seated_cable_row")
    pulldown = facts.catalogue.get("lat_pulldown")
    fly = facts.catalogue.get("machine_reverse_fly")
    face_pull = facts.catalogue.get("face_pull")

    def put(session: int, block: BlockKind, exercise: Exercise, sets: int) -> Placed:
        return Placed(
            session, block, exercise, dose_for(exercise, block, profile, facts.evidence), sets
        )

    placed = [
        put(0, BlockKind.MAIN, row, 3),
        put(0, BlockKind.MAIN, pulldown, 3),
        put(0, BlockKind.ACCESSORY, fly, 3),
        put(1, BlockKind.MAIN, row, 3),
    ]
    balanced = balance_sessions(
        placed, {0: 3600, 1: 3600}, frozenset({0, 1}), profile, facts.evidence
    )
    minutes = [sum(placed_s(p, profile) for p in balanced if p.session == s) / 60 for s in (0, 1)]
    assert min(minutes) >= 0.75 * max(minutes), minutes
    assert sorted((p.exercise.slug, p.sets) for p in balanced) == sorted(
        (p.exercise.slug, p.sets) for p in placed
    )
    # the row keeps its place in both sessions: a session never gets the same exercise twice
    assert [p.exercise.slug for p in balanced if p.session == 1].count("seated_cable_row") == 1
    # and a pattern already in a block is not doubled
    crowded = [*placed, put(1, BlockKind.ACCESSORY, face_pull, 3)]
    kept = balance_sessions(crowded, {0: 3600, 1: 3600}, frozenset({0, 1}), profile, facts.evidence)
    assert next(p for p in kept if p.exercise is fly).session == 0

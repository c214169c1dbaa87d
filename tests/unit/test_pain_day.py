"""Back pain, safe first (issue 9, section 4): the check-in decides the day, and red pain never
makes the next prescription harder."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backbone.data import packaged_evidence
from backbone.domain.history import CheckIn
from backbone.domain.pain_day import DayCall, pain_day
from backbone.domain.progression.outcome import Outcome
from backbone.domain.progression.pain import never_harder
from backbone.domain.progression.targets import Prescription, SetTarget

EVIDENCE = packaged_evidence()
DAY = date(2026, 11, 30)


def checkins(*pains: int) -> list[CheckIn]:
    return [
        CheckIn(1, DAY + timedelta(days=i), sleep_h=8, back_pain=p, soreness=2)
        for i, p in enumerate(pains)
    ]


@pytest.mark.parametrize("pain", [7, 8, 9, 10])
def test_severe_pain_stops_loaded_back_work_with_advice(pain: int) -> None:
    day = pain_day(checkins(2, pain), new_leg_symptoms=False, evidence=EVIDENCE)
    assert day.call is DayCall.NO_LOADED_BACK_WORK
    assert day.recheck_red_flags
    assert "cat_camel" in day.mobility
    assert any("Walk" in text for text in day.advice)
    assert any("GP or physiotherapist" in text for text in day.advice)
    assert {r.rule_id for r in day.reasons} >= {"safety.pain_monitoring", "safety.red_flags"}


def test_rising_pain_over_three_check_ins_stops_loaded_work() -> None:
    day = pain_day(checkins(1, 2, 3), new_leg_symptoms=False, evidence=EVIDENCE)
    assert day.call is DayCall.NO_LOADED_BACK_WORK


def test_new_leg_symptoms_stop_loaded_work_even_without_pain() -> None:
    day = pain_day(checkins(0), new_leg_symptoms=True, evidence=EVIDENCE)
    assert day.call is DayCall.NO_LOADED_BACK_WORK


@pytest.mark.parametrize("pain", [4, 5, 6])
def test_moderate_pain_regresses(pain: int) -> None:
    day = pain_day(checkins(pain), new_leg_symptoms=False, evidence=EVIDENCE)
    assert day.call is DayCall.REGRESS


@pytest.mark.parametrize("pains", [(), (0,), (3,), (3, 2, 3)])
def test_low_or_settling_pain_trains(pains: tuple[int, ...]) -> None:
    day = pain_day(checkins(*pains), new_leg_symptoms=False, evidence=EVIDENCE)
    assert day.call is DayCall.TRAIN


def hurt(reps: int | None, seconds: int | None, rir: int | None, kg: float | None) -> Outcome:
    return Outcome(
        sets=2,
        top_kg=kg,
        min_reps=reps,
        total_reps=(reps or 0) * 2,
        min_seconds=seconds,
        max_seconds=seconds,
        min_rir=rir,
        clean=False,
        worst_pain=7,
    )


def test_a_hold_that_hurt_is_not_followed_by_a_longer_or_harder_one() -> None:
    # issue 9: `log prone_cobra 15s x2 --pain 7` was followed by 20-40 s at RIR 3 after RIR 5
    asked = Prescription(
        "prone_cobra", (SetTarget(None, None, None, (20, 40), 3),) * 3, False, "", ()
    )
    clamped = never_harder(asked, hurt(None, 15, 5, None))
    assert len(clamped.sets) <= 2
    for target in clamped.sets:
        assert target.seconds is not None
        assert target.seconds[1] <= 15
        assert target.rir is not None
        assert target.rir >= 5


@given(
    reps=st.integers(1, 20),
    rir=st.integers(0, 5),
    kg=st.floats(5, 200),
    asked_reps=st.tuples(st.integers(1, 20), st.integers(1, 20)).map(sorted),
    asked_rir=st.integers(0, 5),
    asked_kg=st.floats(5, 250),
    asked_sets=st.integers(1, 6),
)
def test_pain_never_makes_the_next_prescription_harder(
    reps: int,
    rir: int,
    kg: float,
    asked_reps: list[int],
    asked_rir: int,
    asked_kg: float,
    asked_sets: int,
) -> None:
    target = SetTarget(asked_kg, None, (asked_reps[0], asked_reps[1]), None, asked_rir)
    clamped = never_harder(
        Prescription("seated_cable_row", (target,) * asked_sets, False, "", ()),
        hurt(reps, None, rir, kg),
    )
    assert len(clamped.sets) <= 2
    for t in clamped.sets:
        assert t.reps is not None
        assert t.reps[1] <= reps
        assert t.load_kg is not None
        assert t.load_kg <= kg
        assert t.rir is not None
        assert t.rir >= rir

"""Back pain, safe first (issue 9, section 4): the check-in decides the day, and red pain never
makes the next prescription harder."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backbone.data import packaged_evidence
from backbone.domain.athlete import make_profile
from backbone.domain.history import CheckIn
from backbone.domain.pain_day import DayCall, pain_day
from backbone.domain.progression import Prescription, Recovery, SetTarget, assess_recovery
from backbone.domain.progression.outcome import Outcome
from backbone.domain.progression.pain import never_harder
from tests.unit.progression_builders import CATALOGUE, MONDAY, next_for, planned, session

EVIDENCE = packaged_evidence()
DAY = date(2026, 11, 30)
GYM = make_profile(
    days_per_week=3,
    minutes_per_session=45,
    equipment=["barbell", "dumbbell", "bench", "cable"],
    level="intermediate",
    goal="strength",
    back_pain="none",
    weeks=4,
    start_on=MONDAY,
)


def checkins(*pains: int, legs: bool = False) -> list[CheckIn]:
    return [
        CheckIn(
            1,
            DAY + timedelta(days=i),
            sleep_h=8,
            back_pain=p,
            soreness=2,
            leg_symptoms=legs and i == len(pains) - 1,
        )
        for i, p in enumerate(pains)
    ]


@pytest.mark.parametrize("pain", [7, 8, 9, 10])
def test_severe_pain_stops_loaded_back_work_with_advice(pain: int) -> None:
    day = pain_day(checkins(2, pain), EVIDENCE)
    assert day.call is DayCall.NO_LOADED_BACK_WORK
    assert not day.loaded_back_work
    assert "cat_camel" in day.mobility
    assert any("Walk" in text for text in day.advice)
    assert any("GP or physiotherapist" in text for text in day.advice)
    assert any("hurt does not mean harm" in text for text in day.advice)
    # the red-flag screen again, emergencies (cauda equina) first
    assert day.red_flag_questions[0].emergency
    assert {q.name for q in day.red_flag_questions} >= {"saddle_numbness", "night_pain"}
    assert {r.rule_id for r in day.reasons} >= {"safety.pain_monitoring", "safety.red_flags"}


def test_rising_pain_over_three_check_ins_stops_loaded_work() -> None:
    assert pain_day(checkins(1, 2, 3), EVIDENCE).call is DayCall.NO_LOADED_BACK_WORK


def test_new_leg_symptoms_stop_loaded_work_even_without_pain() -> None:
    day = pain_day(checkins(0, legs=True), EVIDENCE)
    assert day.call is DayCall.NO_LOADED_BACK_WORK
    assert any("leg symptoms" in r.text for r in day.reasons)


def test_leg_symptoms_reported_earlier_do_not_stop_a_later_day() -> None:
    earlier = [*checkins(0, legs=True), CheckIn(1, DAY + timedelta(days=1), 8, 1, 2)]
    assert pain_day(earlier, EVIDENCE).call is DayCall.TRAIN


@pytest.mark.parametrize("pain", [4, 5, 6])
def test_moderate_pain_regresses(pain: int) -> None:
    day = pain_day(checkins(pain), EVIDENCE)
    assert day.call is DayCall.REGRESS
    assert day.back_pain == pain


@pytest.mark.parametrize("pains", [(), (0,), (3,), (3, 2, 3), (0, 1, 2)])
def test_low_or_settling_pain_trains(pains: tuple[int, ...]) -> None:
    assert pain_day(checkins(*pains), EVIDENCE).call is DayCall.TRAIN


def test_the_check_in_verdict_carries_the_day_and_does_not_say_hold_twice() -> None:
    recovery = assess_recovery(checkins(2, 9), [], DAY + timedelta(days=1), EVIDENCE)
    assert recovery.back.call is DayCall.NO_LOADED_BACK_WORK
    texts = [r.text for r in recovery.reasons]
    assert any("no loaded back work" in t for t in texts)
    assert not any("hold, no load increases" in t for t in texts)


# --- what today prescribes ---------------------------------------------------------------

ROW = "barbell_bent_over_row"
RDL = "romanian_deadlift"


def recovery_for(*pains: int, legs: bool = False) -> Recovery:
    ins = checkins(*pains, legs=legs)
    return assess_recovery(ins, [], ins[-1].on, EVIDENCE)


def test_no_loaded_back_work_prescribes_no_sets() -> None:
    history = session(RDL, MONDAY, 80, [8, 8, 8])
    p = next_for(RDL, history, recovery=recovery_for(9), profile=GYM)
    assert p.sets == ()
    assert "mobility" in p.instructions


def test_regress_day_swaps_a_high_spinal_load_lift_for_one_the_athlete_can_do() -> None:
    history = session(ROW, MONDAY, 60, [8, 8, 8])
    p = next_for(ROW, history, recovery=recovery_for(5), profile=GYM)
    assert p.substitute is not None
    substitute = CATALOGUE.get(p.substitute)
    assert substitute.spinal_load.value != "high"
    assert substitute.fits(GYM.available_equipment)
    assert all(t.rir is not None and t.rir >= 3 for t in p.sets)
    assert "pain-free range" in p.instructions


def test_regress_day_lightens_a_moderate_lift_with_a_known_load() -> None:
    history = session(RDL, MONDAY, 80, [8, 8, 8])
    p = next_for(RDL, history, recovery=recovery_for(5), profile=GYM)
    assert p.substitute is None
    assert p.sets
    assert all(t.load_kg is not None and t.load_kg <= 80 * 0.8 for t in p.sets)
    assert len(p.sets) <= 3


def test_a_regress_substitute_needs_the_equipment() -> None:
    bands_only = replace(GYM, equipment=frozenset())
    history = session(ROW, MONDAY, 60, [8, 8, 8])
    p = next_for(ROW, history, recovery=recovery_for(5), profile=bands_only)
    if p.substitute is not None:
        assert CATALOGUE.get(p.substitute).fits(bands_only.available_equipment)


# --- red pain: never harder --------------------------------------------------------------


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
    cobra = "prone_cobra"
    sets = [
        replace(s, seconds=15, reps=None)
        for s in session(cobra, MONDAY, None, [0, 0], rir=5, pain=7)
    ]
    p = next_for(cobra, sets, planned(cobra, sets=3, reps=None, seconds=(20, 40), rir=3))
    assert 1 <= len(p.sets) <= 2
    for target in p.sets:
        assert target.seconds is not None
        assert target.seconds[1] <= 15
        assert target.rir is not None
        assert target.rir >= 5


def test_a_substitute_after_red_pain_is_not_harder_either() -> None:
    asked = Prescription(
        "barbell_bent_over_row",
        (SetTarget(None, None, (8, 12), None, 2),) * 3,
        True,
        "",
        (),
        substitute="chest_supported_row",
    )
    clamped = never_harder(asked, hurt(6, None, 3, 60))
    assert len(clamped.sets) <= 2
    assert all(t.reps is not None and t.reps[1] <= 6 for t in clamped.sets)
    assert all(t.rir is not None and t.rir >= 3 for t in clamped.sets)


SLUGS = ("barbell_bent_over_row", "chest_supported_row", "machine_row", "romanian_deadlift",
         "pull_up", "back_extension", "prone_cobra", "bird_dog")  # fmt: skip


@given(
    slug=st.sampled_from(SLUGS),
    kg=st.sampled_from([20.0, 40.0, 62.5, 100.0]),
    reps=st.lists(st.integers(1, 15), min_size=1, max_size=5),
    seconds=st.integers(5, 60),
    rir=st.one_of(st.none(), st.integers(0, 5)),
    pain=st.integers(6, 10),
    checkin_pain=st.integers(0, 10),
    planned_sets=st.integers(1, 6),
    deload=st.booleans(),
    hold=st.booleans(),
)
def test_pain_never_makes_the_next_prescription_harder(
    slug: str,
    kg: float,
    reps: list[int],
    seconds: int,
    rir: int | None,
    pain: int,
    checkin_pain: int,
    planned_sets: int,
    deload: bool,
    hold: bool,
) -> None:
    exercise = CATALOGUE.get(slug)
    timed = exercise.measured_by.value == "seconds"
    body = exercise.equipment and all(
        e.value in {"bodyweight", "pullup_bar"} for e in exercise.equipment
    )
    load = None if (timed or body) else kg
    added = 0.0 if body else None
    hurt_sets = [
        replace(
            s, seconds=seconds if timed else None, reps=None if timed else s.reps, added_kg=added
        )
        for s in session(slug, MONDAY, load, reps, rir=rir, pain=pain)
    ]
    base = assess_recovery([CheckIn(1, MONDAY + timedelta(days=1), 8, checkin_pain, 2)], hurt_sets,
                           MONDAY + timedelta(days=2), EVIDENCE)  # fmt: skip
    recovery = replace(base, deload=base.deload or deload, hold=base.hold or hold)
    plan = planned(slug, sets=planned_sets, reps=None if timed else (8, 12),
                   seconds=(20, 40) if timed else None, rir=None if timed else 2)  # fmt: skip
    p = next_for(slug, hurt_sets, plan, recovery=recovery, profile=GYM)
    assert len(p.sets) <= len(hurt_sets)
    for target in p.sets:
        if target.reps is not None:
            assert target.reps[1] <= min(reps)
        if target.seconds is not None:
            assert target.seconds[1] <= seconds
        if rir is not None and target.rir is not None:
            assert target.rir >= rir
        if p.substitute is None and load is not None and target.load_kg is not None:
            assert target.load_kg <= load
        if p.substitute is None and target.added_kg is not None:
            assert target.added_kg <= 0.0

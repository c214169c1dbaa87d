"""Back pain, safe first (issue 9, section 4) through the use cases over the fakes: what the
check-in answers is what `today` shows, and pain changes the program the way a physio would."""

from __future__ import annotations

from datetime import timedelta

import pytest

from backbone.domain.loads import logs_load_kg
from backbone.domain.pain_day import GENTLE_MOBILITY, DayCall
from backbone.domain.vocabulary import BackPain, BlockKind
from backbone.services.application import Backbone
from backbone.services.planning import PlanRequest
from tests.service.conftest import MONDAY

GYM = ("barbell", "dumbbell", "bench", "pullup_bar", "cable")
LOADED = (BlockKind.MAIN, BlockKind.ACCESSORY, BlockKind.CORE)


@pytest.fixture
def lifter(app: Backbone, me: int) -> int:
    request = PlanRequest(
        start_on=MONDAY, days_per_week=3, minutes_per_session=45, equipment=GYM,
        level="intermediate", goal="strength", back_pain="none",
    )  # fmt: skip
    app.start_program(me, request, [])
    return me


def check_in(app: Backbone, who: int, pain: int, days: int = 0, legs: bool = False) -> DayCall:
    verdict = app.check_in(
        who, on=MONDAY + timedelta(days=days), sleep_h=8, back_pain=pain, soreness=2,
        leg_symptoms=legs,
    )  # fmt: skip
    return verdict.back.call


@pytest.mark.parametrize(("pain", "legs"), [(9, False), (7, False), (1, True)])
def test_a_stop_check_in_and_today_agree_no_loaded_back_work(
    app: Backbone, lifter: int, pain: int, legs: bool
) -> None:
    assert check_in(app, lifter, pain, legs=legs) is DayCall.NO_LOADED_BACK_WORK
    view = app.today(lifter, MONDAY)
    assert view.recovery is not None
    assert view.recovery.back.call is DayCall.NO_LOADED_BACK_WORK
    assert [i.exercise.slug for i in view.items] == list(GENTLE_MOBILITY)
    assert all(i.prescription is None for i in view.items)
    assert view.recovery.back.red_flag_questions


def test_the_stop_lasts_until_the_next_check_in(app: Backbone, lifter: int) -> None:
    check_in(app, lifter, 8)
    wednesday = MONDAY + timedelta(days=2)
    assert app.today(lifter, wednesday).items[0].exercise.slug == GENTLE_MOBILITY[0]
    _, row = app.next_prescription(lifter, "romanian_deadlift", wednesday)
    assert row.sets == ()
    check_in(app, lifter, 2, days=2)
    items = app.today(lifter, wednesday).items
    assert any(i.block in LOADED and i.prescription and i.prescription.sets for i in items)


def test_rising_pain_over_three_check_ins_stops_loaded_work(app: Backbone, lifter: int) -> None:
    for day, pain in enumerate((2, 3, 4)):
        call = check_in(app, lifter, pain, days=day)
    assert call is DayCall.NO_LOADED_BACK_WORK


def test_a_regress_day_lightens_and_swaps_but_keeps_training(app: Backbone, lifter: int) -> None:
    # every externally loaded main lift of Monday done at 100 kg
    for item in app.today(lifter, MONDAY).items:
        if (
            item.block is BlockKind.MAIN
            and logs_load_kg(item.exercise)
            and item.exercise.measured_by.value == "reps"
        ):
            app.log_sets(lifter, item.exercise.slug, ["100x6@2"] * 3, on=MONDAY)
    friday = MONDAY + timedelta(days=4)
    assert check_in(app, lifter, 5, days=4) is DayCall.REGRESS
    view = app.today(lifter, friday)
    calm = [i for i in view.items if i.block in LOADED and i.prescription is not None]
    assert calm
    for item in calm:
        assert item.prescription is not None
        p = item.prescription
        assert p.sets, item.exercise.slug
        if p.substitute is not None:
            substitute = app.knowledge.catalogue.get(p.substitute)
            assert substitute.spinal_load.value != "high"
        for target in p.sets:
            assert target.load_kg is None or target.load_kg <= 80
    assert any("pain-free range" in (i.prescription.instructions if i.prescription else "")
               for i in calm)  # fmt: skip


def test_red_pain_is_answered_by_an_easier_next_set_on_log_and_today(
    app: Backbone, lifter: int
) -> None:
    result = app.log_sets(lifter, "romanian_deadlift", ["80x8@3"] * 3, on=MONDAY, pain=7)
    assert result.next is not None
    for target in result.next.sets:
        assert target.reps is not None
        assert target.reps[1] <= 8
        assert target.rir is not None
        assert target.rir >= 3
        assert result.next.substitute is not None or (target.load_kg or 0) < 80
    _, again = app.next_prescription(lifter, "romanian_deadlift", MONDAY + timedelta(days=1))
    assert again == result.next


def test_pain_on_a_no_back_pain_program_switches_it_to_history_once(
    app: Backbone, lifter: int
) -> None:
    first = app.log_sets(lifter, "romanian_deadlift", ["60x8@3"], on=MONDAY, pain=4)
    assert first.back_pain_switched == "history"
    assert app.show_program(lifter).plan.profile.back_pain is BackPain.HISTORY
    second = app.log_sets(lifter, "romanian_deadlift", ["60x8@3"], on=MONDAY, pain=5)
    assert second.back_pain_switched is None


def test_green_pain_leaves_the_program_alone(app: Backbone, lifter: int) -> None:
    result = app.log_sets(lifter, "romanian_deadlift", ["60x8@3"], on=MONDAY, pain=2)
    assert result.back_pain_switched is None
    assert app.show_program(lifter).plan.profile.back_pain is BackPain.NONE


def test_leg_symptoms_are_stored_with_the_check_in(app: Backbone, lifter: int) -> None:
    check_in(app, lifter, 2, legs=True)
    (stored,) = app.check_ins(lifter, days=1, until=MONDAY)
    assert stored.leg_symptoms


def test_a_session_rpe_of_9_holds_the_next_loads(app: Backbone, lifter: int) -> None:
    app.log_sets(lifter, "romanian_deadlift", ["60x12@3"] * 4, on=MONDAY)
    _, calm = app.next_prescription(lifter, "romanian_deadlift", MONDAY + timedelta(days=1))
    app.finish_session(lifter, session_rpe=9, on=MONDAY)
    _, held = app.next_prescription(lifter, "romanian_deadlift", MONDAY + timedelta(days=1))
    assert any(r.rule_id == "rir.scale" for r in held.why)
    assert {t.load_kg for t in held.sets} == {60.0}
    assert calm != held


def test_a_recovery_deload_replaces_a_planned_deload_week_close_behind_it(
    app: Backbone, lifter: int
) -> None:
    plan = app.show_program(lifter).plan
    deload = next(w for w in plan.weeks if w.deload)
    before = next(w for w in plan.weeks if w.number == deload.number - 1)
    session = deload.sessions[0]
    main = next(i for i in session.items(BlockKind.MAIN))
    loading = next(
        i for s in before.sessions if s.day is session.day for i in s.items()
        if i.exercise == main.exercise
    )  # fmt: skip
    assert loading.sets > main.sets  # the planner halves a deload week's sets
    planned_only = {i.exercise.slug: i for i in app.today(lifter, session.on).items}
    assert planned_only[main.exercise].planned.sets == main.sets
    # two poor check-ins in the week before the planned deload, then two good ones
    start = before.starts_on
    for day, (sleep, sore) in enumerate(((5, 8), (5, 8), (8, 1), (8, 1))):
        app.check_in(lifter, on=start + timedelta(days=day), sleep_h=sleep, back_pain=1,
                     soreness=sore)  # fmt: skip
    items = {i.exercise.slug: i for i in app.today(lifter, session.on).items}
    assert items[main.exercise].planned.sets == loading.sets
    prescription = items[main.exercise].prescription
    assert prescription is not None
    assert "Deload week" not in prescription.instructions

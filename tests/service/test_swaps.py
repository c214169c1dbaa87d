"""Swapping an exercise in a running program, over the in-memory fakes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from backbone.domain.errors import InputError, NotFound
from backbone.domain.vocabulary import BlockKind, Equipment
from backbone.services.application import Backbone
from backbone.services.planning import PlanRequest
from backbone.services.ports import Knowledge
from tests.service.conftest import MONDAY

GYM = ("barbell", "dumbbell", "bench", "pullup_bar", "cable")
PRESCRIBED = (BlockKind.MAIN, BlockKind.ACCESSORY, BlockKind.CORE)


def start(app: Backbone, athlete_id: int, equipment: tuple[str, ...] = GYM, **more: str) -> None:
    request = PlanRequest(
        start_on=MONDAY,
        days_per_week=3,
        minutes_per_session=45,
        equipment=equipment,
        level=more.get("level", "intermediate"),
        goal="hypertrophy",
        back_pain=more.get("back_pain", "none"),
    )
    app.start_program(athlete_id, request)


@pytest.fixture
def lifter(app: Backbone, me: int) -> int:
    start(app, me)
    return me


def today_exercises(app: Backbone, athlete_id: int, on: date = MONDAY) -> list[str]:
    return [i.exercise.slug for i in app.today(athlete_id, on).items]


def first_day_with(app: Backbone, athlete_id: int, slug: str) -> date:
    """The first day of week 1 the planner gave `slug`: tests follow the plan, not a weekday."""
    plan = app.show_program(athlete_id).plan
    return next(s.on for s in plan.weeks[0].sessions if any(i.exercise == slug for i in s.items()))


def program_exercises(app: Backbone, athlete_id: int) -> set[str]:
    plan = app.show_program(athlete_id).plan
    return {i.exercise for w in plan.weeks for s in w.sessions for i in s.items()}


def test_options_never_need_equipment_the_program_lacks(
    app: Backbone, lifter: int, facts: Knowledge
) -> None:
    have = app.show_program(lifter).plan.profile.available_equipment | {Equipment.BODYWEIGHT}
    checked = 0
    for item in app.today(lifter, MONDAY).items:
        if item.block not in PRESCRIBED:
            continue
        for option in app.swap_options(lifter, item.exercise.slug, MONDAY).options:
            exercise = facts.catalogue.get(option.option.exercise)
            assert exercise.equipment <= have, option
            assert exercise.pattern is item.exercise.pattern
            assert option.option.reason
            checked += 1
    assert checked > 5


def test_after_a_swap_today_prescribes_the_replacement_and_not_the_original(
    app: Backbone, lifter: int
) -> None:
    day = first_day_with(app, lifter, "chest_supported_row")
    assert "chest_supported_row" in today_exercises(app, lifter, day)
    result = app.swap_exercise(lifter, "chest_supported_row", "seated_cable_row", day)
    assert result.swap.effective_on == day
    assert result.sessions >= 1
    view = app.today(lifter, day)
    slugs = [i.exercise.slug for i in view.items]
    assert "seated_cable_row" in slugs
    assert "chest_supported_row" not in slugs
    item = next(i for i in view.items if i.exercise.slug == "seated_cable_row")
    assert item.prescription is not None
    assert item.planned.why[0].text == "replaced Chest-supported dumbbell row at your request"
    assert "chest_supported_row" not in program_exercises(app, lifter)
    # the program keeps the plan it started with, and the swap beside it
    program = app.show_program(lifter).program
    assert any(
        i.exercise == "chest_supported_row"
        for session in program.plan.weeks[0].sessions
        for i in session.items()
    )
    assert [(s.from_exercise, s.to_exercise) for s in program.swaps] == [
        ("chest_supported_row", "seated_cable_row")
    ]


def test_swapping_back_restores_the_program_exactly(app: Backbone, lifter: int) -> None:
    before = app.show_program(lifter).plan
    app.swap_exercise(lifter, "chest_supported_row", "seated_cable_row", MONDAY)
    options = app.swap_options(lifter, "seated_cable_row", MONDAY).options
    assert options[0].option.exercise == "chest_supported_row"
    assert options[0].option.restores
    app.swap_exercise(lifter, "seated_cable_row", "chest_supported_row", MONDAY)
    assert app.show_program(lifter).plan == before


def test_a_swap_leaves_past_sessions_and_logged_sets_alone(app: Backbone, lifter: int) -> None:
    day = first_day_with(app, lifter, "chest_supported_row")
    app.log_sets(lifter, "chest_supported_row", ["24x10@2"] * 3, on=day)
    later = day + timedelta(days=2)
    result = app.swap_exercise(lifter, "chest_supported_row", "seated_cable_row", later)
    assert result.swap.effective_on == later
    # the session done before the swap still shows what was done
    assert "chest_supported_row" in today_exercises(app, lifter, day)
    _, entries = app.history(lifter)
    assert [e.exercise for e in entries] == ["chest_supported_row"]


def test_a_swap_made_after_logging_today_starts_tomorrow(app: Backbone, lifter: int) -> None:
    day = first_day_with(app, lifter, "chest_supported_row")
    app.log_sets(lifter, "chest_supported_row", ["24x10@2"], on=day)
    result = app.swap_exercise(lifter, "chest_supported_row", "seated_cable_row", day)
    assert result.swap.effective_on == day + timedelta(days=1)
    assert "chest_supported_row" in today_exercises(app, lifter, day)


def test_the_load_carries_over_between_exercises_that_load_the_same_way(
    app: Backbone, lifter: int
) -> None:
    # a dumbbell row (24 kg a hand) to a two-handed cable row: 24 x 2 x 0.8 = 38.4 kg
    app.log_sets(lifter, "chest_supported_row", ["24x10@2"] * 3, on=MONDAY)
    wednesday = MONDAY + timedelta(days=2)
    result = app.swap_exercise(lifter, "chest_supported_row", "seated_cable_row", wednesday)
    assert result.carried is not None
    assert result.carried.factor == 0.8
    assert result.carried.known.load_kg == pytest.approx(38.4)
    _, prescription = app.next_prescription(lifter, "seated_cable_row", wednesday)
    assert not prescription.calibrate
    load = prescription.sets[0].load_kg
    assert load is not None
    assert 30 <= load <= 40


def test_a_load_that_does_not_transfer_starts_with_calibration(
    app: Backbone, lifter: int, facts: Knowledge
) -> None:
    app.log_sets(lifter, "chest_supported_row", ["24x10@2"] * 3, on=MONDAY)
    wednesday = MONDAY + timedelta(days=2)
    options = app.swap_options(lifter, "chest_supported_row", wednesday).options
    body = next(o for o in options if o.option.exercise == "feet_elevated_inverted_row")
    assert not body.carries_over
    result = app.swap_exercise(
        lifter, "chest_supported_row", "feet_elevated_inverted_row", wednesday
    )
    assert result.carried is None


def test_a_swap_outside_the_options_says_why(app: Backbone, me: int) -> None:
    start(app, me, equipment=("dumbbell", "bench", "pullup_bar"))
    slug = next(
        i.exercise.slug
        for i in app.today(me, MONDAY).items
        if i.exercise.pattern.value == "horizontal_pull"
    )
    with pytest.raises(InputError, match="needs cable") as raised:
        app.swap_exercise(me, slug, "seated_cable_row", MONDAY)
    assert raised.value.details["to"] == "seated_cable_row"
    with pytest.raises(InputError, match="is a vertical pull"):
        app.swap_exercise(me, slug, "pull_up", MONDAY)
    assert app.show_program(me).program.swaps == ()


def test_a_sore_back_cannot_swap_to_a_spine_loading_lift(
    app: Backbone, me: int, facts: Knowledge
) -> None:
    start(app, me, back_pain="current")
    day, slug = next(
        (session.on, item.exercise)
        for session in app.show_program(me).plan.weeks[0].sessions
        for item in session.items()
        if facts.catalogue.get(item.exercise).pattern.value == "horizontal_pull"
    )
    with pytest.raises(InputError, match="current back pain"):
        app.swap_exercise(me, slug, "barbell_bent_over_row", day)


def test_unknown_or_absent_exercises_are_not_found(app: Backbone, lifter: int) -> None:
    with pytest.raises(NotFound, match="No exercise called"):
        app.swap_options(lifter, "chest_suported_rowz", MONDAY)
    with pytest.raises(NotFound, match="not in your program"):
        app.swap_options(lifter, "pendlay_row", MONDAY)
    with pytest.raises(NotFound, match="No exercise called"):
        app.swap_exercise(lifter, "chest_supported_row", "nonsense_row", MONDAY)


def test_another_athletes_program_is_unaffected(app: Backbone, lifter: int) -> None:
    user = app.create_user("bo")
    assert user.user_id is not None
    other = app.owned_athletes(user.user_id)[0].athlete_id
    assert other is not None
    start(app, other)
    before = app.show_program(other).plan
    app.swap_exercise(lifter, "chest_supported_row", "seated_cable_row", MONDAY)
    assert app.show_program(other).plan == before
    day = first_day_with(app, other, "chest_supported_row")
    assert "chest_supported_row" in today_exercises(app, other, day)


def test_swapping_back_leaves_the_days_the_planner_gave_the_replacement(
    app: Backbone, me: int
) -> None:
    start(app, me, equipment=("dumbbell", "bench", "pullup_bar", "band"), level="novice")
    before = app.show_program(me).plan
    planned = program_exercises(app, me)
    row = next(
        i.exercise.slug for i in app.today(me, MONDAY).items if i.exercise.slug.endswith("_row")
    )
    options = [o.option.exercise for o in app.swap_options(me, row, MONDAY).options]
    elsewhere = next(o for o in options if o in planned)  # on other days of the program
    app.swap_exercise(me, row, elsewhere, MONDAY)
    assert row not in program_exercises(app, me)
    app.swap_exercise(me, elsewhere, row, MONDAY)
    assert app.show_program(me).plan == before


def test_a_swap_survives_a_new_plan_that_still_allows_it(app: Backbone, lifter: int) -> None:
    app.swap_exercise(lifter, "chest_supported_row", "seated_cable_row", MONDAY)
    app.change_equipment(lifter, list(GYM))  # planned again: Settings saved with the same kit
    assert [s.to_exercise for s in app.show_program(lifter).program.swaps] == ["seated_cable_row"]
    assert "seated_cable_row" in program_exercises(app, lifter)
    assert "chest_supported_row" not in program_exercises(app, lifter)


def test_a_swap_to_kit_given_up_is_dropped_by_the_new_plan(app: Backbone, lifter: int) -> None:
    app.swap_exercise(lifter, "chest_supported_row", "seated_cable_row", MONDAY)
    app.change_equipment(lifter, [e for e in GYM if e != "cable"])
    assert app.show_program(lifter).program.swaps == ()
    assert "seated_cable_row" not in program_exercises(app, lifter)


def test_a_swapped_in_stand_in_cites_the_swap_and_not_the_planners_pick(
    app: Backbone, lifter: int
) -> None:
    """An athlete who swaps a loaded row for a bodyweight one chose it: its reasons say what
    makes it a fair swap, never "the most loadable row your equipment allows"."""
    day = first_day_with(app, lifter, "chest_supported_row")
    options = app.swap_options(lifter, "chest_supported_row", day).options
    stand_in = next(o.option for o in options if o.option.exercise == "inverted_row")
    assert stand_in.rule_id == "select.equivalent_swap"
    app.swap_exercise(lifter, "chest_supported_row", "inverted_row", day)
    item = next(i for i in app.today(lifter, day).items if i.exercise.slug == "inverted_row")
    why = item.planned.why
    assert [r.rule_id for r in why[:2]] == ["select.equivalent_swap", "select.equivalent_swap"]
    assert why[0].text == "replaced Chest-supported dumbbell row at your request"
    assert why[1].text.startswith("same horizontal pull")
    assert all(r.rule_id != "select.loadable_first" for r in why)
    assert all("most loadable" not in r.text for r in why)

"""Exercise choice a coach would sign (issue 9, section 1): loadable, stable options first, the
article's lifts, a loaded hinge every week, deadlifts and ramp-ups for strength, exclusions and
lifts trained elsewhere."""

from __future__ import annotations

import pytest

from backbone.domain.errors import InputError
from backbone.domain.program import Plan
from backbone.domain.vocabulary import (
    BlockKind,
    Equipment,
    Loadability,
    MeasuredBy,
    Muscle,
    Pattern,
    SpinalLoad,
)
from backbone.services.ports import Knowledge
from tests.conftest import PlanFor

GYM = ("barbell", "dumbbell", "bench", "pullup_bar", "cable", "machine", "back_extension_bench")
STAND_INS = {"doorframe_row", "inverted_row", "trx_row", "band_row", "band_face_pull"}


def slugs(plan: Plan, week: int = 1, block: BlockKind | None = None) -> list[str]:
    return [
        item.exercise for session in plan.weeks[week - 1].sessions for item in session.items(block)
    ]


def test_a_full_gym_gets_loadable_rows_and_no_stand_ins(plan_for: PlanFor) -> None:
    plan = plan_for(equipment=GYM, level="novice", minutes_per_session=60, weeks=1)
    chosen = set(slugs(plan))
    assert not chosen & STAND_INS, chosen & STAND_INS


def test_a_full_gym_week_has_the_articles_lifts(plan_for: PlanFor, facts: Knowledge) -> None:
    plan = plan_for(equipment=GYM, level="novice", minutes_per_session=60, weeks=1)
    exercises = [facts.catalogue.get(s) for s in slugs(plan)]
    assert any(e.family == "deadlift" for e in exercises)
    assert any(e.pattern is Pattern.HORIZONTAL_PULL for e in exercises)
    assert any(e.pattern is Pattern.VERTICAL_PULL for e in exercises)
    assert any(e.pattern is Pattern.BACK_EXTENSION for e in exercises)


@pytest.mark.parametrize(
    "equipment",
    [("barbell",), ("dumbbell",), ("kettlebell",), ("dumbbell", "bench", "pullup_bar", "band")],
)
@pytest.mark.parametrize("back_pain", ["none", "history"])
def test_every_week_has_a_loaded_hinge_without_current_pain(
    plan_for: PlanFor, facts: Knowledge, equipment: tuple[str, ...], back_pain: str
) -> None:
    plan = plan_for(equipment=equipment, back_pain=back_pain, level="novice", weeks=2)
    for week in (1, 2):
        hinges = [
            e
            for e in (facts.catalogue.get(s) for s in slugs(plan, week))
            if e.pattern is Pattern.HINGE and e.loadability is Loadability.EXTERNAL
        ]
        assert hinges, (equipment, back_pain, week)


@pytest.mark.parametrize("level", ["novice", "intermediate", "advanced"])
def test_strength_gets_a_deadlift_as_a_main_lift_with_ramp_ups(
    plan_for: PlanFor, facts: Knowledge, level: str
) -> None:
    plan = plan_for(equipment=GYM, level=level, goal="strength", minutes_per_session=60, weeks=1)
    main = [facts.catalogue.get(s) for s in slugs(plan, block=BlockKind.MAIN)]
    assert any(e.family == "deadlift" for e in main)
    for session in plan.weeks[0].sessions:
        for item in session.items(BlockKind.MAIN):
            if facts.catalogue.get(item.exercise).loadability is Loadability.EXTERNAL:
                assert item.load_hint.startswith("Ramp up first"), item.exercise


def test_a_barbell_novice_strength_plan_uses_the_barbell(
    plan_for: PlanFor, facts: Knowledge
) -> None:
    plan = plan_for(
        equipment=("barbell", "bench", "pullup_bar"), level="novice", goal="strength", weeks=1
    )
    main = [facts.catalogue.get(s) for s in slugs(plan, block=BlockKind.MAIN)]
    assert sum("barbell" in e.equipment for e in main) >= 3
    assert "conventional_deadlift" in {e.slug for e in main}


def test_excluded_exercises_never_appear(plan_for: PlanFor) -> None:
    plan = plan_for(equipment=GYM, exclude=("romanian_deadlift", "Lat pulldown"), weeks=1)
    assert not {"romanian_deadlift", "lat_pulldown"} & set(slugs(plan))


def test_an_unknown_exclusion_is_an_input_error_with_a_suggestion(plan_for: PlanFor) -> None:
    with pytest.raises(InputError, match="romanian_deadlift"):
        plan_for(exclude=("romanian_deadlif",))


def test_a_deadlift_trained_elsewhere_is_counted_not_repeated(
    plan_for: PlanFor, facts: Knowledge
) -> None:
    alone = plan_for(equipment=GYM, minutes_per_session=60, weeks=1)
    beside = plan_for(
        equipment=GYM, minutes_per_session=60, weeks=1, also_training=("squat", "deadlift")
    )
    exercises = [facts.catalogue.get(s) for s in slugs(beside)]
    assert all(e.spinal_load is not SpinalLoad.HIGH for e in exercises)
    erectors = dict(beside.weeks[0].weekly_sets)[Muscle.ERECTOR_SPINAE]
    assert erectors < dict(alone.weeks[0].weekly_sets)[Muscle.ERECTOR_SPINAE]


def test_an_unknown_outside_lift_is_an_input_error(plan_for: PlanFor) -> None:
    with pytest.raises(InputError, match="lift"):
        plan_for(also_training=("zumba",))


def test_timed_exercises_are_prescribed_in_seconds_in_every_block(
    plan_for: PlanFor, facts: Knowledge
) -> None:
    for equipment in (GYM, ("bodyweight",), ("band",)):
        plan = plan_for(equipment=equipment, minutes_per_session=60, weeks=1)
        for session in plan.weeks[0].sessions:
            for item in session.items():
                if facts.catalogue.get(item.exercise).measured_by is MeasuredBy.SECONDS:
                    assert item.seconds is not None, item.exercise
                    assert item.reps is None, item.exercise


def test_next_steps_named_in_hints_are_within_reach(plan_for: PlanFor, facts: Knowledge) -> None:
    # pull-up negatives list the pull-up (intermediate) first; a novice is not sent there
    plan = plan_for(equipment=("pullup_bar",), level="novice", weeks=1)
    names_out_of_reach = {
        e.name
        for e in facts.catalogue
        if e.level.rank > 0 or not e.fits(frozenset({Equipment.PULLUP_BAR}))
    }
    for session in plan.weeks[0].sessions:
        for item in session.items():
            if "move on to" in item.load_hint:
                target = item.load_hint.split("move on to ")[1].rstrip(".")
                assert target not in names_out_of_reach, (item.exercise, target)


def test_sessions_under_the_time_box_say_what_stopped_them(plan_for: PlanFor) -> None:
    plan = plan_for(equipment=GYM, level="novice", minutes_per_session=90, weeks=1)
    short = [s for s in plan.weeks[0].sessions if s.est_minutes <= 85]
    assert short
    (warning,) = [w for w in plan.warnings if w.code == "time_box_not_filled"]
    assert "of 90" in warning.message
    assert "full" in warning.message


def test_swap_alternatives_are_doable_equivalent_and_best_first(facts: Knowledge) -> None:
    from datetime import date

    from backbone.domain.athlete import make_profile
    from backbone.domain.planner.alternatives import alternatives

    profile = make_profile(
        days_per_week=3,
        minutes_per_session=45,
        equipment=GYM,
        level="novice",
        goal="hypertrophy",
        back_pain="history",
        weeks=1,
        start_on=date(2026, 11, 30),
    )
    found = alternatives("one_arm_dumbbell_row", profile, facts.catalogue, facts.evidence)
    assert found
    first = facts.catalogue.get(found[0].exercise)
    assert first.loadability is Loadability.EXTERNAL
    for alt in found:
        exercise = facts.catalogue.get(alt.exercise)
        assert exercise.pattern is Pattern.HORIZONTAL_PULL
        assert exercise.spinal_load is SpinalLoad.LOW
        assert alt.reason.startswith("same horizontal pull")

"""planner.swap: swap options are doable and equivalent; a swap and its swap back leave no trace."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from backbone.domain.athlete import make_profile
from backbone.domain.planner.alternatives import alternatives
from backbone.domain.planner.candidates import allowed
from backbone.domain.planner.swap import apply_swaps, swap_options
from backbone.domain.program import Plan, ProgramSwap
from backbone.domain.vocabulary import Equipment, SpinalLoad
from backbone.services.ports import Knowledge
from tests.conftest import PlanFor
from tests.unit.progression_builders import CATALOGUE, EVIDENCE

SPINE = list(SpinalLoad)
KIT = sorted(e.value for e in Equipment if e is not Equipment.BODYWEIGHT)


@settings(max_examples=60, deadline=None)
@given(
    equipment=st.sets(st.sampled_from(KIT)),
    level=st.sampled_from(["novice", "intermediate", "advanced"]),
    back_pain=st.sampled_from(["none", "history", "current"]),
    slug=st.sampled_from(sorted(e.slug for e in CATALOGUE)),
)
def test_an_option_never_needs_what_the_person_lacks(
    equipment: set[str], level: str, back_pain: str, slug: str
) -> None:
    profile = make_profile(
        days_per_week=3,
        minutes_per_session=45,
        equipment=sorted(equipment),
        level=level,
        goal="hypertrophy",
        back_pain=back_pain,
        weeks=1,
        start_on=date(2026, 11, 30),
    )
    current = CATALOGUE.get(slug)
    for option in alternatives(slug, profile, CATALOGUE, EVIDENCE):
        exercise = CATALOGUE.get(option.exercise)
        assert exercise.equipment <= profile.available_equipment | {Equipment.BODYWEIGHT}
        assert allowed(exercise, profile)
        assert exercise.pattern is current.pattern
        assert SPINE.index(exercise.spinal_load) <= SPINE.index(current.spinal_load)


def _prescribed(plan: Plan) -> list[str]:
    first = plan.weeks[0].sessions[0]
    return [i.exercise for b in first.blocks if b.kind.value != "warmup" for i in b.items]


def test_every_swap_and_its_swap_back_restore_the_plan(plan_for: PlanFor, facts: Knowledge) -> None:
    plan = plan_for(equipment=("barbell", "dumbbell", "bench", "pullup_bar", "cable"))
    on = plan.weeks[0].sessions[0].on
    tried = 0
    for slug in _prescribed(plan):
        for option in swap_options(slug, plan, plan, on, facts.catalogue, facts.evidence):
            there = ProgramSwap(slug, option.exercise, on)
            swapped = apply_swaps(plan, (there,), facts.catalogue, facts.evidence)
            assert slug not in _prescribed(swapped)
            assert option.exercise in _prescribed(swapped)
            back = ProgramSwap(option.exercise, slug, on)
            assert apply_swaps(plan, (there, back), facts.catalogue, facts.evidence) == plan
            tried += 1
    assert tried > 10


def test_a_swap_leaves_the_sessions_before_its_day(plan_for: PlanFor, facts: Knowledge) -> None:
    plan = plan_for(equipment=("barbell", "dumbbell", "bench", "pullup_bar", "cable"))
    slug = _prescribed(plan)[0]
    later = plan.weeks[1].starts_on
    option = swap_options(slug, plan, plan, later, facts.catalogue, facts.evidence)[0]
    swapped = apply_swaps(
        plan, (ProgramSwap(slug, option.exercise, later),), facts.catalogue, facts.evidence
    )
    assert swapped.weeks[0] == plan.weeks[0]
    assert swapped.weeks[1] != plan.weeks[1]

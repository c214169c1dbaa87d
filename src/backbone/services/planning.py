"""Use case: plan a block of back training for a person's week."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from backbone.domain.athlete import DEFAULT_WEEKS, Profile, make_profile
from backbone.domain.planner.generate import generate_plan
from backbone.domain.program import Plan
from backbone.services.ports import Knowledge


@dataclass(frozen=True, slots=True)
class PlanRequest:
    """A plan request in the user's own words; validated by the domain."""

    start_on: date
    days_per_week: int | None = None
    minutes_per_session: int = 45
    equipment: Sequence[str] = ("bodyweight",)
    level: str = "novice"
    goal: str = "health"
    back_pain: str = "none"
    weeks: int = DEFAULT_WEEKS
    on_days: Sequence[str] | None = None
    red_flags: Sequence[str] = field(default_factory=tuple)
    exclude: Sequence[str] = field(default_factory=tuple)
    also_training: Sequence[str] = field(default_factory=tuple)


def plan_training(request: PlanRequest, knowledge: Knowledge) -> Plan:
    return generate_plan(
        profile_of(request), knowledge.catalogue, knowledge.evidence, knowledge.solve
    )


def profile_of(request: PlanRequest) -> Profile:
    """Validate the request's words into a domain profile (InputError on any mistake)."""
    return make_profile(
        days_per_week=request.days_per_week,
        minutes_per_session=request.minutes_per_session,
        equipment=request.equipment,
        level=request.level,
        goal=request.goal,
        back_pain=request.back_pain,
        weeks=request.weeks,
        start_on=request.start_on,
        on_days=request.on_days,
        red_flags=request.red_flags,
        exclude=request.exclude,
        also_training=request.also_training,
    )

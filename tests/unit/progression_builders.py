"""Small hand-built training histories for the progression tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from backbone.data import packaged_catalogue, packaged_evidence
from backbone.domain.athlete import Athlete, Profile
from backbone.domain.history import LoggedSet, SetType
from backbone.domain.program import KnownSet, PlanItem
from backbone.domain.progression import Prescription, Recovery, group_exposures, prescribe
from backbone.domain.vocabulary import BackPain, Goal, Level

CATALOGUE = packaged_catalogue()
EVIDENCE = packaged_evidence()
ATHLETE = Athlete("test", bodyweight_kg=80.0)
MONDAY = date(2026, 1, 5)
CALM = Recovery(deload=False, hold=False, stop=False, reasons=())


def planned(
    slug: str,
    sets: int = 3,
    reps: tuple[int, int] | None = (8, 12),
    seconds: tuple[int, int] | None = None,
    rir: int | None = 2,
) -> PlanItem:
    return PlanItem(slug, slug, sets, reps, seconds, False, rir, 120, "", ())


def logged(
    slug: str,
    on: date,
    position: int,
    load_kg: float | None = None,
    reps: int | None = None,
    rir: int | None = 2,
    **more: Any,
) -> LoggedSet:
    fields: dict[str, Any] = {
        "set_type": SetType.WORKING,
        "added_kg": None,
        "seconds": None,
    }
    fields.update(more)
    return LoggedSet(
        exercise=slug,
        performed_on=on,
        position=position,
        load_kg=load_kg,
        reps=reps,
        rir=rir,
        **fields,
    )


def session(
    slug: str,
    on: date,
    load_kg: float | None,
    reps: Sequence[int],
    rir: int | None = 2,
    **more: Any,
) -> list[LoggedSet]:
    return [logged(slug, on, i, load_kg, r, rir, **more) for i, r in enumerate(reps, start=1)]


def days(n: int, every: int = 3) -> list[date]:
    return [MONDAY + timedelta(days=every * i) for i in range(n)]


def next_for(
    slug: str,
    sets: Sequence[LoggedSet],
    plan: PlanItem | None = None,
    *,
    level: Level = Level.INTERMEDIATE,
    goal: Goal = Goal.HYPERTROPHY,
    back_pain: BackPain = BackPain.NONE,
    deload_week: bool = False,
    known: KnownSet | None = None,
    recovery: Recovery = CALM,
    athlete: Athlete = ATHLETE,
    profile: Profile | None = None,
) -> Prescription:
    return prescribe(
        CATALOGUE.get(slug),
        plan or planned(slug),
        group_exposures(sets),
        athlete=athlete,
        level=level,
        goal=goal,
        back_pain=back_pain,
        deload_week=deload_week,
        known=known,
        recovery=recovery,
        catalogue=CATALOGUE,
        evidence=EVIDENCE,
        profile=profile,
    )

"""Small hand-built histories for the analytics tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from backbone.data import packaged_catalogue, packaged_evidence
from backbone.domain.analytics import analyse
from backbone.domain.analytics.model import Analytics
from backbone.domain.athlete import Athlete, Profile
from backbone.domain.endurance import EnduranceResult
from backbone.domain.history import CheckIn, LoggedSet, SetType
from backbone.domain.program import Plan

CATALOGUE = packaged_catalogue()
EVIDENCE = packaged_evidence()
ATHLETE = Athlete("test", bodyweight_kg=80.0, athlete_id=1)
MONDAY = date(2026, 1, 26)
TODAY = date(2026, 1, 28)  # the Wednesday of MONDAY's week


def hard(
    slug: str,
    on: date,
    count: int = 1,
    *,
    load_kg: float | None = 50.0,
    reps: int | None = 10,
    rir: int | None = 2,
    **more: Any,
) -> list[LoggedSet]:
    fields: dict[str, Any] = {"set_type": SetType.WORKING, "added_kg": None, "seconds": None}
    fields.update(more)
    return [
        LoggedSet(
            exercise=slug,
            performed_on=on,
            position=i,
            load_kg=load_kg,
            reps=reps,
            rir=rir,
            **fields,
        )
        for i in range(1, count + 1)
    ]


def check_in(on: date, back_pain: int = 0, **more: Any) -> CheckIn:
    fields: dict[str, Any] = {"sleep_h": 8.0, "soreness": 2, "readiness": 8}
    fields.update(more)
    return CheckIn(athlete_id=1, on=on, back_pain=back_pain, **fields)


def result(test: str, value: float, on: date = TODAY, **more: Any) -> EnduranceResult:
    return EnduranceResult(athlete_id=1, test=test, value=value, on=on, **more)


def run(
    sets: Sequence[LoggedSet] = (),
    *,
    today: date = TODAY,
    weeks: int = 4,
    check_ins: Sequence[CheckIn] = (),
    endurance: Sequence[EnduranceResult] = (),
    plan: Plan | None = None,
    profile: Profile | None = None,
    record_baseline: Sequence[LoggedSet] = (),
) -> Analytics:
    return analyse(
        today=today,
        weeks=weeks,
        sets=sets,
        check_ins=check_ins,
        endurance=endurance,
        plan=plan,
        profile=profile,
        athlete=ATHLETE,
        catalogue=CATALOGUE,
        evidence=EVIDENCE,
        record_baseline=record_baseline,
    )

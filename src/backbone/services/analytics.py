"""Use case: the numbers behind `backbone stats` (and the report): analytics over the log."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, timedelta
from typing import Any

from backbone.domain.analytics import analyse
from backbone.domain.analytics.model import Analytics
from backbone.domain.errors import InputError, NotFound
from backbone.services.accounts import UnitOfWorkFactory
from backbone.services.ports import Knowledge
from backbone.services.programs import running_program

WEEKS_RANGE = (1, 104)
RECORD_BASELINE_WEEKS = 52
"""PRs in the window are judged against the year before it: old enough to be meaningful, short
enough that a ten-year log still answers in a fraction of a second."""


def window_start(today: date, weeks: int) -> date:
    """Monday of the first of `weeks` weeks ending with the week that contains `today`."""
    return today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)


def stats(
    athlete_id: int,
    weeks: int,
    today: date,
    knowledge: Knowledge,
    new_uow: UnitOfWorkFactory,
) -> Analytics:
    low, high = WEEKS_RANGE
    if not low <= weeks <= high:
        raise InputError(
            f"weeks must be between {low} and {high}; got {weeks}.",
            {"field": "weeks", "value": weeks, "min": low, "max": high},
        )
    start = window_start(today, weeks)
    with new_uow() as uow:
        athlete = uow.athletes.get(athlete_id)
        try:
            view = running_program(uow, athlete_id, knowledge=knowledge)
            plan, profile = view.plan, view.plan.profile
        except NotFound:
            plan, profile = None, None
        logged = uow.sets.sets_for(
            athlete_id,
            since=start - timedelta(weeks=RECORD_BASELINE_WEEKS),
            until=today,
        )
        check_ins = uow.check_ins.recent(athlete_id, today, (today - start).days + 1)
        endurance = uow.endurance.results(athlete_id)
        own = {e.slug: e for e in uow.own_exercises.for_athlete(athlete_id)}
    return analyse(
        today=today,
        weeks=weeks,
        sets=[s for s in logged if s.performed_on >= start],
        check_ins=check_ins,
        endurance=endurance,
        plan=plan,
        profile=profile,
        athlete=athlete,
        catalogue=knowledge.catalogue,
        evidence=knowledge.evidence,
        record_baseline=[s for s in logged if s.performed_on < start],
        own_exercises=own,
    )


def analytics_document(analytics: Analytics) -> dict[str, Any]:
    """The `stats --json` body: every analytics field, dates as ISO strings."""
    document: dict[str, Any] = _plain(asdict(analytics))
    return document


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value

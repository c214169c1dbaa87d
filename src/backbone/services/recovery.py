"""Use case: the recovery check-in, and what it means for today's training."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from backbone.domain.errors import InputError
from backbone.domain.history import CheckIn, PerformedSession
from backbone.domain.progression import Recovery, assess_recovery
from backbone.domain.safety import screen_red_flags
from backbone.services.accounts import UnitOfWorkFactory
from backbone.services.ports import Knowledge

LOOKBACK_DAYS = 14


def check_in(
    athlete_id: int,
    *,
    on: date,
    now: datetime,
    sleep_h: float,
    back_pain: int,
    soreness: int,
    readiness: int | None,
    sleep_quality: int | None,
    red_flags: Sequence[str],
    knowledge: Knowledge,
    new_uow: UnitOfWorkFactory,
) -> Recovery:
    """Store the check-in, then judge recovery. A red flag is stored and then stops training."""
    _in_range("sleep", sleep_h, 0, 24)
    _in_range("back_pain", back_pain, 0, 10)
    _in_range("soreness", soreness, 0, 10)
    if readiness is not None:
        _in_range("readiness", readiness, 1, 10)
    if sleep_quality is not None:
        _in_range("sleep_quality", sleep_quality, 1, 5)
    known_flags = {f.name for f in knowledge.evidence.red_flags()}
    for flag in red_flags:
        if flag not in known_flags:
            screen_red_flags([flag], knowledge.evidence)  # raises InputError with a suggestion
    with new_uow() as uow:
        uow.athletes.get(athlete_id)
        uow.check_ins.add(
            CheckIn(
                athlete_id=athlete_id,
                on=on,
                sleep_h=sleep_h,
                back_pain=back_pain,
                soreness=soreness,
                readiness=readiness,
                sleep_quality=sleep_quality,
                red_flags=tuple(red_flags),
                checked_at=now,
            )
        )
        uow.commit()
        recent = uow.check_ins.recent(athlete_id, on, LOOKBACK_DAYS)
        sets = uow.sets.sets_for(athlete_id, since=on - timedelta(days=LOOKBACK_DAYS))
    screen_red_flags(red_flags, knowledge.evidence)
    return assess_recovery(recent, sets, on, knowledge.evidence)


def _in_range(field: str, value: float, low: float, high: float) -> None:
    if not low <= value <= high:
        raise InputError(
            f"{field.replace('_', ' ')} must be between {low:g} and {high:g}; got {value:g}.",
            {"field": field, "value": value, "min": low, "max": high},
        )


def finish_session(
    athlete_id: int,
    *,
    on: date,
    session_rpe: int | None,
    duration_min: float | None,
    new_uow: UnitOfWorkFactory,
) -> PerformedSession:
    """Mark a day's session done, with how hard it felt (RPE 1-10) and how long it took."""
    if session_rpe is not None:
        _in_range("session_rpe", session_rpe, 1, 10)
    if duration_min is not None:
        _in_range("duration_min", duration_min, 1, 300)
    with new_uow() as uow:
        uow.athletes.get(athlete_id)
        performed = PerformedSession(athlete_id, on, session_rpe, duration_min)
        uow.sessions.record(performed)
        uow.commit()
    return performed


CHECK_IN_DAYS_RANGE = (1, 366)


def recent_check_ins(
    new_uow: UnitOfWorkFactory, athlete_id: int, until: date, days: int
) -> list[CheckIn]:
    """The check-ins of the `days` days up to `until`, oldest first."""
    low, high = CHECK_IN_DAYS_RANGE
    if not low <= days <= high:
        raise InputError(f"days must be {low}-{high}; got {days}.", {"field": "days"})
    with new_uow() as uow:
        uow.athletes.get(athlete_id)
        return uow.check_ins.recent(athlete_id, until, days)


def check_in_document(check_in: CheckIn) -> dict[str, object]:
    return {
        "date": check_in.on.isoformat(),
        "sleep_h": check_in.sleep_h,
        "sleep_quality": check_in.sleep_quality,
        "back_pain": check_in.back_pain,
        "soreness": check_in.soreness,
        "readiness": check_in.readiness,
        "red_flags": list(check_in.red_flags),
    }

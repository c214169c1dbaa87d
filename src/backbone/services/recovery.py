"""Use case: the recovery check-in, and what it means for today's training."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from backbone.domain.errors import Conflict, InputError, SafetyStop
from backbone.domain.history import CheckIn, PerformedSession
from backbone.domain.inputs import check_date, check_number
from backbone.domain.progression import Recovery, assess_recovery
from backbone.domain.safety import normalise_red_flags, screen_red_flags
from backbone.services.accounts import UnitOfWorkFactory
from backbone.services.paging import Paged, Window
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
    replace: bool = False,
    leg_symptoms: bool = False,
) -> Recovery:
    """Judge recovery with the new check-in, then store it; a red flag is stored, then stops
    training (SafetyStop after the commit: the warning sign is on record).

    A second check-in for the same day is refused (Conflict, `details["next_step"]` =
    "replace_check_in") unless `replace` is given: silently overwriting the morning's answers
    loses what the athlete reported, and a retried command should not change the record.
    """
    check_date(on, "date")
    _in_range("sleep", sleep_h, 0, 24)
    _in_range("back_pain", back_pain, 0, 10)
    _in_range("soreness", soreness, 0, 10)
    if readiness is not None:
        _in_range("readiness", readiness, 1, 10)
    if sleep_quality is not None:
        _in_range("sleep_quality", sleep_quality, 1, 5)
    flags = normalise_red_flags(red_flags, knowledge.evidence)  # FEVER is stored as fever
    with new_uow() as uow:
        uow.athletes.get(athlete_id)
        same_day = [c for c in uow.check_ins.recent(athlete_id, on, 1) if c.on == on]
        if same_day and not replace:
            stored = same_day[0]
            raise Conflict(
                f"A check-in for {on.isoformat()} is already stored (sleep {stored.sleep_h:g} h, "
                f"back pain {stored.back_pain}, soreness {stored.soreness}); it was kept.",
                {"date": on.isoformat(), "next_step": "replace_check_in"},
            )
        uow.check_ins.add(
            CheckIn(
                athlete_id=athlete_id,
                on=on,
                sleep_h=sleep_h,
                back_pain=back_pain,
                soreness=soreness,
                readiness=readiness,
                sleep_quality=sleep_quality,
                red_flags=flags,
                checked_at=now,
                leg_symptoms=leg_symptoms,
            )
        )
        # read and judged inside the transaction: a failure here stores nothing
        recent = uow.check_ins.recent(athlete_id, on, LOOKBACK_DAYS)
        since = on - timedelta(days=LOOKBACK_DAYS)
        sets = uow.sets.sets_for(athlete_id, since=since)
        sessions = uow.sessions.performed(athlete_id, since=since)
        # the same judgement `today` makes from the same check-ins, so the two always agree
        verdict = assess_recovery(recent, sets, on, knowledge.evidence, sessions)
        uow.commit()
    try:
        screen_red_flags(flags, knowledge.evidence)
    except SafetyStop as stop:
        raise SafetyStop(
            f"{stop.message} Your check-in for {on.isoformat()} was saved.",
            {**stop.details, "saved": True},
        ) from None
    return verdict


def _in_range(field: str, value: float, low: float, high: float) -> None:
    check_number(value, field, low, high)


def finish_session(
    athlete_id: int,
    *,
    on: date,
    session_rpe: int | None,
    duration_min: float | None,
    new_uow: UnitOfWorkFactory,
) -> PerformedSession:
    """Mark a day's session done, with how hard it felt (RPE 1-10) and how long it took."""
    check_date(on, "date")
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


def recent_check_ins_page(
    new_uow: UnitOfWorkFactory, athlete_id: int, until: date, days: int, window: Window
) -> Paged[CheckIn]:
    """One window of `recent_check_ins` (oldest first), with how many there are in all."""
    low, high = CHECK_IN_DAYS_RANGE
    if not low <= days <= high:
        raise InputError(f"days must be {low}-{high}; got {days}.", {"field": "days"})
    with new_uow() as uow:
        uow.athletes.get(athlete_id)
        found = uow.check_ins.recent_page(athlete_id, until, days, window)
        return Paged(found, uow.check_ins.count_recent(athlete_id, until, days))


def check_in_document(check_in: CheckIn) -> dict[str, object]:
    return {
        "date": check_in.on.isoformat(),
        "sleep_h": check_in.sleep_h,
        "sleep_quality": check_in.sleep_quality,
        "back_pain": check_in.back_pain,
        "soreness": check_in.soreness,
        "readiness": check_in.readiness,
        "red_flags": list(check_in.red_flags),
        "leg_symptoms": check_in.leg_symptoms,
    }

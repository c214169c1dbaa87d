"""Use cases: the days an athlete trained (sessions), one day's session, and comments on it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from backbone.domain.accounts import SessionComment
from backbone.domain.errors import InputError, NotFound
from backbone.domain.history import LogEntry, PerformedSession
from backbone.services.accounts import UnitOfWorkFactory
from backbone.services.paging import Paged, Window
from backbone.services.training_documents import entry_document

COMMENT_MAX_CHARS = 2000


@dataclass(frozen=True, slots=True)
class SessionDay:
    athlete_id: int
    on: date
    entries: tuple[LogEntry, ...]
    performed: PerformedSession | None
    comments: tuple[SessionComment, ...]


def sessions(new_uow: UnitOfWorkFactory, athlete_id: int) -> list[SessionDay]:
    """Every day with logged sets or a finished session, newest first (without comments)."""
    with new_uow() as uow:
        uow.athletes.get(athlete_id)
        entries = uow.sets.entries(athlete_id)
        performed = {p.on: p for p in uow.sessions.performed(athlete_id)}
    return _session_days(athlete_id, entries, performed)


def sessions_page(new_uow: UnitOfWorkFactory, athlete_id: int, window: Window) -> Paged[SessionDay]:
    """One window of `sessions` (newest first): the database picks the days, then only their
    entries and finish records are read."""
    with new_uow() as uow:
        uow.athletes.get(athlete_id)
        days = uow.sessions.training_days(athlete_id, window)
        total = uow.sessions.count_training_days(athlete_id)
        entries = uow.sets.entries_on(athlete_id, days) if days else []
        performed = (
            {p.on: p for p in uow.sessions.performed(athlete_id, since=min(days))} if days else {}
        )
    return Paged(_session_days(athlete_id, entries, performed, days), total)


def sessions_between(
    new_uow: UnitOfWorkFactory, athlete_id: int, first: date, last: date
) -> list[SessionDay]:
    """The days from `first` to `last` (inclusive) with logged sets or a finished session, newest
    first: a month's calendar reads those weeks, not the whole log."""
    if last < first:
        return []
    span = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    with new_uow() as uow:
        uow.athletes.get(athlete_id)
        entries = uow.sets.entries_on(athlete_id, span)
        performed = {
            p.on: p for p in uow.sessions.performed(athlete_id, since=first) if p.on <= last
        }
    return _session_days(athlete_id, entries, performed)


def _session_days(
    athlete_id: int,
    entries: Sequence[LogEntry],
    performed: Mapping[date, PerformedSession],
    days: Sequence[date] | None = None,
) -> list[SessionDay]:
    """`days` (newest first; every day with an entry or a finish record when not given) with
    their entries in the log's order, as `sessions` lists them."""
    by_day: dict[date, list[LogEntry]] = {}
    for entry in sorted(entries, key=_log_order):
        by_day.setdefault(entry.performed_on, []).append(entry)
    if days is None:
        days = sorted(set(by_day) | set(performed), reverse=True)
    return [
        SessionDay(athlete_id, on, tuple(by_day.get(on, ())), performed.get(on), ()) for on in days
    ]


def _log_order(entry: LogEntry) -> tuple[date, datetime, int]:
    """The training log's order (`SetRepository.entries`): day, logged at, id."""
    return (entry.performed_on, entry.logged_at, entry.entry_id or 0)


def session_day(new_uow: UnitOfWorkFactory, athlete_id: int, on: date) -> SessionDay:
    """One day's entries, finish record and comments; NotFound for a day without training."""
    with new_uow() as uow:
        uow.athletes.get(athlete_id)
        # the day's entries only (not every entry since), in the log's order
        entries = tuple(sorted(uow.sets.entries_on(athlete_id, [on]), key=_log_order))
        performed = next(
            (p for p in uow.sessions.performed(athlete_id, since=on) if p.on == on), None
        )
        comments = tuple(uow.comments.for_day(athlete_id, on))
    if not entries and performed is None:
        raise NotFound(f"No session on {on.isoformat()}.", {"date": on.isoformat()})
    return SessionDay(athlete_id, on, entries, performed, comments)


def comment_on_session(
    new_uow: UnitOfWorkFactory,
    athlete_id: int,
    on: date,
    *,
    author_user_id: int,
    text: str,
    now: datetime,
) -> SessionComment:
    """A comment on a day's session (the caller checked the author may comment)."""
    body = text.strip()
    if not 1 <= len(body) <= COMMENT_MAX_CHARS:
        raise InputError(f"A comment must be 1-{COMMENT_MAX_CHARS} characters.", {"field": "text"})
    session_day(new_uow, athlete_id, on)  # NotFound for a day without training
    with new_uow() as uow:
        stored = uow.comments.add(SessionComment(athlete_id, on, author_user_id, body, now))
        uow.commit()
    return stored


def comment_document(comment: SessionComment) -> dict[str, Any]:
    return {
        "comment_id": comment.comment_id,
        "date": comment.on.isoformat(),
        "author_user_id": comment.author_user_id,
        "text": comment.text,
        "created_at": comment.created_at.isoformat(),
    }


def session_document(day: SessionDay) -> dict[str, Any]:
    done = day.performed
    return {
        "date": day.on.isoformat(),
        "finished": done is not None,
        "session_rpe": None if done is None else done.session_rpe,
        "duration_min": None if done is None else done.duration_min,
        "sets": sum(len(e.sets) for e in day.entries),
        "exercises": sorted({e.exercise for e in day.entries}),
        "entries": [entry_document(e) for e in day.entries],
        "comments": [comment_document(c) for c in day.comments],
    }

"""Every port method that touches a person's data names whose: an `athlete_id` parameter, or a
value that carries one (an entry, a check-in, a program...). A new method without a scope fails
here before it can leak one athlete's log into another's."""

from __future__ import annotations

import dataclasses
import inspect
import typing

import pytest

from backbone.services import ports

ATHLETE_DATA = (
    ports.ProgramRepository,
    ports.SetRepository,
    ports.CheckInRepository,
    ports.SessionRepository,
    ports.EnduranceRepository,
    ports.CommentRepository,
    ports.ImportRepository,
    ports.OwnExerciseRepository,
)
"""repositories whose every method reads or writes one athlete's data"""
ACCOUNT_METHODS = {
    ports.AthleteRepository: {"add", "get", "owned_by", "update"},
    ports.UserRepository: {"add", "get", "by_username", "end_sessions"},
    ports.GrantRepository: {"grant", "revoke", "for_athlete", "for_coach"},
    ports.TokenRepository: {
        "add",
        "by_hash",
        "for_user",
        "revoke",
        "touch",
        "set_calendar_feed",
        "calendar_feed_athlete",
        "calendar_feed_since",
        "revoke_calendar_feed",
    },
}
"""a user's own tokens: looked up by hash on every request, listed and revoked by their user;
an athlete's calendar feed secret: looked up by hash (the feed URL is its only credential)"""
SERVER_STATE = {
    ports.RateLimitRepository: {"hit", "count", "prune"},
    ports.SecretRepository: {"get_or_create"},
}
"""no one's data: rate-limit counters keyed by account or address, the server's signing secrets"""
"""who owns which athlete: scoped by the athlete or user they name"""


def _methods(protocol: type) -> list[str]:
    return [
        name
        for name, member in vars(protocol).items()
        if callable(member) and not name.startswith("_")
    ]


def _carries_athlete(annotation: object) -> bool:
    return (
        isinstance(annotation, type)
        and dataclasses.is_dataclass(annotation)
        and "athlete_id" in {f.name for f in dataclasses.fields(annotation)}
    )


def _scoped(protocol: type, method: str) -> bool:
    function = getattr(protocol, method)
    hints = typing.get_type_hints(function)
    parameters = list(inspect.signature(function).parameters)[1:]  # without self
    return any(name in {"athlete_id"} or _carries_athlete(hints.get(name)) for name in parameters)


@pytest.mark.parametrize(
    ("protocol", "method"),
    [(p, m) for p in ATHLETE_DATA for m in _methods(p)],
    ids=lambda value: value if isinstance(value, str) else value.__name__,
)
def test_every_athlete_data_method_is_scoped_by_athlete(protocol: type, method: str) -> None:
    assert _scoped(protocol, method), f"{protocol.__name__}.{method} takes no athlete scope"


def test_the_unit_of_work_lists_every_repository_this_test_knows() -> None:
    """A new repository on the unit of work must be classified here (data or accounts)."""
    known = {p.__name__ for p in (*ATHLETE_DATA, *ACCOUNT_METHODS, *SERVER_STATE)}
    declared = {
        hint.__name__
        for name, hint in typing.get_type_hints(ports.UnitOfWork).items()
        if isinstance(hint, type) and name != "return"
    }
    assert declared == known


REVIEWED = {**ACCOUNT_METHODS, **SERVER_STATE}


@pytest.mark.parametrize("protocol", list(REVIEWED), ids=lambda p: p.__name__)
def test_account_and_server_repositories_have_only_the_reviewed_methods(protocol: type) -> None:
    assert set(_methods(protocol)) == REVIEWED[protocol]

"""A secret calendar feed URL per athlete: calendar apps subscribe to it and cannot send a login.

The URL's secret is the only credential, so it is long and random, stored only as its SHA-256, and
revocable (a new one replaces the old, which stops working at once). The feed shows the running
program's sessions, nothing else of the athlete.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, time
from typing import Final

from backbone.domain.errors import NotFound
from backbone.services.accounts import UnitOfWorkFactory

FEED_PREFIX: Final = "bbcal_"
FEED_SECRET_MAX: Final = 100


def feed_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_feed(new_uow: UnitOfWorkFactory, athlete_id: int, now: datetime) -> str:
    """A new feed secret for the athlete (any earlier one stops working); shown once."""
    secret = FEED_PREFIX + secrets.token_urlsafe(32)
    with new_uow() as uow:
        uow.athletes.get(athlete_id)
        uow.tokens.set_calendar_feed(athlete_id, feed_hash(secret), now)
        uow.commit()
    return secret


def feed_since(new_uow: UnitOfWorkFactory, athlete_id: int) -> datetime | None:
    with new_uow() as uow:
        return uow.tokens.calendar_feed_since(athlete_id)


def revoke_feed(new_uow: UnitOfWorkFactory, athlete_id: int) -> bool:
    with new_uow() as uow:
        revoked = uow.tokens.revoke_calendar_feed(athlete_id)
        uow.commit()
    return revoked


def feed_athlete(new_uow: UnitOfWorkFactory, secret: str) -> int:
    """Whose feed the secret opens; NotFound for a wrong, revoked or malformed one."""
    if not secret.startswith(FEED_PREFIX) or len(secret) > FEED_SECRET_MAX:
        raise NotFound("No such calendar feed.", {})
    with new_uow() as uow:
        athlete_id = uow.tokens.calendar_feed_athlete(feed_hash(secret))
    if athlete_id is None:
        raise NotFound("No such calendar feed.", {})
    return athlete_id


DEFAULT_FEED_TIME: Final = time(18, 0)

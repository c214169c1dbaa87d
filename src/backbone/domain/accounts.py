"""Who holds data and who may read it: users own athletes; an athlete grants a coach access.

A laptop install has one local user (no password) owning one athlete; a server has many users,
each owning the athletes they train (usually one: themselves) and reading the athletes who granted
them access as their coach. Access is decided here, from values, so every interface asks the same
question the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

LOCAL_USERNAME = "local"
"""the user a laptop install creates on first use; it has no password and never logs in"""
LOCAL_ATHLETE_NAME = "me"


class Role(StrEnum):
    ATHLETE = "athlete"
    COACH = "coach"


class Access(StrEnum):
    """What a coach may do with an athlete's data."""

    READ = "read"
    COMMENT = "comment"
    """read, and comment on sessions"""


@dataclass(frozen=True, slots=True)
class User:
    username: str
    role: Role = Role.ATHLETE
    display_name: str = ""
    password_hash: str | None = None
    """an argon2 hash (set by the server's sign-up); None for the local user"""
    user_id: int | None = None
    session_epoch: int = 0
    """every browser session carries it; "log out everywhere" bumps it to end them all"""


@dataclass(frozen=True, slots=True)
class CoachGrant:
    athlete_id: int
    coach_user_id: int
    access: Access
    granted_at: datetime
    """UTC-aware"""
    revoked_at: datetime | None = None
    grant_id: int | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


class Permission(StrEnum):
    READ = "read"
    COMMENT = "comment"
    WRITE = "write"
    """log, plan, change settings: only the athlete's owner"""


def allows(
    user_id: int,
    owner_user_id: int,
    grants: Iterable[CoachGrant],
    permission: Permission,
) -> bool:
    """May `user_id` do `permission` on an athlete owned by `owner_user_id` with these grants?"""
    if user_id == owner_user_id:
        return True
    for grant in grants:
        if not grant.active or grant.coach_user_id != user_id:
            continue
        if permission is Permission.READ:
            return True
        if permission is Permission.COMMENT and grant.access is Access.COMMENT:
            return True
    return False


@dataclass(frozen=True, slots=True)
class ApiToken:
    """A token a user created for a script or an app; only its hash is stored."""

    user_id: int
    name: str
    token_hash: str
    """SHA-256 of the secret, hex: the secret is random and long, so a fast hash is enough"""
    prefix: str
    """the secret's first characters, shown so a user can tell tokens apart"""
    created_at: datetime
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None
    token_id: int | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True, slots=True)
class SessionComment:
    """A note on one day's session, by its athlete's owner or a coach granted `comment`."""

    athlete_id: int
    on: date
    author_user_id: int
    text: str
    created_at: datetime
    comment_id: int | None = None

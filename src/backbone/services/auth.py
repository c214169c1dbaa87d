"""Use cases: sign-up, log-in and API tokens, and the attempt limits that guard them.

Attempt counters live in the database (`RateLimitRepository`), in fixed windows, so every worker
of a server (and every host on one PostgreSQL) counts together:

    limit                 attempts  window   counts
    login per account         10     5 min   every log-in attempt for that username
    login per address         60     5 min   every log-in attempt from that address
    sign-up per address       20     1 h     every sign-up from that address
    bad token per address     30     5 min   every unknown or revoked bearer token; once over,
                                             even a valid token from that address waits

Over a limit -> `RateLimited` with the seconds until the window ends. Tokens are 256 random bits;
only their SHA-256 is stored (the secret is shown once, at creation).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from backbone.domain.accounts import ApiToken, User
from backbone.domain.errors import InputError, NotFound, RateLimited, Unauthorized
from backbone.services import accounts
from backbone.services.accounts import UnitOfWorkFactory
from backbone.services.passwords import Passwords
from backbone.services.ports import UnitOfWork

PASSWORD_CHARS = (10, 1024)
TOKEN_PREFIX = "bb_"
TOKEN_NAME_CHARS = (1, 100)
TOKEN_MAX_CHARS = 100
TOUCH_EVERY = timedelta(seconds=60)
"""a token's last-used time is written at most once a minute (not on every request)"""
KEEP_COUNTERS = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Limit:
    name: str
    attempts: int
    window_s: int


LOGIN_PER_ACCOUNT = Limit("login-account", 10, 300)
LOGIN_PER_ADDRESS = Limit("login-address", 60, 300)
SIGNUP_PER_ADDRESS = Limit("signup-address", 20, 3600)
BAD_TOKEN_PER_ADDRESS = Limit("bad-token-address", 30, 300)


def _window(limit: Limit, now: datetime) -> tuple[int, int]:
    """(window start, seconds until it ends), in epoch seconds."""
    epoch = int(now.timestamp())
    start = epoch - epoch % limit.window_s
    return start, start + limit.window_s - epoch


def _key(limit: Limit, subject: str) -> str:
    return f"{limit.name}:{subject}"[:200]


def _refuse(limit: Limit, retry_after_s: int) -> RateLimited:
    return RateLimited(
        f"Too many attempts; try again in {retry_after_s} s.",
        retry_after_s,
        {"limit": limit.name, "attempts": limit.attempts, "window_s": limit.window_s},
    )


def take(uow: UnitOfWork, limit: Limit, subject: str, now: datetime) -> None:
    """Count one attempt; RateLimited when it goes over (the caller commits the count)."""
    start, left = _window(limit, now)
    if uow.rate_limits.hit(_key(limit, subject), start) > limit.attempts:
        raise _refuse(limit, left)


def check(uow: UnitOfWork, limit: Limit, subject: str, now: datetime) -> None:
    """RateLimited if the subject already used up the window (counts nothing)."""
    start, left = _window(limit, now)
    if uow.rate_limits.count(_key(limit, subject), start) >= limit.attempts:
        raise _refuse(limit, left)


def check_password(password: str) -> None:
    low, high = PASSWORD_CHARS
    if not low <= len(password) <= high:
        raise InputError(
            f"A password must be {low}-{high} characters.", {"field": "password", "min": low}
        )


def sign_up(
    new_uow: UnitOfWorkFactory,
    passwords: Passwords,
    *,
    username: str,
    password: str,
    role: str,
    display_name: str,
    address: str,
    now: datetime,
) -> User:
    """A new user with an argon2 password hash (and, for an athlete, the athlete they are)."""
    check_password(password)
    with new_uow() as uow:
        take(uow, SIGNUP_PER_ADDRESS, address, now)
        uow.commit()
    return accounts.create_user(
        new_uow,
        username=username,
        role=role,
        display_name=display_name,
        password_hash=passwords.hash(password),
    )


def log_in(
    new_uow: UnitOfWorkFactory,
    passwords: Passwords,
    *,
    username: str,
    password: str,
    address: str,
    now: datetime,
) -> User:
    """The user, if the password is theirs; Unauthorized otherwise (the same answer whether
    the username exists or not, after the same work)."""
    name = username.strip().lower()
    with new_uow() as uow:
        uow.rate_limits.prune(before=int((now - KEEP_COUNTERS).timestamp()))
        take(uow, LOGIN_PER_ADDRESS, address, now)
        take(uow, LOGIN_PER_ACCOUNT, name, now)
        uow.commit()
        user = uow.users.by_username(name)
    if user is None or user.password_hash is None:
        passwords.waste_time(password)
        raise Unauthorized("Wrong username or password.")
    if not passwords.verify(user.password_hash, password):
        raise Unauthorized("Wrong username or password.")
    return user


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(
    new_uow: UnitOfWorkFactory, user_id: int, name: str, now: datetime
) -> tuple[ApiToken, str]:
    """A new token for the user: (what is stored, the secret to show once)."""
    shown = " ".join(name.split())
    low, high = TOKEN_NAME_CHARS
    if not low <= len(shown) <= high:
        raise InputError(
            f"A token name must be {low}-{high} characters.", {"field": "name", "value": name}
        )
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with new_uow() as uow:
        uow.users.get(user_id)
        token = uow.tokens.add(ApiToken(user_id, shown, _digest(secret), secret[:10], now))
        uow.commit()
    return token, secret


def list_tokens(new_uow: UnitOfWorkFactory, user_id: int) -> list[ApiToken]:
    with new_uow() as uow:
        return uow.tokens.for_user(user_id)


def revoke_token(new_uow: UnitOfWorkFactory, user_id: int, token_id: int, now: datetime) -> None:
    """Revoke one of the user's tokens; the next request with it is refused."""
    with new_uow() as uow:
        if not uow.tokens.revoke(user_id, token_id, now):
            raise NotFound(f"No token with id {token_id}.", {"token_id": token_id})
        uow.commit()


def authenticate_token(
    new_uow: UnitOfWorkFactory, secret: str, *, address: str, now: datetime
) -> User:
    """The user a bearer token belongs to; Unauthorized for an unknown or revoked token."""
    with new_uow() as uow:
        return _token_user(uow, secret, address, now)


def authenticate_token_with_athlete(
    new_uow: UnitOfWorkFactory, secret: str, *, address: str, now: datetime
) -> tuple[User, int | None]:
    """`authenticate_token`, and the id of the user's own first athlete (None without one), read
    in the same transaction: an API request acting on the caller's own athlete opens one unit
    of work for both instead of two."""
    with new_uow() as uow:
        user = _token_user(uow, secret, address, now)
        assert user.user_id is not None
        owned = uow.athletes.owned_by(user.user_id)
    return user, owned[0].athlete_id if owned else None


def _token_user(uow: UnitOfWork, secret: str, address: str, now: datetime) -> User:
    check(uow, BAD_TOKEN_PER_ADDRESS, address, now)
    token = None
    if secret.startswith(TOKEN_PREFIX) and len(secret) <= TOKEN_MAX_CHARS:
        token = uow.tokens.by_hash(_digest(secret))
    if token is None or not token.active or token.token_id is None:
        take(uow, BAD_TOKEN_PER_ADDRESS, address, now)
        uow.commit()
        raise Unauthorized("The token is not valid: revoked, mistyped or never created.")
    user = uow.users.get(token.user_id)
    if token.last_used_at is None or now - token.last_used_at >= TOUCH_EVERY:
        uow.tokens.touch(token.token_id, now)
        uow.commit()
    return user


def user_by_id(new_uow: UnitOfWorkFactory, user_id: int) -> User:
    with new_uow() as uow:
        return uow.users.get(user_id)


def end_sessions(new_uow: UnitOfWorkFactory, user_id: int) -> int:
    """Log out everywhere: every browser session of the user signed so far stops working (API
    tokens are revoked one by one). Returns the user's new session epoch."""
    with new_uow() as uow:
        epoch = uow.users.end_sessions(user_id)
        uow.commit()
    return epoch


def token_document(token: ApiToken, secret: str | None = None) -> dict[str, object]:
    """A token as JSON; the secret only in the answer that created it."""
    body: dict[str, object] = {
        "token_id": token.token_id,
        "name": token.name,
        "prefix": token.prefix,
        "created_at": token.created_at.isoformat(),
        "last_used_at": None if token.last_used_at is None else token.last_used_at.isoformat(),
    }
    if secret is not None:
        body["token"] = secret
    return body

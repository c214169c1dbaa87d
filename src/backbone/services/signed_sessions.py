"""Signed login sessions and CSRF tokens, for browsers: nothing is kept per session on the server.

    value = sign_session(key, user_id, epoch, now) # the cookie's value
    claims = read_session(key, value, now)         # None if forged, damaged or expired
    token = csrf_token(key, claims)                # put in forms / the X-CSRF-Token header
    csrf_ok(key, claims, token)

The key is a random secret stored once in the database (`session_key`), so every worker and every
host on the same database signs and checks alike. HMAC-SHA256 over
`user_id.nonce.issued_at.epoch`, where epoch is the user's session epoch when signing: "log out
everywhere" bumps the stored epoch, and a session whose epoch is not the user's current one is
refused (the one read per request that makes these stateless cookies revocable);
the CSRF token is an HMAC of the session's nonce under the same key (a synchroniser token tied to
the session, so a cross-site page cannot forge one).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime

from backbone.domain.accounts import User
from backbone.services.accounts import UnitOfWorkFactory

SESSION_KEY_NAME = "session-signing-key"
SESSION_MAX_AGE_S = 14 * 24 * 3600


@dataclass(frozen=True, slots=True)
class SessionClaims:
    user_id: int
    nonce: str
    issued_at: int
    """epoch seconds"""
    epoch: int
    """the user's session epoch it was signed under (see `User.session_epoch`)"""

    def current_for(self, user: User) -> bool:
        """Still valid for this user: not ended by a "log out everywhere" since."""
        return self.user_id == user.user_id and self.epoch == user.session_epoch


def session_key(new_uow: UnitOfWorkFactory) -> bytes:
    """The server's signing key (created by the first worker that asks)."""
    with new_uow() as uow:
        value = uow.secrets.get_or_create(SESSION_KEY_NAME, secrets.token_urlsafe(48))
        uow.commit()
    return value.encode()


def _mac(key: bytes, message: str) -> str:
    digest = hmac.new(key, message.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def sign_session(key: bytes, user_id: int, epoch: int, now: datetime) -> str:
    payload = f"{user_id}.{secrets.token_urlsafe(16)}.{int(now.timestamp())}.{epoch}"
    return f"{payload}.{_mac(key, 'session:' + payload)}"


def read_session(key: bytes, value: str, now: datetime) -> SessionClaims | None:
    parts = value.split(".")
    if len(parts) != 5 or len(value) > 300:
        return None  # a cookie from before session epochs (four parts) signs in again
    user, nonce, issued, epoch, mac = parts
    payload = f"{user}.{nonce}.{issued}.{epoch}"
    if not hmac.compare_digest(mac, _mac(key, "session:" + payload)):
        return None
    if not (user.isdigit() and issued.isdigit() and epoch.isdigit()):
        return None
    age = int(now.timestamp()) - int(issued)
    if not 0 <= age <= SESSION_MAX_AGE_S:
        return None
    return SessionClaims(int(user), nonce, int(issued), int(epoch))


def csrf_token(key: bytes, claims: SessionClaims) -> str:
    return _mac(key, "csrf:" + claims.nonce)


def csrf_ok(key: bytes, claims: SessionClaims, token: str | None) -> bool:
    return token is not None and hmac.compare_digest(token, csrf_token(key, claims))

"""Who is calling, and which athlete they act on: the HTTP side of accounts.

Two ways to authenticate, one answer (`current_user`):
- `Authorization: Bearer bb_...`: an API token (scripts, apps). No CSRF check: a browser never
  adds that header by itself.
- the `backbone_session` cookie (browsers; the web pages reuse it): signed, HttpOnly,
  SameSite=Lax, Secure when served over HTTPS. A request that changes anything (POST, PUT, PATCH,
  DELETE) with the cookie must also send the session's CSRF token in the `X-CSRF-Token` header or
  a `csrf_token` form field (`require_csrf_form` for HTML forms).

Athlete routes take an optional `athlete_id` query parameter (default: the caller's own first
athlete) and check it with `Backbone.require_access`: anyone not allowed is told it does not exist
(404), so ids never leak. `reader`, `commenter` and `writer` are the dependencies to use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query, Request, Response
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer

from backbone.domain.accounts import Permission, User
from backbone.domain.errors import InputError, NotFound, Unauthorized
from backbone.services.application import Backbone
from backbone.services.signed_sessions import (
    SESSION_MAX_AGE_S,
    SessionClaims,
    csrf_ok,
    csrf_token,
    read_session,
    sign_session,
)

SESSION_COOKIE = "backbone_session"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
MAX_ID = 2_147_483_647
"""ids are 32-bit in the database: anything larger cannot exist"""

bearer_scheme = HTTPBearer(auto_error=False, description="An API token: `Bearer bb_...`.")
cookie_scheme = APIKeyCookie(
    name=SESSION_COOKIE,
    auto_error=False,
    description="The signed login session set by POST /api/v1/session (browsers).",
)


def backbone(request: Request) -> Backbone:
    """The application object this server was built with."""
    app = request.app.state.backbone
    assert isinstance(app, Backbone)
    return app


def client_address(request: Request) -> str:
    return request.client.host if request.client is not None else "unknown"


# --- browser sessions (shared with the web pages) ----------------------------------------------


def issue_session(request: Request, user: User) -> tuple[str, str]:
    """A new signed session for the user: (cookie value, its CSRF token)."""
    app = backbone(request)
    assert user.user_id is not None
    key = app.session_key()
    value = sign_session(key, user.user_id, user.session_epoch, app.now())
    claims = read_session(key, value, app.now())
    assert claims is not None
    return value, csrf_token(key, claims)


def set_session_cookie(request: Request, response: Response, value: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        value,
        max_age=SESSION_MAX_AGE_S,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )


def start_session(request: Request, response: Response, user: User) -> str:
    """Sign the user in on this browser: sets the session cookie; returns its CSRF token."""
    value, csrf = issue_session(request, user)
    set_session_cookie(request, response, value)
    return csrf


def end_session(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")


def session_claims(request: Request) -> SessionClaims | None:
    """The valid session of this request's cookie, if any."""
    value = request.cookies.get(SESSION_COOKIE)
    if not value:
        return None
    app = backbone(request)
    return read_session(app.session_key(), value, app.now())


def csrf_for(request: Request) -> str | None:
    """The CSRF token to embed in this browser's forms (None without a session)."""
    claims = session_claims(request)
    if claims is None:
        return None
    return csrf_token(backbone(request).session_key(), claims)


def _check_csrf(request: Request, claims: SessionClaims, form_token: str | None = None) -> None:
    if request.method in SAFE_METHODS:
        return
    sent = request.headers.get(CSRF_HEADER) or form_token
    if not csrf_ok(backbone(request).session_key(), claims, sent):
        from backbone.domain.errors import Forbidden

        raise Forbidden(
            f"Missing or wrong CSRF token: send the session's token in {CSRF_HEADER}.",
            {"header": CSRF_HEADER},
        )


# --- the caller ------------------------------------------------------------------------------


def current_user(
    request: Request,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
    cookie: Annotated[str | None, Depends(cookie_scheme)],
) -> User:
    """The signed-in user: a bearer token, else the session cookie (with CSRF on writes)."""
    return _identify(request, bearer, cookie, own_athlete=False).user


@dataclass(frozen=True, slots=True)
class Identity:
    """The signed-in user and, when it was read with them, the id of their own first athlete."""

    user: User
    own_athlete_read: bool
    own_athlete_id: int | None


def caller_identity(
    request: Request,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
    cookie: Annotated[str | None, Depends(cookie_scheme)],
) -> Identity:
    """`current_user` for athlete routes: a request that names no athlete acts on the caller's
    own, read with the token in one unit of work."""
    return _identify(request, bearer, cookie, own_athlete="athlete_id" not in request.query_params)


def _identify(
    request: Request,
    bearer: HTTPAuthorizationCredentials | None,
    cookie: str | None,
    *,
    own_athlete: bool,
) -> Identity:
    app = backbone(request)
    if bearer is not None:
        address = client_address(request)
        if own_athlete:
            user, athlete_id = app.authenticate_token_with_athlete(
                bearer.credentials, address=address
            )
            return Identity(user, True, athlete_id)
        return Identity(app.authenticate_token(bearer.credentials, address=address), False, None)
    if request.headers.get("authorization"):
        raise Unauthorized("Send the token as `Authorization: Bearer <token>`.")
    if cookie:
        claims = session_claims(request)
        if claims is None:
            raise Unauthorized("Your session has expired or is not valid: sign in again.")
        _check_csrf(request, claims)
        try:
            user = app.user(claims.user_id)
        except NotFound:
            raise Unauthorized("Your account no longer exists.") from None
        if not claims.current_for(user):
            raise Unauthorized("This session was logged out everywhere: sign in again.")
        return Identity(user, False, None)
    raise Unauthorized("Sign in (POST /api/v1/session) or send an API token as a Bearer token.")


CurrentUser = Annotated[User, Depends(current_user)]
CallerIdentity = Annotated[Identity, Depends(caller_identity)]


@dataclass(frozen=True, slots=True)
class Caller:
    """A user acting on one athlete they may act on."""

    user: User
    athlete_id: int

    @property
    def user_id(self) -> int:
        assert self.user.user_id is not None
        return self.user.user_id


AthleteQuery = Annotated[
    int | None,
    Query(
        ge=1,
        le=MAX_ID,
        description="The athlete to act on; default: your own (a coach names one of theirs).",
    ),
]


def _caller(
    request: Request, identity: Identity, athlete_id: int | None, permission: Permission
) -> Caller:
    app = backbone(request)
    user = identity.user
    assert user.user_id is not None
    if athlete_id is None:
        if identity.own_athlete_read:
            own = identity.own_athlete_id
        else:
            owned = app.owned_athletes(user.user_id)
            own = owned[0].athlete_id if owned else None
        if own is None:
            raise InputError(
                "Name the athlete with ?athlete_id=: you have no athlete of your own.",
                {"field": "athlete_id"},
            )
        return Caller(user, own)
    app.require_access(user.user_id, athlete_id, permission)
    return Caller(user, athlete_id)


def reader(request: Request, identity: CallerIdentity, athlete_id: AthleteQuery = None) -> Caller:
    return _caller(request, identity, athlete_id, Permission.READ)


def commenter(
    request: Request, identity: CallerIdentity, athlete_id: AthleteQuery = None
) -> Caller:
    return _caller(request, identity, athlete_id, Permission.COMMENT)


def writer(request: Request, identity: CallerIdentity, athlete_id: AthleteQuery = None) -> Caller:
    return _caller(request, identity, athlete_id, Permission.WRITE)


Reader = Annotated[Caller, Depends(reader)]
Commenter = Annotated[Caller, Depends(commenter)]
Writer = Annotated[Caller, Depends(writer)]

"""What every page needs: who is looking (the API's signed session cookie), at which athlete (checked
with `Backbone.require_access`, so anyone else's id is "not found"), CSRF on every form, and HTML
answers for errors instead of the API's JSON.

Signed-in forms carry the session's CSRF token (`csrf_token` field, or the `X-CSRF-Token` header
from scripts). The forms shown before signing in (sign up, log in) use a double-submit token: a
random value in a short-lived SameSite=Strict cookie that the form must echo.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException as StarletteHTTPException

from backbone.domain.accounts import Permission, Role, User
from backbone.domain.athlete import Athlete
from backbone.domain.errors import BackboneError, Forbidden, NotFound, Unauthorized
from backbone.interfaces.api.auth import (
    CSRF_FIELD,
    CSRF_HEADER,
    MAX_ID,
    backbone,
    csrf_for,
    session_claims,
)
from backbone.interfaces.api.errors import safe
from backbone.interfaces.errors import http_status
from backbone.interfaces.web.templates import render
from backbone.services.application import Backbone
from backbone.services.signed_sessions import csrf_ok

log = logging.getLogger("backbone.web")

PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
FORM_COOKIE = "backbone_form"
"""the double-submit CSRF token of the forms shown before signing in"""
API_PREFIXES = ("/api/", "/docs", "/openapi.json", "/healthz", "/readyz")


class LoginRequired(Exception):
    """No valid session: the page handler sends the browser to the log-in page."""


def is_page(request: Request) -> bool:
    return not request.url.path.startswith(API_PREFIXES)


def html(
    request: Request, template: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    """A rendered page with the page CSP; never stored by shared caches."""
    page = {"viewer": None, "request": request, "path": request.url.path, **context}
    if "menu" not in page:
        page["menu"] = menu(request, page["viewer"])
    body = render(template, page)
    return HTMLResponse(
        body,
        status_code=status,
        headers={
            "Content-Security-Policy": PAGE_CSP,
            "Cache-Control": "private, no-cache",
            "Vary": "Cookie",
        },
    )


def menu(request: Request, looking: Viewer | None) -> str | None:
    """Which tabs the page shows: "athlete" (Today, History, Progress, Library, More), "coach"
    (Library and Athletes; with the athlete's History and Progress while viewing one), or None
    before signing in. A coach with no athlete of their own has no Today or Settings to open."""
    if looking is not None:
        return "athlete" if looking.own else "coach"
    claims = session_claims(request)
    if claims is None:
        return None
    try:
        owned = backbone(request).owned_athletes(claims.user_id)
    except BackboneError:
        return None
    return "athlete" if owned else "coach"


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# --- who is looking --------------------------------------------------------------------------


def signed_in_user(request: Request) -> User:
    claims = session_claims(request)
    if claims is None:
        raise LoginRequired
    try:
        user = backbone(request).user(claims.user_id)
    except NotFound:
        raise LoginRequired from None
    if not claims.current_for(user):  # logged out everywhere since this cookie was signed
        raise LoginRequired
    return user


SignedIn = Annotated[User, Depends(signed_in_user)]


@dataclass(frozen=True, slots=True)
class Viewer:
    """A signed-in user looking at one athlete they may read."""

    user: User
    athlete: Athlete
    own: bool
    """the user's own athlete (everything allowed)"""
    can_comment: bool
    coached: tuple[Athlete, ...]
    csrf: str

    @property
    def user_id(self) -> int:
        assert self.user.user_id is not None
        return self.user.user_id

    @property
    def athlete_id(self) -> int:
        assert self.athlete.athlete_id is not None
        return self.athlete.athlete_id

    @property
    def is_coach(self) -> bool:
        return self.user.role is Role.COACH or bool(self.coached)

    def query(self) -> str:
        """`?athlete_id=` for links when looking at someone else's athlete."""
        return "" if self.own else f"?athlete_id={self.athlete_id}"

    def context(self) -> dict[str, Any]:
        return {"viewer": self, "athlete": self.athlete, "units": self.athlete.units}


AthleteParam = Annotated[int | None, Query(ge=1, le=MAX_ID)]


def viewer(request: Request, user: SignedIn, athlete_id: AthleteParam = None) -> Viewer:
    """The athlete a page shows: the user's own, or `?athlete_id=` of one they coach."""
    app = backbone(request)
    assert user.user_id is not None
    owned = app.owned_athletes(user.user_id)
    coached = tuple(app.coached_athletes(user.user_id))
    csrf = csrf_for(request) or ""
    if athlete_id is None or any(a.athlete_id == athlete_id for a in owned):
        mine = owned[0] if athlete_id is None and owned else None
        if athlete_id is not None:
            mine = next(a for a in owned if a.athlete_id == athlete_id)
        if mine is None:
            raise NotFound("You have no athlete of your own: pick one of your athletes.", {})
        return Viewer(user, mine, True, True, coached, csrf)
    athlete = app.require_access(user.user_id, athlete_id, Permission.READ)
    return Viewer(
        user, athlete, False, _may(app, user, athlete_id, Permission.COMMENT), coached, csrf
    )


def _may(app: Backbone, user: User, athlete_id: int, permission: Permission) -> bool:
    assert user.user_id is not None
    try:
        app.require_access(user.user_id, athlete_id, permission)
    except BackboneError:
        return False
    return True


Looking = Annotated[Viewer, Depends(viewer)]


def owner(looking: Looking) -> Viewer:
    """Pages and forms that change an athlete's data: their owner only (coaches read)."""
    if not looking.own:
        raise NotFound("No such page for this athlete.", {})
    return looking


Owner = Annotated[Viewer, Depends(owner)]


# --- CSRF on forms ---------------------------------------------------------------------------


async def posted_form(request: Request) -> FormData:
    """The form of a signed-in POST, after its CSRF token was checked."""
    form = await request.form()
    check_csrf(request, form)
    return form


def check_csrf(request: Request, form: FormData) -> None:
    """A signed-in form's CSRF token (field or header); Forbidden when it is missing or wrong."""
    claims = session_claims(request)
    if claims is None:
        raise LoginRequired
    sent = request.headers.get(CSRF_HEADER) or _text(form.get(CSRF_FIELD))
    if not csrf_ok(backbone(request).session_key(), claims, sent):
        raise Forbidden("This form has expired: reload the page and try again.", {})


async def anonymous_form(request: Request) -> FormData:
    """A form shown before signing in, with its double-submit token checked."""
    form = await request.form()
    cookie = request.cookies.get(FORM_COOKIE, "")
    sent = _text(form.get(CSRF_FIELD))
    if not cookie or not hmac.compare_digest(cookie, sent):
        raise Forbidden("This form has expired: reload the page and try again.", {})
    return form


PostedForm = Annotated[FormData, Depends(posted_form)]
AnonymousForm = Annotated[FormData, Depends(anonymous_form)]


def form_token(request: Request) -> str:
    """The token for an anonymous form: the cookie's, or a new one (set with `keep_form_token`)."""
    return request.cookies.get(FORM_COOKIE) or secrets.token_urlsafe(24)


def keep_form_token(request: Request, response: Response, token: str) -> Response:
    if request.cookies.get(FORM_COOKIE) != token:
        response.set_cookie(
            FORM_COOKIE,
            token,
            max_age=3600,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/",
        )
    return response


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def field(form: FormData, name: str) -> str:
    """A form field as stripped text ('' when absent or a file)."""
    return _text(form.get(name)).strip()


def fields(form: FormData, name: str) -> list[str]:
    return [v.strip() for v in form.getlist(name) if isinstance(v, str) and v.strip()]


# --- errors as pages -------------------------------------------------------------------------


def error_page(request: Request, error: BackboneError) -> HTMLResponse:
    shown = safe(error)
    status = http_status(shown)
    title = "Not found" if isinstance(shown, NotFound) else "That did not work"
    return html(request, "error.html", {"title": title, "message": shown.message}, status)


def install_error_pages(app: FastAPI) -> None:
    """Pages answer errors in HTML (a sign-in redirect, a 404 page, a message); the API keeps its
    JSON error body: each handler hands API paths to the one registered before it."""
    previous = dict(app.exception_handlers)

    def delegate(kind: type | int) -> Any:
        handler = previous.get(kind)
        assert handler is not None, kind
        return handler

    def login_redirect(request: Request) -> RedirectResponse:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return redirect(f"/login?next={quote(target, safe='/')}")

    async def login_required(request: Request, error: Exception) -> Response:
        return login_redirect(request)

    async def backbone_error(request: Request, error: Exception) -> Response:
        if not is_page(request):
            return await delegate(BackboneError)(request, error)  # type: ignore[no-any-return]
        assert isinstance(error, BackboneError)
        if isinstance(error, Unauthorized):
            return login_redirect(request)
        return error_page(request, error)

    async def invalid_request(request: Request, error: Exception) -> Response:
        if not is_page(request):
            return await delegate(RequestValidationError)(request, error)  # type: ignore[no-any-return]
        from backbone.domain.errors import InputError

        return error_page(request, InputError("That address or form was not valid.", {}))

    async def http_error(request: Request, error: Exception) -> Response:
        if not is_page(request):
            return await delegate(StarletteHTTPException)(request, error)  # type: ignore[no-any-return]
        assert isinstance(error, StarletteHTTPException)
        if error.status_code == 404:
            return error_page(request, NotFound("No such page.", {}))
        return html(
            request,
            "error.html",
            {"title": "That did not work", "message": str(error.detail)},
            error.status_code,
        )

    async def unexpected(request: Request, error: Exception) -> Response:
        if not is_page(request):
            return await delegate(Exception)(request, error)  # type: ignore[no-any-return]
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return html(
            request,
            "error.html",
            {
                "title": "Something went wrong",
                "message": "Backbone could not do that because of "
                "a fault on the server. Your data is unchanged.",
                "menu": None,  # the fault may be the database: no look-up for the tabs
            },
            500,
        )

    app.add_exception_handler(LoginRequired, login_required)
    app.add_exception_handler(BackboneError, backbone_error)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, unexpected)

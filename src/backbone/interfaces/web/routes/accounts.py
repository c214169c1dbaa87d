"""The front door: `/`, creating an account (the first visit), logging in and out. Passwords and
sessions are the API's (`Backbone.sign_up`/`log_in`, `interfaces.api.auth.start_session`)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from backbone.domain.accounts import Role
from backbone.domain.errors import BackboneError, Conflict, InputError, RateLimited, Unauthorized
from backbone.interfaces.api.auth import (
    backbone,
    client_address,
    end_session,
    session_claims,
    start_session,
)
from backbone.interfaces.web.pages import (
    AnonymousForm,
    PostedForm,
    SignedIn,
    field,
    form_token,
    html,
    keep_form_token,
    redirect,
)

router = APIRouter(include_in_schema=False)


def _safe_next(raw: str) -> str:
    """Only a path on this site (no //host or scheme) is followed after logging in."""
    if raw.startswith("/") and not raw.startswith("//") and "\\" not in raw:
        return raw
    return "/today"


def _home(request: Request, user_id: int) -> str:
    app = backbone(request)
    return "/today" if app.owned_athletes(user_id) else "/coach"


@router.get("/")
def root(request: Request) -> Response:
    claims = session_claims(request)
    if claims is None:
        return redirect("/signup")
    return redirect(_home(request, claims.user_id))


def _account_form(
    request: Request, template: str, values: dict[str, str], error: str | None, status: int = 200
) -> Response:
    token = form_token(request)
    response = html(
        request,
        template,
        {"csrf": token, "values": values, "error": error, "viewer": None},
        status,
    )
    return keep_form_token(request, response, token)


@router.get("/signup")
def signup_page(request: Request) -> Response:
    return _account_form(request, "signup.html", {"role": "athlete"}, None)


@router.post("/signup")
def signup(request: Request, form: AnonymousForm) -> Response:
    app = backbone(request)
    values = {
        "username": field(form, "username"),
        "display_name": field(form, "display_name"),
        "role": field(form, "role") or "athlete",
    }
    password = form.get("password")
    try:
        if values["role"] not in {r.value for r in Role}:
            raise InputError("Choose athlete or coach.", {"field": "role"})
        user = app.sign_up(
            values["username"],
            password if isinstance(password, str) else "",
            role=values["role"],
            display_name=values["display_name"],
            address=client_address(request),
        )
    except (InputError, Conflict, RateLimited) as error:
        return _account_form(request, "signup.html", values, error.message, 422)
    assert user.user_id is not None
    response = redirect("/onboarding" if user.role is Role.ATHLETE else "/coach")
    start_session(request, response, user)
    return response


@router.get("/login")
def login_page(request: Request, next: str = "/today") -> Response:
    return _account_form(request, "login.html", {"next": _safe_next(next)}, None)


@router.post("/login")
def login(request: Request, form: AnonymousForm) -> Response:
    app = backbone(request)
    values = {"username": field(form, "username"), "next": _safe_next(field(form, "next"))}
    password = form.get("password")
    try:
        user = app.log_in(
            values["username"],
            password if isinstance(password, str) else "",
            address=client_address(request),
        )
    except (Unauthorized, RateLimited, InputError) as error:
        return _account_form(request, "login.html", values, error.message, 422)
    except BackboneError:
        raise
    assert user.user_id is not None
    target = values["next"] if values["next"] != "/today" else _home(request, user.user_id)
    response = redirect(target)
    start_session(request, response, user)
    return response


@router.post("/logout")
def logout(request: Request, form: PostedForm) -> Response:
    response = redirect("/login")
    end_session(response)
    return response


@router.post("/logout/everywhere")
def logout_everywhere(request: Request, user: SignedIn, form: PostedForm) -> Response:
    """Every browser session of the user ends (phones, other computers, this one)."""
    assert user.user_id is not None
    backbone(request).end_sessions(user.user_id)
    response = redirect("/login")
    end_session(response)
    return response

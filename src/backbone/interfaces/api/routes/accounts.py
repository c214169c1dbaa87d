"""Accounts: sign-up, sessions, the current user, tokens, athletes and coach grants."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response

from backbone.domain.accounts import CoachGrant, User
from backbone.interfaces.api.auth import (
    MAX_ID,
    CurrentUser,
    Reader,
    Writer,
    backbone,
    client_address,
    end_session,
    issue_session,
    set_session_cookie,
)
from backbone.interfaces.api.responses import JsonResponse, Paging, body, documented, paged
from backbone.interfaces.api.schemas import (
    AthleteSettingsIn,
    GrantIn,
    LoginIn,
    SignUpIn,
    TokenIn,
)
from backbone.services import views
from backbone.services.auth import token_document
from backbone.services.training_documents import athlete_document

router = APIRouter(prefix="/api/v1", tags=["accounts"])

USER_EXAMPLE = {"user_id": 1, "username": "ana", "display_name": "ana", "role": "athlete"}
ATHLETE_EXAMPLE = {
    "athlete_id": 1,
    "name": "ana",
    "units": "kg",
    "bodyweight_kg": 72.5,
    "plates_kg": [20.0, 10.0, 5.0, 2.5, 1.25],
    "bar_kg": 20.0,
    "dumbbell_step_kg": 2.0,
}
TOKEN_EXAMPLE = {
    "token_id": 3,
    "name": "phone",
    "prefix": "bb_Xk2f9aQ",
    "created_at": "2026-12-01T09:00:00+00:00",
    "last_used_at": None,
}
GRANT_EXAMPLE = {
    "athlete_id": 1,
    "coach": "coach.kim",
    "access": "comment",
    "granted_at": "2026-12-01T09:00:00+00:00",
}
CoachName = Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$")]


def user_document(user: User) -> dict[str, Any]:
    return {
        "user_id": user.user_id,
        "username": user.username,
        "display_name": user.display_name,
        "role": user.role.value,
    }


def grant_document(grant: CoachGrant, coach: str) -> dict[str, Any]:
    return {
        "athlete_id": grant.athlete_id,
        "coach": coach,
        "access": grant.access.value,
        "granted_at": grant.granted_at.isoformat(),
    }


@router.post(
    "/users",
    status_code=201,
    summary="Sign up",
    description="Creates a user with an argon2 password hash; an athlete-role user also gets "
    "the athlete they train as. Rate-limited per address.",
    responses=documented(USER_EXAMPLE, status=201, errors=(409, 422, 429)),
)
def sign_up(request: Request, payload: SignUpIn) -> JsonResponse:
    user = backbone(request).sign_up(
        payload.username,
        payload.password,
        role=payload.role,
        display_name=payload.display_name,
        address=client_address(request),
    )
    return body(user_document(user), 201)


@router.post(
    "/session",
    summary="Log in (browser session)",
    description="Checks the password and sets the signed, HttpOnly, SameSite session cookie. "
    "Returns the CSRF token to send as X-CSRF-Token on every change made with the cookie. "
    "Rate-limited per account and per address.",
    responses=documented({"user": USER_EXAMPLE, "csrf_token": "q3P...Zw"}, errors=(401, 422, 429)),
)
def log_in(request: Request, payload: LoginIn) -> JsonResponse:
    user = backbone(request).log_in(
        payload.username, payload.password, address=client_address(request)
    )
    value, csrf = issue_session(request, user)
    response = body({"user": user_document(user), "csrf_token": csrf})
    set_session_cookie(request, response, value)
    return response


@router.delete(
    "/session",
    status_code=204,
    summary="Log out",
    description="Clears the session cookie on this browser.",
    responses={204: {"description": "Logged out."}},
)
def log_out() -> Response:
    response = Response(status_code=204)
    end_session(response)
    return response


@router.post(
    "/me/sessions/revoke",
    status_code=204,
    summary="Log out everywhere",
    description="Ends every browser session of yours (on every device), this one too: their "
    "next request answers 401 and the web app asks to sign in again. API tokens stay valid "
    "(revoke them with DELETE /api/v1/tokens/{token_id}). With the session cookie, send the "
    "X-CSRF-Token header.\n\nExample: `curl -X POST -H 'Authorization: Bearer bb_...' "
    "https://backbone.example/api/v1/me/sessions/revoke` answers 204.",
    responses={
        204: {"description": "Every session ended; this browser's cookie is cleared."},
        **documented({}, errors=(401,)),
    },
)
def end_sessions(request: Request, user: CurrentUser) -> Response:
    assert user.user_id is not None
    backbone(request).end_sessions(user.user_id)
    response = Response(status_code=204)
    end_session(response)
    return response


@router.get(
    "/me",
    summary="The current user",
    description="Who you are, the athletes you own and the athletes who granted you access.",
    responses=documented(
        {"user": USER_EXAMPLE, "athletes": [ATHLETE_EXAMPLE], "coached": []}, errors=(401,)
    ),
)
def me(request: Request, user: CurrentUser) -> JsonResponse:
    app = backbone(request)
    assert user.user_id is not None
    return body(
        {
            "user": user_document(user),
            "athletes": [athlete_document(a) for a in app.owned_athletes(user.user_id)],
            "coached": [athlete_document(a) for a in app.coached_athletes(user.user_id)],
        }
    )


@router.get(
    "/athletes",
    response_model=list[views.AthleteDocument],
    summary="Athletes you may see",
    description="Your own athletes, then those who granted you access as their coach.",
    responses=documented([ATHLETE_EXAMPLE], listed=True, errors=(401, 422)),
)
def athletes(request: Request, user: CurrentUser, page: Paging) -> JsonResponse:
    app = backbone(request)
    assert user.user_id is not None
    found = [*app.owned_athletes(user.user_id), *app.coached_athletes(user.user_id)]
    return paged(request, [athlete_document(a) for a in found], page)


@router.get(
    "/athlete",
    response_model=views.AthleteDocument,
    summary="An athlete's settings",
    description="Units, bodyweight, plates, bar and dumbbell step.",
    responses=documented(ATHLETE_EXAMPLE),
)
def athlete_settings(request: Request, caller: Reader) -> JsonResponse:
    return body(athlete_document(backbone(request).athlete(caller.athlete_id)))


@router.patch(
    "/athlete",
    response_model=views.AthleteDocument,
    summary="Change an athlete's settings",
    description="Numbers are in the athlete's units (after any change of units). Owner only.",
    responses=documented(ATHLETE_EXAMPLE),
)
def change_athlete(request: Request, caller: Writer, payload: AthleteSettingsIn) -> JsonResponse:
    saved = backbone(request).update_athlete(
        caller.athlete_id,
        units=payload.units,
        bodyweight=payload.bodyweight,
        plates=payload.plates,
        bar=payload.bar,
        dumbbell_step=payload.dumbbell_step,
    )
    return body(athlete_document(saved))


@router.get(
    "/tokens",
    summary="Your API tokens",
    description="Active tokens with their last-used time; the secrets are never shown again.",
    responses=documented([TOKEN_EXAMPLE], listed=True, errors=(401, 422)),
)
def tokens(request: Request, user: CurrentUser, page: Paging) -> JsonResponse:
    assert user.user_id is not None
    found = backbone(request).list_tokens(user.user_id)
    return paged(request, [token_document(t) for t in found], page)


@router.post(
    "/tokens",
    status_code=201,
    summary="Create an API token",
    description="The answer holds the secret (`token`) once; send it as `Authorization: Bearer`.",
    responses=documented(
        {**TOKEN_EXAMPLE, "token": "bb_Xk2f9aQ...full secret..."}, status=201, errors=(401, 422)
    ),
)
def create_token(request: Request, user: CurrentUser, payload: TokenIn) -> JsonResponse:
    assert user.user_id is not None
    token, secret = backbone(request).create_token(user.user_id, payload.name)
    return body(token_document(token, secret), 201)


@router.delete(
    "/tokens/{token_id}",
    status_code=204,
    summary="Revoke an API token",
    description="The next request with it is refused (401).",
    responses={204: {"description": "Revoked."}, **documented({}, errors=(401, 404, 422))},
)
def revoke_token(
    request: Request, user: CurrentUser, token_id: Annotated[int, Path(ge=1, le=MAX_ID)]
) -> Response:
    assert user.user_id is not None
    backbone(request).revoke_token(user.user_id, token_id)
    return Response(status_code=204)


def _grants_body(request: Request, athlete_id: int) -> list[dict[str, Any]]:
    app = backbone(request)
    return [
        grant_document(g, app.user(g.coach_user_id).username) for g in app.coach_grants(athlete_id)
    ]


@router.get(
    "/grants",
    summary="Coaches with access to an athlete",
    description="The athlete's active coach grants. Owner only.",
    responses=documented([GRANT_EXAMPLE], listed=True),
)
def grants(request: Request, caller: Writer, page: Paging) -> JsonResponse:
    return paged(request, _grants_body(request, caller.athlete_id), page)


@router.post(
    "/grants",
    status_code=201,
    summary="Give a coach access",
    description="`read`: the coach reads the log, stats and reports; `comment`: also comments "
    "on sessions. Granting again changes the access. Owner only.",
    responses=documented(GRANT_EXAMPLE, status=201, errors=(401, 404, 409, 422)),
)
def grant(request: Request, caller: Writer, payload: GrantIn) -> JsonResponse:
    stored = backbone(request).grant_coach(caller.athlete_id, payload.coach, payload.access)
    return body(grant_document(stored, payload.coach.strip().lower()), 201)


@router.delete(
    "/grants/{coach}",
    status_code=204,
    summary="Revoke a coach's access",
    description="Takes effect on the coach's next request. Owner only.",
    responses={204: {"description": "Revoked."}, **documented({}, errors=(401, 404, 422))},
)
def revoke_grant(request: Request, caller: Writer, coach: CoachName) -> Response:
    backbone(request).revoke_coach(caller.athlete_id, coach)
    return Response(status_code=204)

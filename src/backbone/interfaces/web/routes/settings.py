"""Settings: units, bodyweight, plates, bar and dumbbell step; the equipment of the running plan;
API tokens; coach grants. Owner only: a coach never sees another person's settings."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, Response

from backbone.domain.errors import Conflict, InputError, NotFound
from backbone.domain.vocabulary import Equipment
from backbone.interfaces.api.auth import MAX_ID, backbone
from backbone.interfaces.web.forms import decimal_or_none, numbers_or_none
from backbone.interfaces.web.pages import Owner, PostedForm, field, fields, html, redirect
from backbone.presentation.loads import in_units, number

router = APIRouter(include_in_schema=False)


def _settings(request: Request, looking: Owner, **extra: Any) -> dict[str, Any]:
    app = backbone(request)
    athlete = looking.athlete
    units = athlete.units
    try:
        equipment = sorted(
            e.value for e in app.show_program(looking.athlete_id).plan.profile.available_equipment
        )
        has_plan = True
    except NotFound:
        equipment, has_plan = [], False
    grants = [(g, app.user(g.coach_user_id).username) for g in app.coach_grants(looking.athlete_id)]
    values = {
        "units": units.value,
        "bodyweight": number(in_units(athlete.bodyweight_kg, units))
        if athlete.bodyweight_kg
        else "",
        "plates": ", ".join(number(in_units(p, units)) for p in athlete.plates_kg),
        "bar": number(in_units(athlete.bar_kg, units)),
        "dumbbell_step": number(in_units(athlete.dumbbell_step_kg, units)),
    }
    return {
        **looking.context(),
        "values": values,
        "equipment": equipment,
        "has_plan": has_plan,
        "all_equipment": [e.value for e in Equipment if e is not Equipment.BODYWEIGHT],
        "saved": request.query_params.get("saved") == "equipment",
        "tokens": app.list_tokens(looking.user_id),
        "grants": grants,
        "error": None,
        "new_token": None,
        **extra,
    }


@router.get("/settings")
def settings(request: Request, looking: Owner) -> HTMLResponse:
    return html(request, "settings.html", _settings(request, looking))


@router.post("/settings")
def save_settings(request: Request, looking: Owner, form: PostedForm) -> Response:
    app = backbone(request)
    try:
        app.update_athlete(
            looking.athlete_id,
            units=field(form, "units") or None,
            bodyweight=decimal_or_none(form, "bodyweight"),
            plates=numbers_or_none(form, "plates"),
            bar=decimal_or_none(form, "bar"),
            dumbbell_step=decimal_or_none(form, "dumbbell_step"),
        )
    except InputError as error:
        return html(request, "settings.html", _settings(request, looking, error=error.message), 422)
    return redirect("/settings")


@router.post("/settings/equipment")
def save_equipment(request: Request, looking: Owner, form: PostedForm) -> Response:
    """The running program planned again with the equipment ticked (bodyweight is always there)."""
    app = backbone(request)
    try:
        app.change_equipment(looking.athlete_id, fields(form, "equipment"))
    except (InputError, NotFound) as error:
        return html(request, "settings.html", _settings(request, looking, error=error.message), 422)
    return redirect("/settings?saved=equipment")


@router.post("/settings/tokens")
def create_token(request: Request, looking: Owner, form: PostedForm) -> Response:
    app = backbone(request)
    try:
        _, secret = app.create_token(looking.user_id, field(form, "name") or "web")
    except InputError as error:
        return html(request, "settings.html", _settings(request, looking, error=error.message), 422)
    return html(request, "settings.html", _settings(request, looking, new_token=secret), 201)


@router.post("/settings/tokens/{token_id}/revoke")
def revoke_token(
    request: Request, looking: Owner, form: PostedForm, token_id: int = Path(ge=1, le=MAX_ID)
) -> Response:
    backbone(request).revoke_token(looking.user_id, token_id)
    return redirect("/settings")


@router.post("/settings/grants")
def grant(request: Request, looking: Owner, form: PostedForm) -> Response:
    app = backbone(request)
    try:
        app.grant_coach(looking.athlete_id, field(form, "coach"), field(form, "access") or "read")
    except (InputError, NotFound, Conflict) as error:
        return html(request, "settings.html", _settings(request, looking, error=error.message), 422)
    return redirect("/settings")


@router.post("/settings/grants/revoke")
def revoke_grant(request: Request, looking: Owner, form: PostedForm) -> Response:
    app = backbone(request)
    try:
        app.revoke_coach(looking.athlete_id, field(form, "coach"))
    except (InputError, NotFound) as error:
        return html(request, "settings.html", _settings(request, looking, error=error.message), 422)
    return redirect("/settings")

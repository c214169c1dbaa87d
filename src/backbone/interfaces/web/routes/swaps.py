"""Swapping an exercise from the Today page: its options (a fragment for htmx, or a page of their
own without JavaScript) and the swap itself. Owner only: a coach reads, and never swaps."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from backbone.domain.errors import InputError
from backbone.interfaces.api.auth import backbone
from backbone.interfaces.web.pages import Owner, PostedForm, field, html, redirect

router = APIRouter(include_in_schema=False)

ExerciseParam = Annotated[str, Query(max_length=100, pattern=r"^[A-Za-z0-9 _().+-]+$")]


def _options(
    request: Request, looking: Owner, exercise: str, error: str | None = None, status: int = 200
) -> HTMLResponse:
    app = backbone(request)
    view = app.swap_options(looking.athlete_id, exercise)
    context = {
        **looking.context(),
        "exercise": view.exercise,
        "from_on": view.from_on,
        "options": view.options,
        "error": error,
    }
    fragment = request.headers.get("HX-Request") == "true"
    template = "fragments/swap_options.html" if fragment else "swap.html"
    return html(request, template, context, status)


@router.get("/today/swaps")
def swap_options(request: Request, looking: Owner, exercise: ExerciseParam) -> HTMLResponse:
    return _options(request, looking, exercise)


@router.post("/today/swaps")
def swap(request: Request, looking: Owner, form: PostedForm) -> Response:
    app = backbone(request)
    exercise = field(form, "exercise")
    try:
        result = app.swap_exercise(looking.athlete_id, exercise, field(form, "to"))
    except InputError as error:
        # a refused swap shows the options again, with why (unknown names are the 404 page)
        return _options(request, looking, exercise, error.message, 422)
    return redirect(f"/today#ex-{result.replacement.slug}")

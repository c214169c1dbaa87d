"""Import & export: upload another app's export, read the preview, confirm it; undo an import;
download exports and the program calendar; a secret calendar feed URL. Owner only."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from backbone.domain.errors import Conflict, InputError, NotFound
from backbone.interfaces.api.auth import MAX_ID, backbone
from backbone.interfaces.api.uploads import read_upload
from backbone.interfaces.web.pages import Owner, PostedForm, check_csrf, field, html, redirect
from backbone.services.importing import PreviewedImport

router = APIRouter(include_in_schema=False)

PAGE = "import.html"
SKIP_REASONS = {
    "rest_timer": "rest-timer rows (not sets)",
    "planned_not_done": "planned sets never done",
    "empty_set": "sets with no reps, time or distance",
    "blank_line": "blank lines",
}
METHODS = {
    "override": "you said so",
    "remembered": "your earlier mapping",
    "alias": "known name",
    "catalogue": "catalogue name",
    "fuzzy": "close match",
    "own": "your own exercise",
    "new": "new exercise of your own (guessed)",
    "file": "named in the file",
}


def _page(request: Request, looking: Owner, **extra: Any) -> dict[str, Any]:
    app = backbone(request)
    return {
        **looking.context(),
        "imports": list(reversed(app.list_imports(looking.athlete_id))),
        "own_exercises": app.own_exercises(looking.athlete_id),
        "catalogue": sorted(app.knowledge.catalogue, key=lambda e: e.name),
        "feed_since": app.calendar_feed_since(looking.athlete_id),
        "feed_url": None,
        "preview": None,
        "imported": None,
        "error": None,
        "skip_reasons": SKIP_REASONS,
        "methods": METHODS,
        **extra,
    }


@router.get("/import")
def import_page(request: Request, looking: Owner) -> HTMLResponse:
    return html(request, PAGE, _page(request, looking))


@router.post("/import/preview")
async def preview(request: Request, looking: Owner) -> Response:
    def csrf(form: FormData) -> None:
        check_csrf(request, form)

    try:
        upload = await read_upload(request, csrf)
        shown: PreviewedImport = await run_in_threadpool(
            backbone(request).preview_import,
            looking.athlete_id,
            upload.content,
            upload.file_name,
            source=upload.source,
            units=upload.units,
            overrides=upload.overrides,
        )
    except InputError as error:
        return html(request, PAGE, _page(request, looking, error=error.message), 422)
    return html(request, PAGE, _page(request, looking, preview=shown))


@router.post("/import/confirm")
def confirm(request: Request, looking: Owner, form: PostedForm) -> Response:
    try:
        report = backbone(request).confirm_import(
            looking.athlete_id,
            field(form, "preview_id"),
            field(form, "content_sha256") or None,
        )
    except (InputError, NotFound, Conflict) as error:
        return html(request, PAGE, _page(request, looking, error=error.message), 422)
    return html(request, PAGE, _page(request, looking, imported=report), 201)


@router.post("/import/exercises/map")
def map_exercise(request: Request, looking: Owner, form: PostedForm) -> Response:
    try:
        backbone(request).map_exercise(looking.athlete_id, field(form, "name"), field(form, "slug"))
    except (InputError, NotFound, Conflict) as error:
        return html(request, PAGE, _page(request, looking, error=error.message), 422)
    return redirect("/import")


@router.post("/import/{batch_id}/undo")
def undo(
    request: Request, looking: Owner, form: PostedForm, batch_id: int = Path(ge=1, le=MAX_ID)
) -> Response:
    backbone(request).undo_import(looking.athlete_id, batch_id)
    return redirect("/import")


@router.post("/import/feed")
def make_feed(request: Request, looking: Owner, form: PostedForm) -> Response:
    app = backbone(request)
    secret = app.create_calendar_feed(looking.athlete_id)
    url = str(request.url_for("calendar_feed_ics", secret=secret))
    return html(request, PAGE, _page(request, looking, feed_url=url), 201)


@router.post("/import/feed/revoke")
def revoke_feed(request: Request, looking: Owner, form: PostedForm) -> Response:
    backbone(request).revoke_calendar_feed(looking.athlete_id)
    return redirect("/import")

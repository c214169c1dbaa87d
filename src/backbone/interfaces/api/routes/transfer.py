"""Import (preview, then confirm), import batches and their undo, exports, the program calendar
and its secret feed URL: `backbone import`, `export` and `program ics` over HTTP."""

from __future__ import annotations

from datetime import time
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from backbone.interfaces.api.auth import MAX_ID, Reader, Writer, backbone
from backbone.interfaces.api.responses import JsonResponse, Paging, body, documented, one_page
from backbone.interfaces.api.schemas import ExerciseMapIn, ImportConfirmIn
from backbone.interfaces.api.uploads import FILE_FIELD, read_upload
from backbone.services import views
from backbone.services.documents import (
    calendar_feed_document,
    exercise_map_document,
    import_preview_document,
    import_record_document,
    import_report_document,
)

router = APIRouter(prefix="/api/v1", tags=["import and export"])

FEED_PATH = "/calendar/{secret}.ics"
"""the public feed: outside /api/, its secret is its only credential"""

REPORT_EXAMPLE = {
    "file": "strong.csv", "source": "strong", "dialect": "strong/comma", "dry_run": True,
    "batch_id": None, "rows_read": 10, "workouts_read": 2, "workouts_imported": 2,
    "entries_imported": 5, "sets_imported": 9, "sets_duplicate": 0, "rows_skipped": 1,
    "skipped": [{"reason": "rest_timer", "count": 1, "lines": [4]}],
    "mapping": [{"name": "Deadlift (Barbell)", "slug": "conventional_deadlift",
                 "exercise": "Conventional deadlift", "confidence": 1.0, "method": "alias",
                 "sets": 3, "new": False, "movement": None}],
    "lossy": [{"field": "RPE", "note": "kept as reps in reserve (10 - RPE)", "count": 3}],
    "restored": None,
}  # fmt: skip
RECORD_EXAMPLE = {
    "batch_id": 3, "source": "strong", "dialect": "strong/comma", "file": "strong.csv",
    "imported_at": "2026-12-01T09:00:00+00:00", "rows_read": 10, "entries_imported": 5,
    "sets_imported": 9, "sets_duplicate": 0, "rows_skipped": 1,
}  # fmt: skip
UPLOAD_BODY = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": [FILE_FIELD],
                "properties": {
                    FILE_FIELD: {"type": "string", "format": "binary"},
                    "source": {
                        "type": "string",
                        "description": "strong, hevy, fitnotes, fitbod, liftosaur or backbone; "
                        "default: detected from the header.",
                    },
                    "units": {"type": "string", "enum": ["kg", "lb"]},
                    "map": {
                        "type": "array",
                        "items": {"type": "string"},
                        "description": '"Exercise Name=slug", as `--map`.',
                    },
                },
            }
        }
    },
}
MEDIA = {"csv": "text/csv; charset=utf-8", "strong": "text/csv; charset=utf-8"}


def download(content: bytes, media_type: str, filename: str) -> Response:
    return Response(
        content,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def file_responses(media_type: str, example: str) -> dict[int | str, dict[str, Any]]:
    return {
        200: {"description": "The file.", "content": {media_type: {"example": example}}},
        **{k: v for k, v in documented({}).items() if k != 200},
    }


@router.post(
    "/imports/previews",
    response_model=views.ImportPreviewDocument,
    status_code=201,
    summary="Preview an import",
    description="Upload another app's export (multipart field `file`, up to 16 MB) and get the "
    "dry-run report (`backbone import --dry-run --json`) with a `preview_id`. Nothing is "
    "imported until that id is confirmed with `POST /api/v1/imports`; the file waits in the "
    "database for an hour. Owner only.",
    openapi_extra={"requestBody": UPLOAD_BODY},
    responses=documented(
        {
            "preview_id": "Jx3...",
            "content_sha256": "9f2c...",
            "expires_at": "2026-12-01T10:00:00+00:00",
            "report": REPORT_EXAMPLE,
        },
        status=201,
    ),
)
async def preview_import(request: Request, caller: Writer) -> JsonResponse:
    upload = await read_upload(request)
    # parsing a long file takes seconds: off the event loop, as FastAPI runs plain routes
    previewed = await run_in_threadpool(
        backbone(request).preview_import,
        caller.athlete_id,
        upload.content,
        upload.file_name,
        source=upload.source,
        units=upload.units,
        overrides=upload.overrides,
    )
    return body(import_preview_document(previewed), 201)


@router.post(
    "/imports",
    response_model=views.ImportReportDocument,
    status_code=201,
    summary="Confirm an import",
    description="Import exactly the file of a preview, with the options it was previewed with, "
    "as one batch (`backbone import --json`). Send `content_sha256` from the preview to be sure "
    "it is the file you saw. A preview is used once. Owner only.",
    responses=documented({**REPORT_EXAMPLE, "dry_run": False, "batch_id": 3}, status=201),
)
def confirm_import(request: Request, caller: Writer, payload: ImportConfirmIn) -> JsonResponse:
    report = backbone(request).confirm_import(
        caller.athlete_id, payload.preview_id, payload.content_sha256
    )
    return body(import_report_document(report), 201)


@router.get(
    "/imports",
    response_model=list[views.ImportRecordDocument],
    summary="Imports",
    description="Every import batch, oldest first (`backbone import list --json`).",
    responses=documented([RECORD_EXAMPLE], listed=True),
)
def imports(request: Request, caller: Reader, page: Paging) -> JsonResponse:
    found = backbone(request).imports_page(caller.athlete_id, page.window())
    return one_page(request, [import_record_document(r) for r in found.items], found.total, page)


@router.delete(
    "/imports/{batch_id}",
    response_model=views.ImportUndoneDocument,
    summary="Undo an import",
    description="Remove the batch, every set it wrote and the exercises of your own it created "
    "that nothing else uses (`backbone import undo`). Owner only.",
    responses=documented({"undone": RECORD_EXAMPLE}),
)
def undo_import(
    request: Request, caller: Writer, batch_id: Annotated[int, Path(ge=1, le=MAX_ID)]
) -> JsonResponse:
    record = backbone(request).undo_import(caller.athlete_id, batch_id)
    return body({"undone": import_record_document(record)})


@router.post(
    "/exercise-maps",
    response_model=views.ExerciseMapDocument,
    status_code=201,
    summary="Map an exercise of your own",
    description="Your own exercise `name` (its name or slug, from an import) becomes the catalogue "
    "exercise `slug`: its sets move there, and later imports read that name as `slug` "
    "(`backbone exercise map --json`). Owner only.",
    responses=documented(
        {
            "from": "gorilla_row",
            "name": "Gorilla Row",
            "to": "chest_supported_row",
            "sets_moved": 6,
        },
        status=201,
    ),
)
def map_exercise(request: Request, caller: Writer, payload: ExerciseMapIn) -> JsonResponse:
    result = backbone(request).map_exercise(caller.athlete_id, payload.name, payload.slug)
    return body(exercise_map_document(result), 201)


@router.get(
    "/export",
    summary="Export your history",
    description="`csv`: Backbone CSV, one row per set; `json`: a complete backup that an import "
    "restores; `strong`: a Strong-style CSV other apps import. A download (`backbone export`).",
    responses={
        200: {
            "description": "The export file.",
            "content": {
                "text/csv": {"example": "date,started_at,workout,exercise,...\n"},
                "application/json": {"example": {"schema_version": 1}},
            },
        },
        **{k: v for k, v in documented({}).items() if k != 200},
    },
)
def export(
    request: Request,
    caller: Reader,
    format: Annotated[Literal["csv", "json", "strong"], Query()] = "csv",
) -> Response:
    app = backbone(request)
    exported = app.export_history(caller.athlete_id, format)
    name = f"backbone-{format}-{app.today_on().isoformat()}{exported.suffix}"
    media = "application/json" if format == "json" else MEDIA[format]
    return download(exported.text.encode("utf-8"), media, name)


def _start_time(raw: str) -> time:
    from backbone.services.exporting import parse_time

    return parse_time(raw)


At = Annotated[
    str, Query(pattern=r"^\d{1,2}:\d{2}$", description="Start time of every session, HH:MM.")
]


@router.get(
    "/calendar.ics",
    summary="The program as a calendar file",
    description="The running program as iCalendar: one event per session with its exercises "
    "(`backbone program ics`).",
    responses=file_responses("text/calendar", "BEGIN:VCALENDAR\r\n..."),
)
def calendar(request: Request, caller: Reader, at: At = "18:00") -> Response:
    content = backbone(request).program_ics(caller.athlete_id, _start_time(at))
    return download(content, "text/calendar; charset=utf-8", "backbone-program.ics")


FEED_EXAMPLE = {"active": True, "created_at": "2026-12-01T09:00:00+00:00", "url": None}


@router.get(
    "/calendar/feed",
    response_model=views.CalendarFeedDocument,
    summary="The calendar feed",
    description="Whether a secret calendar feed URL exists (the URL itself is shown only when "
    "made). Owner only.",
    responses=documented(FEED_EXAMPLE),
)
def calendar_feed(request: Request, caller: Writer) -> JsonResponse:
    return body(calendar_feed_document(backbone(request).calendar_feed_since(caller.athlete_id)))


@router.post(
    "/calendar/feed",
    response_model=views.CalendarFeedDocument,
    status_code=201,
    summary="Make a calendar feed URL",
    description="A new secret URL a calendar app can subscribe to (it cannot sign in, so the "
    "secret in the URL is the credential: keep it private). Any earlier URL stops working. The "
    "URL is shown once. Owner only.",
    responses=documented(
        {**FEED_EXAMPLE, "url": "https://backbone.example/calendar/bbcal_....ics"}, status=201
    ),
)
def make_calendar_feed(request: Request, caller: Writer) -> JsonResponse:
    app = backbone(request)
    secret = app.create_calendar_feed(caller.athlete_id)
    url = str(request.url_for("calendar_feed_ics", secret=secret))
    return body(calendar_feed_document(app.calendar_feed_since(caller.athlete_id), url), 201)


@router.delete(
    "/calendar/feed",
    response_model=views.CalendarFeedDocument,
    summary="Revoke the calendar feed URL",
    description="The feed URL stops working at once. Owner only.",
    responses=documented({**FEED_EXAMPLE, "active": False, "created_at": None}),
)
def revoke_calendar_feed(request: Request, caller: Writer) -> JsonResponse:
    app = backbone(request)
    app.revoke_calendar_feed(caller.athlete_id)
    return body(calendar_feed_document(app.calendar_feed_since(caller.athlete_id)))


feed_router = APIRouter(include_in_schema=False)


@feed_router.get(FEED_PATH, name="calendar_feed_ics")
def calendar_feed_ics(request: Request, secret: Annotated[str, Path(max_length=100)]) -> Response:
    """The subscribed calendar: no login, the secret in the path decides whose program."""
    content = backbone(request).calendar_feed_ics(secret)
    return Response(
        content,
        media_type="text/calendar; charset=utf-8",
        headers={"Cache-Control": "private, max-age=900"},
    )

"""Stats, endurance tests and reports."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from backbone.domain.analytics.model import Analytics
from backbone.interfaces.api.auth import Reader, Writer, backbone
from backbone.interfaces.api.responses import JsonResponse, Paging, body, documented, paged
from backbone.interfaces.api.schemas import EnduranceIn
from backbone.services import views
from backbone.services.analytics import analytics_document
from backbone.services.endurance import result_document

router = APIRouter(prefix="/api/v1", tags=["progress"])

RESULT_EXAMPLE = {"test": "sorensen", "side": None, "value": 95.0, "date": "2026-11-30", "id": 4}
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "md": "text/markdown; charset=utf-8",
}


@router.get(
    "/stats",
    response_model=Analytics,
    summary="Stats",
    description="Volume per muscle against the evidence bands, balance, spinal load, adherence, "
    "strength trends, readiness and endurance (`backbone stats --json`).",
    responses=documented({"weeks": 8, "today": "2026-11-30", "volume": {}, "balance": {}}),
)
def stats(
    request: Request,
    caller: Reader,
    weeks: Annotated[int, Query(ge=1, le=104)] = 8,
    on: Annotated[date | None, Query(description="Judge as of this day; default today.")] = None,
) -> JsonResponse:
    return body(analytics_document(backbone(request).stats(caller.athlete_id, weeks, on)))


@router.post(
    "/tests",
    response_model=views.EnduranceResultDocument,
    status_code=201,
    summary="Record an endurance test",
    description="Seconds held, or reps for pullups (`backbone test record --json`). Owner only.",
    responses=documented(RESULT_EXAMPLE, status=201),
)
def record_test(request: Request, caller: Writer, payload: EnduranceIn) -> JsonResponse:
    result = backbone(request).record_test(
        caller.athlete_id, payload.test, payload.value, side=payload.side, on=payload.date
    )
    return body(result_document(result), 201)


@router.get(
    "/tests",
    response_model=list[views.EnduranceResultDocument],
    summary="Endurance tests",
    description="Every recorded result, oldest first.",
    responses=documented([RESULT_EXAMPLE], listed=True),
)
def tests(request: Request, caller: Reader, page: Paging) -> JsonResponse:
    found = backbone(request).list_tests(caller.athlete_id)
    return paged(request, [result_document(r) for r in found], page)


@router.get(
    "/report",
    summary="Download a report",
    description="The shareable report for a coach or physio (`backbone report`): HTML, PDF or "
    "Markdown, as a download.",
    responses={
        200: {
            "description": "The report file.",
            "content": {
                "text/html": {"example": "<!doctype html>..."},
                "application/pdf": {"schema": {"type": "string", "format": "binary"}},
                "text/markdown": {"example": "# Backbone report\n..."},
            },
        },
        **{k: v for k, v in documented({}).items() if k != 200},
    },
)
def report(
    request: Request,
    caller: Reader,
    format: Annotated[Literal["html", "pdf", "md"], Query()] = "html",
    weeks: Annotated[int, Query(ge=1, le=104)] = 8,
    on: Annotated[date | None, Query(description="As of this day; default today.")] = None,
) -> Response:
    from backbone.services.reporting import render_report

    app = backbone(request)
    today = on or app.today_on()
    rendered = render_report(app.build_report(caller.athlete_id, weeks, today), format)
    content = rendered if isinstance(rendered, bytes) else rendered.encode()
    filename = f"backbone-report-{today.isoformat()}.{format}"
    return Response(
        content,
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )

"""`/healthz`, `/readyz` (`/` is the web app: `backbone.interfaces.web`)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from backbone.domain.errors import StorageError
from backbone.interfaces.api.auth import backbone
from backbone.interfaces.api.errors import error_response
from backbone.interfaces.api.responses import JsonResponse, body, documented

router = APIRouter(tags=["system"])


@router.get(
    "/healthz",
    summary="The process is up",
    description="Answers as long as the server process runs; touches nothing else.",
    responses=documented({"ok": True}, errors=()),
)
async def healthz() -> JsonResponse:
    return body({"ok": True})


@router.get(
    "/readyz",
    summary="Ready to serve: the database answers and its schema is current",
    description="503 with the error body while the database is unreachable or not migrated.",
    responses=documented({"ok": True}, errors=(503,)),
)
def readyz(request: Request) -> Response:
    database = backbone(request).database
    problem = database.readiness()
    if problem is not None:
        return error_response(StorageError(f"Not ready: {problem}."))
    return body({"ok": True})

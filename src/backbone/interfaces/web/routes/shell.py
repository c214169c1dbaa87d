"""The app shell for working offline: the service worker (served from `/` so it controls every
page) and the web app manifest."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from backbone import __version__
from backbone.interfaces.web.templates import STATIC

router = APIRouter(include_in_schema=False)


@router.get("/sw.js")
def service_worker() -> Response:
    script = (STATIC / "sw.js").read_text(encoding="utf-8").replace("__VERSION__", __version__)
    return Response(
        script,
        media_type="text/javascript",
        headers={
            "Cache-Control": "no-cache",
            "Service-Worker-Allowed": "/",
            # the worker's own policy: it fetches and caches this site's pages and files
            "Content-Security-Policy": "default-src 'self'",
        },
    )


@router.get("/manifest.webmanifest")
def manifest() -> Response:
    return Response(
        (STATIC / "manifest.webmanifest").read_bytes(),
        media_type="application/manifest+json",
        headers={"Cache-Control": "public, max-age=3600"},
    )

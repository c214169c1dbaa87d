"""`install(app)`: the pages, the static files and HTML error pages on the API's FastAPI app."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from backbone.interfaces.web.pages import install_error_pages
from backbone.interfaces.web.routes import accounts, records, settings, shell, swaps, training
from backbone.interfaces.web.templates import STATIC


class PageCompression:
    """gzip for pages and static files (the first load of Today stays small on a phone); the
    API's responses pass through untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=800)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not str(scope.get("path", "")).startswith("/api/"):
            await self.gzip(scope, receive, send)
        else:
            await self.app(scope, receive, send)


def install(app: FastAPI) -> None:
    for module in (accounts, training, swaps, records, settings, shell):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    install_error_pages(app)
    app.add_middleware(PageCompression)

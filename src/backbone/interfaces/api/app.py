"""The FastAPI application over one `Backbone` application object.

    create_app(build_application(settings))    # tests and benches
    app_factory()                              # uvicorn --factory: each worker builds its own

Nothing per user is kept in the process: sessions are signed cookies, rate-limit counters and the
signing key live in the database, so several workers, or several hosts on one PostgreSQL, serve
the same users.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from backbone import __version__
from backbone.interfaces.api import errors
from backbone.interfaces.api.middleware import MAX_BODY_BYTES, HardeningMiddleware
from backbone.interfaces.api.routes import accounts, catalogue, progress, swaps, system, training
from backbone.interfaces.web import mount as web
from backbone.services.application import Backbone

DESCRIPTION = """
Backbone over HTTP: the same use cases as the CLI, for many people.

* **Authenticate** with an API token (`Authorization: Bearer bb_...`, create one with
  `POST /api/v1/tokens` or `backbone token create`) or a browser session (`POST /api/v1/session`,
  then send `X-CSRF-Token` on changes).
* **Athlete routes** act on your own athlete, or on `?athlete_id=` of an athlete who granted you
  access as their coach. Anyone else's id answers 404.
* **Bodies** equal the CLI's `--json` documents. Errors are always
  `{"ok": false, "status", "code", "error", "details"}`.
* **Lists** take `limit` and `offset`; `X-Total-Count` and `Link: rel="next"` say the rest.
* **Logging sets**: send an `Idempotency-Key` so a retry never logs twice.
"""


def create_app(application: Backbone, *, max_body_bytes: int = MAX_BODY_BYTES) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            application.database.dispose()

    app = FastAPI(
        title="Backbone",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_url="/openapi.json",
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.backbone = application
    errors.install(app)
    for module in (system, accounts, catalogue, training, swaps, progress):
        app.include_router(module.router)
    web.install(app)
    app.add_middleware(HardeningMiddleware, max_body_bytes=max_body_bytes)
    return app


def app_factory() -> FastAPI:
    """For `uvicorn --factory`: the application from the environment, opened and migrated now
    (so the first request does not pay for it, and a bad database fails the start)."""
    from backbone.bootstrap import build_application
    from backbone.settings import Settings

    application = build_application(Settings.from_environ(os.environ))
    application.database.upgrade()
    return create_app(application)

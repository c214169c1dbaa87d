"""ASGI middleware (plain ASGI, no per-request task): body size limit and security headers."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY_BYTES = 1024 * 1024
"""the largest request body accepted (a whole session logged at once is a few KB)"""
UPLOAD_MAX_BYTES = 16 * 1024 * 1024
"""the largest upload of another app's export (years of Strong history are a few MB)"""
UPLOAD_PATHS = frozenset({"/api/v1/imports/previews", "/import/preview"})
"""the only paths that take an upload of that size"""

API_CSP = "default-src 'none'; frame-ancestors 'none'"
DOCS_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: "
    "https://fastapi.tiangolo.com; connect-src 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)


def _too_large(limit: int) -> tuple[bytes, list[tuple[bytes, bytes]]]:
    body = json.dumps(
        {
            "ok": False,
            "status": 413,
            "code": "too_large",
            "error": f"The request body is over {limit} bytes.",
            "details": {"max_bytes": limit},
        }
    ).encode()
    return body, [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]


class HardeningMiddleware:
    """Refuses bodies over MAX_BODY_BYTES, or UPLOAD_MAX_BYTES on the upload paths (by
    Content-Length, and by counting a streamed body), and adds security headers to every response
    (a route's own CSP is kept)."""

    def __init__(
        self,
        app: ASGIApp,
        max_body_bytes: int = MAX_BODY_BYTES,
        upload_max_bytes: int = UPLOAD_MAX_BYTES,
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.upload_max_bytes = max(upload_max_bytes, max_body_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = (
            self.upload_max_bytes if scope.get("path", "") in UPLOAD_PATHS else self.max_body_bytes
        )
        length: bytes | None = None
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                length = value
        if length is not None and (not length.isdigit() or int(length) > limit):
            await self._refuse(send, limit)
            return
        if length is None and scope.get("method") in ("POST", "PUT", "PATCH"):
            # a streamed (chunked) body: read it here, up to the limit, then hand it on whole
            chunks: list[bytes] = []
            seen = 0
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    return
                chunk = message.get("body", b"")
                seen += len(chunk)
                if seen > limit:
                    await self._refuse(send, limit)
                    return
                chunks.append(chunk)
                if not message.get("more_body", False):
                    break
            whole: Message = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            replayed = False

            async def replay() -> Message:
                nonlocal replayed
                if replayed:
                    return await receive()
                replayed = True
                return whole

            receive = replay
        path: str = scope.get("path", "")
        csp = (DOCS_CSP if path.startswith(("/docs", "/redoc")) else API_CSP).encode()

        async def secured_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                names = {name.lower() for name, _ in headers}
                headers.extend(h for h in SECURITY_HEADERS if h[0] not in names)
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", csp))
                if path.startswith("/api/") and b"cache-control" not in names:
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, secured_send)

    async def _refuse(self, send: Send, limit: int) -> None:
        body, headers = _too_large(limit)
        headers.extend(SECURITY_HEADERS)
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})

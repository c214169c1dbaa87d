"""The ceiling for bench/api.py: a bare FastAPI handler that inserts one row with sqlite3.

Served by uvicorn exactly as Backbone is (same server, same loop, one worker); the database file
comes from BARE_DB. Nothing else: no auth, no validation beyond the JSON body, no ORM.
"""

from __future__ import annotations

import os
import sqlite3
import threading

from fastapi import FastAPI, Request
from fastapi.responses import Response

app = FastAPI()
_local = threading.local()


def _connection() -> sqlite3.Connection:
    connection: sqlite3.Connection | None = getattr(_local, "connection", None)
    if connection is None:
        connection = sqlite3.connect(os.environ["BARE_DB"], isolation_level=None)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA busy_timeout = 30000")
        connection.execute(
            "CREATE TABLE IF NOT EXISTS sets (id INTEGER PRIMARY KEY, exercise TEXT, body TEXT)"
        )
        _local.connection = connection
    return connection


@app.post("/api/v1/sets")
def log(request_body: dict[str, object]) -> Response:
    _connection().execute(
        "INSERT INTO sets (exercise, body) VALUES (?, ?)",
        (str(request_body.get("exercise")), str(request_body.get("sets"))),
    )
    return Response(b'{"ok":true}', status_code=201, media_type="application/json")


@app.get("/api/v1/today")
def today(request: Request) -> Response:
    return Response(b'{"ok":true}', media_type="application/json")

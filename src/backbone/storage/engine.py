"""Engines for SQLite (the default) and PostgreSQL (psycopg 3), set up for safe concurrent writers.

SQLite connections run in WAL mode (readers never block the writer) with a busy timeout and foreign
keys on. Python's sqlite3 module is told to stay out of transaction control and every transaction
starts with `BEGIN IMMEDIATE`: it takes the write lock up front, so two processes writing at once
queue behind the busy timeout instead of one failing mid-transaction with "database is locked"
(SQLAlchemy's documented recipe for pysqlite transaction control).
"""

from __future__ import annotations

import sqlite3
import time
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from backbone.domain.errors import InputError

BUSY_TIMEOUT_MS = 30_000
"""how long a writer waits for another process's write lock before giving up"""

_SQLITE_PRAGMAS = (
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA foreign_keys = ON",
    "PRAGMA synchronous = NORMAL",
)


def create_backbone_engine(url: str) -> Engine:
    """An engine for a sqlite:/// or postgresql+psycopg:// URL (see `backbone.settings`)."""
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise InputError(f"Not a database URL: {error}", {"url": url}) from error
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(url)
    if backend == "postgresql":
        return create_engine(
            parsed.set(drivername="postgresql+psycopg"),
            pool_pre_ping=True,
            pool_size=5,
            max_overflow=5,
            pool_recycle=1800,
        )
    raise InputError(
        f"Unsupported database '{backend}': use SQLite or PostgreSQL.", {"backend": backend}
    )


def _sqlite_engine(url: str) -> Engine:
    # The sqlite3 module waits on its own `timeout` before SQLite's busy handler takes over.
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", _begin_immediate)
    return engine


def _on_sqlite_connect(dbapi_connection: Any, connection_record: Any) -> None:
    # sqlite3 must not emit its own BEGIN (it would defer the lock); `_begin_immediate` does.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in _SQLITE_PRAGMAS:
            cursor.execute(pragma)
        _use_wal(cursor)
    finally:
        cursor.close()


def _use_wal(cursor: Any) -> None:
    """Switch the file to WAL (a lasting setting, so usually just a read of the current mode).

    The switch needs a lock that SQLite does not wait for through the busy handler: when two new
    processes open a brand-new file at once, one of them is told "database is locked" at once.
    Retry for as long as the busy timeout allows.
    """
    if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        return
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause_s = 0.005
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
        time.sleep(pause_s)
        pause_s = min(pause_s * 2, 0.1)


def _begin_immediate(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")

"""Engines for SQLite (the default) and PostgreSQL (psycopg 3), set up for safe concurrent writers.

SQLite connections run in WAL mode (readers never block the writer) with a busy timeout and foreign
keys on. Python's sqlite3 module is told to stay out of transaction control and every transaction
starts with `BEGIN IMMEDIATE`: it takes the write lock up front, so two processes writing at once
queue behind the busy timeout instead of one failing mid-transaction with "database is locked"
(SQLAlchemy's documented recipe for pysqlite transaction control).

Before a SQLite file is opened its surroundings are checked, so the common faults are told in
words with the path: a directory that does not exist, a path that is a directory. A file the user
may read but not write is opened read-only (SQLite's `mode=ro`): every read works, and a write is
refused with "the database file is read-only" instead of failing to open at all.
"""

from __future__ import annotations

import os
import sqlite3
import time
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from backbone.domain.errors import InputError, StorageError

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
        return _sqlite_engine(parsed.database or "")
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


def database_location(engine: Engine) -> str:
    """The file path (SQLite) or the URL with its password hidden, for messages."""
    if engine.url.get_backend_name() == "sqlite":
        return unquote((engine.url.database or "").removeprefix("file:"))
    return engine.url.render_as_string(hide_password=True)


def is_read_only(engine: Engine) -> bool:
    """The SQLite file was opened read-only (see `_check_sqlite_path`)."""
    return engine.url.query.get("mode") == "ro"


def _sqlite_engine(database: str) -> Engine:
    path = Path(database)
    read_only = _check_sqlite_path(path)
    if read_only:
        # A read-only file is opened through a URI so SQLite never tries to write it (no WAL
        # switch, no journal); the plain path is kept for messages.
        url = f"sqlite:///file:{quote(str(path))}?mode=ro&uri=true"
    else:
        url = f"sqlite:///{path}"
    # The sqlite3 module waits on its own `timeout` before SQLite's busy handler takes over.
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", partial(_on_sqlite_connect, read_only=read_only))
    event.listen(engine, "begin", _begin_read_only if read_only else _begin_immediate)
    return engine


def _check_sqlite_path(path: Path) -> bool:
    """Refuse what cannot work, in words; True when the file exists and may only be read."""
    directory = path.parent
    if not directory.is_dir():
        raise StorageError(
            f"Cannot open the database {path}: the directory {directory} does not exist. "
            "Create it, or point BACKBONE_DB at a file in an existing directory.",
            {"path": str(path), "directory": str(directory)},
        )
    if path.exists():
        if not path.is_file():
            raise StorageError(
                f"Cannot open the database {path}: it is not a regular file.", {"path": str(path)}
            )
        if not os.access(path, os.R_OK):
            raise StorageError(
                f"Cannot open the database {path}: you do not have permission to read it. "
                "Check its owner and permissions (ls -l).",
                {"path": str(path)},
            )
        return not os.access(path, os.W_OK)
    if not os.access(directory, os.W_OK | os.X_OK):
        raise StorageError(
            f"Cannot create the database {path}: the directory {directory} is not writable. "
            "Choose a writable directory with BACKBONE_DB.",
            {"path": str(path), "directory": str(directory)},
        )
    return False


def _on_sqlite_connect(
    dbapi_connection: Any, connection_record: Any, *, read_only: bool = False
) -> None:
    # sqlite3 must not emit its own BEGIN (it would defer the lock); `_begin_immediate` does.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in _SQLITE_PRAGMAS:
            cursor.execute(pragma)
        if not read_only:  # switching to WAL writes the file header
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


def _begin_read_only(connection: Connection) -> None:
    # BEGIN IMMEDIATE asks for the write lock, which a read-only file never grants.
    connection.exec_driver_sql("BEGIN")

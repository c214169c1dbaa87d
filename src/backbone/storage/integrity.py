"""`backbone db check`: is the database file whole, and which schema revision does it hold?

SQLite checks its own pages (`PRAGMA integrity_check`) and the foreign keys
(`PRAGMA foreign_key_check`); a damaged file is reported as a list of problems instead of failing
half way through some later command. PostgreSQL keeps its own pages consistent, so there the check
is that the server answers and the schema revision is known.

The check only reads: it never migrates, so a file from a newer Backbone or a damaged one is left
exactly as it was found.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from backbone.services.ports import DatabaseHealth
from backbone.storage.engine import database_location
from backbone.storage.errors import translate
from backbone.storage.migrations import HEAD, current_revision, known_revisions

MAX_PROBLEMS = 20
"""SQLite lists up to 100 problems; the first few are enough to know the file is damaged."""


def check_database(engine: Engine) -> DatabaseHealth:
    location = database_location(engine)
    try:
        with engine.connect() as connection:
            problems = _sqlite_problems(connection) if _is_sqlite(connection) else ()
            revision = None if problems else current_revision(connection)
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        if _is_sqlite_engine(engine) and _means_damage(reason):
            return DatabaseHealth(location, (reason,), None, HEAD)
        raise translate(error, f"check {location}") from error
    newer = revision is not None and revision not in known_revisions()
    return DatabaseHealth(location, problems, revision, HEAD, newer)


def _sqlite_problems(connection: Connection) -> tuple[str, ...]:
    found = [
        str(row[0])
        for row in connection.exec_driver_sql(f"PRAGMA integrity_check({MAX_PROBLEMS})")
        if str(row[0]) != "ok"
    ]
    for table, rowid, parent, _ in connection.exec_driver_sql("PRAGMA foreign_key_check"):
        found.append(f"row {rowid} of {table} refers to a missing row of {parent}")
    return tuple(found[:MAX_PROBLEMS])


def _is_sqlite(connection: Connection) -> bool:
    return connection.dialect.name == "sqlite"


def _is_sqlite_engine(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _means_damage(reason: str) -> bool:
    return any(fragment in reason for fragment in ("malformed", "not a database", "disk I/O error"))

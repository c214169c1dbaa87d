"""Database exceptions translated into the one error tree, once, at the storage boundary.

unique violation            -> Conflict     ("already exists")
foreign-key violation       -> NotFound     (refers to something that is not stored)
check / not-null violation  -> InputError   (a value outside what the schema allows)
anything else from the DB   -> StorageError (cannot open, busy, disk full, connection lost)

The common SQLite faults are told in words with what to do: a damaged file, a read-only file, a
full disk, a file that cannot be opened.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError, StatementError

from backbone.domain.errors import BackboneError, Conflict, InputError, NotFound, StorageError

# PostgreSQL SQLSTATE codes and SQLite extended result names for the integrity failures.
_UNIQUE = {"23505", "SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY"}
_FOREIGN_KEY = {"23503", "SQLITE_CONSTRAINT_FOREIGNKEY"}


ROW_DECODING_ERRORS = (ValueError, TypeError, KeyError, AttributeError)
"""What turning a hand-edited row into domain values raises (json errors are ValueErrors)."""


@contextmanager
def reading_rows(table: str) -> Iterator[None]:
    """Rows of `table` are turned into domain values here: a row edited outside Backbone (text in
    a number column, broken JSON, an unknown word) becomes a StorageError naming the table, not a
    traceback. Converters name the row themselves (`damaged_row`)."""
    try:
        yield
    except ROW_DECODING_ERRORS as error:
        raise damaged_row(table, None, error) from error


def damaged_row(table: str, row_id: object, error: BaseException) -> StorageError:
    which = f"row {row_id} of the {table} table" if row_id is not None else f"a row of {table}"
    return StorageError(
        f"Cannot read {which}: {error}. It was probably edited outside Backbone; fix or delete "
        "that row (or restore a backup), then run `backbone db check`.",
        {"table": table, "row_id": row_id, "reason": str(error)},
    )


@contextmanager
def storage_errors(action: str) -> Iterator[None]:
    """Run a database step; `action` completes "The database could not ..." in messages."""
    try:
        yield
    except BackboneError:
        raise
    except SQLAlchemyError as error:
        raise translate(error, action) from error


def translate(error: SQLAlchemyError, action: str) -> BackboneError:
    reason = _reason(error)
    details: dict[str, Any] = {"action": action, "reason": reason}
    if isinstance(error, IntegrityError):
        kind = _integrity_kind(error)
        if kind in _UNIQUE:
            return Conflict(f"Could not {action}: it already exists ({reason}).", details)
        if kind in _FOREIGN_KEY:
            return NotFound(f"Could not {action}: it refers to something not stored.", details)
        return InputError(f"Could not {action}: a value is out of range ({reason}).", details)
    if isinstance(error, StatementError) and not isinstance(error, DBAPIError):
        return StorageError(f"Could not {action}: {reason}.", details)
    if _is_busy(reason):
        return StorageError(
            f"Could not {action}: the database stayed busy (another Backbone process is "
            "writing); try again.",
            details,
        )
    for fragments, advice in _ADVICE:
        if any(fragment in reason for fragment in fragments):
            return StorageError(f"Could not {action}: {advice} (SQLite: {reason}).", details)
    return StorageError(f"The database could not {action}: {reason}.", details)


_ADVICE: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("malformed", "file is not a database", "disk I/O error"),
        "the database file is damaged. Run `backbone db check`, keep a copy of the file, and "
        "restore your latest backup",
    ),
    (
        ("readonly database", "read-only"),
        "the database file is read-only, so nothing was written (reading still works). "
        "Make the file and its directory writable to save changes",
    ),
    (
        ("database or disk is full",),
        "the disk is full, so nothing was written. Free some space and try again",
    ),
    (
        ("unable to open database file",),
        "the database file could not be opened. Check that its directory exists and that you "
        "may read and write there",
    ),
)


def _integrity_kind(error: IntegrityError) -> str:
    orig = error.orig
    code = getattr(orig, "sqlstate", None) or getattr(orig, "sqlite_errorname", None)
    if code:
        return str(code)
    text = str(orig).upper()
    if "UNIQUE" in text:
        return "SQLITE_CONSTRAINT_UNIQUE"
    if "FOREIGN KEY" in text:
        return "SQLITE_CONSTRAINT_FOREIGNKEY"
    return "other"


def _reason(error: SQLAlchemyError) -> str:
    orig = getattr(error, "orig", None)
    text = str(orig if orig is not None else error)
    return text.strip().splitlines()[0] if text.strip() else type(error).__name__


def _is_busy(reason: str) -> bool:
    return "database is locked" in reason or "database is busy" in reason

"""Alembic migrations, run programmatically: no alembic.ini is needed at run time.

`upgrade_to_head(engine)` is called on first use. When the database is already at `HEAD` it only
reads the version row, without importing Alembic, so a command that starts cold stays fast. Several
processes may upgrade the same database at once: SQLite's `BEGIN IMMEDIATE` and a PostgreSQL advisory
lock make them take turns, and each one reads the version again inside its transaction.

A database at a revision this release does not know was written by a newer Backbone: every
command, `db upgrade` included, stops with that in words instead of letting Alembic fail, and the
file is left alone. A read-only file that needs an upgrade is refused the same way.

New revision (developers): `.venv/bin/python -m backbone.storage.migrations revision -m "what"`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from backbone.domain.errors import StorageError
from backbone.storage.engine import database_location, is_read_only
from backbone.storage.errors import storage_errors

if TYPE_CHECKING:
    from alembic.config import Config

HEAD = "0010"

"""The newest revision; a test checks it against Alembic's own view of the scripts."""

VERSION_TABLE = "alembic_version"
MIGRATIONS_DIR = Path(__file__).parent
ADVISORY_LOCK_KEY = 0x6261636B626F6E65 & 0x7FFFFFFFFFFFFFFF  # "backbone"


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at, or None for an empty database."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def known_revisions() -> frozenset[str]:
    """Revisions this release can read: the `NNNN_*.py` scripts shipped with it (no Alembic import)."""
    return frozenset(
        path.name.split("_", 1)[0] for path in (MIGRATIONS_DIR / "versions").glob("[0-9]*_*.py")
    )


def is_at_head(engine: Engine) -> bool:
    where = database_location(engine)
    with storage_errors(f"read the schema version of {where}"), engine.connect() as connection:
        revision = current_revision(connection)
    _refuse_unknown(revision, where)
    return revision == HEAD


def upgrade_to_head(engine: Engine) -> None:
    """Create or upgrade the schema; cheap when it is already current."""
    if is_at_head(engine):
        return
    where = database_location(engine)
    if is_read_only(engine):
        raise StorageError(
            f"The database {where} needs a schema upgrade, but the file is read-only. "
            "Make it writable (chmod u+w) and run `backbone db upgrade`.",
            {"path": where},
        )
    from alembic import command

    with storage_errors(f"upgrade the schema of {where}"), engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # SQLite changes a table by copying it and dropping the old one; with foreign keys on,
            # that drop would cascade-delete every row that points at it (a whole training log).
            # The pragma only works outside a transaction, so it is set on the raw connection.
            _sqlite_foreign_keys(connection, on=False)
        try:
            with connection.begin():
                if not sqlite:
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK_KEY}
                    )
                # another process may have upgraded (or a newer release written) since the first look
                _refuse_unknown(current_revision(connection), where)
                command.upgrade(alembic_config(connection), "head")
                if sqlite:
                    _check_foreign_keys(connection)
        finally:
            if sqlite:
                _sqlite_foreign_keys(connection, on=True)


def _sqlite_foreign_keys(connection: Connection, *, on: bool) -> None:
    raw = connection.connection.driver_connection
    assert raw is not None
    raw.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")


def _check_foreign_keys(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise StorageError(
            f"Upgrading the schema would leave {len(broken)} row(s) pointing at nothing "
            f"(first: table {broken[0][0]}, row {broken[0][1]}); nothing was changed.",
            {"rows": len(broken)},
        )


def _refuse_unknown(revision: str | None, where: str) -> None:
    if revision is None or revision in known_revisions():
        return
    raise StorageError(
        f"The database {where} was written by a newer Backbone (schema revision {revision}; "
        f"this release knows up to {HEAD}). Upgrade Backbone to use it; nothing was changed.",
        {"path": where, "revision": revision, "head": HEAD},
    )


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration built in code; `env.py` uses `connection` when one is given."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("version_path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config

"""Storage faults are told in words with the path and what to do, and never change the file.

Newer schema, damaged file, read-only file, missing directory, rows edited by hand.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

from backbone.domain.accounts import User
from backbone.domain.athlete import Athlete
from backbone.domain.errors import StorageError
from backbone.domain.history import LogEntry, LoggedSet, RangeDone, SetType
from backbone.settings import sqlite_url
from backbone.storage import engine as engine_module
from backbone.storage.engine import create_backbone_engine, is_read_only
from backbone.storage.integrity import check_database
from backbone.storage.migrations import HEAD, known_revisions, upgrade_to_head
from backbone.storage.unit_of_work import SqlUnitOfWork

ON = date(2026, 3, 2)


def a_set(load_kg: float = 60.0) -> LoggedSet:
    return LoggedSet(
        "chest_supported_row", ON, 1, SetType.WORKING, load_kg, None, 8, None, 2,
        RangeDone.FULL, None, "",
    )  # fmt: skip


def filled_database(path: Path, entries: int = 1) -> None:
    engine = create_backbone_engine(sqlite_url(path))
    upgrade_to_head(engine)
    with SqlUnitOfWork(engine) as uow:
        user = uow.users.add(User(username="me"))
        athlete = uow.athletes.add(Athlete("me", user_id=user.user_id))
        assert athlete.athlete_id is not None
        for _ in range(entries):
            uow.sets.add_entry(
                LogEntry(
                    athlete.athlete_id, "chest_supported_row", ON, datetime.now(UTC), (a_set(),)
                )
            )
        uow.commit()
    engine.dispose()


def edit(path: Path, sql: str) -> None:
    connection = sqlite3.connect(path)
    connection.execute(sql)
    connection.commit()
    connection.close()


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "log.db"
    filled_database(path)
    return path


def fresh_engine(path: Path) -> Engine:
    return create_backbone_engine(sqlite_url(path))


def test_known_revisions_are_the_shipped_scripts() -> None:
    assert HEAD in known_revisions()
    assert "0001" in known_revisions()


def test_a_newer_schema_is_named_and_left_alone(database: Path) -> None:
    edit(database, "UPDATE alembic_version SET version_num = '0099'")
    before = database.read_bytes()
    engine = fresh_engine(database)
    with pytest.raises(StorageError, match="written by a newer Backbone") as caught:
        upgrade_to_head(engine)
    assert "revision 0099" in caught.value.message
    assert str(database) in caught.value.message
    assert "Upgrade Backbone" in caught.value.message
    engine.dispose()
    assert database.read_bytes() == before
    health = check_database(fresh_engine(database))
    assert health.ok
    assert health.newer_than_release


def damage(path: Path) -> None:
    """Overwrite the middle pages with a pattern SQLite cannot read as b-tree pages."""
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 4 * page, "the test database is too small to damage in the middle"
    for offset in range(page + 100, len(data) - page):
        data[offset] = 0x55
    path.write_bytes(bytes(data))


def test_integrity_check_finds_a_damaged_file(database: Path) -> None:
    assert check_database(fresh_engine(database)).ok
    (database.parent / "log.db-wal").unlink(missing_ok=True)
    (database.parent / "log.db-shm").unlink(missing_ok=True)
    damage(database)
    health = check_database(fresh_engine(database))
    assert not health.ok
    assert health.problems


def test_a_damaged_file_fails_in_words(database: Path) -> None:
    damage(database)
    with pytest.raises(StorageError, match="damaged") as caught:
        upgrade_to_head(fresh_engine(database))
    assert "backbone db check" in caught.value.message


def test_a_missing_directory_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "log.db"
    with pytest.raises(StorageError, match="does not exist") as caught:
        create_backbone_engine(sqlite_url(missing))
    assert str(missing.parent) in caught.value.message
    assert not missing.parent.exists()


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch, database: Path) -> Path:
    """Tests run as root here, which may write any file: the permission check is what is faked."""
    real_access = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        if Path(str(path)) == database and mode & os.W_OK:
            return False
        return real_access(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(engine_module.os, "access", access)
    return database


def read_sets(engine: Engine) -> int:
    with SqlUnitOfWork(engine) as uow:
        return len(uow.sets.sets_for(uow.athletes.get(1).athlete_id or 0))


def write_a_set(engine: Engine) -> None:
    with SqlUnitOfWork(engine) as uow:
        entry = LogEntry(1, "chest_supported_row", ON, datetime.now(UTC), (a_set(),))
        uow.sets.add_entry(entry)
        uow.commit()


def test_a_read_only_file_reads_and_refuses_writes_in_words(read_only: Path) -> None:
    engine = fresh_engine(read_only)
    assert is_read_only(engine)
    upgrade_to_head(engine)  # at head already: only reads
    assert read_sets(engine) == 1
    with pytest.raises(StorageError, match="read-only") as caught:
        write_a_set(engine)
    assert str(read_only) in caught.value.message
    assert read_sets(engine) == 1
    engine.dispose()


def test_a_read_only_file_that_needs_an_upgrade_says_so(read_only: Path) -> None:
    edit(read_only, "UPDATE alembic_version SET version_num = '0001'")
    with pytest.raises(StorageError, match="needs a schema upgrade, but the file is read-only"):
        upgrade_to_head(fresh_engine(read_only))


@pytest.mark.parametrize(
    ("sql", "table"),
    [
        ("UPDATE logged_sets SET load_kg = 'heavy'", "row 1 of the logged_sets table"),
        ("UPDATE athletes SET plates_kg = '[20, oops'", "row 1 of the athletes table"),
        ("UPDATE athletes SET plates_kg = '[20, NaN]'", "row 1 of the athletes table"),
        ("UPDATE logged_sets SET performed_on = 'yesterday'", "logged_sets"),
    ],
)
def test_rows_edited_by_hand_are_named_not_a_traceback(
    database: Path, sql: str, table: str
) -> None:
    edit(database, sql)
    engine = fresh_engine(database)
    with pytest.raises(StorageError, match=table) as caught:
        read_sets(engine)
    assert "edited outside Backbone" in caught.value.message
    engine.dispose()

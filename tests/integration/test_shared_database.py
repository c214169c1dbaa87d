"""One database object shared by a server's threads: its decoded-plan cache and its write turns.

A server builds one `SqlDatabase` per worker and every request's unit of work shares it: the
running program must never come from the cache once another program is stored in its place, and
threads writing at once must all get their writes in (and one that opens a second unit of work
inside its first must not wait for itself).
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete, func, select

from backbone.settings import sqlite_url
from backbone.storage.engine import create_backbone_engine
from backbone.storage.migrations import upgrade_to_head
from backbone.storage.tables import log_entries, programs
from backbone.storage.unit_of_work import SqlDatabase
from tests.integration.test_repository_contract import a_plan, a_program, an_entry, athlete_in

SECONDS_TO_FINISH = 30


def test_a_program_stored_in_place_of_a_deleted_one_is_read_as_itself(
    sql_engine: Engine,
) -> None:
    database = SqlDatabase(sql_engine)
    with database.unit_of_work() as uow:
        athlete_id = athlete_in(uow)
        first = uow.programs.add(a_program(athlete_id, document="first"))
        uow.commit()
    with database.unit_of_work() as uow:
        current = uow.programs.current(athlete_id)
        assert current is not None
        assert current.plan == first.plan  # now cached
    # another worker deletes it and stores another: SQLite hands out the same id again
    with sql_engine.begin() as connection:
        connection.execute(delete(programs).where(programs.c.id == first.program_id))
    with database.unit_of_work() as uow:
        second = uow.programs.add(a_program(athlete_id, document="second"))
        uow.commit()
    if sql_engine.url.get_backend_name() == "sqlite":
        assert second.program_id == first.program_id
    with database.unit_of_work() as uow:
        current = uow.programs.current(athlete_id)
    assert current is not None
    assert current.plan == second.plan == a_plan(first.started_on, "second")


@pytest.fixture
def shared_sqlite(tmp_path: Path) -> SqlDatabase:
    engine = create_backbone_engine(sqlite_url(tmp_path / "backbone.db"))
    upgrade_to_head(engine)
    return SqlDatabase(engine)


def test_threads_writing_at_once_all_get_their_entries_stored(shared_sqlite: SqlDatabase) -> None:
    with shared_sqlite.unit_of_work() as uow:
        athlete_id = athlete_in(uow)
        uow.commit()
    failures: list[BaseException] = []

    def log(entries: int) -> None:
        try:
            for _ in range(entries):
                with shared_sqlite.unit_of_work() as uow:
                    uow.sets.add_entry(an_entry(athlete_id, sets=2))
                    uow.commit()
        except BaseException as error:  # reported below, in the test's thread
            failures.append(error)

    threads = [threading.Thread(target=log, args=(15,)) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(SECONDS_TO_FINISH)
    assert not failures
    with shared_sqlite.engine.connect() as connection:
        stored = connection.execute(select(func.count()).select_from(log_entries)).scalar_one()
    assert stored == 6 * 15


def test_a_unit_of_work_opened_inside_another_does_not_wait_for_it(
    shared_sqlite: SqlDatabase,
) -> None:
    read: list[int] = []

    def nested() -> None:
        with shared_sqlite.unit_of_work() as outer:
            athlete_id = athlete_in(outer)
            outer.commit()
            with shared_sqlite.unit_of_work() as inner:
                read.append(inner.athletes.get(athlete_id).athlete_id or 0)

    thread = threading.Thread(target=nested, daemon=True)
    thread.start()
    thread.join(SECONDS_TO_FINISH)
    assert not thread.is_alive()
    assert read
    assert read[0] > 0

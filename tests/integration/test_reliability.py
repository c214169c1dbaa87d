"""Real processes against a real database: concurrent writers, and a writer killed mid-write.

Runs on a SQLite file (WAL, BEGIN IMMEDIATE) and on PostgreSQL when configured.
"""

from __future__ import annotations

import os
import select
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func
from sqlalchemy import select as sql_select

from backbone.domain.accounts import User
from backbone.domain.athlete import Athlete
from backbone.settings import sqlite_url
from backbone.storage.engine import create_backbone_engine
from backbone.storage.migrations import upgrade_to_head
from backbone.storage.tables import log_entries, logged_sets
from backbone.storage.unit_of_work import SqlUnitOfWork

WORKER = Path(__file__).with_name("reliability_worker.py")
ENTRIES, SETS = 250, 4  # x 2 processes = 2,000 sets


@pytest.fixture(params=["sqlite", "postgres"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Engine]]:
    """(URL for the children, engine for the parent) of a migrated, empty database."""
    if request.param == "postgres":
        url: str = request.getfixturevalue("postgres_url")
        engine: Engine = request.getfixturevalue("empty_postgres_engine")
        yield url, engine
        return
    url = sqlite_url(tmp_path / "backbone.db")
    engine = create_backbone_engine(url)
    upgrade_to_head(engine)
    yield url, engine
    engine.dispose()


def new_athlete(engine: Engine) -> int:
    with SqlUnitOfWork(engine) as uow:
        owner = uow.users.add(User(username="ana"))
        athlete = uow.athletes.add(Athlete(name="ana", user_id=owner.user_id))
        uow.commit()
    assert athlete.athlete_id is not None
    return athlete.athlete_id


def run_worker(*args: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), *map(str, args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def test_two_processes_logging_1000_sets_each(database: tuple[str, Engine]) -> None:
    url, engine = database
    athlete_id = new_athlete(engine)
    workers = [run_worker("log", url, athlete_id, name, ENTRIES, SETS) for name in ("a", "b")]
    for worker in workers:
        assert worker.stdout is not None
        assert read_line(worker) == "ready"
    for worker in workers:  # both start now
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    outcomes = [worker.communicate(timeout=300) for worker in workers]
    for worker, (out, err) in zip(workers, outcomes, strict=True):
        assert worker.returncode == 0, err
        assert out.startswith("done ")
        assert "Error" not in err
    with engine.connect() as connection:
        notes = connection.scalars(sql_select(logged_sets.c.note).order_by(logged_sets.c.id)).all()
        entries = connection.scalar(sql_select(func.count()).select_from(log_entries))
        per_entry = connection.execute(
            sql_select(logged_sets.c.entry_id, func.count()).group_by(logged_sets.c.entry_id)
        ).all()
    assert len(notes) == 2 * ENTRIES * SETS == 2000
    assert len(set(notes)) == 2000, "duplicate rows"
    assert Counter(note.split(":")[0] for note in notes) == {"a": 1000, "b": 1000}
    assert entries == 2 * ENTRIES
    assert {count for _, count in per_entry} == {SETS}
    spans = [tuple(map(float, out.split()[1:])) for out, _ in outcomes]
    last_start, first_end = max(s for s, _ in spans), min(e for _, e in spans)
    assert last_start < first_end, "the writers did not overlap in time; the test proved nothing"


def read_line(process: subprocess.Popen[str], timeout_s: float = 120) -> str:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], timeout_s)
    assert ready, f"no output from the child within {timeout_s} s"
    return process.stdout.readline().strip()


def test_a_writer_killed_mid_entry_leaves_nothing_of_it(database: tuple[str, Engine]) -> None:
    url, engine = database
    athlete_id = new_athlete(engine)
    committed = run_worker("log", url, athlete_id, "before", 3, 2)
    out, err = committed.communicate("go\n", timeout=120)
    assert out.split()[:2] == ["ready", "done"], err

    child = run_worker("hang", url, athlete_id)
    try:
        assert read_line(child) == "mid-write"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate()
    assert child.returncode == -signal.SIGKILL

    if engine.dialect.name == "sqlite":
        path = url.removeprefix("sqlite:///")
        raw = sqlite3.connect(path)
        try:
            assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
        finally:
            raw.close()
    fresh = create_backbone_engine(url)
    try:
        with SqlUnitOfWork(fresh) as uow:
            entries = uow.sets.entries(athlete_id)
            assert [len(e.sets) for e in entries] == [2, 2, 2]
            assert all(s.note.startswith("before:") for e in entries for s in e.sets)
            uow.sets.add_entry(entries[0])  # the lock is free again: the database takes writes
            uow.commit()
        with fresh.connect() as connection:
            assert connection.scalar(sql_select(func.count()).select_from(logged_sets)) == 8
    finally:
        fresh.dispose()


def test_two_processes_migrating_a_new_database_at_once(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "new.db")
    script = (
        "import sys\n"
        "from backbone.storage.engine import create_backbone_engine\n"
        "from backbone.storage.migrations import upgrade_to_head\n"
        "engine = create_backbone_engine(sys.argv[1])\n"
        "print('ready', flush=True)\n"
        "sys.stdin.readline()\n"
        "upgrade_to_head(engine)\n"
        "print('done', flush=True)\n"
    )
    children = [
        subprocess.Popen(
            [sys.executable, "-c", script, url],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for child in children:
        assert read_line(child) == "ready"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        assert out.strip() == "done"
    engine = create_backbone_engine(url)
    try:
        new_athlete(engine)
    finally:
        engine.dispose()

"""A child process for test_reliability.py, writing through SqlUnitOfWork as `backbone log` does.

python reliability_worker.py log URL ATHLETE_ID WORKER ENTRIES SETS_PER_ENTRY
    commit ENTRIES entries of SETS_PER_ENTRY sets each, one transaction per entry; print "done"
python reliability_worker.py hang URL ATHLETE_ID
    in one transaction, write a whole entry, then start a second one and stop inside its write:
    print "mid-write" once its rows are sent, and sleep until killed
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import event

from backbone.domain.history import LogEntry, LoggedSet, SetType
from backbone.storage.engine import create_backbone_engine
from backbone.storage.migrations import upgrade_to_head
from backbone.storage.unit_of_work import SqlUnitOfWork

DAY = date(2026, 11, 30)


def entry(athlete_id: int, tag: str, sets: int) -> LogEntry:
    return LogEntry(
        athlete_id=athlete_id,
        exercise="barbell_row",
        performed_on=DAY,
        logged_at=datetime.now(UTC),
        sets=tuple(
            LoggedSet(
                exercise="barbell_row",
                performed_on=DAY,
                position=position,
                set_type=SetType.WORKING,
                load_kg=60.0 + position * 2.5,
                added_kg=None,
                reps=8,
                seconds=None,
                rir=2,
                note=f"{tag}:{position}",
            )
            for position in range(1, sets + 1)
        ),
    )


def log(url: str, athlete_id: int, worker: str, entries: int, sets: int) -> None:
    engine = create_backbone_engine(url)
    upgrade_to_head(engine)
    print("ready", flush=True)
    sys.stdin.readline()
    started = time.time()
    for number in range(entries):
        with SqlUnitOfWork(engine) as uow:
            uow.sets.add_entry(entry(athlete_id, f"{worker}:{number}", sets))
            uow.commit()
    print(f"done {started} {time.time()}", flush=True)


def hang(url: str, athlete_id: int) -> None:
    engine = create_backbone_engine(url)

    def stop_after_set_rows(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO LOGGED_SETS") and hanging:
            print("mid-write", flush=True)
            time.sleep(600)

    event.listen(engine, "after_cursor_execute", stop_after_set_rows)
    hanging = False
    with SqlUnitOfWork(engine) as uow:
        uow.sets.add_entry(entry(athlete_id, "killed:whole", 4))
        hanging = True
        uow.sets.add_entry(entry(athlete_id, "killed:partial", 8))
        uow.commit()
    raise SystemExit("not killed")


if __name__ == "__main__":
    mode, url, athlete = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if mode == "log":
        log(url, athlete, sys.argv[4], int(sys.argv[5]), int(sys.argv[6]))
    else:
        hang(url, athlete)

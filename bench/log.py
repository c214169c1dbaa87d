"""Training-log benchmarks: sets logged per second, and cold `backbone today` on five years of history.

Run as `.venv/bin/python bench/log.py` (or `make bench`); `--json` prints the figures as JSON.

- Logging throughput (SQLite): each round starts a fresh database with the gym program of
  bench/make_history.py, then times `services.training_log.log_sets` for ENTRIES entries of
  SETS_PER_ENTRY sets (one warm-up, four working), cycling through the program's prescribed
  exercises on its session days. A last row (no target) logs HISTORY_ENTRIES entries into a copy
  of the history database below, to show how logging slows as the log grows. The baseline, in the same round, writes the very same entries on
  another fresh database straight through the storage adapter (`SqlUnitOfWork`: `add_entry` +
  `commit`, one transaction per entry, as the service does), so the ratio is the service's own
  overhead (parsing, validation, the PR check and the next prescription). Median of ROUNDS rounds.
- Cold `backbone today --date DAY --json` with BACKBONE_DB on a generated database with YEARS years
  of history (~40,000 sets; bench/make_history.py) and on one with the same programs but no sets,
  beside `python -c pass` and `backbone --help`; each run PROCESS_RUNS times round-robin after one
  untimed run, bytecode in a temporary PYTHONPYCACHEPREFIX (as bench/plan.py does).
- For diagnosis, `services.training.today` in-process on both databases (warm: imports, catalogue
  and engine already loaded), so the cold figure splits into start-up and work.

Benchmarks report, they don't fail builds: the exit status is always 0.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_history  # bench/ is not a package: found through sys.path
from processes import Cold, time_processes

if TYPE_CHECKING:
    from backbone.domain.history import LogEntry
    from backbone.services.ports import UnitOfWork

ROUNDS = 3
ENTRIES = 200
SETS_PER_ENTRY = 5
YEARS = 5
SEED = 7
HISTORY_ENTRIES = 30
PROCESS_RUNS = 10
INPROCESS_RUNS = 10

TARGET_SETS_PER_S = 2000.0
TARGET_COLD_TODAY_MS = 500.0

BACKBONE = Path(sys.executable).parent / "backbone"
BASELINE = "python -c pass (baseline)"
HELP = "backbone --help"
TODAY_HISTORY = f"backbone today --json ({YEARS} y history)"
TODAY_EMPTY = "backbone today --json (no history)"

UnitOfWorkFactory = Callable[[], "UnitOfWork"]


@dataclass
class Rate:
    name: str
    rounds: int
    sets: int
    sets_per_s: float | None
    ms_per_entry: float | None
    samples_sets_per_s: list[float] = field(default_factory=list)
    ratio_to_raw: float | None = None
    target_sets_per_s: float | None = None
    status: str = "-"
    first_error: str | None = None


@dataclass
class InProcess:
    name: str
    runs: int
    median_ms: float | None
    max_ms: float | None
    error: str | None = None


def ms(seconds: float) -> float:
    return seconds * 1000.0


def fmt(value: float | None, spec: str) -> str:
    if value is None:
        return format("-", ">" + spec.split(".")[0])
    return format(value, spec)


# --- logging throughput -----------------------------------------------------------------------


def tokens_for(slug: str, entry_number: int) -> list[str]:
    """SETS_PER_ENTRY sets as a lifter types them, in the exercise's own style."""
    from backbone.bootstrap import knowledge
    from backbone.domain.loads import logs_load_kg
    from backbone.domain.vocabulary import MeasuredBy

    exercise = knowledge().catalogue.get(slug)
    working = SETS_PER_ENTRY - 1
    if exercise.measured_by is MeasuredBy.SECONDS:
        return ["20s", *(f"{30 + 5 * (n % 3)}s" for n in range(working))]
    if logs_load_kg(exercise):
        load = 40 + 2.5 * (entry_number % 8)
        return [f"w:{load / 2:g}x10", *(f"{load:g}x{10 - n}@{2 - n // 2}" for n in range(working))]
    added = f"+{5 * (entry_number % 3)}" if entry_number % 3 else ""
    return ["w:bw-20x5", *(f"bw{added}x{10 - n}@2" for n in range(working))]


def workload(new_uow: UnitOfWorkFactory) -> list[tuple[str, date, list[str]]]:
    """(exercise, day, tokens) for ENTRIES entries over the program's sessions, in order."""
    from backbone.bootstrap import knowledge
    from backbone.services.programs import show_program
    from backbone.services.training import PRESCRIBED_BLOCKS

    plan = show_program(knowledge(), new_uow).plan
    slots = [
        (item.exercise, session.on)
        for week in plan.weeks
        for session in week.sessions
        for block in session.blocks
        if block.kind in PRESCRIBED_BLOCKS
        for item in block.items
    ]
    # several passes over the program if it has fewer slots than ENTRIES, in date order
    per_slot = -(-ENTRIES // len(slots))
    ordered = sorted(
        ((slug, on) for slug, on in slots for _ in range(per_slot)), key=lambda pair: pair[1]
    )
    step = len(ordered) / ENTRIES
    picks = [ordered[int(i * step)] for i in range(ENTRIES)]
    return [(slug, on, tokens_for(slug, i)) for i, (slug, on) in enumerate(picks)]


def fresh_program_db(directory: Path, name: str) -> UnitOfWorkFactory:
    from backbone.bootstrap import knowledge
    from backbone.services.programs import start_program

    new_uow = make_history.open_database(directory / name)
    start_program(make_history.gym_request(make_history.CURRENT_START), (), knowledge(), new_uow)
    return new_uow


def service_round(
    directory: Path, round_number: int, include_next: bool = False
) -> tuple[float, int, list[LogEntry]]:
    """Seconds for the service to log the workload; the sets; the entries as stored."""
    from backbone.bootstrap import knowledge
    from backbone.services.training_log import history, log_sets

    facts = knowledge()
    new_uow = fresh_program_db(directory, f"service-{round_number}-{include_next}.db")
    work = workload(new_uow)
    now = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)
    started = time.perf_counter()
    for i, (slug, on, tokens) in enumerate(work):
        log_sets(
            slug,
            tokens,
            on=on,
            now=now + timedelta(seconds=i),
            knowledge=facts,
            new_uow=new_uow,
            include_next=include_next,
        )
    elapsed = time.perf_counter() - started
    _, entries = history(new_uow, facts)
    return elapsed, sum(len(e.sets) for e in entries), entries


def raw_round(directory: Path, round_number: int, entries: Sequence[LogEntry]) -> float:
    """Seconds to write the same entries through SqlUnitOfWork alone."""
    from backbone.services.athletes import current_athlete

    from backbone.domain.history import LogEntry

    new_uow = fresh_program_db(directory, f"raw-{round_number}.db")
    with new_uow() as uow:
        athlete_id = current_athlete(uow).athlete_id
    assert athlete_id is not None
    fresh = [LogEntry(athlete_id, e.exercise, e.performed_on, e.logged_at, e.sets) for e in entries]
    started = time.perf_counter()
    for entry in fresh:
        with new_uow() as uow:
            uow.sets.add_entry(entry)
            uow.commit()
    return time.perf_counter() - started


def history_rate(history_db: Path, on: date) -> Rate:
    """log_sets for a lifter with years of history: a copy of the history database, `on` its day."""
    import sqlite3

    from backbone.bootstrap import knowledge
    from backbone.services.programs import show_program
    from backbone.services.training import PRESCRIBED_BLOCKS
    from backbone.services.training_log import log_sets

    row = Rate(f"log_sets, {YEARS} y history (no target)", 0, 0, None, None)
    facts = knowledge()
    copy = history_db.with_name("history-copy.db")
    try:
        with sqlite3.connect(history_db) as source, sqlite3.connect(copy) as target:
            source.backup(target)
        new_uow = make_history.open_database(copy)
        plan = show_program(facts, new_uow).plan
        slugs = [
            item.exercise
            for week in plan.weeks
            for session in week.sessions
            if session.on == on
            for block in session.blocks
            if block.kind in PRESCRIBED_BLOCKS
            for item in block.items
        ]
        now = datetime(on.year, on.month, on.day, 17, 0, tzinfo=UTC)
        per_round = HISTORY_ENTRIES // ROUNDS
        per_entry: list[float] = []
        for round_number in range(ROUNDS):
            started = time.perf_counter()
            for i in range(per_round):
                number = round_number * per_round + i
                slug = slugs[number % len(slugs)]
                log_sets(
                    slug,
                    tokens_for(slug, number),
                    on=on,
                    now=now + timedelta(seconds=number),
                    knowledge=facts,
                    new_uow=new_uow,
                )
            seconds = time.perf_counter() - started
            row.samples_sets_per_s.append(per_round * SETS_PER_ENTRY / seconds)
            per_entry.append(ms(seconds) / per_round)
            row.rounds += 1
            row.sets += per_round * SETS_PER_ENTRY
    except Exception as error:
        row.first_error = f"{type(error).__name__}: {error}"
        row.status = "ERROR"
    if row.samples_sets_per_s:
        row.sets_per_s = statistics.median(row.samples_sets_per_s)
        row.ms_per_entry = statistics.median(per_entry)
    return row


def time_logging() -> tuple[Rate, Rate, Rate]:
    raw = Rate("raw SqlUnitOfWork add_entry+commit", 0, 0, None, None)
    service = Rate(
        "log_sets (store + PRs + e1RM)", 0, 0, None, None, target_sets_per_s=TARGET_SETS_PER_S
    )
    with_next = Rate("log_sets + next target (the CLI path)", 0, 0, None, None)
    next_ms: list[float] = []
    raw_ms: list[float] = []
    service_ms: list[float] = []
    with tempfile.TemporaryDirectory(prefix="backbone-bench-log-") as tmp:
        for round_number in range(ROUNDS):
            try:
                seconds, sets, entries = service_round(Path(tmp), round_number)
            except Exception as error:  # reported, not timed
                service.first_error = service.first_error or f"{type(error).__name__}: {error}"
                continue
            service.samples_sets_per_s.append(sets / seconds)
            service_ms.append(ms(seconds) / len(entries))
            service.sets = sets
            service.rounds += 1
            try:
                seconds = raw_round(Path(tmp), round_number, entries)
            except Exception as error:
                raw.first_error = raw.first_error or f"{type(error).__name__}: {error}"
                continue
            raw.samples_sets_per_s.append(sets / seconds)
            raw_ms.append(ms(seconds) / len(entries))
            raw.sets = sets
            raw.rounds += 1
            try:
                seconds, sets, entries = service_round(Path(tmp), round_number, include_next=True)
            except Exception as error:
                with_next.first_error = with_next.first_error or f"{type(error).__name__}: {error}"
                continue
            with_next.samples_sets_per_s.append(sets / seconds)
            next_ms.append(ms(seconds) / len(entries))
            with_next.sets = sets
            with_next.rounds += 1
    for row, per_entry in ((raw, raw_ms), (service, service_ms), (with_next, next_ms)):
        if row.samples_sets_per_s:
            row.sets_per_s = statistics.median(row.samples_sets_per_s)
            row.ms_per_entry = statistics.median(per_entry)
    for row in (service, with_next):
        if raw.sets_per_s and row.sets_per_s:
            row.ratio_to_raw = row.sets_per_s / raw.sets_per_s
    if service.first_error or service.sets_per_s is None:
        service.status = "ERROR"
    else:
        service.status = "PASS" if service.sets_per_s >= TARGET_SETS_PER_S else "FAIL"
    for row in (raw, with_next):
        if row.first_error:
            row.status = "ERROR"
    return raw, service, with_next


# --- today --------------------------------------------------------------------------------------


def time_today_in_process(name: str, path: Path, on: date) -> InProcess:
    from backbone.bootstrap import knowledge
    from backbone.services.training import today

    try:
        new_uow = make_history.open_database(path)
        facts = knowledge()
        today(on, facts, new_uow)  # warm: engine connection, caches
        samples = []
        for _ in range(INPROCESS_RUNS):
            started = time.perf_counter()
            today(on, facts, new_uow)
            samples.append(ms(time.perf_counter() - started))
    except Exception as error:
        return InProcess(name, 0, None, None, f"{type(error).__name__}: {error}")
    return InProcess(name, len(samples), statistics.median(samples), max(samples))


def time_today(history_db: Path, empty_db: Path, on: date) -> dict[str, Cold]:
    today_args = ["today", "--date", on.isoformat(), "--json"]
    with tempfile.TemporaryDirectory(prefix="backbone-bench-pycache-") as pycache:
        base = {
            k: v
            for k, v in os.environ.items()
            if k not in {"PYTHONDONTWRITEBYTECODE", "BACKBONE_DATABASE_URL", "BACKBONE_DB"}
        }
        base["PYTHONPYCACHEPREFIX"] = pycache
        commands: dict[str, tuple[list[str], dict[str, str] | None]] = {
            BASELINE: ([sys.executable, "-c", "pass"], base),
            HELP: ([str(BACKBONE), "--help"], base),
            TODAY_EMPTY: ([str(BACKBONE), *today_args], {**base, "BACKBONE_DB": str(empty_db)}),
            TODAY_HISTORY: (
                [str(BACKBONE), *today_args],
                {**base, "BACKBONE_DB": str(history_db)},
            ),
        }
        cold = time_processes(commands, PROCESS_RUNS)
    baseline = cold[BASELINE].median_ms
    for name, row in cold.items():
        if baseline and row.median_ms is not None and name != BASELINE:
            row.ratio_to_baseline = row.median_ms / baseline
        if name == TODAY_HISTORY:
            row.target_ms = TARGET_COLD_TODAY_MS
            if row.failures or row.median_ms is None:
                row.status = "ERROR"
            else:
                row.status = "PASS" if row.median_ms <= TARGET_COLD_TODAY_MS else "FAIL"
        elif row.failures:
            row.status = "ERROR"
    return cold


# --- report -----------------------------------------------------------------------------------


def print_table(
    raw: Rate,
    service: Rate,
    with_next: Rate,
    with_history: Rate,
    summary: make_history.HistorySummary,
    in_process: Sequence[InProcess],
    cold: dict[str, Cold],
) -> None:
    print(f"Backbone training-log benchmark  (python {sys.version.split()[0]}, SQLite)")
    print()
    print(
        f"Logging throughput (sets/s, median of {ROUNDS} rounds of {ENTRIES} entries × "
        f"{SETS_PER_ENTRY} sets, one transaction per entry)"
    )
    header = (
        f"  {'path':<40}{'sets/s':>9}{'min':>9}{'max':>9}{'ms/entry':>10}{'×raw':>7}"
        f"{'target':>9}  status"
    )
    print(header)
    print("  " + "-" * (len(header) - 2))
    for row in (raw, service, with_next, with_history):
        samples = row.samples_sets_per_s
        ratio = "1.00" if row is raw else fmt(row.ratio_to_raw, "7.2f").strip()
        target = f"≥{row.target_sets_per_s:,.0f}" if row.target_sets_per_s else "-"
        print(
            f"  {row.name:<40}{fmt(row.sets_per_s, '9.0f')}"
            f"{fmt(min(samples) if samples else None, '9.0f')}"
            f"{fmt(max(samples) if samples else None, '9.0f')}"
            f"{fmt(row.ms_per_entry, '10.2f')}{ratio:>7}{target:>9}  {row.status}"
        )
    for row in (raw, service, with_next, with_history):
        if row.first_error:
            print(f"  {row.name}: {row.first_error}")
    print(
        f"  last row: {HISTORY_ENTRIES} entries logged on {summary.today} into a copy of the "
        "history database below (the PR check and the next prescription read all of it)"
    )
    print()
    print(
        f"History database: {summary.sets:,} sets in {summary.entries:,} entries, "
        f"{summary.sessions} sessions, {summary.exercises} exercises, "
        f"{summary.first_day} .. {summary.last_day} (generated in {summary.seconds:.1f} s)"
    )
    print()
    print(f"In-process services.training.today (ms, warm, median of {INPROCESS_RUNS})")
    header = f"  {'database':<40}{'median':>9}{'max':>9}"
    print(header)
    print("  " + "-" * (len(header) - 2))
    for one in in_process:
        print(f"  {one.name:<40}{fmt(one.median_ms, '9.1f')}{fmt(one.max_ms, '9.1f')}")
        if one.error:
            print(f"    failed: {one.error}")
    print()
    print(f"Cold processes (ms, median of {PROCESS_RUNS})")
    header = (
        f"  {'command':<40}{'median':>9}{'min':>9}{'max':>9}{'×python':>9}{'target':>9}  status"
    )
    print(header)
    print("  " + "-" * (len(header) - 2))
    for row in cold.values():
        ratio = "1.00" if row.name == BASELINE else fmt(row.ratio_to_baseline, "9.2f").strip()
        target = f"≤{row.target_ms:.0f}" if row.target_ms is not None else "-"
        print(
            f"  {row.name:<40}{fmt(row.median_ms, '9.1f')}{min(row.samples_ms):9.1f}"
            f"{max(row.samples_ms):9.1f}{ratio:>9}{target:>9}  {row.status}"
        )
    for row in cold.values():
        if row.failures:
            print(f"  {row.name}: {row.failures} of {row.runs} runs failed; {row.first_error}")
    history_ms = cold[TODAY_HISTORY].median_ms
    empty_ms = cold[TODAY_EMPTY].median_ms
    if history_ms is not None and empty_ms is not None:
        print(f"  history costs {history_ms - empty_ms:+.1f} ms on a cold `today`")
    print()
    print(
        f"  today: --date {summary.today} (a session of the program started {make_history.CURRENT_START})"
    )
    print("  bytecode: children use a temporary PYTHONPYCACHEPREFIX, warmed by one untimed run")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    raw, service, with_next = time_logging()
    with tempfile.TemporaryDirectory(prefix="backbone-bench-history-") as tmp:
        history_db = Path(tmp) / "history.db"
        empty_db = Path(tmp) / "empty.db"
        summary = make_history.build(history_db, years=YEARS, seed=SEED)
        make_history.build(empty_db, years=YEARS, seed=SEED, empty=True)
        with_history = history_rate(history_db, summary.today)
        if raw.sets_per_s and with_history.sets_per_s:
            with_history.ratio_to_raw = with_history.sets_per_s / raw.sets_per_s
        in_process = [
            time_today_in_process(
                f"{YEARS} y history ({summary.sets:,} sets)", history_db, summary.today
            ),
            time_today_in_process("no history", empty_db, summary.today),
        ]
        cold = time_today(history_db, empty_db, summary.today)

    if args.json:
        report: dict[str, Any] = {
            "python": sys.version.split()[0],
            "logging": {
                "raw": asdict(raw),
                "service": asdict(service),
                "service_with_next": asdict(with_next),
                "service_with_history": asdict(with_history),
            },
            "history": {
                k: v.isoformat() if isinstance(v, date) else v
                for k, v in asdict(summary).items()
                if k != "path"
            },
            "today_in_process": [asdict(one) for one in in_process],
            "cold": {
                name: {k: v for k, v in asdict(row).items() if k != "env"}
                for name, row in cold.items()
            },
        }
        json.dump(report, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print_table(raw, service, with_next, with_history, summary, in_process, cold)
    return 0


def _entry(run: Callable[[], int]) -> None:
    try:
        run()
    except Exception as error:  # report, never fail the build
        print(f"benchmark could not finish: {type(error).__name__}: {error}", file=sys.stderr)
    sys.exit(0)


if __name__ == "__main__":
    _entry(main)

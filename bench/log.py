"""Training-log benchmarks: sets logged per second, and cold `backbone today` on five years of history.

Run as `.venv/bin/python bench/log.py` (or `make bench`); `--json` prints the figures as JSON. With
BACKBONE_TEST_DATABASE_URL set (`scripts/with-postgres.sh .venv/bin/python bench/log.py` starts a
throwaway server and sets it) the logging figures are measured on PostgreSQL too.

Everything goes through a `Backbone` application built as the CLI builds it
(`backbone.bootstrap.build_application`), one per database, sharing one parsed catalogue.

- Logging throughput, per backend: each round starts a fresh database with the gym program of
  bench/make_history.py, then times `Backbone.log_sets` for ENTRIES entries of SETS_PER_ENTRY sets
  (one warm-up, four working), cycling through the program's prescribed exercises on its session
  days: without the next target (what an importer does), and with it (the CLI path: `backbone
  log` prints the next target). The baseline, in the same round, writes the very same entries on
  another fresh database straight through the storage adapter (`add_entry` + `commit`, one
  transaction per entry, as the service does), so the ratio is the service's own overhead
  (parsing, validation, the PR check and the next prescription). Median of ROUNDS rounds.
- The CLI path on a long log: HISTORY_ENTRIES entries logged on the benchmark day (ROUNDS rounds)
  into a copy of a database with YEARS years of history (~40,000 sets; bench/make_history.py).
  Target for the CLI path, empty or long log: TARGET_CLI_SETS_PER_S.
- Cold `backbone today --date DAY --json` with BACKBONE_DB on the history database and on one with
  the same programs but no sets, beside `python -c pass` and `backbone --help`; each run
  PROCESS_RUNS times round-robin after one untimed run, bytecode in a temporary
  PYTHONPYCACHEPREFIX (as bench/plan.py does). bench/cold.py times the other cold commands.
- For diagnosis, `Backbone.today` in-process on both databases (warm: imports, catalogue and
  engine already loaded), so the cold figure splits into start-up and work.

Benchmarks report, they don't fail builds: the exit status is always 0.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_history  # bench/ is not a package: found through sys.path
from databases import Backend, Backends, SQLiteBackend
from processes import Cold, time_processes

if TYPE_CHECKING:
    from backbone.domain.history import LogEntry
    from backbone.services.application import Backbone

ROUNDS = 3
ENTRIES = 200
SETS_PER_ENTRY = 5
YEARS = 5
SEED = 7
HISTORY_ENTRIES = 30
PROCESS_RUNS = 10
INPROCESS_RUNS = 10

TARGET_SETS_PER_S = 2000.0
TARGET_CLI_SETS_PER_S = 1000.0
TARGET_COLD_TODAY_MS = 150.0

BACKBONE = Path(sys.executable).parent / "backbone"
BASELINE = "python -c pass (baseline)"
HELP = "backbone --help"
TODAY_HISTORY = f"backbone today --json ({YEARS} y history)"
TODAY_EMPTY = "backbone today --json (no history)"
START = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)


@dataclass
class Rate:
    name: str
    backend: str
    rounds: int
    sets: int
    sets_per_s: float | None
    ms_per_entry: float | None
    samples_sets_per_s: list[float] = field(default_factory=list)
    cpu_sets_per_s: float | None = None
    """sets per second of this process's CPU time (SQLite works in-process; on PostgreSQL the
    server's CPU is not counted): steadier than wall time on a shared machine"""
    samples_cpu_sets_per_s: list[float] = field(default_factory=list)
    ratio_to_raw: float | None = None
    target_sets_per_s: float | None = None
    status: str = "-"
    first_error: str | None = None

    def finish(self, per_entry_ms: Sequence[float]) -> None:
        if self.samples_cpu_sets_per_s:
            self.cpu_sets_per_s = statistics.median(self.samples_cpu_sets_per_s)
        if self.samples_sets_per_s:
            self.sets_per_s = statistics.median(self.samples_sets_per_s)
            self.ms_per_entry = statistics.median(per_entry_ms)
        if self.first_error or (self.target_sets_per_s and self.sets_per_s is None):
            self.status = "ERROR"
        elif self.target_sets_per_s is not None and self.sets_per_s is not None:
            self.status = "PASS" if self.sets_per_s >= self.target_sets_per_s else "FAIL"


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


def error_text(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"


# --- logging throughput -----------------------------------------------------------------------


def tokens_for(slug: str, entry_number: int) -> list[str]:
    """SETS_PER_ENTRY sets as a lifter types them, in the exercise's own style."""
    from backbone.domain.loads import logs_load_kg
    from backbone.domain.vocabulary import MeasuredBy

    exercise = make_history.knowledge().catalogue.get(slug)
    working = SETS_PER_ENTRY - 1
    if exercise.measured_by is MeasuredBy.SECONDS and logs_load_kg(exercise):
        # a carry: load x time (issue 9's dosing refuses a carry without both)
        load = 16 + 2 * (entry_number % 4)
        return [f"w:{load / 2:g}x20s", *(f"{load}x{30 + 5 * (n % 3)}s" for n in range(working))]
    if exercise.measured_by is MeasuredBy.SECONDS:
        return ["20s", *(f"{30 + 5 * (n % 3)}s" for n in range(working))]
    if logs_load_kg(exercise):
        load = 40 + 2.5 * (entry_number % 8)
        return [f"w:{load / 2:g}x10", *(f"{load:g}x{10 - n}@{2 - n // 2}" for n in range(working))]
    added = f"+{5 * (entry_number % 3)}" if entry_number % 3 else ""
    return ["w:bw-20x5", *(f"bw{added}x{10 - n}@2" for n in range(working))]


def workload(app: Backbone, athlete_id: int) -> list[tuple[str, date, list[str]]]:
    """(exercise, day, tokens) for ENTRIES entries over the program's sessions, in order."""
    from backbone.services.training import PRESCRIBED_BLOCKS

    plan = app.show_program(athlete_id).plan
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


def fresh_program_app(backend: Backend, label: str) -> tuple[Backbone, int]:
    """A new database holding the local athlete and the gym program; the app and athlete id."""
    app = make_history.open_application(backend.fresh(label), make_history.TickingClock(START))
    athlete_id = app.local_athlete().athlete_id
    assert athlete_id is not None
    app.start_program(athlete_id, make_history.gym_request(make_history.CURRENT_START))
    return app, athlete_id


def service_round(
    backend: Backend, round_number: int, include_next: bool
) -> tuple[float, int, list[LogEntry], float]:
    """Seconds for the service to log the workload; the sets; the entries as stored; CPU s."""
    app, athlete_id = fresh_program_app(backend, f"service-{round_number}-{include_next}")
    try:
        work = workload(app, athlete_id)
        started, cpu_started = time.perf_counter(), time.process_time()
        for slug, on, tokens in work:
            app.log_sets(athlete_id, slug, tokens, on=on, include_next=include_next)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        _, entries = app.history(athlete_id)
    finally:
        app.database.dispose()
    return elapsed, sum(len(e.sets) for e in entries), entries, cpu


def raw_round(
    backend: Backend, round_number: int, entries: Sequence[LogEntry]
) -> tuple[float, float]:
    """Seconds (wall, CPU) to write the same entries through the storage adapter alone."""
    from backbone.domain.history import LogEntry

    app, athlete_id = fresh_program_app(backend, f"raw-{round_number}")
    fresh = [LogEntry(athlete_id, e.exercise, e.performed_on, e.logged_at, e.sets) for e in entries]
    try:
        started, cpu_started = time.perf_counter(), time.process_time()
        for entry in fresh:
            with app.new_uow() as uow:
                uow.sets.add_entry(entry)
                uow.commit()
        return time.perf_counter() - started, time.process_time() - cpu_started
    finally:
        app.database.dispose()


def time_logging(backend: Backend) -> tuple[Rate, Rate, Rate]:
    raw = Rate("raw add_entry+commit", backend.name, 0, 0, None, None)
    service = Rate(
        "log_sets (store + PRs + e1RM)",
        backend.name,
        0,
        0,
        None,
        None,
        target_sets_per_s=TARGET_SETS_PER_S,
    )
    with_next = Rate(
        "log_sets + next target (the CLI path)",
        backend.name,
        0,
        0,
        None,
        None,
        target_sets_per_s=TARGET_CLI_SETS_PER_S,
    )
    per_entry: dict[str, list[float]] = {raw.name: [], service.name: [], with_next.name: []}
    for round_number in range(ROUNDS):
        try:
            seconds, sets, entries, cpu = service_round(backend, round_number, include_next=False)
        except Exception as error:  # reported, not timed
            service.first_error = service.first_error or error_text(error)
            continue
        service.samples_sets_per_s.append(sets / seconds)
        service.samples_cpu_sets_per_s.append(sets / cpu)
        per_entry[service.name].append(ms(seconds) / len(entries))
        service.sets, service.rounds = sets, service.rounds + 1
        try:
            seconds, cpu = raw_round(backend, round_number, entries)
        except Exception as error:
            raw.first_error = raw.first_error or error_text(error)
        else:
            raw.samples_sets_per_s.append(sets / seconds)
            raw.samples_cpu_sets_per_s.append(sets / cpu)
            per_entry[raw.name].append(ms(seconds) / len(entries))
            raw.sets, raw.rounds = sets, raw.rounds + 1
        try:
            seconds, sets, entries, cpu = service_round(backend, round_number, include_next=True)
        except Exception as error:
            with_next.first_error = with_next.first_error or error_text(error)
            continue
        with_next.samples_sets_per_s.append(sets / seconds)
        with_next.samples_cpu_sets_per_s.append(sets / cpu)
        per_entry[with_next.name].append(ms(seconds) / len(entries))
        with_next.sets, with_next.rounds = sets, with_next.rounds + 1
    for row in (raw, service, with_next):
        row.finish(per_entry[row.name])
    for row in (service, with_next):
        if raw.sets_per_s and row.sets_per_s:
            row.ratio_to_raw = row.sets_per_s / raw.sets_per_s
    return raw, service, with_next


def history_copy(backend: Backend, history_db: Path) -> Path | str:
    """A database holding the YEARS-year history: a copy of the SQLite file, or (PostgreSQL) a
    schema the generator fills the same way (same seed, same sets)."""
    if isinstance(backend, SQLiteBackend):
        copy = backend.fresh("history-copy")
        with sqlite3.connect(history_db) as source, sqlite3.connect(copy) as target:
            source.backup(target)
        return copy
    target_url = backend.fresh("history")
    make_history.build(target_url, years=YEARS, seed=SEED)
    return target_url


def history_rate(backend: Backend, history_db: Path, on: date) -> Rate:
    """The CLI path for a lifter with years of history, `on` a session day of the program."""
    from backbone.services.training import PRESCRIBED_BLOCKS

    row = Rate(
        f"CLI path, {YEARS} y history",
        backend.name,
        0,
        0,
        None,
        None,
        target_sets_per_s=TARGET_CLI_SETS_PER_S,
    )
    per_entry: list[float] = []
    try:
        start = datetime(on.year, on.month, on.day, 17, 0, tzinfo=UTC)
        app = make_history.open_application(
            history_copy(backend, history_db), make_history.TickingClock(start)
        )
        athlete_id = app.local_athlete().athlete_id
        assert athlete_id is not None
        plan = app.show_program(athlete_id).plan
        slugs = [
            item.exercise
            for week in plan.weeks
            for session in week.sessions
            if session.on == on
            for block in session.blocks
            if block.kind in PRESCRIBED_BLOCKS
            for item in block.items
        ]
        per_round = HISTORY_ENTRIES // ROUNDS
        for round_number in range(ROUNDS):
            started, cpu_started = time.perf_counter(), time.process_time()
            for i in range(per_round):
                number = round_number * per_round + i
                slug = slugs[number % len(slugs)]
                app.log_sets(athlete_id, slug, tokens_for(slug, number), on=on)
            seconds = time.perf_counter() - started
            cpu = time.process_time() - cpu_started
            row.samples_sets_per_s.append(per_round * SETS_PER_ENTRY / seconds)
            row.samples_cpu_sets_per_s.append(per_round * SETS_PER_ENTRY / cpu)
            per_entry.append(ms(seconds) / per_round)
            row.rounds += 1
            row.sets += per_round * SETS_PER_ENTRY
        app.database.dispose()
    except Exception as error:
        row.first_error = error_text(error)
    row.finish(per_entry)
    return row


# --- today --------------------------------------------------------------------------------------


def time_today_in_process(name: str, target: Path | str, on: date) -> InProcess:
    try:
        app = make_history.open_application(target)
        athlete_id = app.local_athlete().athlete_id
        assert athlete_id is not None
        app.today(athlete_id, on)  # warm: engine connection, decoded plan
        samples = []
        for _ in range(INPROCESS_RUNS):
            started = time.perf_counter()
            app.today(athlete_id, on)
            samples.append(ms(time.perf_counter() - started))
        app.database.dispose()
    except Exception as error:
        return InProcess(name, 0, None, None, error_text(error))
    return InProcess(name, len(samples), statistics.median(samples), max(samples))


def cold_environment(scratch: Path) -> dict[str, str]:
    """The caller's environment without database settings; bytecode and the parsed-data cache
    in `scratch`, so children start as a user's second run does."""
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONDONTWRITEBYTECODE", "BACKBONE_DATABASE_URL", "BACKBONE_DB"}
    }
    base["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    base["BACKBONE_CACHE_DIR"] = str(scratch / "cache")
    return base


def time_today(history_db: Path, empty_db: Path, on: date) -> dict[str, Cold]:
    today_args = ["today", "--date", on.isoformat(), "--json"]
    with tempfile.TemporaryDirectory(prefix="backbone-bench-cold-") as scratch:
        base = cold_environment(Path(scratch))
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
        if name in (TODAY_HISTORY, TODAY_EMPTY):
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
    rates: Sequence[Rate],
    summary: make_history.HistorySummary,
    in_process: Sequence[InProcess],
    cold: dict[str, Cold],
) -> None:
    print(f"Backbone training-log benchmark  (python {sys.version.split()[0]})")
    print()
    print(
        f"Logging throughput (sets/s, median of {ROUNDS} rounds of {ENTRIES} entries × "
        f"{SETS_PER_ENTRY} sets, one transaction per entry; history rows: {HISTORY_ENTRIES} "
        "entries)"
    )
    header = (
        f"  {'path':<40}{'backend':>11}{'sets/s':>9}{'min':>9}{'max':>9}{'ms/entry':>10}"
        f"{'×raw':>7}{'target':>9}  status {'cpu sets/s':>11}"
    )
    print(header)
    print("  " + "-" * (len(header) - 2))
    for row in rates:
        samples = row.samples_sets_per_s
        ratio = "1.00" if row.name.startswith("raw") else fmt(row.ratio_to_raw, "7.2f").strip()
        target = f"≥{row.target_sets_per_s:,.0f}" if row.target_sets_per_s else "-"
        print(
            f"  {row.name:<40}{row.backend:>11}{fmt(row.sets_per_s, '9.0f')}"
            f"{fmt(min(samples) if samples else None, '9.0f')}"
            f"{fmt(max(samples) if samples else None, '9.0f')}"
            f"{fmt(row.ms_per_entry, '10.2f')}{ratio:>7}{target:>9}  {row.status:<6}"
            f"{fmt(row.cpu_sets_per_s, '11.0f')}"
        )
    for row in rates:
        if row.first_error:
            print(f"  {row.name} ({row.backend}): {row.first_error}")
    print(
        f"  history rows: entries logged on {summary.today} into a copy of the history database "
        "below (the PR check reads the kept records, the next target the last block of history)"
    )
    print()
    print(
        f"History database: {summary.sets:,} sets in {summary.entries:,} entries, "
        f"{summary.sessions} sessions, {summary.exercises} exercises, "
        f"{summary.first_day} .. {summary.last_day} (generated in {summary.seconds:.1f} s)"
    )
    print()
    print(f"In-process Backbone.today (ms, warm, median of {INPROCESS_RUNS})")
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
    for cold_row in cold.values():
        ratio = (
            "1.00" if cold_row.name == BASELINE else fmt(cold_row.ratio_to_baseline, "9.2f").strip()
        )
        target = f"≤{cold_row.target_ms:.0f}" if cold_row.target_ms is not None else "-"
        print(
            f"  {cold_row.name:<40}{fmt(cold_row.median_ms, '9.1f')}"
            f"{min(cold_row.samples_ms):9.1f}{max(cold_row.samples_ms):9.1f}{ratio:>9}"
            f"{target:>9}  {cold_row.status}"
        )
    for cold_row in cold.values():
        if cold_row.failures:
            print(
                f"  {cold_row.name}: {cold_row.failures} of {cold_row.runs} runs failed; "
                f"{cold_row.first_error}"
            )
    history_ms = cold[TODAY_HISTORY].median_ms
    empty_ms = cold[TODAY_EMPTY].median_ms
    if history_ms is not None and empty_ms is not None:
        print(f"  history costs {history_ms - empty_ms:+.1f} ms on a cold `today`")
    print()
    print(
        f"  today: --date {summary.today} (a session of the program started "
        f"{make_history.CURRENT_START})"
    )
    print(
        "  bytecode and parsed data: children use a temporary PYTHONPYCACHEPREFIX and "
        "BACKBONE_CACHE_DIR, warmed by one untimed run"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--logging-only", action="store_true", help="skip the today and cold-process figures"
    )
    args = parser.parse_args(argv)

    rates: list[Rate] = []
    in_process: list[InProcess] = []
    cold: dict[str, Cold] = {}
    with (
        tempfile.TemporaryDirectory(prefix="backbone-bench-log-") as tmp,
        Backends(Path(tmp)) as backends,
    ):
        history_db = Path(tmp) / "history.db"
        empty_db = Path(tmp) / "empty.db"
        summary = make_history.build(history_db, years=YEARS, seed=SEED)
        make_history.build(empty_db, years=YEARS, seed=SEED, empty=True)
        for backend in backends.available():
            raw, service, with_next = time_logging(backend)
            with_history = history_rate(backend, history_db, summary.today)
            if raw.sets_per_s and with_history.sets_per_s:
                with_history.ratio_to_raw = with_history.sets_per_s / raw.sets_per_s
            rates += [raw, service, with_next, with_history]
        if not args.logging_only:
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
            "logging": [asdict(row) for row in rates],
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
    elif cold:
        print_table(rates, summary, in_process, cold)
    else:
        for row in rates:
            print(
                f"{row.backend:<11}{row.name:<40}{fmt(row.sets_per_s, '9.0f')} sets/s"
                f"{fmt(row.cpu_sets_per_s, '9.0f')} sets per CPU s"
            )
    return 0


def _entry(run: Callable[[], int]) -> None:
    try:
        run()
    except Exception as error:  # report, never fail the build
        print(f"benchmark could not finish: {type(error).__name__}: {error}", file=sys.stderr)
    sys.exit(0)


if __name__ == "__main__":
    _entry(main)

"""Import and export benchmarks: rows per second on generated 100,000-row Strong and Hevy files.

Run as `.venv/bin/python bench/import.py` (or `make bench`); `--rows N` changes the file size and
`--json` prints the figures as JSON.

For each app a file of ROWS data rows is generated in a temporary directory (Strong: the comma
layout with warm-ups, rest-timer rows and cardio; Hevy: newest workout first, locale start
times, supersets, half-point RPE). Timed, median of ROUNDS runs each:

- baseline: `csv.reader` over the same text, every cell touched: the floor any parser pays
- parse: `importers.parse_export` (detection, every cell read and checked, sets assembled)
- re-import: parse again and compute every set's fingerprint against the first parse's set
  (all duplicates: what the service does before writing nothing)
- export: the parsed sets written as Backbone CSV and as Strong-style CSV (rows written/s)

Then through the real service into SQLite (`Backbone.import_file` on a fresh database file per
run, the same path `backbone import` takes), median of ROUNDS runs, each as a ratio to the pure
parse above (`x_parse`):

- service import: decode, parse, map names, check keys, write every entry and set in one batch
- service re-import: the same file again; every entry is already there, nothing is written
- service export: `Backbone.export_history` as Backbone CSV (sets read back and written/s)

The service figures also give CPU seconds (this process, SQLite's work included): on a machine
shared with other work the wall time mostly measures the others, the CPU time does not.

The target from issue 13 is >= 10,000 rows/s for import (100,000 rows in <= 10 s).
Benchmarks report, they don't fail builds: the exit status is always 0.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from backbone.domain.athlete import Units
from backbone.domain.history import RangeDone
from backbone.exporters.backbone_csv import write_backbone_csv
from backbone.exporters.rows import ExportedSet
from backbone.exporters.strong_csv import write_strong_csv
from backbone.importers.batch import ImportBatch
from backbone.importers.detect import parse_export
from backbone.services.application import Backbone

ROWS = 100_000
ROUNDS = 3
TARGET_ROWS_PER_S = 10_000.0

STRONG_HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
HEVY_HEADER = "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n"
LIFTS = ("Deadlift (Barbell)", "Lat Pulldown (Cable)", "Bent Over Row (Barbell)", "Face Pull")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def strong_file(rows: int) -> str:
    """Workouts of 4 lifts x (warm-up, rest timer, 3 working sets) + one cardio row."""
    lines = [STRONG_HEADER]
    start = datetime(2016, 1, 4, 18, 0)
    workout = 0
    while len(lines) <= rows:
        when = (start + timedelta(days=2 * workout)).strftime("%Y-%m-%d %H:%M:%S")
        prefix = f"{when},Pull {workout % 3},1h 5m,"
        for lift_index, lift in enumerate(LIFTS):
            load = 40 + lift_index * 20 + workout % 10
            lines.append(f"{prefix}{lift},W,{load // 2},8,0,0,,Felt ok,\n")
            lines.append(f"{prefix}{lift},Rest Timer,0,0,0,120,,Felt ok,\n")
            for set_number in range(1, 4):
                lines.append(f"{prefix}{lift},{set_number},{load},8,0,0,,Felt ok,8.5\n")
        lines.append(f"{prefix}Running,1,0,0,5.2,1680,,Felt ok,\n")
        workout += 1
    return "".join(lines[: rows + 1])


def hevy_file(rows: int) -> str:
    """Newest workout first; two lifts in a superset, 4 sets each, locale start times."""
    workouts: list[list[str]] = []
    count = 0
    day = 0
    while count < rows:
        when = datetime(2016, 1, 4, 17, 30) + timedelta(days=2 * day)
        start = f'"{when.day} {MONTHS[when.month - 1]} {when.year}, {when:%H:%M}"'
        end = f'"{when.day} {MONTHS[when.month - 1]} {when.year}, {when.hour + 1}:{when:%M}"'
        block = []
        for lift_index, lift in enumerate(LIFTS):
            superset = "0" if lift_index < 2 else ""
            for set_index in range(4):
                kind = "warmup" if set_index == 0 else "normal"
                block.append(
                    f"Pull,{start},{end},,{lift},{superset},Slow\\nand steady,{set_index},{kind},"
                    f"{50 + lift_index * 10 + day % 7}.5,10,,,8.5\n"
                )
        workouts.append(block)
        count += len(block)
        day += 1
    body = [line for block in reversed(workouts) for line in block][:rows]
    return HEVY_HEADER + "".join(body)


def median_seconds(run: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def baseline(text: str) -> int:
    cells = 0
    for row in csv.reader(io.StringIO(text, newline="")):
        for cell in row:
            cells += len(cell)
    return cells


def reimport(text: str, known: set[str]) -> int:
    batch = parse_export(text)
    return sum(1 for s in batch.iter_sets() if s.fingerprint not in known)


def exported(batch: ImportBatch) -> list[ExportedSet]:
    return [
        ExportedSet(
            performed_on=s.performed_on,
            started_at=s.started_at,
            workout=w.name,
            exercise=s.exercise_name.casefold().replace(" ", "_"),
            exercise_name=s.exercise_name,
            position=s.position,
            set_type=s.set_type,
            load_kg=s.load_kg,
            added_kg=s.added_kg,
            reps=s.reps,
            seconds=s.seconds,
            distance_m=s.distance_m,
            rir=s.rir,
            range_done=RangeDone.FULL,
            notes=s.notes,
        )
        for w in batch.workouts
        for s in w.sets
    ]


def service_figures(text: str, folder: Path, rounds: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of import, re-import and export through the application into
    SQLite. CPU time (this process's, SQLite's work included) is the steadier figure on a shared
    machine: wall time there mostly measures the other processes."""
    from backbone.bootstrap import build_application, load_knowledge
    from backbone.settings import Settings

    knowledge = load_knowledge()
    data = text.encode("utf-8")
    timings: dict[str, list[float]] = {"import": [], "reimport": [], "export": []}
    cpu: dict[str, list[float]] = {"import": [], "reimport": [], "export": []}
    for run in range(rounds):
        database = folder / f"bench-{run}-{time.monotonic_ns()}.db"
        app: Backbone = build_application(Settings.for_sqlite_file(database), knowledge=knowledge)
        app.database.upgrade()
        athlete = app.local_athlete().athlete_id
        assert athlete is not None
        app.aliases()  # the alias table loads once per application, not per file
        started, started_cpu = time.perf_counter(), time.process_time()
        first = app.import_file(athlete, data, "bench.csv")
        timings["import"].append(time.perf_counter() - started)
        cpu["import"].append(time.process_time() - started_cpu)
        started, started_cpu = time.perf_counter(), time.process_time()
        again = app.import_file(athlete, data, "bench.csv")
        timings["reimport"].append(time.perf_counter() - started)
        cpu["reimport"].append(time.process_time() - started_cpu)
        assert again.sets_imported == 0, "a re-import of the same file must add nothing"
        assert again.sets_duplicate == first.sets_imported
        started, started_cpu = time.perf_counter(), time.process_time()
        exported = app.export_history(athlete, "csv")
        timings["export"].append(time.perf_counter() - started)
        cpu["export"].append(time.process_time() - started_cpu)
        assert exported.sets == first.sets_imported
        app.database.dispose()
        database.unlink()
    return {
        name: (statistics.median(values), statistics.median(cpu[name]))
        for name, values in timings.items()
    }


def measure(app: str, text: str, rounds: int, folder: Path) -> dict[str, Any]:
    rows = text.count("\n") - 1
    batch = parse_export(text)
    sets = exported(batch)
    known = {s.fingerprint for s in batch.iter_sets()}
    assert reimport(text, known) == 0, "a re-import of the same file must find every set"
    figures = {
        "baseline_csv_reader": median_seconds(lambda: baseline(text), rounds),
        "parse": median_seconds(lambda: parse_export(text), rounds),
        "reimport_all_duplicates": median_seconds(lambda: reimport(text, known), rounds),
        "export_backbone_csv": median_seconds(
            lambda: write_backbone_csv(sets, io.StringIO(), units=Units.KG), rounds
        ),
        "export_strong_csv": median_seconds(
            lambda: write_strong_csv(sets, io.StringIO(), units=Units.KG), rounds
        ),
    }
    base = figures["baseline_csv_reader"]
    parse = figures["parse"]
    service = service_figures(text, folder, rounds)
    return {
        "app": app,
        "rows": rows,
        "sets": len(sets),
        "skipped": batch.skipped_count,
        "timings": {
            name: {
                "seconds": round(seconds, 3),
                "rows_per_s": round((len(sets) if name.startswith("export") else rows) / seconds),
                "x_baseline": round(seconds / base, 1),
            }
            for name, seconds in figures.items()
        },
        "service_sqlite": {
            name: {
                "seconds": round(seconds, 3),
                "rows_per_s": round((len(sets) if name == "export" else rows) / seconds),
                "x_parse": round(seconds / parse, 1),
                "cpu_seconds": round(cpu_seconds, 3),
                "cpu_rows_per_s": round((len(sets) if name == "export" else rows) / cpu_seconds),
            }
            for name, (seconds, cpu_seconds) in service.items()
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="backbone-bench-import-") as folder:
        for app, make in (("strong", strong_file), ("hevy", hevy_file)):
            path = Path(folder) / f"{app}.csv"
            path.write_text(make(args.rows), encoding="utf-8")
            text = path.read_text(encoding="utf-8")
            results.append(measure(app, text, args.rounds, Path(folder)))
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(
        f"Import/export, median of {args.rounds} runs (target >= {TARGET_ROWS_PER_S:,.0f} rows/s)"
    )
    for result in results:
        print(
            f"\n{result['app']}: {result['rows']:,} rows -> {result['sets']:,} sets "
            f"({result['skipped']:,} skipped)"
        )
        for name, timing in result["timings"].items():
            print(
                f"  {name:<26} {timing['seconds']:7.3f} s  {timing['rows_per_s']:>10,} rows/s"
                f"  {timing['x_baseline']:>5}x baseline"
            )
        parse_rate = result["timings"]["parse"]["rows_per_s"]
        verdict = "meets" if parse_rate >= TARGET_ROWS_PER_S else "MISSES"
        print(f"  parse {verdict} the target")
        print("  through the service into SQLite:")
        for name, timing in result["service_sqlite"].items():
            print(
                f"  {'service ' + name:<26} {timing['seconds']:7.3f} s  "
                f"{timing['rows_per_s']:>10,} rows/s  {timing['x_parse']:>5}x parse  "
                f"(CPU {timing['cpu_seconds']:.3f} s, {timing['cpu_rows_per_s']:,} rows/s)"
            )
        rate = result["service_sqlite"]["import"]["rows_per_s"]
        verdict = "meets" if rate >= TARGET_ROWS_PER_S else "MISSES"
        print(f"  service import {verdict} the target")


if __name__ == "__main__":
    main()

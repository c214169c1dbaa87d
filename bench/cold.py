"""Cold-command benchmarks: `backbone today`, `backbone log` and `backbone plan` as fresh processes.

Run as `.venv/bin/python bench/cold.py` (or `make bench`); `--json` prints the figures as JSON;
`--backbone PATH` times another installation's `backbone` (e.g. a release's, for before/after
figures: only its command line is used, so any version with these commands works).

Setup (untimed): a new SQLite database (BACKBONE_DB) where `backbone program start` saved the gym
program of bench/make_history.py, starting Monday START_ON; the commands run on its second
session day. Timed, PROCESS_RUNS times each, round-robin after one untimed run of each, medians:

- `python -c pass`: the bare interpreter start-up, the baseline of the same run
- `backbone --help`
- `backbone today --date DAY` and `... --json` (an empty log)
- `backbone log EXERCISE 60x8@2 60x8@2 --date DAY` (each run logs one more entry) and `--json`
- `backbone plan ...` and `... --json` (no database is opened)
- floors: `python -c` importing only a library the commands use (SQLAlchemy with its SQLite
  dialect and one query, click, rich): what that library alone costs a cold command here, so the
  team can weigh it against the targets

The children write and read bytecode in a temporary PYTHONPYCACHEPREFIX (compiled by the untimed
run, as a user's second run finds it) and keep the parsed data files in a temporary
BACKBONE_CACHE_DIR. Targets (issue 8): cold `today` and `log` <= 150 ms, cold `plan` <= 200 ms,
for the commands as typed (rendered for a terminal).

Benchmarks report, they don't fail builds: the exit status is always 0.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from processes import Cold, time_processes  # bench/ is not a package: found through sys.path

PROCESS_RUNS = 10
START_ON = date(2026, 11, 30)
DAY = date(2026, 12, 2)
EXERCISE = "lat_pulldown"
TARGETS_MS = {"today": 150.0, "log": 150.0, "plan": 200.0}

BACKBONE = Path(sys.executable).parent / "backbone"
BASELINE = "python -c pass (baseline)"
FLOORS = {
    "floor: sqlalchemy + 1 query": (
        "import sqlalchemy; from sqlalchemy.dialects import sqlite; "
        "sqlalchemy.create_engine('sqlite://').connect().execute(sqlalchemy.text('select 1'))"
    ),
    "floor: import click": "import click",
    "floor: import rich table": "import rich.console, rich.table",
}
"""library imports alone, timed beside the commands (not counted against a target)"""
PROFILE = (
    "--days",
    "3",
    "--minutes",
    "60",
    "--equipment",
    "barbell,dumbbell,bench,pullup_bar,cable",
    "--level",
    "intermediate",
    "--goal",
    "hypertrophy",
)


def commands(
    backbone: Path, environment: dict[str, str]
) -> dict[str, tuple[list[str], dict[str, str] | None]]:
    on = ["--date", DAY.isoformat()]
    log = ["log", EXERCISE, "60x8@2", "60x8@2", *on]
    plan = ["plan", *PROFILE, "--start", START_ON.isoformat()]
    rows: dict[str, list[str]] = {
        "backbone --help": ["--help"],
        "backbone today": ["today", *on],
        "backbone today --json": ["today", *on, "--json"],
        "backbone log": log,
        "backbone log --json": [*log, "--json"],
        "backbone plan": plan,
        "backbone plan --json": [*plan, "--json"],
    }
    found: dict[str, tuple[list[str], dict[str, str] | None]] = {
        BASELINE: ([sys.executable, "-c", "pass"], environment)
    }
    for name, code in FLOORS.items():
        found[name] = ([sys.executable, "-c", code], environment)
    for name, arguments in rows.items():
        found[name] = ([str(backbone), *arguments], environment)
    return found


def target_of(name: str) -> float | None:
    words = name.split()
    if len(words) == 2 and words[0] == "backbone":
        return TARGETS_MS.get(words[1])
    return None


def setup(backbone: Path, environment: dict[str, str]) -> str | None:
    """Start the program; None, or what went wrong."""
    done = subprocess.run(
        [str(backbone), "program", "start", *PROFILE, "--start", START_ON.isoformat()],
        capture_output=True,
        check=False,
        env=environment,
    )
    if done.returncode != 0:
        lines = done.stderr.decode(errors="replace").strip().splitlines()
        return lines[-1] if lines else f"exit {done.returncode}"
    return None


def measure(backbone: Path, runs: int) -> tuple[dict[str, Cold], str | None]:
    with tempfile.TemporaryDirectory(prefix="backbone-bench-cold-") as scratch:
        environment = {
            k: v
            for k, v in os.environ.items()
            if k not in {"PYTHONDONTWRITEBYTECODE", "BACKBONE_DATABASE_URL", "BACKBONE_DB"}
        }
        environment["PYTHONPYCACHEPREFIX"] = str(Path(scratch) / "pycache")
        environment["BACKBONE_CACHE_DIR"] = str(Path(scratch) / "cache")
        environment["BACKBONE_DB"] = str(Path(scratch) / "backbone.db")
        problem = setup(backbone, environment)
        cold = time_processes(commands(backbone, environment), runs)
    baseline = cold[BASELINE].median_ms
    for name, row in cold.items():
        if baseline and row.median_ms is not None and name != BASELINE:
            row.ratio_to_baseline = row.median_ms / baseline
        row.target_ms = target_of(name)
        if row.failures:
            row.status = "ERROR"
        elif row.target_ms is not None and row.median_ms is not None:
            row.status = "PASS" if row.median_ms <= row.target_ms else "FAIL"
    return cold, problem


def fmt(value: float | None, spec: str) -> str:
    return format("-", ">" + spec.split(".")[0]) if value is None else format(value, spec)


def print_table(backbone: Path, cold: dict[str, Cold], runs: int, problem: str | None) -> None:
    print(f"Backbone cold commands  (python {sys.version.split()[0]}, {backbone})")
    if problem:
        print(f"  setup failed: {problem}")
    print()
    print(f"Cold processes (ms, median of {runs}, empty log, SQLite)")
    header = (
        f"  {'command':<28}{'median':>9}{'min':>9}{'max':>9}{'×python':>9}{'target':>9}  status"
        f"{'cpu ms':>9}{'cpu×py':>8}"
    )
    print(header)
    print("  " + "-" * (len(header) - 2))
    for row in cold.values():
        ratio = "1.00" if row.name == BASELINE else fmt(row.ratio_to_baseline, "9.2f").strip()
        target = f"≤{row.target_ms:.0f}" if row.target_ms is not None else "-"
        base_cpu = cold[BASELINE].cpu_median_ms
        cpu_ratio = (
            row.cpu_median_ms / base_cpu if row.cpu_median_ms is not None and base_cpu else None
        )
        print(
            f"  {row.name:<28}{fmt(row.median_ms, '9.1f')}{min(row.samples_ms):9.1f}"
            f"{max(row.samples_ms):9.1f}{ratio:>9}{target:>9}  {row.status:<6}"
            f"{fmt(row.cpu_median_ms, '9.1f')}{fmt(cpu_ratio, '8.1f')}"
        )
    for row in cold.values():
        if row.failures:
            print(f"  {row.name}: {row.failures} of {row.runs} runs failed; {row.first_error}")
    print()
    print("  cpu ms: the child's user + system CPU time, which a busy machine inflates less")
    print(f"  day: --date {DAY} (the second session of a program started {START_ON})")
    print(
        "  bytecode and parsed data: children use a temporary PYTHONPYCACHEPREFIX and "
        "BACKBONE_CACHE_DIR, warmed by one untimed run"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--runs", type=int, default=PROCESS_RUNS, help="runs per command [10]")
    parser.add_argument(
        "--backbone", type=Path, default=BACKBONE, help="the backbone executable to time"
    )
    args = parser.parse_args(argv)
    cold, problem = measure(args.backbone, args.runs)
    if args.json:
        report: dict[str, Any] = {
            "python": sys.version.split()[0],
            "backbone": str(args.backbone),
            "setup_error": problem,
            "cold": {
                name: {k: v for k, v in asdict(row).items() if k != "env"}
                for name, row in cold.items()
            },
        }
        json.dump(report, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print_table(args.backbone, cold, args.runs, problem)
    return 0


def _entry(run: Callable[[], int]) -> None:
    try:
        run()
    except Exception as error:  # report, never fail the build
        print(f"benchmark could not finish: {type(error).__name__}: {error}", file=sys.stderr)
    sys.exit(0)


if __name__ == "__main__":
    _entry(main)

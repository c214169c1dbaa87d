"""Analytics benchmarks: `backbone stats` and the HTML report on a ten-year training log.

Run as `.venv/bin/python bench/analytics.py` (or `make bench`); `--json` prints the figures.

- A generated history (bench/make_history.py): TEN years, 3 sessions a week, EXERCISES exercises
  a session with warm-ups and 4-5 working sets each, about 150,000 sets.
- In-process `Backbone.stats` (8 weeks, on an application built as the CLI builds it; warm: imports, catalogue and engine loaded),
  median of INPROCESS_RUNS; target 300 ms. An empty log is the baseline.
- Cold processes, median of PROCESS_RUNS after one untimed run, bytecode in a temporary cache:
  `python -c pass` (baseline), `backbone stats --json` (target 1 s) and
  `backbone report --format html --out FILE` (target 5 s).

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
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_history  # bench/ is not a package: found through sys.path
from log import BACKBONE, BASELINE
from processes import time_processes

YEARS = 10
EXERCISES = 18
SEED = 11
WEEKS = 8
INPROCESS_RUNS = 10
PROCESS_RUNS = 5
TARGET_STATS_INPROCESS_MS = 300.0
TARGET_STATS_COLD_MS = 1000.0
TARGET_REPORT_MS = 5000.0
STATS = "backbone stats --json"
REPORT = "backbone report --format html"


def in_process(path: Path) -> float:
    app = make_history.open_application(path)
    athlete_id = app.local_athlete().athlete_id
    assert athlete_id is not None
    today = make_history.CURRENT_START
    app.stats(athlete_id, WEEKS, today)  # warm
    samples = []
    for _ in range(INPROCESS_RUNS):
        started = time.perf_counter()
        app.stats(athlete_id, WEEKS, today)
        samples.append((time.perf_counter() - started) * 1000)
    app.database.dispose()
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description="Analytics benchmarks")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="backbone-bench-analytics-") as tmp:
        history = Path(tmp) / "history.db"
        empty = Path(tmp) / "empty.db"
        started = time.perf_counter()
        summary = make_history.build(
            history, years=YEARS, seed=SEED, exercises_per_session=EXERCISES
        )
        figures["history"] = {"sets": summary.sets, "seconds": time.perf_counter() - started}
        make_history.build(empty, years=YEARS, seed=SEED, empty=True)
        figures["stats_in_process_ms"] = in_process(history)
        figures["stats_in_process_empty_ms"] = in_process(empty)
        on = make_history.CURRENT_START.isoformat()
        with tempfile.TemporaryDirectory(prefix="backbone-bench-pycache-") as pycache:
            base = {
                k: v
                for k, v in os.environ.items()
                if k not in {"PYTHONDONTWRITEBYTECODE", "BACKBONE_DATABASE_URL", "BACKBONE_DB"}
            }
            base["PYTHONPYCACHEPREFIX"] = pycache
            base["BACKBONE_CACHE_DIR"] = str(Path(pycache) / "data-cache")
            env = {**base, "BACKBONE_DB": str(history)}
            out = str(Path(tmp) / "report.html")
            cold = time_processes(
                {
                    BASELINE: ([sys.executable, "-c", "pass"], base),
                    STATS: ([str(BACKBONE), "stats", "--date", on, "--json"], env),
                    REPORT: (
                        [str(BACKBONE), "report", "--format", "html", "--out", out],
                        env,
                    ),
                },
                PROCESS_RUNS,
            )
        figures["cold_ms"] = {name: row.median_ms for name, row in cold.items()}
        figures["errors"] = {name: row.first_error for name, row in cold.items() if row.failures}
    checks = [
        ("stats in-process (8 weeks)", figures["stats_in_process_ms"], TARGET_STATS_INPROCESS_MS),
        ("stats in-process, empty log", figures["stats_in_process_empty_ms"], None),
        ("python -c pass (baseline)", figures["cold_ms"][BASELINE], None),
        (STATS + " (cold)", figures["cold_ms"][STATS], TARGET_STATS_COLD_MS),
        (REPORT + " (cold)", figures["cold_ms"][REPORT], TARGET_REPORT_MS),
    ]
    if args.json:
        json.dump(figures, sys.stdout, indent=2)
        print()
        return 0
    print(f"Backbone analytics benchmark: {figures['history']['sets']:,} sets over {YEARS} years")
    print(f"  {'figure':<44}{'ms':>10}{'×base':>8}{'target':>10}  status")
    baseline = figures["cold_ms"][BASELINE]
    for name, value, target in checks:
        ratio = f"{value / baseline:.1f}" if "(cold)" in name and baseline else "-"
        status = "-" if target is None else ("PASS" if value <= target else "FAIL")
        goal = "-" if target is None else f"≤{target:.0f}"
        print(f"  {name:<44}{value:>10.1f}{ratio:>8}{goal:>10}  {status}")
    for name, error in figures["errors"].items():
        print(f"  {name}: {error}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Planner benchmarks: in-process planning speed and cold `backbone` start-up.

Run as `.venv/bin/python bench/plan.py` (or `make bench`); `--json` prints the figures as JSON.

- In-process: 50 random valid profiles (fixed seed) planned with `plan_training`, after one
  warm-up plan that loads the catalogue and evidence and imports the solver. An InfeasiblePlan is
  a timed result (the solver did its work); any other error is counted and reported.
- Cold processes: `python -c pass` (the bare start-up baseline), `backbone --help` and
  `backbone plan --json ...`, each run 10 times (round-robin, after one untimed run each);
  medians and ratios against the baseline. The children write and read bytecode in a temporary
  PYTHONPYCACHEPREFIX, so they start as they would for a user on their second run, even where
  PYTHONDONTWRITEBYTECODE is set (and nothing is written under src/ or .venv/). If the calling
  environment sets PYTHONDONTWRITEBYTECODE, one extra row times `--help` as that environment runs it.

Benchmarks report, they don't fail builds: the exit status is always 0.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from processes import Cold, time_processes  # bench/ is not a package: found through sys.path

if TYPE_CHECKING:
    from backbone.services.planning import PlanRequest

SEED = 2026
PROFILES = 50
TYPICAL_RUNS = 10
PROCESS_RUNS = 10
START_ON = date(2026, 11, 30)

TARGET_PLAN_P95_MS = 250.0
TARGET_COLD_PLAN_MS = 800.0
TARGET_HELP_MS = 150.0

BACKBONE = Path(sys.executable).parent / "backbone"
BASELINE = "python -c pass (baseline)"
NO_PYC_HELP = "backbone --help (no .pyc, env as given)"
PLAN_ARGS = (
    "plan",
    "--json",
    "--days",
    "3",
    "--minutes",
    "45",
    "--equipment",
    "dumbbell,bench,pullup_bar",
    "--level",
    "intermediate",
    "--goal",
    "hypertrophy",
    "--start",
    START_ON.isoformat(),
)


@dataclass
class InProcess:
    name: str
    runs: int
    median_ms: float | None
    p95_ms: float | None
    max_ms: float | None
    infeasible: int = 0
    errors: int = 0
    first_error: str | None = None
    target_p95_ms: float | None = None
    status: str = "-"


def p95(samples: Sequence[float]) -> float:
    """Nearest-rank 95th percentile (the 48th of 50 sorted samples)."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def verdict(value: float | None, target: float, *, errors: int = 0) -> str:
    if value is None or errors:
        return "ERROR"
    return "PASS" if value <= target else "FAIL"


def ms(seconds: float) -> float:
    return seconds * 1000.0


# --- in-process -------------------------------------------------------------------------------


def random_requests(count: int, seed: int) -> list[PlanRequest]:
    """Valid profiles drawn like tests/unit/test_planner_properties.py, but from a fixed seed."""
    from backbone.domain.vocabulary import BackPain, Equipment, Goal, Level
    from backbone.services.planning import PlanRequest

    rng = random.Random(seed)
    equipment = [e.value for e in Equipment]
    requests: list[PlanRequest] = []
    for _ in range(count):
        requests.append(
            PlanRequest(
                start_on=START_ON,
                days_per_week=rng.randint(1, 7),
                minutes_per_session=rng.randint(15, 120),
                equipment=tuple(rng.sample(equipment, k=rng.randint(0, 6))),
                level=rng.choice([v.value for v in Level]),
                goal=rng.choice([v.value for v in Goal]),
                back_pain=rng.choice([v.value for v in BackPain]),
                weeks=rng.randint(1, 8),
            )
        )
    return requests


def typical_request() -> PlanRequest:
    from backbone.domain.vocabulary import Equipment
    from backbone.services.planning import PlanRequest

    return PlanRequest(
        start_on=START_ON,
        days_per_week=3,
        minutes_per_session=60,
        equipment=tuple(e.value for e in Equipment),
        level="intermediate",
        goal="hypertrophy",
    )


def time_plans(name: str, requests: Sequence[PlanRequest], target_p95: float | None) -> InProcess:
    from backbone.bootstrap import load_knowledge as knowledge
    from backbone.domain.errors import InfeasiblePlan
    from backbone.services.planning import plan_training

    facts = knowledge()
    timings: list[float] = []
    infeasible = errors = 0
    first_error: str | None = None
    for request in requests:
        started = time.perf_counter()
        try:
            plan_training(request, facts)
        except InfeasiblePlan:
            infeasible += 1
        except Exception as error:  # a crash is reported, not timed
            errors += 1
            first_error = first_error or f"{type(error).__name__}: {error}"
            continue
        timings.append(ms(time.perf_counter() - started))
    result = InProcess(
        name=name,
        runs=len(timings),
        median_ms=statistics.median(timings) if timings else None,
        p95_ms=p95(timings) if timings else None,
        max_ms=max(timings) if timings else None,
        infeasible=infeasible,
        errors=errors,
        first_error=first_error,
        target_p95_ms=target_p95,
    )
    if target_p95 is not None:
        result.status = verdict(result.p95_ms, target_p95, errors=errors)
    elif errors or not timings:
        result.status = "ERROR"
    return result


def warm_up() -> str | None:
    """Load the catalogue and evidence and import the solver, outside the timings."""
    from backbone.bootstrap import load_knowledge as knowledge
    from backbone.domain.errors import InfeasiblePlan
    from backbone.services.planning import plan_training

    try:
        plan_training(typical_request(), knowledge())
    except InfeasiblePlan:
        pass
    except Exception as error:
        return f"{type(error).__name__}: {error}"
    return None


# --- cold processes ---------------------------------------------------------------------------


# --- report -----------------------------------------------------------------------------------


def fmt(value: float | None, spec: str = "8.1f") -> str:
    return format(value, spec) if value is not None else format("-", ">8")


def print_table(
    random_plans: InProcess, typical: InProcess, cold: dict[str, Cold], warm_error: str | None
) -> None:
    print(
        f"Backbone planner benchmark  (python {sys.version.split()[0]}, "
        f"seed {SEED}, start {START_ON.isoformat()})"
    )
    if warm_error:
        print(f"  warm-up plan failed: {warm_error}")
    print()
    print("In-process plan_training (ms)")
    header = f"  {'case':<40}{'runs':>5}{'median':>9}{'p95':>9}{'max':>9}{'target':>9}  status"
    print(header)
    print("  " + "-" * (len(header) - 2))
    for row in (random_plans, typical):
        target = f"p95≤{row.target_p95_ms:.0f}" if row.target_p95_ms is not None else "-"
        print(
            f"  {row.name:<40}{row.runs:>5}{fmt(row.median_ms, '9.1f')}"
            f"{fmt(row.p95_ms, '9.1f')}{fmt(row.max_ms, '9.1f')}{target:>9}  {row.status}"
        )
    print(
        f"  random profiles: {random_plans.infeasible} of {random_plans.runs} timed plans "
        f"were InfeasiblePlan; {random_plans.errors} crashed"
    )
    for row in (random_plans, typical):
        if row.first_error:
            print(f"  first crash ({row.name}): {row.first_error}")
    print()
    print(f"Cold processes (ms, median of {PROCESS_RUNS})")
    header = (
        f"  {'command':<40}{'median':>9}{'min':>9}{'max':>9}{'×python':>9}{'target':>9}  status"
    )
    print(header)
    print("  " + "-" * (len(header) - 2))
    for cold_row in cold.values():
        ratio = (
            f"{cold_row.ratio_to_baseline:.2f}" if cold_row.ratio_to_baseline is not None else "-"
        )
        if cold_row.name == BASELINE:
            ratio = "1.00"
        target = f"≤{cold_row.target_ms:.0f}" if cold_row.target_ms is not None else "-"
        print(
            f"  {cold_row.name:<40}{fmt(cold_row.median_ms, '9.1f')}{min(cold_row.samples_ms):9.1f}"
            f"{max(cold_row.samples_ms):9.1f}{ratio:>9}{target:>9}  {cold_row.status}"
        )
    for cold_row in cold.values():
        if cold_row.failures:
            print(
                f"  {cold_row.name}: {cold_row.failures} of {cold_row.runs} runs failed; {cold_row.first_error}"
            )
    print()
    print(f"  plan args: {' '.join(PLAN_ARGS)}")
    print("  bytecode: children use a temporary PYTHONPYCACHEPREFIX, warmed by one untimed run")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    warm_error = warm_up()
    random_plans = time_plans(
        f"{PROFILES} random valid profiles", random_requests(PROFILES, SEED), TARGET_PLAN_P95_MS
    )
    typical = time_plans(
        "typical gym-goer (3d/60m/gym/int/hyp)", [typical_request()] * TYPICAL_RUNS, None
    )

    with tempfile.TemporaryDirectory(prefix="backbone-bench-pycache-") as pycache:
        cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        cached["PYTHONPYCACHEPREFIX"] = pycache
        commands: dict[str, tuple[list[str], dict[str, str] | None]] = {
            BASELINE: ([sys.executable, "-c", "pass"], cached),
            "backbone --help": ([str(BACKBONE), "--help"], cached),
            "backbone plan --json": ([str(BACKBONE), *PLAN_ARGS], cached),
        }
        if os.environ.get("PYTHONDONTWRITEBYTECODE"):
            commands[NO_PYC_HELP] = ([str(BACKBONE), "--help"], None)
        cold = time_processes(commands, PROCESS_RUNS)
    targets: dict[str, float | None] = {
        "backbone --help": TARGET_HELP_MS,
        "backbone plan --json": TARGET_COLD_PLAN_MS,
    }
    baseline = cold[BASELINE].median_ms
    for name, row in cold.items():
        target = targets.get(name)
        row.target_ms = target
        if baseline and row.median_ms is not None and name != BASELINE:
            row.ratio_to_baseline = row.median_ms / baseline
        if target is not None:
            row.status = verdict(row.median_ms, target, errors=row.failures)
        elif row.failures:
            row.status = "ERROR"

    if args.json:
        report: dict[str, Any] = {
            "python": sys.version.split()[0],
            "seed": SEED,
            "start_on": START_ON.isoformat(),
            "warm_up_error": warm_error,
            "in_process": {"random_profiles": asdict(random_plans), "typical": asdict(typical)},
            "cold": {
                name: {k: v for k, v in asdict(row).items() if k != "env"}
                for name, row in cold.items()
            },
        }
        json.dump(report, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print_table(random_plans, typical, cold, warm_error)
    return 0


def _entry(run: Callable[[], int]) -> None:
    try:
        run()
    except Exception as error:  # report, never fail the build
        print(f"benchmark could not finish: {type(error).__name__}: {error}", file=sys.stderr)
    sys.exit(0)


if __name__ == "__main__":
    _entry(main)

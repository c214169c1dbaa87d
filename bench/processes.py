"""Timing whole commands as fresh processes: shared by the benchmark scripts."""

from __future__ import annotations

import resource
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class Cold:
    """One command timed as a fresh process, several times."""

    name: str
    command: list[str]
    env: dict[str, str] | None = field(repr=False)
    runs: int = 0
    median_ms: float | None = None
    ratio_to_baseline: float | None = None
    target_ms: float | None = None
    status: str = "-"
    failures: int = 0
    first_error: str | None = None
    samples_ms: list[float] = field(default_factory=list)
    cpu_median_ms: float | None = None
    """the child's own CPU time (user + system): steadier than wall time on a busy machine"""
    cpu_samples_ms: list[float] = field(default_factory=list)


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(
    command: Sequence[str], env: dict[str, str] | None
) -> tuple[float, subprocess.CompletedProcess[bytes], float]:
    """Wall ms, the finished process, and its CPU ms (children run one at a time)."""
    cpu_before = _children_cpu_s()
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False, env=env)
    elapsed = (time.perf_counter() - started) * 1000.0
    return elapsed, done, (_children_cpu_s() - cpu_before) * 1000.0


def last_line(stderr: bytes) -> str:
    lines = stderr.decode(errors="replace").strip().splitlines()
    return lines[-1] if lines else "(no stderr)"


def time_processes(
    commands: dict[str, tuple[list[str], dict[str, str] | None]], runs: int
) -> dict[str, Cold]:
    """Median wall time of each command; one untimed run first (bytecode, disk cache), then
    round-robin so drift in machine load hits every command alike."""
    results = {name: Cold(name=name, command=cmd, env=env) for name, (cmd, env) in commands.items()}
    for command, env in commands.values():
        run_once(command, env)
    for _ in range(runs):
        for name, (command, env) in commands.items():
            elapsed, done, cpu_ms = run_once(command, env)
            result = results[name]
            if done.returncode != 0:
                result.failures += 1
                result.first_error = result.first_error or (
                    f"exit {done.returncode}: {last_line(done.stderr)}"
                )
            result.samples_ms.append(elapsed)
            result.cpu_samples_ms.append(cpu_ms)
            result.runs += 1
    for result in results.values():
        result.median_ms = statistics.median(result.samples_ms)
        result.cpu_median_ms = statistics.median(result.cpu_samples_ms)
    return results

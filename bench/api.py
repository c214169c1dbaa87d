"""HTTP API load run on loopback: `POST /api/v1/sets` and `GET /api/v1/today`.

Run as `.venv/bin/python bench/api.py [--seconds 20] [--connections 4] [--json]`.

For each database (a SQLite file; PostgreSQL when BACKBONE_TEST_DATABASE_URL is set, e.g. under
scripts/with-postgres.sh) and each worker count (1, 2) it starts `backbone serve`, signs up one
athlete, starts a program, makes an API token, and then for each endpoint runs CONNECTIONS client
processes (Python's http.client, one keep-alive connection each) for SECONDS seconds. Every set
request carries a fresh Idempotency-Key (so each one writes). The set workload (`--workload`):

- `sessions` (default): each connection is its own athlete, logging sessions as a lifter does:
  EXERCISES_PER_DAY entries a day (one per exercise, two sets each), then the next day, so every
  athlete's log grows by years over a run; the cost per request must not grow with it.
- `one-day`: one athlete logs the same exercise on one day over and over (the workload before
  0.2): the day's exposure grows to thousands of sets, which every next target then reads; no
  lifter logs like that, so it only shows how the cost grows with one exposure's size.

Reported: requests/s, p50 and p99
latency, errors, and the server's RSS (all its processes, sampled at the end of the run). The same
run serves bench/bare_app.py (a bare FastAPI handler inserting one row with sqlite3) as the ceiling.

Targets on SQLite with one worker: >= 1,000 set writes/s, p99 <= 20 ms, within 2.5x of the bare
ceiling, RSS <= 150 MB. Benchmarks report, they don't fail builds: the exit status is always 0.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent
PASSWORD = "bench password 1234"
SET_BODY = json.dumps({"exercise": "chest_supported_row", "sets": ["24x10@2", "x3"]}).encode()
EXERCISES = (
    "chest_supported_row",
    "one_arm_dumbbell_row",
    "dumbbell_romanian_deadlift",
    "seated_cable_row",
    "cable_pull_through",
    "one_arm_cable_row",
)
EXERCISES_PER_DAY = len(EXERCISES)
FIRST_DAY = date(2026, 12, 1)


def session_body(number: int) -> bytes:
    """The `number`-th entry of an athlete logging EXERCISES_PER_DAY exercises a day."""
    day = FIRST_DAY + timedelta(days=number // EXERCISES_PER_DAY)
    exercise = EXERCISES[number % EXERCISES_PER_DAY]
    return json.dumps(
        {"exercise": exercise, "sets": ["24x10@2", "x3"], "date": day.isoformat()}
    ).encode()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def request(
    port: int, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
) -> tuple[int, Any]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    payload = None if body is None else json.dumps(body).encode()
    connection.request(
        method, path, body=payload, headers={"Content-Type": "application/json", **(headers or {})}
    )
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, json.loads(data) if data else None


def wait_ready(port: int, process: subprocess.Popen[bytes], path: str = "/readyz") -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(
                f"server exited: {process.stdout.read().decode() if process.stdout else ''}"
            )
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", path)
            if connection.getresponse().status in (200, 404, 405):
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not start in 120 s")


def server_pids(pid: int) -> list[int]:
    children = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True
    )
    return [pid, *(int(p) for p in children.stdout.split())]


def cpu_s(pid: int) -> float:
    """CPU time (user + system) the server and its workers have used so far, in seconds: on a
    shared machine the CPU time per request is steadier than requests per second."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for one in server_pids(pid):
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def rss_mb(pid: int) -> float:
    """Resident memory of the process and its children (uvicorn workers), in MB."""
    total_kb = 0
    for one in server_pids(pid):
        try:
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        except OSError:
            pass
    return total_kb / 1024


def client(
    port: int, method: str, path: str, token: str, seconds: float, out: Any, sessions: bool
) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    latencies: list[float] = []
    errors = 0
    number = 0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        body = None
        if method == "POST":
            headers["Idempotency-Key"] = uuid.uuid4().hex
            body = session_body(number) if sessions else SET_BODY
            number += 1
        started = time.perf_counter()
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        latencies.append(time.perf_counter() - started)
        if response.status >= 300:
            errors += 1
    connection.close()
    out.put((latencies, errors))


def load(
    port: int, method: str, path: str, tokens: list[str], seconds: float, sessions: bool = False
) -> dict[str, Any]:
    """One client process per token (connection), all at once."""
    out: Any = multiprocessing.Queue()
    workers = [
        multiprocessing.Process(
            target=client, args=(port, method, path, token, seconds, out, sessions)
        )
        for token in tokens
    ]
    for worker in workers:
        worker.start()
    latencies: list[float] = []
    errors = 0
    for _ in workers:
        got, bad = out.get()
        latencies += got
        errors += bad
    for worker in workers:
        worker.join()
    latencies.sort()
    count = len(latencies)
    return {
        "requests_per_s": round(count / seconds, 1),
        "p50_ms": round(1000 * latencies[count // 2], 2) if count else None,
        "p99_ms": round(1000 * latencies[min(count - 1, int(count * 0.99))], 2) if count else None,
        "requests": count,
        "errors": errors,
    }


def serve_backbone(env: dict[str, str], workers: int) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    process = subprocess.Popen(
        [str(VENV_BIN / "backbone"), "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_ready(port, process)
    return process, port


def prepare(port: int, username: str = "bench") -> str:
    request(port, "POST", "/api/v1/users", {"username": username, "password": PASSWORD})
    # the API's own flow: log in (session cookie + CSRF token), then create a token
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(
        "POST",
        "/api/v1/session",
        body=json.dumps({"username": username, "password": PASSWORD}).encode(),
        headers={"Content-Type": "application/json"},
    )
    response = connection.getresponse()
    login = json.loads(response.read())
    cookie = response.getheader("set-cookie", "").split(";")[0]
    headers = {
        "Content-Type": "application/json",
        "Cookie": cookie,
        "X-CSRF-Token": login["csrf_token"],
    }
    connection.request(
        "POST", "/api/v1/tokens", body=json.dumps({"name": "bench"}).encode(), headers=headers
    )
    token = json.loads(connection.getresponse().read())["token"]
    connection.close()
    status, _ = request(
        port,
        "POST",
        "/api/v1/program",
        {"days": 3, "equipment": ["dumbbell", "bench", "pullup_bar"], "level": "novice"},
        {"Authorization": f"Bearer {token}"},
    )
    assert status == 201, status
    return token


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def run(seconds: float, connections: int, workload: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    databases: list[tuple[str, dict[str, str]]] = []
    scratch = Path(tempfile.mkdtemp(prefix="backbone-bench-api-"))
    base_env = {
        k: v for k, v in os.environ.items() if k not in ("BACKBONE_DATABASE_URL", "BACKBONE_DB")
    }
    databases.append(("sqlite", {**base_env, "BACKBONE_DB": str(scratch / "api-{n}.db")}))
    postgres = os.environ.get("BACKBONE_TEST_DATABASE_URL", "").strip()
    if postgres:
        databases.append(("postgresql", {**base_env, "BACKBONE_DATABASE_URL": postgres}))
    n = 0
    for name, env in databases:
        for workers in (1, 2):
            n += 1
            env_n = {k: v.replace("{n}", str(n)) for k, v in env.items()}
            if name == "postgresql":
                reset_postgres(postgres)
            process, port = serve_backbone(env_n, workers)
            try:
                sessions = workload == "sessions"
                tokens = (
                    [prepare(port, f"bench{i}") for i in range(connections)]
                    if sessions
                    else [prepare(port)] * connections
                )
                for method, path in (("POST", "/api/v1/sets"), ("GET", "/api/v1/today")):
                    cpu_before = cpu_s(process.pid)
                    figures = load(port, method, path, tokens, seconds, sessions)
                    figures["server_cpu_ms_per_request"] = (
                        round(1000 * (cpu_s(process.pid) - cpu_before) / figures["requests"], 2)
                        if figures["requests"]
                        else None
                    )
                    rows.append(
                        {"server": "backbone", "database": name, "workers": workers,
                         "route": f"{method} {path}", **figures, "rss_mb": round(rss_mb(process.pid), 1)}
                    )  # fmt: skip
                    print_row(rows[-1])
            finally:
                stop(process)
    port = free_port()
    bare = subprocess.Popen(
        [str(VENV_BIN / "uvicorn"), "bare_app:app", "--port", str(port), "--log-level", "warning",
         "--no-access-log", "--app-dir", str(BENCH)],
        env={**base_env, "BARE_DB": str(scratch / "bare.db")},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_ready(port, bare, "/api/v1/today")
        cpu_before = cpu_s(bare.pid)
        figures = load(port, "POST", "/api/v1/sets", ["none"] * connections, seconds)
        figures["server_cpu_ms_per_request"] = (
            round(1000 * (cpu_s(bare.pid) - cpu_before) / figures["requests"], 2)
            if figures["requests"]
            else None
        )
        rows.append(
            {"server": "bare sqlite3 handler", "database": "sqlite", "workers": 1,
             "route": "POST /api/v1/sets", **figures, "rss_mb": round(rss_mb(bare.pid), 1)}
        )  # fmt: skip
        print_row(rows[-1])
    finally:
        stop(bare)
    return rows


def reset_postgres(url: str) -> None:
    """Empty the benchmark's tables (the schema stays, migrated by the Backbone this interpreter
    runs, so another install's bench run keeps its own schema revision)."""
    from sqlalchemy import create_engine, text

    from backbone.settings import database_url
    from backbone.storage.migrations import upgrade_to_head
    from backbone.storage.tables import metadata

    engine = create_engine(database_url({"BACKBONE_DATABASE_URL": url}))
    upgrade_to_head(engine)
    names = ", ".join(f'"{t.name}"' for t in metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


def print_row(row: dict[str, Any]) -> None:
    print(
        f"{row['server']:<22} {row['database']:<10} workers={row['workers']}  {row['route']:<20} "
        f"{row['requests_per_s']:>8} req/s  p50 {row['p50_ms']} ms  p99 {row['p99_ms']} ms  "
        f"errors {row['errors']}  RSS {row['rss_mb']} MB  "
        f"server CPU {row['server_cpu_ms_per_request']} ms/request",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workload", choices=("sessions", "one-day"), default="sessions")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; "
          f"{args.connections} connections x {args.seconds:g} s per row; "
          f"set workload: {args.workload}")  # fmt: skip
    started_cpu = os.times()
    rows = run(args.seconds, args.connections, args.workload)
    used = os.times()
    children_cpu_s = (used.children_user + used.children_system) - (
        started_cpu.children_user + started_cpu.children_system
    )
    print(f"CPU time of the servers and clients: {children_cpu_s:.1f} s")
    sets = [r for r in rows if r["route"] == "POST /api/v1/sets"]
    ours = next(
        r
        for r in sets
        if r["server"] == "backbone" and r["database"] == "sqlite" and r["workers"] == 1
    )
    ceiling = next(r for r in sets if r["server"] != "backbone")
    ratio = (
        ceiling["requests_per_s"] / ours["requests_per_s"]
        if ours["requests_per_s"]
        else float("inf")
    )
    print(
        f"\nSQLite, 1 worker, set writes: {ours['requests_per_s']} req/s (target >= 1000), "
        f"p99 {ours['p99_ms']} ms (target <= 20), ceiling/ours {ratio:.2f}x (target <= 2.5), "
        f"RSS {ours['rss_mb']} MB (target <= 150)"
    )
    if args.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()

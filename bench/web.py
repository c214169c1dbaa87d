"""Web benchmark: server time for the Today page and for logging one set through the page's
endpoint (median, p95), and what a phone downloads for Today.

Run as `.venv/bin/python bench/web.py` (`--json` for JSON). In-process through Starlette's test
client over a fresh SQLite file (no network): one athlete on a three-day dumbbell program, on a
session day. Server time is the wall time of one request through the whole ASGI stack
(middleware, session check, use cases, templates, gzip); the client's own overhead is included,
so the figures are an upper bound.

- Today page: GET /today, ROUNDS times after one warm-up.
- Log a set: POST /today/sets (form body, CSRF header, a fresh Idempotency-Key), ROUNDS times.
- Size: the gzip-compressed bytes of everything Today loads on a first visit (the page, CSS, JS,
  htmx; not the service worker, fetched afterwards) and of one logged set's answer.
  Targets: <= 150 KB first load, <= 10 KB per logged set.
- Offline copy: what Today then saves on the phone in the background for a gym without signal
  (History, its latest days, the cue cards of today's exercises; at most every 10 minutes).

Benchmarks report, they don't fail builds: the exit status is always 0.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import tempfile
import time
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from backbone.bootstrap import build_application
from backbone.interfaces.api.app import create_app
from backbone.services.passwords import Argon2Passwords
from backbone.settings import Settings, sqlite_url

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ROUNDS = 200
START = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)  # a Wednesday
PROFILE = {
    "days": "3", "minutes": "45", "on": ["mon", "wed", "fri"],
    "equipment": ["dumbbell", "bench", "pullup_bar"], "level": "novice", "goal": "hypertrophy",
    "back_pain": "history",
}  # fmt: skip


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(call: Any, rounds: int) -> dict[str, float]:
    call(0)
    samples = []
    for i in range(1, rounds + 1):
        began = time.perf_counter()
        call(i)
        samples.append((time.perf_counter() - began) * 1000)
    return {"median_ms": statistics.median(samples), "p95_ms": percentile(samples, 0.95)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args()

    began = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="backbone-web-bench-"))
    app = build_application(
        Settings(database_url=sqlite_url(folder / "web.db")),
        clock=lambda: START + timedelta(seconds=time.monotonic() - began),
    )
    app._passwords = Argon2Passwords(time_cost=1, memory_kib=1024)
    app.database.upgrade()
    client = TestClient(create_app(app), follow_redirects=False)
    client.headers["Accept-Encoding"] = "gzip"

    page = client.get("/signup")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token is not None
    client.post(
        "/signup",
        data={"csrf_token": token.group(1), "username": "bench", "password": "correct horse 1"},
    )
    csrf_match = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/onboarding").text)
    assert csrf_match is not None
    csrf = csrf_match.group(1)
    client.post("/onboarding/start", data={"csrf_token": csrf, **PROFILE})

    def today(_: int) -> None:
        response = client.get("/today")
        assert response.status_code == 200, response.status_code

    def log_set(i: int) -> None:
        response = client.post(
            "/today/sets",
            data={"exercise": "chest_supported_row", "load": "20", "reps": "10", "rir": "2"},
            headers={"X-CSRF-Token": csrf, "Idempotency-Key": f"bench-{i}"},
        )
        assert response.status_code == 201, response.text

    figures: dict[str, Any] = {
        "rounds": args.rounds,
        "today": timed(today, args.rounds),
        "log_set": timed(log_set, args.rounds),
    }

    def wire_bytes(path: str, **kwargs: Any) -> int:
        response = client.get(path, **kwargs)
        raw = response.headers.get("content-length")
        # httpx decodes gzip; the header carries the size on the wire when compressed
        return int(raw) if raw is not None else len(response.content)

    page_html = client.get("/today").text
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page_html)
    first_load = {"/today": wire_bytes("/today")} | {a: wire_bytes(a) for a in assets}
    answer = client.post(
        "/today/sets",
        data={"exercise": "chest_supported_row", "load": "20", "reps": "10", "rir": "2"},
        headers={"X-CSRF-Token": csrf, "Idempotency-Key": "bench-size"},
    )
    figures["first_load_kb"] = sum(first_load.values()) / 1024
    figures["first_load_files"] = {k: round(v / 1024, 1) for k, v in first_load.items()}
    figures["logged_set_kb"] = int(answer.headers.get("content-length", len(answer.content))) / 1024
    cues = sorted(set(re.findall(r'data-exercise="([^"]+)"', page_html)))
    days = re.findall(r'<a href="(/history/[0-9-]+)">', client.get("/history").text)[:5]
    offline = ["/history", *days, *(f"/exercises/{slug}" for slug in cues)]
    figures["offline_copy_kb"] = sum(wire_bytes(path) for path in offline) / 1024
    figures["offline_copy_pages"] = len(offline)

    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"Web pages, in-process, SQLite, {args.rounds} requests each")
    for name, label in (("today", "GET /today"), ("log_set", "POST /today/sets (one set)")):
        f = figures[name]
        print(f"  {label:<28} median {f['median_ms']:6.1f} ms   p95 {f['p95_ms']:6.1f} ms")
    print(f"  Today first load (gzip)      {figures['first_load_kb']:6.1f} KB   (target <= 150 KB)")
    for path, kb in figures["first_load_files"].items():
        print(f"    {path:<40} {kb:6.1f} KB")
    print(f"  One logged set's answer      {figures['logged_set_kb']:6.1f} KB   (target <= 10 KB)")
    print(
        f"  Offline copy, in background  {figures['offline_copy_kb']:6.1f} KB   "
        f"({figures['offline_copy_pages']} pages)"
    )


if __name__ == "__main__":
    main()

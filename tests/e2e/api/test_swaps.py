"""Swapping an exercise through the API, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from tests.e2e.api.conftest import Api, ok

MONDAY = "2026-11-30"
HOME = {
    "days": 3,
    "minutes": 45,
    "equipment": ["dumbbell", "bench", "pullup_bar"],
    "level": "intermediate",
    "goal": "hypertrophy",
    "start": MONDAY,
}
OPTIONS = "/api/v1/programs/current/swap-options"
SWAPS = "/api/v1/programs/current/swaps"


def exercises(today: dict[str, Any]) -> list[str]:
    return [i["exercise"] for b in today["session"]["blocks"] for i in b["items"]]


def test_a_swap_changes_only_the_athletes_own_program(api: Api) -> None:
    ana, bo = api.user("ana"), api.user("bo")
    ok(ana.post("/api/v1/program", json=HOME), 201)
    ok(bo.post("/api/v1/program", json=HOME), 201)
    bo_before = ok(bo.get(f"/api/v1/today?on={MONDAY}"))
    row = next(e for e in exercises(bo_before) if e.endswith("_row"))
    options = ok(ana.get(f"{OPTIONS}?exercise={row}&on={MONDAY}"))["options"]
    assert all(o["reason"] for o in options)
    to = options[0]["exercise"]
    ok(ana.post(SWAPS, json={"exercise": row, "to": to, "date": MONDAY}), 201)
    mine = exercises(ok(ana.get(f"/api/v1/today?on={MONDAY}")))
    assert to in mine
    assert row not in mine
    assert ok(bo.get(f"/api/v1/today?on={MONDAY}")) == bo_before
    assert ok(bo.get("/api/v1/program"))["swaps"] == []


def test_a_swap_that_is_not_an_option_is_422_and_says_why(api: Api) -> None:
    ana = api.user("ana")
    ok(ana.post("/api/v1/program", json=HOME), 201)
    row = next(e for e in exercises(ok(ana.get(f"/api/v1/today?on={MONDAY}"))) if "_row" in e)
    refused = ana.post(SWAPS, json={"exercise": row, "to": "seated_cable_row", "date": MONDAY})
    assert refused.status_code == 422
    assert "needs cable" in refused.json()["error"]
    assert refused.json()["details"]["to"] == "seated_cable_row"
    assert ok(ana.get("/api/v1/program"))["swaps"] == []


def test_an_exercise_not_in_the_program_is_404(api: Api) -> None:
    ana = api.user("ana")
    ok(ana.post("/api/v1/program", json=HOME), 201)
    missing = ana.get(f"{OPTIONS}?exercise=pendlay_row&on={MONDAY}")
    assert missing.status_code == 404
    assert "not in your program" in missing.json()["error"]
    unknown = ana.post(SWAPS, json={"exercise": "nope_row", "to": "band_row"})
    assert unknown.status_code == 404

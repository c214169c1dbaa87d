"""The training log from the command line, as a lifter uses it, against a real SQLite file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.cli_runner import Backbone

START = "2026-11-30"  # a Monday
GYM = "barbell,dumbbell,bench,pullup_bar,cable"


@pytest.fixture
def backbone(tmp_path: Path) -> Backbone:
    return Backbone(tmp_path / "log.db")


@pytest.fixture
def started(backbone: Backbone) -> Backbone:
    backbone.run(
        "program", "start", "--days", "3", "--minutes", "45", "--equipment", GYM,
        "--level", "intermediate", "--goal", "hypertrophy", "--start", START, "--weeks", "5",
        "--known", "chest_supported_row=24x10@2",
    )  # fmt: skip
    return backbone


def main_items(today: dict[str, Any]) -> list[dict[str, Any]]:
    return [i for b in today["session"]["blocks"] if b["kind"] == "main" for i in b["items"]]


def test_today_before_any_program_says_how_to_start(backbone: Backbone) -> None:
    result = backbone.run("today", "--date", START, code=1)
    assert "program start" in result.stderr


def test_today_gives_concrete_targets_and_calibration(started: Backbone) -> None:
    today = started.json("today", "--date", START)
    assert today["rest_day"] is False
    assert today["date"] == START
    items = main_items(today)
    assert items
    for item in items:
        assert item["why"]
        assert item["rest_s"] > 0
        for target in item["sets"]:
            assert set(target) >= {"load_kg", "reps", "seconds", "rir"}
    # Nothing logged and no --known set for these: the first exposure calibrates.
    unknown = [i for i in items if i["exercise"] != "chest_supported_row"]
    assert any(i["calibrate"] for i in unknown)
    for item in unknown:
        if item["calibrate"]:
            assert all(t["load_kg"] is None for t in item["sets"])


def test_a_rest_day_says_when_the_next_session_is(started: Backbone) -> None:
    plan = started.json("program", "show")["plan"]
    session_dates = {s["date"] for s in plan["weeks"][0]["sessions"]}
    rest = next(d for d in ("2026-12-01", "2026-12-02", "2026-12-03") if d not in session_dates)
    today = started.json("today", "--date", rest)
    assert today["rest_day"] is True
    assert today["session"] is None
    assert today["next_session"]["date"] > rest


def _loaded_main_item(started: Backbone) -> dict[str, Any]:
    today = started.json("today", "--date", START)
    return next(
        i
        for i in main_items(today)
        if i["sets"][0]["reps"] is not None and i["sets"][0]["added_kg"] is None
    )


def test_log_echoes_sets_and_raises_the_load_when_earned(started: Backbone) -> None:
    item = _loaded_main_item(started)
    slug, count = item["exercise"], len(item["sets"])
    _, top = item["sets"][0]["reps"]
    rir = item["sets"][0]["rir"]
    logged = started.json("log", slug, f"40x{top}@{rir}", f"x{count}", "--date", START)
    assert [s["reps"] for s in logged["sets"]] == [top] * count
    assert logged["records"]
    nxt = started.json("next", slug, "--date", START)
    assert not nxt["calibrate"]
    assert all(t["load_kg"] > 40 for t in nxt["sets"])
    history = started.json("history", "--exercise", slug)
    assert len(history) == 1


def test_a_missed_rep_keeps_the_load(started: Backbone) -> None:
    item = _loaded_main_item(started)
    slug, count = item["exercise"], len(item["sets"])
    _, top = item["sets"][0]["reps"]
    rir = item["sets"][0]["rir"]
    sets = [f"40x{top}@{rir}"] * (count - 1) + [f"40x{top - 1}@{rir}"]
    started.run("log", slug, *sets, "--date", START)
    nxt = started.json("next", slug, "--date", START)
    assert all(t["load_kg"] == 40 for t in nxt["sets"])


def test_partial_range_sets_never_count_as_progress(started: Backbone) -> None:
    item = _loaded_main_item(started)
    slug, count = item["exercise"], len(item["sets"])
    _, top = item["sets"][0]["reps"]
    rir = item["sets"][0]["rir"]
    started.run("log", slug, f"40x{top}@{rir}", f"x{count}", "--partial", "--date", START)
    nxt = started.json("next", slug, "--date", START)
    assert all(t["load_kg"] is None or t["load_kg"] <= 40 for t in nxt["sets"])


def test_malformed_shorthand_writes_nothing(started: Backbone) -> None:
    result = started.run("log", "chest_supported_row", "24x10@2", "24x", "--date", START, code=2)
    assert "e.g. 60x8@2" in result.stderr
    assert started.json("history") == []


def test_undo_removes_the_last_entry_only(started: Backbone) -> None:
    started.run("log", "chest_supported_row", "24x10@2", "--date", START)
    started.run("log", "chest_supported_row", "24x11@2", "--date", START)
    removed = started.json("undo")["removed"]
    assert removed["sets"][0]["reps"] == 11
    remaining = started.json("history")
    assert [s["reps"] for e in remaining for s in e["sets"]] == [10]
    started.run("undo")
    assert "empty" in started.run("undo", code=1).stderr


def test_history_csv_has_one_row_per_set(started: Backbone) -> None:
    started.run("log", "chest_supported_row", "w:12x10", "24x10@2", "x3", "--date", START)
    rows = started.run("history", "--csv").stdout.strip().splitlines()
    assert rows[0].startswith("date,exercise,position,set_type")
    assert len(rows) == 1 + 4
    assert "warmup" in rows[1]


def test_bodyweight_exercises_take_added_or_assisted_loads(started: Backbone) -> None:
    logged = started.json("log", "pull_up", "bw+10x6@2", "bw-20x8@1", "--date", START)
    assert [s["added_kg"] for s in logged["sets"]] == [10.0, -20.0]
    assert all(s["load_kg"] is None for s in logged["sets"])
    wrong = started.run("log", "pull_up", "60x8", "--date", START, code=2)
    assert "bw+10x6" in wrong.stderr


def test_pounds_are_stored_as_kilograms(started: Backbone) -> None:
    logged = started.json("log", "chest_supported_row", "100x10@2", "--lb", "--date", START)
    assert logged["sets"][0]["load_kg"] == pytest.approx(45.359, abs=0.01)


def test_checkin_verdict_and_red_flag_stop(started: Backbone) -> None:
    verdict = started.json("checkin", "--sleep", "8", "--back-pain", "1", "--soreness", "2")
    assert verdict["stop"] is False
    stop = started.run(
        "checkin", "--sleep", "8", "--back-pain", "6", "--soreness", "2",
        "--red-flag", "saddle_numbness", "--replace", code=3,
    )  # fmt: skip
    assert "emergency" in stop.stderr.lower()
    started.run("checkin", "--sleep", "30", "--back-pain", "1", "--soreness", "2", code=2)


def test_next_explains_the_prescription(started: Backbone) -> None:
    started.run("log", "chest_supported_row", "24x12@2", "x3", "--date", START)
    nxt = started.json("next", "chest_supported_row", "--date", START)
    assert nxt["exercise"] == "chest_supported_row"
    assert nxt["sets"]
    assert nxt["why"]


def test_unknown_exercise_gets_a_suggestion(started: Backbone) -> None:
    result = started.run("log", "chest_suported_row", "24x10", code=1)
    assert "chest_supported_row" in result.stderr


def test_db_upgrade_is_idempotent(backbone: Backbone) -> None:
    first = backbone.run("db", "upgrade")
    second = backbone.run("db", "upgrade")
    assert "up to date" in first.stdout
    assert "up to date" in second.stdout

"""`backbone swap` from the command line, against a real SQLite file."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.cli_runner import Backbone

START = "2026-11-30"  # a Monday
HOME = "dumbbell,bench,pullup_bar"


@pytest.fixture
def started(tmp_path: Path) -> Backbone:
    backbone = Backbone(tmp_path / "log.db")
    backbone.run(
        "program", "start", "--days", "3", "--minutes", "45", "--equipment", HOME,
        "--level", "intermediate", "--goal", "hypertrophy", "--start", START, "--weeks", "4",
    )  # fmt: skip
    return backbone


def exercises(today: dict[str, Any]) -> list[str]:
    return [i["exercise"] for b in today["session"]["blocks"] for i in b["items"]]


def a_row(backbone: Backbone) -> str:
    today = backbone.json("today", "--date", START)
    return next(e for e in exercises(today) if e.endswith("_row"))


def test_swap_lists_options_best_first_with_reasons(started: Backbone) -> None:
    row = a_row(started)
    shown = started.run("swap", row, "--date", START).stdout
    assert "1. " in shown
    assert f"backbone swap {row} --to SLUG" in shown
    options = started.json("swap", row, "--date", START)
    assert options["exercise"] == row
    assert options["options"]
    assert all(o["reason"] for o in options["options"])
    # a cable row needs a cable station this program does not have
    assert "seated_cable_row" not in {o["exercise"] for o in options["options"]}


def test_swap_to_replaces_it_in_today_and_program_show_and_back(started: Backbone) -> None:
    row = a_row(started)
    to = started.json("swap", row, "--date", START)["options"][0]["exercise"]
    done = started.json("swap", row, "--to", to, "--date", START)
    assert done["swap"] == {
        "swap_id": done["swap"]["swap_id"],
        "exercise": row,
        "to": to,
        "from_date": START,
        "carried": None,
    }
    assert done["sessions"] >= 1
    today = started.json("today", "--date", START)
    assert to in exercises(today)
    assert row not in exercises(today)
    item = next(i for b in today["session"]["blocks"] for i in b["items"] if i["exercise"] == to)
    assert item["why"][0]["text"].startswith("replaced ")
    assert item["why"][0]["text"].endswith(" at your request")
    shown = started.run("today", "--date", START).stdout
    assert "(replaced" in shown
    assert "request)" in shown  # the table wraps the words, not inside them
    program = started.json("program", "show")
    assert [(s["exercise"], s["to"]) for s in program["swaps"]] == [(row, to)]
    assert "Swap back with" in started.run("swap", to, "--to", row, "--date", START).stdout
    assert row in exercises(started.json("today", "--date", START))


def first_day_with(backbone: Backbone, slug: str) -> str:
    """The first day of week 1 the planner gave `slug`: the test follows the plan, not a weekday."""
    plan = backbone.json("program", "show")["plan"]
    return next(
        s["date"]
        for s in plan["weeks"][0]["sessions"]
        if any(i["exercise"] == slug for b in s["blocks"] for i in b["items"])
    )


def test_a_swap_after_logging_keeps_the_log_and_carries_the_load(started: Backbone) -> None:
    on = first_day_with(started, "one_arm_dumbbell_row")
    started.run("log", "one_arm_dumbbell_row", "20x10@2", "20x10@2", "--date", on)
    done = started.json(
        "swap", "one_arm_dumbbell_row", "--to", "staggered_stance_dumbbell_row", "--date", on
    )
    day_after = (date.fromisoformat(on) + timedelta(days=1)).isoformat()
    assert done["swap"]["from_date"] == day_after  # that day's sets were already logged
    assert done["carried_from"]["load_kg"] == 20.0
    assert done["swap"]["carried"]["load_kg"] == 18.0  # another dumbbell row: x 0.9
    assert {e["exercise"] for e in started.json("history")} == {"one_arm_dumbbell_row"}
    assert "one_arm_dumbbell_row" in exercises(started.json("today", "--date", on))


def test_a_swap_that_is_not_an_option_is_an_input_error(started: Backbone) -> None:
    row = a_row(started)
    result = started.run("swap", row, "--to", "seated_cable_row", "--date", START, code=2)
    assert "needs cable" in result.stderr
    error = started.json("swap", row, "--to", "seated_cable_row", "--date", START, code=2)
    assert error["ok"] is False
    assert error["code"] == "input_error"
    assert started.json("program", "show")["swaps"] == []


def test_swapping_an_exercise_not_in_the_program_is_not_found(started: Backbone) -> None:
    result = started.run("swap", "pendlay_row", "--date", START, code=1)
    assert "not in your program" in result.stderr
    assert "No exercise called" in started.run("swap", "nope_row", code=1).stderr

"""`backbone stats` from the command line, on a real SQLite log."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.cli_runner import Backbone
from tests.e2e.test_training_cli import START


@pytest.fixture
def lifter(tmp_path: Path) -> Backbone:
    backbone = Backbone(tmp_path / "log.db")
    backbone.run(
        "program", "start", "--days", "3", "--minutes", "45",
        "--equipment", "barbell,dumbbell,bench,pullup_bar,cable",
        "--level", "intermediate", "--goal", "hypertrophy", "--start", "2026-11-02",
    )  # fmt: skip
    return backbone


def test_without_history_stats_says_what_to_do_first(tmp_path: Path) -> None:
    result = Backbone(tmp_path / "empty.db").run("stats", "--date", START)
    assert "backbone log" in result.stdout
    assert "Hard sets" not in result.stdout


def test_stats_counts_the_logged_sets_against_the_band(lifter: Backbone) -> None:
    for day in ("2026-11-02", "2026-11-04", "2026-11-09", "2026-11-11"):
        lifter.run("log", "chest_supported_row", "24x10@2", "x3", "--date", day)
        lifter.run("log", "lat_pulldown", "50x10@2", "x3", "--date", day)
    body = lifter.json("stats", "--date", "2026-11-15", "--weeks", "2")
    assert body["has_history"] is True
    lats = next(v for v in body["volume"] if v["muscle"] == "lats")
    weekly = [sets for _, sets in lats["weekly_sets"]]
    assert len(weekly) == 2
    assert weekly[0] == weekly[1] > 0
    assert lats["status"] in {"below", "inside", "above"}
    assert lats["rule_id"].startswith("volume.")
    table = lifter.run("stats", "--date", "2026-11-15", "--weeks", "2").stdout
    assert "lats" in table
    assert "Hard sets per week" in table


def test_stats_rejects_a_silly_window(lifter: Backbone) -> None:
    result = lifter.run("stats", "--weeks", "0", code=2)
    assert "--weeks" in result.stderr

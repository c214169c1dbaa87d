"""A database written by Backbone 0.1.0 through its own CLI upgrades in place, automatically on
first use or with `backbone db upgrade`, and every setting, program, entry, set, check-in, session
and endurance result reads back through the same commands.

The fixture and what 0.1.0 printed for it are in tests/samples/upgrade/ (with the script that made
them); a later release adds its own fixture beside it rather than regenerating this one."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.cli_runner import Backbone

SAMPLES = Path(__file__).parents[1] / "samples" / "upgrade"
EXPECTED: dict[str, Any] = json.loads((SAMPLES / "release-0.1.0.expected.json").read_text())
SET_FIELDS = ("date", "exercise", "position", "set_type", "load_kg", "added_kg", "reps",
              "seconds", "rir", "range", "pain", "note")  # fmt: skip


@pytest.fixture(params=["automatic", "db upgrade"])
def upgraded(request: pytest.FixtureRequest, tmp_path: Path) -> Backbone:
    database = tmp_path / "backbone.db"
    shutil.copy(SAMPLES / "release-0.1.0.db", database)
    cli = Backbone(database)
    if request.param == "db upgrade":
        assert "up to date" in cli.run("db", "upgrade").stdout
    return cli


def _rows(database: Path, table: str) -> int:
    with sqlite3.connect(database) as connection:
        count = connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    return int(count)


def test_every_entry_and_set_reads_back(upgraded: Backbone) -> None:
    entries = upgraded.json("history")
    expected = EXPECTED["history"]
    assert [(e["exercise"], e["date"]) for e in entries] == [
        (e["exercise"], e["date"]) for e in expected
    ]
    for got, want in zip(entries, expected, strict=True):
        assert [{k: s[k] for k in SET_FIELDS} for s in got["sets"]] == [
            {k: s[k] for k in SET_FIELDS} for s in want["sets"]
        ]


def test_athlete_settings_survive(upgraded: Backbone) -> None:
    athlete = upgraded.json("athlete")
    for key, value in EXPECTED["athlete"].items():
        assert athlete[key] == value, key


def test_endurance_results_survive(upgraded: Backbone) -> None:
    assert upgraded.json("test", "list") == EXPECTED["tests"]


def test_the_running_program_is_the_one_started(upgraded: Backbone) -> None:
    program = upgraded.json("program", "show")
    want = EXPECTED["program"]
    assert program["started_on"] == want["started_on"]
    assert program["known"] == want["known"]
    assert program["plan"]["profile"] == want["profile"]
    sessions = [
        [s["date"], [i["exercise"] for b in s["blocks"] for i in b["items"]]]
        for w in program["plan"]["weeks"]
        for s in w["sessions"]
    ]
    assert sessions == want["sessions"]
    today = upgraded.json("today", "--date", "2026-12-04")
    items = [i["exercise"] for b in today["session"]["blocks"] for i in b["items"]]
    assert items == EXPECTED["today_2026_12_04"]


def test_check_ins_and_sessions_survive(upgraded: Backbone, tmp_path: Path) -> None:
    upgraded.run("history")  # first use upgrades
    database = tmp_path / "backbone.db"
    assert _rows(database, "check_ins") == 2
    assert _rows(database, "performed_sessions") == 2
    stats = upgraded.json("stats", "--date", "2026-12-03")
    assert stats["has_history"] is True
    # the two check-ins of the week of 2026-11-30 (back pain 2 and 4) are read back
    week = next(r for r in stats["pain_vs_load"] if r["week_start"] == "2026-11-30")
    assert week["mean_back_pain"] == 3


def test_the_upgraded_log_keeps_working(upgraded: Backbone) -> None:
    upgraded.run("log", "chest_supported_row", "50x10@2", "--date", "2026-12-04")
    assert len(upgraded.json("history")) == len(EXPECTED["history"]) + 1
    removed = upgraded.json("undo")["removed"]
    assert removed["date"] == "2026-12-04"


def test_the_upgrade_keeps_records_of_the_sets_already_logged(
    upgraded: Backbone, tmp_path: Path
) -> None:
    """The PR check reads kept records: the upgrade fills them from the stored sets."""
    upgraded.run("history")  # first use upgrades
    group = "athlete_id, exercise, set_type, range_done, reps, rir"
    from_sets = (
        f"SELECT {group}, MAX(load_kg), MAX(added_kg), COUNT(*), MAX(seconds) "
        f"FROM logged_sets GROUP BY {group} ORDER BY {group}"
    )
    kept = (
        f"SELECT {group}, load_kg, added_kg, sets, seconds FROM exercise_records ORDER BY {group}"
    )
    with sqlite3.connect(tmp_path / "backbone.db") as connection:
        expected = connection.execute(from_sets).fetchall()
        assert expected
        assert connection.execute(kept).fetchall() == expected

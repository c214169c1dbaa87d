"""Issue 9's dosing and progression examples, typed at the command line as a lifter would."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.e2e.cli_runner import Backbone

START = "2026-11-02"  # a Monday
GYM = "barbell,dumbbell,bench,pullup_bar,cable"


@pytest.fixture
def backbone(tmp_path: Path) -> Backbone:
    return Backbone(tmp_path / "log.db")


def start(backbone: Backbone, equipment: str, *more: str) -> None:
    backbone.run(
        "program", "start", "--days", "3", "--minutes", "45", "--equipment", equipment,
        "--level", "intermediate", "--goal", "hypertrophy", "--start", START, *more,
    )  # fmt: skip


def day(weeks: int, days: int = 0) -> str:
    return (date.fromisoformat(START) + timedelta(weeks=weeks, days=days)).isoformat()


def test_a_carry_logs_its_load_and_time_and_the_next_target_keeps_the_load(
    backbone: Backbone,
) -> None:
    start(backbone, GYM)
    refused = backbone.run("log", "suitcase_carry", "30s", "--date", START, code=2)
    assert "24x40s" in refused.stderr
    logged = backbone.json("log", "suitcase_carry", "24x40s", "x2", "--date", START)
    assert [(s["load_kg"], s["seconds"]) for s in logged["sets"]] == [(24.0, 40)] * 2
    upcoming = logged["next"]["sets"]
    assert {t["load_kg"] for t in upcoming} == {24.0}
    assert all(t["seconds"] is not None and t["reps"] is None for t in upcoming)


def test_prone_cobra_is_held_in_seconds(backbone: Backbone) -> None:
    start(backbone, "bodyweight", "--back-pain", "history")
    refused = backbone.run("log", "prone_cobra", "10x2", "--date", START, code=2)
    assert "timed hold" in refused.stderr
    logged = backbone.json("log", "prone_cobra", "15s", "x2", "--date", START)
    assert logged["e1rm_kg"] is None
    assert all(t["reps"] is None for t in logged["next"]["sets"])


def test_failed_chin_ups_regress_instead_of_one_more_rep_forever(backbone: Backbone) -> None:
    start(backbone, "pullup_bar")
    backbone.run("log", "chin_up", "bwx2", "bwx1", "bwx1", "--date", START)
    upcoming = backbone.json("next", "chin_up", "--date", day(0, 1))
    assert upcoming["substitute"] == "pull_up_negative"
    text = backbone.run("next", "chin_up", "--date", day(0, 1)).stdout
    assert "swap for pull_up_negative" in text
    assert "3-6" in text  # a few slow negatives a set


def test_chin_ups_at_5_4_3_build_back_up_a_rep_at_a_time(backbone: Backbone) -> None:
    start(backbone, "pullup_bar")
    backbone.run("log", "chin_up", "bwx5", "bwx4", "bwx3", "--date", START)
    upcoming = backbone.json("next", "chin_up", "--date", day(0, 1))
    assert upcoming["substitute"] is None
    text = backbone.run("next", "chin_up", "--date", day(0, 1)).stdout
    assert "building back to 8" in text
    assert "no negatives" in text


def test_a_real_chin_up_stall_changes_the_prescription(backbone: Backbone) -> None:
    start(backbone, "pullup_bar", "--weeks", "8")
    for week in range(6):
        backbone.run("log", "chin_up", "bwx9", "bwx8", "bwx7", "--date", day(week))
    upcoming = backbone.json("next", "chin_up", "--date", day(6))
    assert upcoming["stall"] is not None
    assert upcoming["substitute"] is not None


def test_a_bird_dog_gets_no_e1rm_and_no_e1rm_record(backbone: Backbone) -> None:
    start(backbone, "bodyweight", "--back-pain", "history")
    backbone.run("athlete", "--bodyweight", "75")
    logged = backbone.json("log", "bird_dog", "10s", "x6", "--date", START)
    assert logged["e1rm_kg"] is None
    stats = backbone.json("stats", "--date", day(0, 6))
    assert not [r for r in stats["records"] if r["kind"] == "e1rm"]


def test_known_sets_are_used_or_refused_with_the_reason(backbone: Backbone) -> None:
    refused = backbone.run(
        "program", "start", "--days", "3", "--minutes", "45", "--equipment", GYM,
        "--start", START, "--known", "chest_supported_row=50x25@2", code=2,
    )  # fmt: skip
    assert "20" in refused.stderr
    start(backbone, GYM, "--known", "chest_supported_row=60x12@2")
    today = backbone.json("next", "chest_supported_row", "--date", START)
    assert today["calibrate"] is False
    assert {t["load_kg"] for t in today["sets"]} != {None}


def test_the_weekly_totals_printed_sit_inside_the_bands_printed_beside_them(
    backbone: Backbone,
) -> None:
    """An advanced barbell lifter used to read "lats 22.5" under a 12-20 band: the deadlifts'
    minor lat credit was shown but not judged. Now each total is printed with its band."""
    out = backbone.run(
        "plan", "--days", "3", "--minutes", "75", "--equipment", "barbell,bench,pullup_bar",
        "--level", "advanced", "--goal", "strength", "--start", START,
    ).stdout  # fmt: skip
    lines = [line for line in out.splitlines() if line.startswith("weekly hard sets (band):")]
    assert len(lines) == 5
    for line in lines:
        totals = re.findall(r"(\w+) ([\d.]+) \((\d+)-(\d+)\)", line)
        assert [m for m, *_ in totals][:2] == ["lats", "rhomboids"]
        for muscle, shown, _low, high in totals:
            assert float(shown) <= int(high), (muscle, line)

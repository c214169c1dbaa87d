"""Back pain, safe first, as a lifter meets it on the command line (issue 9, section 4): the
check-in's answer and `today` agree on a stop day and on a regress day."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.cli_runner import Backbone

START = "2026-11-30"  # a Monday
FRIDAY = "2026-12-04"
GYM = "barbell,dumbbell,bench,pullup_bar,cable"
LOADED = {"main", "accessory", "core"}


@pytest.fixture
def started(tmp_path: Path) -> Backbone:
    backbone = Backbone(tmp_path / "log.db")
    backbone.run(
        "program", "start", "--days", "3", "--minutes", "45", "--equipment", GYM,
        "--level", "intermediate", "--goal", "strength", "--start", START,
    )  # fmt: skip
    return backbone


def test_back_pain_9_stops_loaded_back_work_in_the_check_in_and_in_today(
    started: Backbone,
) -> None:
    said = started.run("checkin", "--sleep", "8", "--back-pain", "9", "--soreness", "2",
                       "--date", START).stdout  # fmt: skip
    assert "no loaded back work today" in said
    assert "hold: repeat last loads" not in said
    assert "GP or physiotherapist" in said
    shown = started.run("today", "--date", START).stdout
    assert "no loaded back work" in shown
    assert "Emergency care today" in shown
    assert "Cat-camel" in shown
    today = started.json("today", "--date", START)
    assert today["recovery"]["back"]["call"] == "no_loaded_back_work"
    assert today["recovery"]["back"]["red_flag_questions"]
    kinds = {b["kind"] for b in today["session"]["blocks"]}
    assert not kinds & LOADED
    items = [i["exercise"] for b in today["session"]["blocks"] for i in b["items"]]
    assert items == ["cat_camel", "open_book", "childs_pose"]


def test_new_leg_symptoms_stop_loaded_back_work(started: Backbone) -> None:
    verdict = started.json("checkin", "--sleep", "8", "--back-pain", "1", "--soreness", "2",
                           "--leg-symptoms", "--date", START)  # fmt: skip
    assert verdict["back"]["call"] == "no_loaded_back_work"
    # stored with the check-in: a later `today` still reads it
    assert started.json("today", "--date", START)["recovery"]["back"]["call"] == (
        "no_loaded_back_work"
    )


def test_back_pain_5_regresses_today_with_lighter_loads(started: Backbone) -> None:
    monday = started.json("today", "--date", START)
    lifted = [
        i["exercise"]
        for b in monday["session"]["blocks"]
        if b["kind"] == "main"
        for i in b["items"]
        if i["calibrate"] and i["sets"] and i["sets"][0]["load_kg"] is None
        and i["sets"][0]["added_kg"] is None and i["sets"][0]["reps"]
    ]  # fmt: skip
    assert lifted
    for slug in lifted:
        started.run("log", slug, "100x6@2", "100x6@2", "100x6@2", "--date", START)
    verdict = started.json("checkin", "--sleep", "8", "--back-pain", "5", "--soreness", "2",
                           "--date", FRIDAY)  # fmt: skip
    assert verdict["back"]["call"] == "regress"
    today = started.json("today", "--date", FRIDAY)
    assert today["recovery"]["back"]["call"] == "regress"
    items = [i for b in today["session"]["blocks"] if b["kind"] in LOADED for i in b["items"]]
    assert items
    assert all(i["sets"] for i in items)
    for item in items:
        for target in item["sets"]:
            assert target["load_kg"] is None or target["load_kg"] <= 80
    assert "Easier today" in started.run("today", "--date", FRIDAY).stdout

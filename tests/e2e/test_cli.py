"""The `backbone` command line as a person uses it: options, output, errors and exit codes.

Most tests drive the click group in-process; a few run the installed `backbone` script to prove the
exit codes, the absence of tracebacks and byte-identical JSON in a real process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from backbone.bootstrap import load_knowledge
from backbone.domain.prescription import heavy_strength_lift
from backbone.interfaces.cli.main import cli

START = "2026-11-30"  # a Monday
GYM = "barbell,cable,dumbbell,bench,pullup_bar,machine"
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
BACKBONE = Path(sys.executable).parent / "backbone"

EXERCISE_KEYS = {
    "slug",
    "name",
    "aliases",
    "kind",
    "pattern",
    "equipment",
    "muscles",
    "spinal_load",
    "level",
    "unilateral",
    "measured_by",
    "seconds_per_rep",
    "cues",
    "regressions",
    "progressions",
    "rule_ids",
}
ITEM_KEYS = {"exercise", "sets", "reps", "seconds", "rir", "rest_s", "load_hint", "why"}
WORK_BLOCKS = {"main", "accessory", "core"}


# ---------------------------------------------------------------- helpers


def run(*args: str) -> Result:
    # COLUMNS unset: the same output with and without pytest-xdist (which sets 80)
    return CliRunner().invoke(cli, list(args), env={"COLUMNS": None})


def words(text: str) -> str:
    """Collapse whitespace so text wrapped by the terminal renderer can be searched."""
    return " ".join(text.split())


@cache
def _plan_stdout(args: tuple[str, ...]) -> str:
    result = run("plan", "--json", "--start", START, *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def plan_json(*args: str) -> dict[str, Any]:
    """The plan for these options (week 1 on START), parsed; each distinct plan is built once."""
    document: dict[str, Any] = json.loads(_plan_stdout(args))
    return document


def items(plan: dict[str, Any], *, block: str | None = None) -> list[dict[str, Any]]:
    return [
        item
        for week in plan["weeks"]
        for session in week["sessions"]
        for b in session["blocks"]
        if block is None or b["kind"] == block
        for item in b["items"]
    ]


@pytest.fixture(scope="module")
def catalogue() -> dict[str, dict[str, Any]]:
    """The catalogue as `backbone exercises --json` shows it, by slug."""
    result = run("exercises", "--json")
    assert result.exit_code == 0, result.output
    return {entry["slug"]: entry for entry in json.loads(result.stdout)}


def exercises_list(*args: str) -> list[dict[str, Any]]:
    result = run("exercises", "--json", *args)
    assert result.exit_code == 0, result.output
    found: list[dict[str, Any]] = json.loads(result.stdout)
    return found


def error_body(result: Result) -> dict[str, Any]:
    """The JSON error shape printed on stdout under --json."""
    assert "Traceback" not in result.output
    body: dict[str, Any] = json.loads(result.stdout)
    assert set(body) == {"ok", "status", "code", "error", "details"}
    assert body["ok"] is False
    assert isinstance(body["status"], int)
    assert isinstance(body["details"], dict)
    return body


# ---------------------------------------------------------------- help and version


def _all_commands(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += _all_commands(command, (*path, name))
        else:
            found.append((*path, name))
    return found


@pytest.mark.parametrize("path", _all_commands(cli), ids=lambda p: " ".join(p) or "backbone")
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_every_command_has_help(path: tuple[str, ...], flag: str) -> None:
    result = run(*path, flag)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Usage: ")
    assert "Options:" in result.stdout
    assert "Traceback" not in result.output


def test_the_known_commands_are_listed_in_the_top_level_help() -> None:
    result = run("--help")
    assert {"plan", "exercises"} <= set(result.stdout.split())


def test_plan_help_documents_every_option() -> None:
    text = run("plan", "--help").stdout
    for option in (
        "--days",
        "--minutes",
        "--equipment",
        "--level",
        "--goal",
        "--back-pain",
        "--red-flag",
        "--on",
        "--weeks",
        "--start",
        "--json",
    ):
        assert option in text, option


def test_plan_help_names_every_accepted_red_flag() -> None:
    accepted = error_body(run("plan", "--json", "--red-flag", "no-such-flag"))["details"]["allowed"]
    assert len(accepted) >= 5
    help_text = words(run("plan", "--help").stdout)
    for name in accepted:
        assert name in help_text, name


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert "backbone" in result.stdout


# ---------------------------------------------------------------- exercises: the list


def test_the_json_list_has_every_field_of_the_contract(
    catalogue: dict[str, dict[str, Any]],
) -> None:
    assert len(catalogue) >= 20
    for slug, entry in catalogue.items():
        assert set(entry) >= EXERCISE_KEYS, slug
        cues = entry["cues"]
        for part in ("setup", "execution", "common_faults"):
            assert cues[part], (slug, part)
        for end in ("start", "end"):
            assert cues["range_of_motion"][end], (slug, end)
        assert entry["muscles"], slug
        assert all(0 < c <= 1 for c in entry["muscles"].values()), slug
        assert entry["rule_ids"], slug


def test_easier_and_harder_variants_are_exercises_you_can_look_up(
    catalogue: dict[str, dict[str, Any]],
) -> None:
    for slug, entry in catalogue.items():
        for other in entry["regressions"] + entry["progressions"]:
            assert other in catalogue, (slug, other)


def test_pattern_filter(catalogue: dict[str, dict[str, Any]]) -> None:
    hinges = exercises_list("--pattern", "hinge")
    assert hinges
    assert len(hinges) < len(catalogue)
    assert {e["pattern"] for e in hinges} == {"hinge"}
    assert {e["slug"] for e in hinges} == {
        s for s, e in catalogue.items() if e["pattern"] == "hinge"
    }


def test_equipment_filter_keeps_what_you_can_do_with_that_kit(
    catalogue: dict[str, dict[str, Any]],
) -> None:
    banded = exercises_list("--equipment", "band")
    assert any("band" in e["equipment"] for e in banded)
    assert len(banded) < len(catalogue)
    for entry in banded:
        assert set(entry["equipment"]) <= {"band", "bodyweight"}, entry["slug"]


def test_equipment_filter_takes_commas_or_repeats() -> None:
    commas = run("exercises", "--json", "--equipment", "dumbbell,bench")
    repeated = run("exercises", "--json", "--equipment", "dumbbell", "--equipment", "bench")
    assert commas.stdout == repeated.stdout
    kit = {"dumbbell", "bench", "bodyweight"}
    found = json.loads(commas.stdout)
    assert any({"dumbbell", "bench"} <= set(e["equipment"]) for e in found)
    assert all(set(e["equipment"]) <= kit for e in found)


def test_muscle_filter(catalogue: dict[str, dict[str, Any]]) -> None:
    lats = exercises_list("--muscle", "lats")
    assert lats
    assert len(lats) < len(catalogue)
    assert all(e["muscles"].get("lats", 0) > 0 for e in lats)
    assert {e["slug"] for e in lats} == {
        s for s, e in catalogue.items() if e["muscles"].get("lats", 0) > 0
    }


def test_filters_combine() -> None:
    both = {e["slug"] for e in exercises_list("--muscle", "lats", "--equipment", "band")}
    lats = {e["slug"] for e in exercises_list("--muscle", "lats")}
    band = {e["slug"] for e in exercises_list("--equipment", "band")}
    assert both
    assert both == lats & band


def test_the_readable_list_shows_the_filtered_slugs() -> None:
    result = run("exercises", "--pattern", "hinge")
    assert result.exit_code == 0
    shown = result.stdout
    hinges = {e["slug"] for e in exercises_list("--pattern", "hinge")}
    for slug in hinges:
        assert slug in shown
    others = {e["slug"] for e in exercises_list("--pattern", "vertical_pull")}
    assert not [slug for slug in others if slug in shown]


def test_a_filter_matching_nothing_says_so_and_succeeds() -> None:
    assert exercises_list("--muscle", "hamstrings", "--pattern", "vertical_pull") == []
    result = run("exercises", "--muscle", "hamstrings", "--pattern", "vertical_pull")
    assert result.exit_code == 0
    assert "no exercises" in result.stdout.lower()


# ---------------------------------------------------------------- exercises show: the cue card


@pytest.mark.parametrize("name", ["bird_dog", "bird-dog", "Bird dog", "BIRD_DOG"])
def test_show_finds_an_exercise_by_slug_alias_or_name(name: str) -> None:
    result = run("exercises", "show", name, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["slug"] == "bird_dog"


def test_show_json_is_the_catalogue_entry(catalogue: dict[str, dict[str, Any]]) -> None:
    card = json.loads(run("exercises", "show", "bird-dog", "--json").stdout)
    assert set(card) >= EXERCISE_KEYS
    assert card == catalogue["bird_dog"]


def test_the_cue_card_shows_setup_execution_range_of_motion_and_faults(
    catalogue: dict[str, dict[str, Any]],
) -> None:
    result = run("exercises", "show", "bird-dog")
    assert result.exit_code == 0, result.output
    shown = words(result.stdout)
    cues = catalogue["bird_dog"]["cues"]
    assert catalogue["bird_dog"]["name"] in shown
    assert words(cues["range_of_motion"]["start"]) in shown
    assert words(cues["range_of_motion"]["end"]) in shown
    for heading in ("Setup", "Execution", "Range of motion", "Common faults"):
        assert heading in shown
    for line in cues["setup"] + cues["execution"] + cues["common_faults"]:
        # long lines may wrap inside the panel; their opening words stay together
        assert words(line)[:25] in shown, line


# ---------------------------------------------------------------- plan: the JSON contract


def test_plan_json_follows_the_contract() -> None:
    plan = plan_json("--equipment", "dumbbell,bench,pullup_bar", "--level", "intermediate")
    assert {"profile", "weeks", "warnings", "citations"} <= set(plan)
    assert plan["weeks"]
    for number, week in enumerate(plan["weeks"], start=1):
        assert week["week"] == number
        assert isinstance(week["deload"], bool)
        assert all(isinstance(v, int | float) for v in week["weekly_sets"].values())
        assert {"lats", "rhomboids", "erector_spinae"} <= set(week["weekly_sets"])
        for session in week["sessions"]:
            assert session["day"] in DAY_NAMES
            assert isinstance(session["est_minutes"], int | float)
            assert session["blocks"]
            for block in session["blocks"]:
                assert block["kind"] in {"warmup", "main", "accessory", "core", "cooldown"}
                for item in block["items"]:
                    assert set(item) >= ITEM_KEYS
                    assert isinstance(item["sets"], int)
                    assert item["sets"] >= 1
                    low, high = item["reps"] or item["seconds"]
                    assert 0 < low <= high
                    assert item["why"]
                    for reason in item["why"]:
                        assert reason["rule_id"]
                        assert reason["text"]
    for warning in plan["warnings"]:
        assert {"code", "message", "rule_id"} <= set(warning)


def test_plan_items_are_catalogue_exercises_and_cite_known_rules(
    catalogue: dict[str, dict[str, Any]],
) -> None:
    plan = plan_json("--equipment", GYM, "--level", "intermediate", "--back-pain", "history")
    cited = {c["rule_id"] for c in plan["citations"]}
    for item in items(plan):
        assert item["exercise"] in catalogue
        for reason in item["why"]:
            assert reason["rule_id"] in cited, reason["rule_id"]
    for warning in plan["warnings"]:
        assert warning["rule_id"] in cited


def _counted(credit: float) -> float:
    return credit if credit >= 0.5 else 0.0


def test_weekly_sets_add_up_the_working_sets_of_that_week(
    catalogue: dict[str, dict[str, Any]],
) -> None:
    plan = plan_json("--equipment", "dumbbell,bench,pullup_bar", "--level", "intermediate")
    for week in plan["weeks"]:
        for muscle, sets in week["weekly_sets"].items():
            # prime movers and synergists count (volume.fractional_counting); a minor 0.25 not
            expected = sum(
                _counted(catalogue[item["exercise"]]["muscles"].get(muscle, 0)) * item["sets"]
                for session in week["sessions"]
                for block in session["blocks"]
                if block["kind"] in WORK_BLOCKS
                for item in block["items"]
            )
            assert sets == pytest.approx(expected), (week["week"], muscle)


def test_same_inputs_give_byte_identical_json() -> None:
    options = ("--equipment", GYM, "--level", "advanced", "--goal", "strength")
    again = run("plan", "--json", "--start", START, *options)
    assert again.exit_code == 0
    assert again.stdout == _plan_stdout(options)


# ---------------------------------------------------------------- plan: each option


@pytest.mark.parametrize("days", [1, 2, 3, 5, 7])
def test_days_sets_the_number_of_sessions_each_week(days: int) -> None:
    plan = plan_json("--days", str(days), "--minutes", "30")
    assert plan["profile"]["days"] == days
    for week in plan["weeks"]:
        assert len(week["sessions"]) == days
        assert len({s["day"] for s in week["sessions"]}) == days


def test_on_days_are_the_session_days() -> None:
    plan = plan_json("--on", "tue,thu,sat")
    for week in plan["weeks"]:
        assert [s["day"] for s in week["sessions"]] == ["tue", "thu", "sat"]


def test_on_days_are_forgiving_about_order_and_case() -> None:
    plan = plan_json("--on", "Fri, MON,wed")
    assert [s["day"] for s in plan["weeks"][0]["sessions"]] == ["mon", "wed", "fri"]


def test_days_picks_from_the_on_days() -> None:
    plan = plan_json("--days", "2", "--on", "tue,fri,sun")
    for week in plan["weeks"]:
        days = [s["day"] for s in week["sessions"]]
        assert len(days) == 2
        assert set(days) <= {"tue", "fri", "sun"}


def test_weeks_three_ends_with_a_deload() -> None:
    plan = plan_json("--weeks", "3")
    assert plan["profile"]["weeks"] == 3
    assert [w["week"] for w in plan["weeks"]] == [1, 2, 3]
    assert [w["deload"] for w in plan["weeks"]] == [False, False, True]
    loading = sum(i["sets"] for i in items({"weeks": plan["weeks"][1:2]}, block="main"))
    deload = sum(i["sets"] for i in items({"weeks": plan["weeks"][2:3]}, block="main"))
    assert deload < loading


def test_the_default_block_has_several_weeks_and_ends_with_a_deload() -> None:
    plan = plan_json()
    assert len(plan["weeks"]) > 1
    assert plan["weeks"][-1]["deload"] is True
    assert not any(w["deload"] for w in plan["weeks"][:-1])


@pytest.mark.parametrize("start", [START, "2026-12-02"])
def test_start_is_the_first_day_of_week_one(start: str) -> None:
    result = run("plan", "--json", "--start", start, "--weeks", "2")
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)
    first = date.fromisoformat(start)
    assert plan["profile"]["start"] == start
    for index, week in enumerate(plan["weeks"]):
        week_start = first + timedelta(days=7 * index)
        assert week["starts_on"] == week_start.isoformat()
        for session in week["sessions"]:
            on = date.fromisoformat(session["date"])
            assert week_start <= on < week_start + timedelta(days=7)
            assert DAY_NAMES[on.weekday()] == session["day"]


def test_start_defaults_to_today() -> None:
    before = date.today().isoformat()
    result = run("plan", "--json", "--weeks", "1")
    after = date.today().isoformat()
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["profile"]["start"] in {before, after}


def test_band_only_equipment_gives_only_band_or_bodyweight_exercises(
    catalogue: dict[str, dict[str, Any]],
) -> None:
    plan = plan_json("--equipment", "band")
    assert plan["profile"]["equipment"] == ["band", "bodyweight"]
    used = {item["exercise"] for item in items(plan)}
    assert any("band" in catalogue[slug]["equipment"] for slug in used)
    for slug in used:
        assert set(catalogue[slug]["equipment"]) <= {"band", "bodyweight"}, slug


def test_equipment_takes_commas_or_repeats_and_forgives_spelling_style() -> None:
    commas = _plan_stdout(("--equipment", "band,pullup_bar"))
    repeated = _plan_stdout(("--equipment", "band", "--equipment", "pullup_bar"))
    styled = _plan_stdout(("--equipment", "Band, Pullup-Bar"))
    assert commas == repeated == styled


def test_missing_equipment_is_explained_in_a_warning() -> None:
    plan = plan_json("--equipment", "dumbbell")
    codes = {w["code"] for w in plan["warnings"]}
    assert "missing_vertical_pull" in codes


def test_novice_gets_no_exercise_above_novice(catalogue: dict[str, dict[str, Any]]) -> None:
    plan = plan_json("--equipment", GYM, "--level", "novice", "--goal", "strength")
    for item in items(plan):
        assert catalogue[item["exercise"]]["level"] == "novice", item["exercise"]


def test_advanced_with_a_full_gym_uses_harder_exercises(
    catalogue: dict[str, dict[str, Any]],
) -> None:
    plan = plan_json("--equipment", GYM, "--level", "advanced", "--goal", "strength")
    assert plan["profile"]["level"] == "advanced"
    # a harder level is not just a filter: it unlocks exercises a novice does not get
    assert {catalogue[i["exercise"]]["level"] for i in items(plan)} - {"novice"}


def test_current_back_pain_excludes_high_spinal_load(
    catalogue: dict[str, dict[str, Any]],
) -> None:
    options = ("--equipment", GYM, "--level", "advanced", "--goal", "strength")
    calm = plan_json(*options)
    assert calm["profile"]["back_pain"] == "none"  # the default
    sore = plan_json(*options, "--back-pain", "current")
    # the same lifter with a calm back does get high spinal load, so the exclusion is real
    assert any(catalogue[i["exercise"]]["spinal_load"] == "high" for i in items(calm))
    for item in items(sore):
        assert catalogue[item["exercise"]]["spinal_load"] != "high", item["exercise"]
    assert sore["profile"]["back_pain"] == "current"


def test_strength_keeps_barbell_main_lifts_at_six_reps_or_fewer() -> None:
    """Barbell lifts and the weighted pull-up go heavy; stacks and bells stay at 6-12."""
    plan = plan_json("--equipment", GYM, "--level", "intermediate", "--goal", "strength")
    main = items(plan, block="main")
    assert main
    catalogue = load_knowledge().catalogue
    for item in main:
        assert item["reps"] is not None, item["exercise"]
        if heavy_strength_lift(catalogue.get(item["exercise"])):
            assert item["reps"][1] <= 6, item["exercise"]
        else:
            assert item["reps"][0] >= 6, item["exercise"]


def test_endurance_uses_more_reps_than_strength() -> None:
    options = ("--equipment", GYM, "--level", "intermediate")
    strength = items(plan_json(*options, "--goal", "strength"), block="main")
    endurance = items(plan_json(*options, "--goal", "endurance"), block="main")
    top_strength = max(i["reps"][1] for i in strength if i["reps"])
    assert all(i["reps"][0] >= 12 and i["reps"][1] > top_strength for i in endurance if i["reps"])


@pytest.mark.parametrize("minutes", [15, 25, 60, 120])
def test_minutes_bound_every_session(minutes: int) -> None:
    plan = plan_json("--minutes", str(minutes), "--equipment", "dumbbell,bench")
    assert plan["profile"]["minutes"] == minutes
    for week in plan["weeks"]:
        for session in week["sessions"]:
            assert 0 < session["est_minutes"] <= minutes, (week["week"], session["day"])


def test_more_minutes_buy_more_work() -> None:
    def sets_in_week_one(minutes: str) -> int:
        plan = plan_json("--minutes", minutes, "--equipment", "dumbbell,bench")
        return sum(i["sets"] for i in items({"weeks": plan["weeks"][:1]}))

    assert sets_in_week_one("60") > sets_in_week_one("25")


# ---------------------------------------------------------------- plan: the readable rendering


def test_the_readable_plan_shows_every_week_and_session_and_warns_on_stderr() -> None:
    options = ("--start", START, "--equipment", "dumbbell", "--weeks", "2")
    plan = plan_json(*options[2:])
    assert plan["warnings"]
    result = run("plan", *options)
    assert result.exit_code == 0, result.output
    shown = words(result.stdout)
    assert not shown.startswith("{")
    for week in plan["weeks"]:
        assert f"Week {week['week']}" in shown
        for session in week["sessions"]:
            assert session["date"] in shown
    warned = words(result.stderr)
    for warning in plan["warnings"]:
        assert words(warning["message"]) in warned
        assert words(warning["message"]) not in shown


def test_an_80_column_terminal_gets_each_item_on_its_own_lines_with_whole_rule_ids() -> None:
    options = ("--start", START, "--equipment", "dumbbell,bench", "--weeks", "1")
    plan = plan_json(*options[2:])
    result = CliRunner().invoke(cli, ["plan", *options], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 80
    for item in items(plan):
        first = item["why"][0]["rule_id"]
        assert any(f"[{first}]" in line for line in lines), first  # never cut by an ellipsis
        assert any(item["name"] in line for line in lines), item["name"]


# ---------------------------------------------------------------- red flags: exit 3


def test_a_red_flag_stops_planning_and_sends_you_to_a_clinician() -> None:
    result = run("plan", "--start", START, "--red-flag", "fever")
    assert result.exit_code == 3
    assert result.stdout == ""  # no plan at all
    assert "clinician" in result.stderr.lower()
    assert "Traceback" not in result.output


def test_an_emergency_red_flag_says_emergency_care_and_why() -> None:
    result = run("plan", "--start", START, "--red-flag", "saddle_numbness")
    assert result.exit_code == 3
    message = result.stderr.lower()
    assert "emergency" in message
    assert "cauda equina" in message


def test_red_flag_json_names_the_flags_and_the_rule() -> None:
    result = run(
        "plan", "--json", "--start", START, "--red-flag", "fever", "--red-flag", "Night-Pain"
    )
    assert result.exit_code == 3
    body = error_body(result)
    assert body["code"] == "safety_stop"
    assert sorted(body["details"]["red_flags"]) == ["fever", "night_pain"]
    assert body["details"]["rule_id"] == "safety.red_flags"
    assert "clinician" in body["error"].lower()


def test_every_red_flag_named_in_help_stops_planning() -> None:
    accepted = error_body(run("plan", "--json", "--red-flag", "no-such-flag"))["details"]["allowed"]
    for name in accepted:
        result = run("plan", "--json", "--start", START, "--red-flag", name)
        assert result.exit_code == 3, name
        assert error_body(result)["code"] == "safety_stop"


# ---------------------------------------------------------------- bad input: exit 2

BAD_INPUT = [
    # (arguments, the bad value, words naming what is allowed, the near miss suggested or None)
    (["plan", "--equipment", "dumbel"], "dumbel", ["kettlebell", "pullup_bar"], "dumbbell"),
    (["plan", "--equipment", "band,kettlebel"], "kettlebel", ["barbell"], "kettlebell"),
    (["plan", "--days", "0"], "0", ["1", "7"], None),
    (["plan", "--days", "8"], "8", ["1", "7"], None),
    (["plan", "--days", "-2"], "-2", ["1", "7"], None),
    (["plan", "--minutes", "14"], "14", ["15", "120"], None),
    (["plan", "--minutes", "121"], "121", ["15", "120"], None),
    (["plan", "--minutes", "-30"], "-30", ["15", "120"], None),
    (["plan", "--on", "mon,wed,frx"], "frx", ["tue", "sun"], "fri"),
    (["plan", "--on", "mon,wed", "--days", "3"], "mon, wed", ["3"], None),
    (["plan", "--on", "mon,mon,fri"], "mon", [], None),
    (["plan", "--level", "expert"], "expert", ["novice", "intermediate", "advanced"], None),
    (["plan", "--level", "intermediat"], "intermediat", ["advanced"], "intermediate"),
    (["plan", "--goal", "strenght"], "strenght", ["hypertrophy", "endurance"], "strength"),
    (["plan", "--back-pain", "sometimes"], "sometimes", ["none", "history", "current"], None),
    (["plan", "--weeks", "0"], "0", ["1", "12"], None),
    (["plan", "--weeks", "13"], "13", ["1", "12"], None),
    (["plan", "--start", "2026-13-01"], "2026-13-01", ["month must be 01-12"], None),
    (["plan", "--start", "2026-02-30"], "2026-02-30", ["February 2026 has 28 days"], None),
    (["plan", "--start", "tomorrow"], "tomorrow", ["YYYY-MM-DD"], None),
    (["plan", "--days", "three"], "three", ["whole number", "digits 0-9"], None),
    (["plan", "--red-flag", "saddle_numbnes"], "saddle_numbnes", ["fever"], "saddle_numbness"),
    (["exercises", "--pattern", "hinj"], "hinj", ["vertical_pull", "carry"], "hinge"),
    (["exercises", "--pattern", "squat"], "squat", ["horizontal_pull"], None),
    (["exercises", "--muscle", "latz"], "latz", ["rhomboids", "erector_spinae"], "lats"),
    (["exercises", "--equipment", "dumbel"], "dumbel", ["kettlebell"], "dumbbell"),
]


@pytest.mark.parametrize(("name", "suggestion"), [("bird_dg", "bird_dog"), ("no_such_thing", None)])
def test_an_unknown_exercise_is_not_found_with_a_suggestion_and_the_list_hint(
    name: str, suggestion: str | None
) -> None:
    result = run("exercises", "show", name)
    assert result.exit_code == 1, result.output  # NotFound: exit 1, as the README says
    assert result.stdout == ""
    message = words(result.stderr)
    assert name in message
    assert "backbone exercises" in message  # the CLI's own hint
    if suggestion is not None:
        assert f"Did you mean {suggestion}" in message
    body = error_body(run("exercises", "show", name, "--json"))
    assert (body["code"], body["status"]) == ("not_found", 404)
    assert "backbone" not in body["error"]  # the shared message names no command


def _id(case: tuple[list[str], str, list[str], str | None]) -> str:
    return " ".join(case[0])


@pytest.mark.parametrize("case", BAD_INPUT, ids=[_id(c) for c in BAD_INPUT])
def test_bad_input_exits_2_naming_the_value_and_what_is_allowed(
    case: tuple[list[str], str, list[str], str | None],
) -> None:
    args, bad, allowed, suggestion = case
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stdout == ""  # nothing that looks like a result
    message = words(result.stderr)
    assert bad in message
    for word in allowed:
        assert word in message, word
    if suggestion is not None:
        assert "did you mean" in message.lower()
        assert suggestion in message


@pytest.mark.parametrize("case", BAD_INPUT, ids=[_id(c) for c in BAD_INPUT])
def test_bad_input_under_json_prints_the_json_error_shape(
    case: tuple[list[str], str, list[str], str | None],
) -> None:
    args, bad, _allowed, suggestion = case
    result = run(*args, "--json")
    assert result.exit_code == 2, result.output
    body = error_body(result)
    assert body["code"] in {"input_error", "not_found"}
    assert body["status"] in {404, 422}
    assert bad in body["error"]
    if suggestion is not None:
        assert suggestion in body["error"]


def test_json_error_details_list_the_allowed_values_and_suggestions() -> None:
    body = error_body(run("plan", "--json", "--equipment", "barbel"))
    assert body["details"]["value"] == "barbel"
    assert "barbell" in body["details"]["suggestions"]
    assert {"bodyweight", "band", "barbell", "trx"} <= set(body["details"]["allowed"])


def test_an_unknown_exercise_is_not_found_under_json() -> None:
    body = error_body(run("exercises", "show", "bird_dg", "--json"))
    assert body["code"] == "not_found"
    assert body["status"] == 404
    assert "bird_dog" in body["details"]["suggestions"]


def test_a_missing_slug_is_a_usage_error() -> None:
    result = run("exercises", "show")
    assert result.exit_code == 2
    assert "SLUG" in result.stderr
    assert error_body(run("exercises", "show", "--json"))["code"] == "input_error"


# ---------------------------------------------------------------- infeasible plans: exit 1


@pytest.mark.parametrize(
    "options", [("--days", "2", "--on", "mon,tue"), ("--days", "3", "--on", "mon,tue,wed")]
)
def test_an_infeasible_plan_names_the_conflicting_rules_and_what_to_relax(
    options: tuple[str, ...],
) -> None:
    body_result = run("plan", "--json", "--start", START, *options)
    assert body_result.exit_code == 1
    body = error_body(body_result)
    assert body["code"] == "infeasible_plan"
    conflicts, relax = body["details"]["conflicts"], body["details"]["relax"]
    assert "recovery.spacing_48h" in {c["rule_id"] for c in conflicts}
    assert relax

    result = run("plan", "--start", START, *options)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Traceback" not in result.output
    for conflict in conflicts:
        assert conflict["rule_id"] in result.stderr
    for step in relax:
        assert step in result.stderr


# ---------------------------------------------------------------- a real process


def backbone(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BACKBONE), *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_real_process_json_is_byte_identical_across_runs() -> None:
    options = [
        "--days",
        "3",
        "--equipment",
        GYM,
        "--level",
        "intermediate",
        "--goal",
        "hypertrophy",
    ]
    args = ["plan", "--json", "--start", START, *options, "--back-pain", "history"]
    first, second = backbone(*args), backbone(*args)
    assert first.returncode == second.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    assert json.loads(first.stdout)["weeks"]


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("plan", "--equipment", "dumbel"), 2),
        (("plan", "--minutes", "-5"), 2),
        (("plan", "--start", "2026-02-30"), 2),
        (("exercises", "show", "nope"), 1),
        (("plan", "--red-flag", "saddle_numbness"), 3),
        (("plan", "--days", "2", "--on", "mon,tue"), 1),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, tuple) else str(v),
)
def test_real_process_exit_codes_without_tracebacks(args: tuple[str, ...], code: int) -> None:
    done = backbone(*args)
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stderr.strip()
    assert done.stdout == ""


def test_real_process_json_error_on_stdout() -> None:
    done = backbone("plan", "--json", "--start", "someday")
    assert done.returncode == 2
    assert "Traceback" not in done.stdout + done.stderr
    body = json.loads(done.stdout)
    assert body["ok"] is False
    assert "someday" in body["error"]


def test_the_plan_table_says_why_each_exercise_in_words_with_its_rule() -> None:
    result = run(
        "plan", "--days", "2", "--minutes", "30", "--equipment", "band",
        "--back-pain", "current", "--start", "2026-11-30", "--weeks", "1",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = words(result.output)
    assert "you have current back pain" in text
    assert "[core.mcgill_big3]" in text
    assert "[safety.pain_monitoring]" in text  # warnings keep their rule id too

"""Endurance tests from the command line (`backbone test record|list`), against a real SQLite file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.cli_runner import Backbone as CliBackbone

DAY = "2026-11-30"


class Backbone(CliBackbone):
    def stored(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self.json("test", "list")
        return found


@pytest.fixture
def backbone(tmp_path: Path) -> Backbone:
    return Backbone(tmp_path / "tests.db")


def test_record_then_list(backbone: Backbone) -> None:
    plank = backbone.json("test", "record", "plank", "95.5", "--date", DAY)
    assert plank == {"test": "plank", "side": None, "value": 95.5, "date": DAY, "id": plank["id"]}
    assert isinstance(plank["id"], int)
    left = backbone.json("test", "record", "side_bridge", "80", "--side", "left", "--date", DAY)
    assert (left["test"], left["side"], left["value"]) == ("side_bridge", "left", 80)
    earlier = backbone.json("test", "record", "biering_sorensen", "150", "--date", "2026-11-01")
    assert earlier["test"] == "sorensen"  # the alias is stored under the evidence name
    reps = backbone.json("test", "record", "pullups", "12", "--date", DAY)
    assert reps["value"] == 12

    assert backbone.stored() == [earlier, plank, left, reps]  # oldest first, then as recorded

    text = backbone.run("test", "record", "mcgill_flexor", "120", "--date", DAY).stdout
    assert "mcgill_flexor" in text
    assert "120 s" in text
    assert DAY in text
    listing = backbone.run("test", "list").stdout
    assert "side_bridge (left)" in listing
    assert "12 reps" in listing
    assert listing.index("2026-11-01") < listing.index(DAY)


def test_list_before_any_result(backbone: Backbone) -> None:
    assert backbone.stored() == []
    assert "backbone test record" in backbone.run("test", "list").stdout


def test_an_unknown_test_name_suggests_the_closest_and_lists_the_tests(backbone: Backbone) -> None:
    result = backbone.run("test", "record", "plnak", "60", code=2)
    assert "Did you mean 'plank'?" in result.stderr
    for name in ("sorensen", "mcgill_extensor", "mcgill_flexor", "side_bridge", "dead_hang"):
        assert name in result.stderr
    body = backbone.json("test", "record", "sorenson", "60", code=2)
    assert body["ok"] is False
    assert body["code"] == "input_error"
    assert body["details"]["suggestions"][0] == "sorensen"
    assert "pullups" in body["details"]["allowed"]
    assert backbone.stored() == []


def test_side_bridge_needs_a_side(backbone: Backbone) -> None:
    result = backbone.run("test", "record", "side_bridge", "60", code=2)
    assert "left or right" in result.stderr
    assert "--side" in result.stderr
    body = backbone.json("test", "record", "side_bridge", "60", code=2)
    assert body["details"]["field"] == "side"
    backbone.run("test", "record", "plank", "60", "--side", "left", code=2)  # no side there
    assert backbone.stored() == []


@pytest.mark.parametrize(
    ("name", "value"),
    [("plank", "-5"), ("plank", "0"), ("sorensen", "601"), ("pullups", "7.5"), ("pullups", "101")],
)
def test_values_out_of_range_are_refused(backbone: Backbone, name: str, value: str) -> None:
    result = backbone.run("test", "record", name, value, code=2)
    assert result.stderr.startswith("error: ")
    assert value.lstrip("-") in result.stderr
    body = backbone.json("test", "record", name, value, code=2)
    assert body["details"]["field"] == "value"
    assert backbone.stored() == []


def test_a_value_that_is_not_a_number_is_a_usage_error(backbone: Backbone) -> None:
    body = backbone.json("test", "record", "plank", "long", code=2)
    assert body["code"] == "input_error"
    assert backbone.stored() == []


def test_every_command_of_the_group_has_help(backbone: Backbone) -> None:
    for path in (("test",), ("test", "record"), ("test", "list")):
        assert backbone.run(*path, "--help").stdout.startswith("Usage: ")

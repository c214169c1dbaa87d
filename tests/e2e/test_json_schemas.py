"""The CLI's `--json` output matches the JSON Schema of its typed document (`services/views.py`,
the analytics dataclasses, the error body): the same schema the HTTP API publishes. A field added
to the output but not to the type, or the other way round, fails here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from pydantic import TypeAdapter

from backbone.domain.analytics.model import Analytics
from backbone.interfaces.cli.main import cli
from backbone.interfaces.errors import ErrorBody
from backbone.services import views

START = "2026-11-30"
PLAN = ("--days", "3", "--minutes", "45", "--equipment", "dumbbell,bench,pullup_bar,band")


def schema_of(kind: Any) -> dict[str, Any]:
    """The type's JSON Schema, closed: no property the type does not declare."""
    schema: dict[str, Any] = TypeAdapter(kind).json_schema(mode="serialization")

    def close(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                node.setdefault("additionalProperties", False)
            for value in node.values():
                close(value)
        elif isinstance(node, list):
            for value in node:
                close(value)

    close(schema)
    return schema


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("schemas") / "backbone.db"


def run(database: Path, *args: str, code: int = 0) -> Any:
    result = CliRunner().invoke(cli, [*args, "--json"], env={"BACKBONE_DB": str(database)})
    assert result.exit_code == code, result.output
    return json.loads(result.stdout)


# Ordered: later commands read what earlier ones stored.
CASES: list[tuple[tuple[str, ...], Any]] = [
    (("plan", *PLAN, "--start", START), views.PlanDocument),
    (("exercises", "--pattern", "hinge"), list[views.ExerciseDocument]),
    (("exercises", "show", "bird_dog"), views.ExerciseDocument),
    (("athlete", "--units", "kg", "--bodyweight", "80"), views.AthleteDocument),
    (
        ("program", "start", *PLAN, "--start", START, "--known", "chest_supported_row=24x10@2"),
        views.ProgramDocument,
    ),
    (("program", "show"), views.ProgramDocument),
    (("today", "--date", START), views.TodayDocument),
    (("today", "--date", "2026-12-01"), views.TodayDocument),  # a rest day
    (("log", "chest_supported_row", "24x12@2", "x3", "--date", START), views.LogDocument),
    (("log", "side_plank", "30s", "25s", "--date", START), views.LogDocument),
    (("next", "chest_supported_row", "--date", START), views.PrescriptionDocument),
    (("swap", "chest_supported_row", "--date", START), views.SwapOptionsDocument),
    (
        ("swap", "chest_supported_row", "--to", "one_arm_dumbbell_row", "--date", START),
        views.SwapDocument,
    ),
    (("program", "show"), views.ProgramDocument),  # with the swap and its carried set
    (
        ("checkin", "--sleep", "7", "--back-pain", "2", "--soreness", "3", "--date", START),
        views.RecoveryDocument,
    ),
    (("finish", "--rpe", "7", "--minutes", "40", "--date", START), views.PerformedSessionDocument),
    (("history",), list[views.EntryDocument]),
    (("test", "record", "plank", "90", "--date", START), views.EnduranceResultDocument),
    (("test", "list"), list[views.EnduranceResultDocument]),
    (("stats", "--date", "2026-12-02"), Analytics),
    (("undo",), views.UndoDocument),
]


def test_every_json_output_matches_its_schema(database: Path) -> None:
    for args, kind in CASES:
        body = run(database, *args)
        jsonschema.validate(body, schema_of(kind))


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("plan", "--days", "9"), 2),
        (("exercises", "show", "nope"), 1),
        (("plan", "--red-flag", "fever"), 3),
    ],
)
def test_errors_match_the_error_schema(database: Path, args: tuple[str, ...], code: int) -> None:
    jsonschema.validate(run(database, *args, code=code), schema_of(ErrorBody))


def test_the_schema_catches_an_undeclared_field() -> None:
    """The check has teeth: an extra key or a missing one is refused."""
    body = {"date": START, "session_rpe": 7, "duration_min": 40.0}
    schema = schema_of(views.PerformedSessionDocument)
    jsonschema.validate(body, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**body, "surprise": 1}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"date": START, "session_rpe": 7}, schema)

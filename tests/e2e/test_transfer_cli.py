"""Import, undo, exercise map, export and the program calendar from the command line, against a
real SQLite file: the round trip into an empty database, exit codes, and files never clobbered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.cli_runner import Backbone
from tests.unit.import_samples import SAMPLES

STRONG = str(SAMPLES / "strong_comma_no_unit.csv")
HEVY = str(SAMPLES / "hevy_weight_lbs.csv")


@pytest.fixture
def backbone(tmp_path: Path) -> Backbone:
    return Backbone(tmp_path / "tests.db")


def test_dry_run_then_import_then_again_then_undo(backbone: Backbone) -> None:
    preview = backbone.json("import", STRONG, "--dry-run")
    assert preview["dry_run"] is True
    assert preview["sets_imported"] == 9
    assert preview["skipped"] == [{"reason": "rest_timer", "count": 1, "lines": [4]}]
    assert backbone.json("history") == []
    report = backbone.json("import", STRONG, "--map", "Pull Up=chin_up")
    assert report["batch_id"] == 1
    assert {m["name"]: m["slug"] for m in report["mapping"]}["Pull Up"] == "chin_up"
    again = backbone.json("import", STRONG)
    assert again["sets_imported"] == 0
    assert again["sets_duplicate"] == 9
    assert [b["batch_id"] for b in backbone.json("import", "list")] == [1]
    text = backbone.run("import", "undo", "1").stdout
    assert "Removed import 1" in text
    assert backbone.json("history") == []
    backbone.run("import", "undo", "1", code=1)


def test_unknown_and_malformed_files_exit_2_and_write_nothing(
    backbone: Backbone, tmp_path: Path
) -> None:
    unknown = tmp_path / "what.csv"
    unknown.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    error = backbone.run("import", str(unknown), code=2).stderr
    assert "Known formats: Strong" in error
    broken = tmp_path / "broken.csv"
    text = Path(STRONG).read_text(encoding="utf-8")
    broken.write_text(text.replace('2,140,5,0,0,"Grip', '2,heavy,5,0,0,"Grip'), encoding="utf-8")
    body = backbone.json("import", str(broken), code=2)
    assert body["ok"] is False
    assert "Line 5, column 6" in body["error"]
    assert backbone.json("history") == []
    backbone.run("import", str(tmp_path / "missing.csv"), code=2)
    backbone.run("import", STRONG, "--map", "no equals sign", code=2)


def test_exercise_map_moves_a_guess_onto_the_catalogue(backbone: Backbone) -> None:
    backbone.json("import", STRONG)
    moved = backbone.json("exercise", "map", "Running", "farmers_carry")
    assert moved == {"from": "running", "name": "Running", "to": "farmers_carry", "sets_moved": 1}
    assert "farmers_carry" in {e["exercise"] for e in backbone.json("history")}
    backbone.run("exercise", "map", "Running", "farmers_carry", code=1)
    backbone.run("stats")
    backbone.run("report")


def test_export_import_export_round_trip_into_an_empty_database(
    backbone: Backbone, tmp_path: Path
) -> None:
    backbone.json("import", STRONG)
    backbone.json("import", HEVY)
    first = tmp_path / "first.csv"
    backbone.run("export", "--format", "csv", "--out", str(first))
    backup = tmp_path / "backup.json"
    backbone.run("export", "--format", "json", "--out", str(backup))

    empty = Backbone(tmp_path / "empty.db")
    empty.json("import", str(first))
    assert empty.run("export").stdout == first.read_text(encoding="utf-8")

    restored = Backbone(tmp_path / "restored.db")
    report = restored.json("import", str(backup))
    assert report["source"] == "backup"
    again = json.loads(restored.run("export", "--format", "json").stdout)
    original = json.loads(backup.read_text(encoding="utf-8"))
    assert again.pop("exported_at") != ""  # the clock: the only difference
    original.pop("exported_at")
    assert again == original


def test_out_never_clobbers_a_file_or_the_database(backbone: Backbone, tmp_path: Path) -> None:
    backbone.json("import", STRONG)
    out = tmp_path / "history.csv"
    out.write_text("keep me", encoding="utf-8")
    error = backbone.run("export", "--out", str(out), code=2).stderr
    assert "--force" in error
    assert out.read_text(encoding="utf-8") == "keep me"
    backbone.run("export", "--format", "strong", "--out", str(out), "--force")
    assert out.read_text(encoding="utf-8").startswith("Date,Workout Name")
    backbone.run(
        "export", "--format", "json", "--out", str(tmp_path / "tests.db"), "--force", code=2
    )
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_program_ics(backbone: Backbone, tmp_path: Path) -> None:
    backbone.run("program", "ics", code=1)
    backbone.run("program", "start", "--days", "2", "--minutes", "30", "--equipment", "band")
    text = backbone.run("program", "ics", "--time", "07:30").stdout
    assert text.startswith("BEGIN:VCALENDAR")
    assert "T073000" in text
    backbone.run("program", "ics", "--time", "late", code=2)
    out = tmp_path / "program.ics"
    backbone.run("program", "ics", "--time", "07:30", "--out", str(out))
    assert out.read_text(encoding="utf-8").replace("\r\n", "\n") == text.replace("\r\n", "\n")

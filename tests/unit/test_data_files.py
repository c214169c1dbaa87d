"""The packaged data files agree with each other, and broken files fail with a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from backbone.data import catalogue_from_file, evidence_from_file, read_yaml
from backbone.domain.catalogue import CatalogueError
from backbone.domain.errors import InputError
from backbone.services.ports import Knowledge


def test_every_rule_an_exercise_cites_is_in_the_evidence_registry(facts: Knowledge) -> None:
    missing = {
        (exercise.slug, rule_id)
        for exercise in facts.catalogue
        for rule_id in exercise.rule_ids
        if rule_id not in facts.evidence
    }
    assert not missing


def test_every_exercise_a_rule_scope_names_is_in_the_catalogue(facts: Knowledge) -> None:
    named = {
        slug
        for rule in facts.evidence
        for scope in rule.cited_on
        for slug in scope.lists.get("exercises", frozenset())
    }
    assert named
    assert not {slug for slug in named if slug not in facts.catalogue}


def test_malformed_yaml_is_an_input_error_naming_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "exercises.yaml"
    broken.write_text("exercises:\n  - slug: row\n    name: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError, match="not valid YAML") as caught:
        catalogue_from_file(broken)
    assert str(broken) in caught.value.message


def test_a_file_without_an_exercise_list_is_rejected(tmp_path: Path) -> None:
    wrong = tmp_path / "exercises.yaml"
    wrong.write_text("just: a mapping\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="'exercises' list"):
        catalogue_from_file(wrong)


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Cannot read"):
        evidence_from_file(tmp_path / "nowhere.yaml")


def test_a_truncated_catalogue_reports_the_broken_entry(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parents[2] / "src" / "backbone" / "data" / "exercises.yaml"
    text = source.read_text(encoding="utf-8")
    cut = tmp_path / "exercises.yaml"
    # Cut the file just inside the second entry, as an interrupted copy might.
    second = text.index("  - slug:", text.index("  - slug:") + 1)
    cut.write_text(text[: second + 40], encoding="utf-8")
    second_slug = text[second:].split()[2]
    with pytest.raises(CatalogueError, match="missing field") as caught:
        catalogue_from_file(cut)
    assert second_slug in caught.value.message


def test_an_edited_file_is_parsed_again_and_a_corrupt_cache_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BACKBONE_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "doc.yaml"
    source.write_text("value: 1\n", encoding="utf-8")
    assert read_yaml(source) == {"value": 1}
    source.write_text("value: 2\n", encoding="utf-8")
    assert read_yaml(source) == {"value": 2}
    for cached in (tmp_path / "cache").iterdir():
        cached.write_text("{not json", encoding="utf-8")
    assert read_yaml(source) == {"value": 2}

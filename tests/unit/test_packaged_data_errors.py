"""A broken packaged data file is Backbone's fault: an internal error naming the file (exit 1,
HTTP 500), never an input error blaming the user."""

from __future__ import annotations

from pathlib import Path

import pytest

from backbone import data
from backbone.domain.errors import InternalError
from backbone.interfaces.errors import exit_code, http_status


def test_a_broken_packaged_catalogue_is_an_internal_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "exercises.yaml"
    broken.write_text("exercises: [ {slug: half", encoding="utf-8")
    monkeypatch.setattr(data, "_packaged", lambda name: tmp_path / name)
    with pytest.raises(InternalError, match=r"exercises\.yaml") as raised:
        data.packaged_catalogue(cache_dir=tmp_path / "cache")
    assert "reinstall" in raised.value.message
    assert (exit_code(raised.value), http_status(raised.value)) == (1, 500)


def test_an_invalid_packaged_evidence_file_is_an_internal_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "evidence.yaml").write_text("rules: 3\n", encoding="utf-8")
    monkeypatch.setattr(data, "_packaged", lambda name: tmp_path / name)
    with pytest.raises(InternalError, match=r"evidence\.yaml"):
        data.packaged_evidence(cache_dir=tmp_path / "cache")

"""The parsed-data cache sits where platformdirs would put it, without importing platformdirs on
Linux (a cold command's start-up)."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from backbone.data import _cache_dir, packaged_knowledge


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG shortcut is Linux only")
@pytest.mark.parametrize("xdg", [None, "/tmp/xdg-cache", "relative/ignored", ""])
def test_the_cache_is_where_platformdirs_puts_it(
    monkeypatch: pytest.MonkeyPatch, xdg: str | None
) -> None:
    monkeypatch.delenv("BACKBONE_CACHE_DIR", raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert _cache_dir() == Path(platformdirs.user_cache_dir("backbone"))


def test_backbone_cache_dir_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BACKBONE_CACHE_DIR", str(tmp_path))
    assert _cache_dir() == tmp_path


def test_the_built_knowledge_is_kept_and_read_back_whole(tmp_path: Path) -> None:
    built_catalogue, built_evidence = packaged_knowledge(tmp_path)
    (kept,) = tmp_path.glob("knowledge-*.pickle")
    catalogue, evidence = packaged_knowledge(tmp_path)
    assert list(catalogue) == list(built_catalogue)
    assert catalogue.get("barbell_row") == built_catalogue.get("barbell_row")
    assert list(evidence) == list(built_evidence)
    assert evidence.integer("progression.stall", "stall_exposures") == 3
    # a damaged file is built again, not trusted
    kept.write_bytes(b"not a pickle")
    catalogue, _ = packaged_knowledge(tmp_path)
    assert list(catalogue) == list(built_catalogue)

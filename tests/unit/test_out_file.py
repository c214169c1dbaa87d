"""`--out` never harms what is already there: the database, existing files, link targets."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from backbone.domain.errors import InputError
from backbone.interfaces.cli.out_file import write_out_file


def test_writes_a_new_file_readable_by_its_owner_only(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    write_out_file(out, b"# Report\n", force=False)
    assert out.read_bytes() == b"# Report\n"
    assert out.stat().st_mode & 0o077 == 0
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]  # no temporary left behind


def test_an_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "notes.txt"
    out.write_bytes(b"precious")
    with pytest.raises(InputError, match=r"already exists.*--force"):
        write_out_file(out, b"report", force=False)
    assert out.read_bytes() == b"precious"
    write_out_file(out, b"report", force=True)
    assert out.read_bytes() == b"report"


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
@pytest.mark.parametrize("force", [False, True])
def test_the_database_is_never_written_even_with_force(
    tmp_path: Path, suffix: str, force: bool
) -> None:
    database = tmp_path / "backbone.db"
    companion = Path(f"{database}{suffix}")
    companion.write_bytes(b"SQLite format 3\x00")
    with pytest.raises(InputError, match="database"):
        write_out_file(companion, b"report", force=force, protected=(database,))
    assert companion.read_bytes() == b"SQLite format 3\x00"


def test_the_database_reached_through_another_name_is_refused(tmp_path: Path) -> None:
    database = tmp_path / "backbone.db"
    database.write_bytes(b"log")
    (tmp_path / "alias.db").symlink_to(database)
    os.link(database, tmp_path / "hardlink.db")
    for name in ("alias.db", "hardlink.db", "sub/../backbone.db"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        with pytest.raises(InputError, match="database"):
            write_out_file(tmp_path / name, b"x", force=True, protected=(database,))
    assert database.read_bytes() == b"log"


def test_symlinks_are_never_followed(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_bytes(b"keep me")
    link = tmp_path / "report.md"
    link.symlink_to(target)
    with pytest.raises(InputError, match="symbolic link"):
        write_out_file(link, b"report", force=False)
    write_out_file(link, b"report", force=True)
    assert target.read_bytes() == b"keep me"
    assert not link.is_symlink()
    assert link.read_bytes() == b"report"


def test_a_dangling_symlink_is_not_created_through(tmp_path: Path) -> None:
    link = tmp_path / "report.md"
    link.symlink_to(tmp_path / "nowhere" / "x")
    with pytest.raises(InputError, match="symbolic link"):
        write_out_file(link, b"report", force=False)


def test_a_missing_directory_and_a_directory_are_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        write_out_file(tmp_path / "no" / "r.md", b"x", force=False)
    with pytest.raises(InputError, match="is a directory"):
        write_out_file(tmp_path, b"x", force=True)


def test_a_failed_write_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(InputError, match="No space left"):
        write_out_file(tmp_path / "r.md", b"x" * 1000, force=False)
    assert list(tmp_path.iterdir()) == []

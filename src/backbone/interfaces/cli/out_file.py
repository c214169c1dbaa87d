"""Writing a file the user named with `--out` (reports now, exports later) without harming anything.

- Never over the database: the SQLite file (or its -wal/-shm/-journal companions) is refused even
  with `--force`; a report written over it destroys years of training log.
- Never over an existing file unless `--force` is given; the check and the creation are one step
  (a hard link from the finished temporary file), so a file that appears meanwhile is not replaced.
- Never through a symbolic link: with `--force` the link itself is replaced, never its target.
- Whole or nothing: the content goes to a temporary file in the same directory, is flushed to
  disk, and is renamed into place; a failure leaves no half-written file behind.
- The file is created readable by its owner only: reports hold health data.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from backbone.domain.errors import InputError
from backbone.domain.inputs import strip_controls

DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal")


def write_out_file(
    path: Path, content: bytes, *, force: bool, protected: Iterable[Path] = ()
) -> Path:
    """Write `content` to `path` as described in the module docstring; returns the path written."""
    target = Path(os.path.abspath(path))  # absolute, but symlinks left unresolved on purpose
    shown = strip_controls(str(path))
    _refuse_protected(target, shown, protected)
    directory = target.parent
    if not directory.is_dir():
        raise InputError(
            f"Cannot write {shown}: the directory {strip_controls(str(directory))} does not exist.",
            {"field": "out", "value": shown},
        )
    if target.is_symlink() and not force:
        raise InputError(
            f"{shown} is a symbolic link; Backbone does not write through links. Choose another "
            "name, or add --force to replace the link itself (its target is left alone).",
            {"field": "out", "value": shown},
        )
    if target.is_dir() and not target.is_symlink():
        raise InputError(f"{shown} is a directory; name a file.", {"field": "out", "value": shown})
    if target.exists() and not target.is_symlink() and not force:
        raise _exists(shown)
    temporary = _write_temporary(directory, target.name, content, shown)
    try:
        if force:
            os.replace(temporary, target)
        else:
            _create_without_replacing(temporary, target, shown)
    finally:
        temporary.unlink(missing_ok=True)
    return path


def _refuse_protected(target: Path, shown: str, protected: Iterable[Path]) -> None:
    for database in protected:
        for suffix in DATABASE_COMPANIONS:
            guarded = Path(f"{os.path.abspath(database)}{suffix}")
            if _same_file(target, guarded):
                raise InputError(
                    f"Refusing to write {shown}: it is Backbone's database"
                    f"{' (' + suffix.lstrip('-') + ' file)' if suffix else ''}. "
                    "Choose another file name; --force does not change this.",
                    {"field": "out", "value": shown},
                )


def _same_file(target: Path, guarded: Path) -> bool:
    if target == guarded or target.resolve() == guarded.resolve():
        return True
    try:
        return os.path.samefile(target, guarded)
    except OSError:
        return False


def _write_temporary(directory: Path, name: str, content: bytes, shown: str) -> Path:
    try:
        descriptor, raw = tempfile.mkstemp(dir=directory, prefix=f".{name[:50]}.", suffix=".tmp")
    except OSError as error:
        raise _cannot_write(shown, error) from None
    temporary = Path(raw)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise _cannot_write(shown, error) from None
    return temporary


def _create_without_replacing(temporary: Path, target: Path, shown: str) -> None:
    try:
        os.link(temporary, target)  # fails with EEXIST instead of replacing
    except FileExistsError:
        raise _exists(shown) from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise _cannot_write(shown, error) from None
        # a file system without hard links (FAT, some network shares): check, then rename
        if target.exists() or target.is_symlink():
            raise _exists(shown) from None
        try:
            os.replace(temporary, target)
        except OSError as replace_error:
            raise _cannot_write(shown, replace_error) from None


def _exists(shown: str) -> InputError:
    return InputError(
        f"{shown} already exists; Backbone does not overwrite files. Choose another name, "
        "or add --force to replace it.",
        {"field": "out", "value": shown},
    )


def _cannot_write(shown: str, error: OSError) -> InputError:
    return InputError(
        f"Cannot write {shown}: {error.strerror or error}.", {"field": "out", "value": shown}
    )

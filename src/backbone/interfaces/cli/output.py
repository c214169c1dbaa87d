"""Writing a command's output file without ever leaving half a file or clobbering one.

The bytes go to a temporary file next to the target, then take its name in one step. An existing
file is refused unless `--force`; the database itself is refused always (an export written over
the log it came from would lose the log).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from backbone.domain.errors import InputError


def write_output(path: Path, data: bytes, *, force: bool, database: Path | None = None) -> None:
    target = path.expanduser()
    if database is not None and _same_file(target, database):
        raise InputError(
            f"{path} is the Backbone database: choose another file for --out.",
            {"field": "out", "value": str(path)},
        )
    if target.exists() and not force:
        raise InputError(
            f"{path} already exists: choose another name, or add --force to replace it.",
            {"field": "out", "value": str(path)},
        )
    if target.is_dir():
        raise InputError(f"{path} is a directory.", {"field": "out", "value": str(path)})
    directory = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=directory)
    except OSError as error:
        raise InputError(
            f"Cannot write {path}: {error.strerror}.", {"field": "out", "value": str(path)}
        ) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if force:
            os.replace(temporary, target)
        else:
            os.link(temporary, target)  # fails if the name appeared meanwhile: never clobbers
            os.unlink(temporary)
    except FileExistsError:
        raise InputError(
            f"{path} already exists: choose another name, or add --force to replace it.",
            {"field": "out", "value": str(path)},
        ) from None
    except OSError as error:
        raise InputError(
            f"Cannot write {path}: {error.strerror}.", {"field": "out", "value": str(path)}
        ) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _same_file(target: Path, database: Path) -> bool:
    try:
        return target.resolve() == database.resolve()
    except OSError:
        return False

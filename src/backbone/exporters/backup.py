"""The shape of the JSON backup, sealed with a checksum; the service fills `data` from storage.

    {"schema": "backbone.backup", "schema_version": 1, "exported_at": "2026-...Z",
     "checksum": "sha256:<hex of the canonical JSON of data>",
     "data": {"athlete": {...}, "custom_exercises": [...], "programs": [...], "entries": [...],
              "sessions": [...], "check_ins": [...], "endurance_tests": [...],
              "exercise_mappings": [[name key, slug], ...]}}

`exercise_mappings` (names `backbone exercise map` fixed, for later imports) came later: a backup
without it reads as having none.

Canonical JSON (sorted keys, no spaces, UTF-8) makes the checksum, and so the whole file,
identical for identical data: export -> restore -> export gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any, Final, NotRequired, TypedDict

from backbone.domain.errors import InputError

BACKUP_SCHEMA: Final = "backbone.backup"
BACKUP_VERSION: Final = 1
DATA_SECTIONS: Final = (
    "athlete",
    "custom_exercises",
    "programs",
    "entries",
    "sessions",
    "check_ins",
    "endurance_tests",
)


class BackupData(TypedDict):
    athlete: dict[str, Any]
    """settings: units, equipment, plates, goals, back-pain status"""
    custom_exercises: list[dict[str, Any]]
    programs: list[dict[str, Any]]
    entries: list[dict[str, Any]]
    """log entries with their sets, source and idempotency key"""
    sessions: list[dict[str, Any]]
    check_ins: list[dict[str, Any]]
    endurance_tests: list[dict[str, Any]]
    exercise_mappings: NotRequired[list[list[str]]]


class BackupDocument(TypedDict):
    schema: str
    schema_version: int
    exported_at: str
    checksum: str
    data: BackupData


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def data_checksum(data: Mapping[str, Any]) -> str:
    return "sha256:" + hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


def seal_backup(data: BackupData, exported_at: datetime) -> BackupDocument:
    if exported_at.tzinfo is None:
        raise ValueError("exported_at must be timezone-aware")
    return {
        "schema": BACKUP_SCHEMA,
        "schema_version": BACKUP_VERSION,
        "exported_at": exported_at.isoformat(),
        "checksum": data_checksum(data),
        "data": data,
    }


def backup_text(document: BackupDocument) -> str:
    return canonical_json(document) + "\n"


def open_backup(text: str) -> BackupData:
    """The data of a backup file, after checking its schema, version and checksum."""
    try:
        document = json.loads(text)
    except ValueError as error:
        raise InputError(f"The backup is not valid JSON: {error}.") from None
    if not isinstance(document, dict) or document.get("schema") != BACKUP_SCHEMA:
        raise InputError(f"This JSON file is not a Backbone backup (no schema {BACKUP_SCHEMA!r}).")
    version = document.get("schema_version")
    if version != BACKUP_VERSION:
        raise InputError(
            f"Backup schema version {version!r} is not supported (this Backbone reads "
            f"{BACKUP_VERSION}).",
            {"schema_version": version},
        )
    data = document.get("data")
    missing = [s for s in DATA_SECTIONS if not isinstance(data, dict) or s not in data]
    if missing:
        raise InputError(f"The backup is missing {', '.join(missing)}.", {"missing": missing})
    assert isinstance(data, dict)
    if document.get("checksum") != data_checksum(data):
        raise InputError(
            "The backup's checksum does not match its data: the file was changed or damaged.",
        )
    opened = BackupData(
        athlete=data["athlete"],
        custom_exercises=data["custom_exercises"],
        programs=data["programs"],
        entries=data["entries"],
        sessions=data["sessions"],
        check_ins=data["check_ins"],
        endurance_tests=data["endurance_tests"],
    )
    if "exercise_mappings" in data:
        opened["exercise_mappings"] = data["exercise_mappings"]
    return opened

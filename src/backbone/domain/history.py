"""What was actually done: logged sets grouped in log entries, sessions and recovery check-ins.

Loads are stored in kilograms. A bodyweight exercise logs `load_kg = None` and `added_kg`: weight
added (positive) or assistance (negative, e.g. a band or machine taking 20 kg off).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class SetType(StrEnum):
    WARMUP = "warmup"
    WORKING = "working"
    DROP = "drop"
    FAILURE = "failure"
    AMRAP = "amrap"


class RangeDone(StrEnum):
    """Range of motion actually reached in a set (rom.full_range, rom.specificity)."""

    FULL = "full"
    PARTIAL = "partial"


@dataclass(frozen=True, slots=True)
class Prescribed:
    """What the program asked for, next to what was done (Liftosaur, Backbone CSV)."""

    load_kg: float | None
    reps: int | None
    seconds: int | None = None
    rir: int | None = None


@dataclass(frozen=True, slots=True)
class LoggedSet:
    exercise: str
    """catalogue slug"""
    performed_on: date
    position: int
    """1-based order of the set within its log entry"""
    set_type: SetType
    load_kg: float | None
    added_kg: float | None
    reps: int | None
    seconds: int | None
    rir: int | None
    range_done: RangeDone = RangeDone.FULL
    pain: int | None = None
    """pain 0-10 during the set (safety.pain_monitoring)"""
    note: str = ""
    distance_m: float | None = None
    """cardio and carries: how far (imported files carry it)"""
    prescribed: Prescribed | None = None
    """the target the set was done against, when the source recorded one"""

    @property
    def counts_for_progression(self) -> bool:
        """Partial-range or painful sets never count as success (rom.specificity)."""
        return self.range_done is RangeDone.FULL and self.set_type is not SetType.WARMUP


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One logging action: the sets of one exercise written together, all or nothing."""

    athlete_id: int
    exercise: str
    performed_on: date
    logged_at: datetime
    """UTC-aware"""
    sets: tuple[LoggedSet, ...]
    entry_id: int | None = None
    source: str = "cli"
    """where the entry came from: cli, api, web, or import:<app>"""
    idempotency_key: str | None = None
    """a client's key for this entry: the same key twice stores it once (a retrying phone)"""
    started_at: datetime | None = None
    """when the workout started as its source wrote it: aware with its offset, or naive local
    wall-clock time; None when only the day is known (sets logged in the CLI)"""
    workout: str = ""
    """the workout's name in the app it came from"""
    import_batch_id: int | None = None
    """the import that wrote this entry (`backbone import undo` removes the batch)"""


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """One import of a file: what `backbone import undo BATCH` removes."""

    athlete_id: int
    source: str
    """the app that wrote the file: strong, hevy, ..., or backup"""
    dialect: str
    file_name: str
    imported_at: datetime
    rows_read: int
    entries_imported: int
    sets_imported: int
    sets_duplicate: int
    rows_skipped: int
    batch_id: int | None = None


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """An uploaded file waiting for the athlete to confirm its dry-run report. Kept in the
    database, not in a worker's memory: the confirm may reach another worker, and it must import
    exactly the bytes that were previewed."""

    preview_id: str
    athlete_id: int
    created_at: datetime
    file_name: str
    source: str | None
    units: str | None
    overrides: tuple[tuple[str, str], ...]
    content: bytes
    content_sha256: str


@dataclass(frozen=True, slots=True)
class CheckIn:
    athlete_id: int
    on: date
    sleep_h: float
    back_pain: int
    """0-10"""
    soreness: int
    """0-10"""
    readiness: int | None = None
    """1-10, higher is readier"""
    sleep_quality: int | None = None
    """1-5"""
    red_flags: tuple[str, ...] = ()
    checked_at: datetime | None = None
    leg_symptoms: bool = False
    """new pain, numbness or tingling going down a leg since the last check-in"""


@dataclass(frozen=True, slots=True)
class PerformedSession:
    athlete_id: int
    on: date
    session_rpe: int | None
    duration_min: float | None

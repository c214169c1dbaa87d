"""The database schema as SQLAlchemy Core tables; Alembic revisions under `migrations/` create it.

Loads are kilograms in double precision, so a float written comes back bit for bit. Instants are
stored in UTC and come back UTC-aware (`UtcDateTime`). Tuples of the domain (plate sizes, red flags,
plan options, known sets) are JSON text.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Dialect,
    Double,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UtcDateTime(TypeDecorator[datetime]):
    """An instant: must be timezone-aware going in, stored as UTC, always UTC-aware coming out."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value.isoformat()} given where UTC-aware is needed")
        utc = value.astimezone(UTC)
        # SQLite has no time zone type: store the UTC wall time, put the zone back on the way out.
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def _in(column: str, values: tuple[str, ...]) -> str:
    listed = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({listed})"


def _between(column: str, low: int, high: int, *, nullable: bool = True) -> str:
    check = f"{column} BETWEEN {low} AND {high}"
    return f"{column} IS NULL OR {check}" if nullable else check


SET_TYPES = ("warmup", "working", "drop", "failure", "amrap")
RANGES_DONE = ("full", "partial")
UNITS = ("kg", "lb")

ROLES = ("athlete", "coach")
ACCESS_LEVELS = ("read", "comment")

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(200), nullable=False),
    Column("display_name", String(200), nullable=False),
    Column("role", String(16), nullable=False),
    Column("password_hash", Text, nullable=True, comment="argon2; NULL for the local user"),
    Column("created_at", UtcDateTime, nullable=False),
    Column(
        "session_epoch",
        Integer,
        nullable=False,
        server_default="0",
        comment="bumped by 'log out everywhere': older session cookies are refused",
    ),
    UniqueConstraint("username"),
    CheckConstraint(_in("role", ROLES), name="role"),
)

athletes = Table(
    "athletes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("name", String(200), nullable=False),
    Column("units", String(8), nullable=False),
    Column("bodyweight_kg", Double, nullable=True),
    Column("plates_kg", Text, nullable=False, comment="JSON array of plate sizes in kg"),
    Column("bar_kg", Double, nullable=False),
    Column("dumbbell_step_kg", Double, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    UniqueConstraint("user_id", "name"),
    CheckConstraint(_in("units", UNITS), name="units"),
    CheckConstraint("bodyweight_kg IS NULL OR bodyweight_kg > 0", name="bodyweight_positive"),
    CheckConstraint("bar_kg >= 0", name="bar_not_negative"),
    CheckConstraint("dumbbell_step_kg > 0", name="dumbbell_step_positive"),
)

coach_grants = Table(
    "coach_grants",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
    Column("coach_user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("access", String(16), nullable=False),
    Column("granted_at", UtcDateTime, nullable=False),
    Column("revoked_at", UtcDateTime, nullable=True),
    Index(None, "coach_user_id", "revoked_at"),
    Index(None, "athlete_id", "revoked_at"),
    CheckConstraint(_in("access", ACCESS_LEVELS), name="access"),
)

programs = Table(
    "programs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "athlete_id",
        Integer,
        ForeignKey("athletes.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("started_on", Date, nullable=False),
    Column("plan_options", Text, nullable=False, comment="JSON array of [option, json value]"),
    Column("plan_document", Text, nullable=False),
    Column(
        "plan_format",
        Integer,
        nullable=False,
        server_default="1",
        comment="storage format of plan_document (backbone.storage.plan_format)",
    ),
    Column("known", Text, nullable=False, comment="JSON array of known sets"),
    Column("created_at", UtcDateTime, nullable=False),
    Index(None, "athlete_id", "started_on"),
)

program_swaps = Table(
    "program_swaps",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
    Column("program_id", Integer, ForeignKey("programs.id", ondelete="CASCADE"), nullable=False),
    Column("from_exercise", String(100), nullable=False),
    Column("to_exercise", String(100), nullable=False),
    Column("effective_on", Date, nullable=False),
    Column(
        "carried",
        Text,
        nullable=True,
        comment="JSON known set the replacement starts from, carried over from from_exercise",
    ),
    Column("created_at", UtcDateTime, nullable=False),
    Index(None, "athlete_id", "program_id"),
)

MOVEMENTS = ("push", "squat", "lunge", "hinge", "pull", "carry", "cardio", "other")
SPINAL_LOADS = ("low", "moderate", "high")

import_batches = Table(
    "import_batches",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
    Column("source", String(40), nullable=False, comment="the app that wrote the file, or backup"),
    Column("dialect", String(100), nullable=False),
    Column("file_name", String(500), nullable=False),
    Column("imported_at", UtcDateTime, nullable=False),
    Column("rows_read", Integer, nullable=False),
    Column("entries_imported", Integer, nullable=False),
    Column("sets_imported", Integer, nullable=False),
    Column("sets_duplicate", Integer, nullable=False),
    Column("rows_skipped", Integer, nullable=False),
    Index(None, "athlete_id", "imported_at"),
)

athlete_exercises = Table(
    "athlete_exercises",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
    Column("slug", String(100), nullable=False),
    Column("name", String(200), nullable=False),
    Column("pattern", String(16), nullable=False, comment="push, squat, lunge, hinge, pull, ..."),
    Column("muscles", Text, nullable=False, comment="JSON array of [muscle, credit]"),
    Column("spinal_load", String(16), nullable=False),
    Column("source_name", String(200), nullable=False),
    Column(
        "import_batch_id",
        Integer,
        nullable=True,
        comment="the import that created it (no foreign key: undo reads it after the batch is gone)",
    ),
    UniqueConstraint("athlete_id", "slug"),
    CheckConstraint(_in("pattern", MOVEMENTS), name="pattern"),
    CheckConstraint(_in("spinal_load", SPINAL_LOADS), name="spinal_load"),
)

log_entries = Table(
    "log_entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "athlete_id",
        Integer,
        ForeignKey("athletes.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("exercise", String(100), nullable=False),
    Column("performed_on", Date, nullable=False),
    Column("logged_at", UtcDateTime, nullable=False),
    Column("source", String(40), nullable=False, server_default="cli"),
    Column("idempotency_key", String(200), nullable=True),
    Column(
        "import_batch_id",
        Integer,
        ForeignKey("import_batches.id", ondelete="CASCADE"),
        nullable=True,
        comment="the import that wrote the entry; undoing the import deletes it",
    ),
    Column(
        "started_at",
        String(40),
        nullable=True,
        comment="ISO 8601 as the source wrote it: with its offset, or local wall-clock time",
    ),
    Column("workout", String(200), nullable=False, server_default=""),
    UniqueConstraint("athlete_id", "idempotency_key"),
    Index(None, "import_batch_id"),
    # the target of logged_sets' (entry_id, athlete_id) key, so a set cannot change athlete
    UniqueConstraint("id", "athlete_id"),
    Index(None, "athlete_id", "performed_on"),
    Index(None, "athlete_id", "logged_at"),
)

logged_sets = Table(
    "logged_sets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("entry_id", Integer, nullable=False),
    Column("athlete_id", Integer, nullable=False),
    Column("exercise", String(100), nullable=False),
    Column("performed_on", Date, nullable=False),
    Column("position", Integer, nullable=False),
    Column("set_type", String(16), nullable=False),
    Column("load_kg", Double, nullable=True),
    Column("added_kg", Double, nullable=True, comment="bodyweight + added (or - assistance)"),
    Column("reps", Integer, nullable=True),
    Column("seconds", Integer, nullable=True),
    Column("rir", Integer, nullable=True),
    Column("range_done", String(16), nullable=False),
    Column("pain", Integer, nullable=True),
    Column("note", Text, nullable=False),
    Column("distance_m", Double, nullable=True),
    Column("prescribed_load_kg", Double, nullable=True),
    Column("prescribed_reps", Integer, nullable=True),
    Column("prescribed_seconds", Integer, nullable=True),
    Column("prescribed_rir", Integer, nullable=True),
    ForeignKeyConstraint(
        ["entry_id", "athlete_id"],
        ["log_entries.id", "log_entries.athlete_id"],
        ondelete="CASCADE",
    ),
    UniqueConstraint("entry_id", "position"),
    Index(None, "athlete_id", "exercise", "performed_on"),
    CheckConstraint("position >= 1", name="position_from_one"),
    CheckConstraint(_in("set_type", SET_TYPES), name="set_type"),
    CheckConstraint(_in("range_done", RANGES_DONE), name="range_done"),
    CheckConstraint("load_kg IS NULL OR load_kg >= 0", name="load_not_negative"),
    CheckConstraint("reps IS NULL OR reps >= 0", name="reps_not_negative"),
    CheckConstraint("seconds IS NULL OR seconds >= 0", name="seconds_not_negative"),
    CheckConstraint("rir IS NULL OR rir >= 0", name="rir_not_negative"),
    CheckConstraint(_between("pain", 0, 10), name="pain_0_10"),
    CheckConstraint("distance_m IS NULL OR distance_m >= 0", name="distance_not_negative"),
)

exercise_records = Table(
    "exercise_records",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
    Column("exercise", String(100), nullable=False),
    Column("set_type", String(16), nullable=False),
    Column("range_done", String(16), nullable=False),
    Column("reps", Integer, nullable=True),
    Column("rir", Integer, nullable=True),
    Column("load_kg", Double, nullable=True, comment="the heaviest load of the group"),
    Column("added_kg", Double, nullable=True, comment="the most added weight of the group"),
    Column("sets", Integer, nullable=False),
    Column("sets_with_added", Integer, nullable=False),
    Column("seconds", Integer, nullable=True, comment="the longest hold of the group"),
    Column("first_on", Date, nullable=False),
    Column("last_on", Date, nullable=False),
    Index(None, "athlete_id", "exercise"),
)
"""The bests of `logged_sets` per (athlete, exercise, set type, range, reps, RIR), so the PR check
reads a few rows instead of the exercise's whole history. The set repository keeps it in step on
every write; a group may have two rows (two workers logging its first sets at once), which is
harmless: the PR check takes the best over all rows."""

check_ins = Table(
    "check_ins",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "athlete_id",
        Integer,
        ForeignKey("athletes.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("checked_on", Date, nullable=False),
    Column("sleep_h", Double, nullable=False),
    Column("sleep_quality", Integer, nullable=True),
    Column("soreness", Integer, nullable=False),
    Column("back_pain", Integer, nullable=False),
    Column("readiness", Integer, nullable=True),
    Column("red_flags", Text, nullable=False, comment="JSON array of red-flag codes"),
    Column("checked_at", UtcDateTime, nullable=True),
    Column(
        "leg_symptoms",
        Boolean,
        nullable=False,
        server_default=false(),
        comment="new leg pain, numbness or tingling since the last check-in",
    ),
    UniqueConstraint("athlete_id", "checked_on"),
    CheckConstraint("sleep_h BETWEEN 0 AND 24", name="sleep_h_0_24"),
    CheckConstraint(_between("sleep_quality", 1, 5), name="sleep_quality_1_5"),
    CheckConstraint(_between("soreness", 0, 10, nullable=False), name="soreness_0_10"),
    CheckConstraint(_between("back_pain", 0, 10, nullable=False), name="back_pain_0_10"),
    CheckConstraint(_between("readiness", 1, 10), name="readiness_1_10"),
)

performed_sessions = Table(
    "performed_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "athlete_id",
        Integer,
        ForeignKey("athletes.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("performed_on", Date, nullable=False),
    Column("session_rpe", Integer, nullable=True),
    Column("duration_min", Double, nullable=True),
    UniqueConstraint("athlete_id", "performed_on"),
    CheckConstraint(_between("session_rpe", 0, 10), name="session_rpe_0_10"),
    CheckConstraint("duration_min IS NULL OR duration_min >= 0", name="duration_not_negative"),
)

SIDES = ("left", "right")

endurance_results = Table(
    "endurance_results",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "athlete_id",
        Integer,
        ForeignKey("athletes.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("test", String(40), nullable=False, comment="rule id after `test.`, e.g. sorensen"),
    Column("side", String(8), nullable=True),
    Column("value", Double, nullable=False, comment="seconds held, or reps for pullups"),
    Column("tested_on", Date, nullable=False),
    Index(None, "athlete_id", "tested_on"),
    CheckConstraint("value >= 0", name="value_not_negative"),
    CheckConstraint(f"side IS NULL OR {_in('side', SIDES)}", name="side"),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("name", String(100), nullable=False),
    Column("token_hash", String(64), nullable=False, comment="SHA-256 hex of the secret"),
    Column("prefix", String(16), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("last_used_at", UtcDateTime, nullable=True),
    Column("revoked_at", UtcDateTime, nullable=True),
    UniqueConstraint("token_hash"),
    Index(None, "user_id", "revoked_at"),
)

rate_limits = Table(
    "rate_limits",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("window_start", BigInteger, primary_key=True, comment="epoch seconds"),
    Column("hits", Integer, nullable=False),
    Index(None, "window_start"),
)

session_comments = Table(
    "session_comments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
    Column("session_on", Date, nullable=False),
    Column("author_user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Index(None, "athlete_id", "session_on"),
)

server_secrets = Table(
    "server_secrets",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
)


import_previews = Table(
    "import_previews",
    metadata,
    Column("id", String(64), primary_key=True, comment="random: the id the preview was shown with"),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("file_name", String(500), nullable=False),
    Column("source", String(40), nullable=True),
    Column("units", String(8), nullable=True),
    Column("overrides", Text, nullable=False, comment="JSON object {name: slug}"),
    Column("content", LargeBinary, nullable=False, comment="the uploaded file, byte for byte"),
    Column("content_sha256", String(64), nullable=False),
    Index(None, "athlete_id", "created_at"),
)

exercise_mappings = Table(
    "exercise_mappings",
    metadata,
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), primary_key=True),
    Column("name_key", String(200), primary_key=True, comment="the name folded as imports fold it"),
    Column("slug", String(100), nullable=False),
)

calendar_feeds = Table(
    "calendar_feeds",
    metadata,
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), primary_key=True),
    Column("token_hash", String(64), nullable=False, comment="SHA-256 hex of the URL's secret"),
    Column("created_at", UtcDateTime, nullable=False),
    UniqueConstraint("token_hash"),
)

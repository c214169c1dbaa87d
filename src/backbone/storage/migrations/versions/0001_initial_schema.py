"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:49:07.092238
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "athletes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("units", sa.String(length=8), nullable=False),
        sa.Column("bodyweight_kg", sa.Double(), nullable=True),
        sa.Column(
            "plates_kg", sa.Text(), nullable=False, comment="JSON array of plate sizes in kg"
        ),
        sa.Column("bar_kg", sa.Double(), nullable=False),
        sa.Column("dumbbell_step_kg", sa.Double(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("units IN ('kg', 'lb')", name=op.f("ck_athletes_units")),
        sa.CheckConstraint("bar_kg >= 0", name=op.f("ck_athletes_bar_not_negative")),
        sa.CheckConstraint(
            "bodyweight_kg IS NULL OR bodyweight_kg > 0",
            name=op.f("ck_athletes_bodyweight_positive"),
        ),
        sa.CheckConstraint("dumbbell_step_kg > 0", name=op.f("ck_athletes_dumbbell_step_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_athletes")),
        sa.UniqueConstraint("name", name=op.f("uq_athletes_name")),
    )
    op.create_table(
        "check_ins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("sleep_h", sa.Double(), nullable=False),
        sa.Column("sleep_quality", sa.Integer(), nullable=True),
        sa.Column("soreness", sa.Integer(), nullable=False),
        sa.Column("back_pain", sa.Integer(), nullable=False),
        sa.Column("readiness", sa.Integer(), nullable=True),
        sa.Column("red_flags", sa.Text(), nullable=False, comment="JSON array of red-flag codes"),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("back_pain BETWEEN 0 AND 10", name=op.f("ck_check_ins_back_pain_0_10")),
        sa.CheckConstraint(
            "readiness IS NULL OR readiness BETWEEN 1 AND 10",
            name=op.f("ck_check_ins_readiness_1_10"),
        ),
        sa.CheckConstraint("sleep_h BETWEEN 0 AND 24", name=op.f("ck_check_ins_sleep_h_0_24")),
        sa.CheckConstraint(
            "sleep_quality IS NULL OR sleep_quality BETWEEN 1 AND 5",
            name=op.f("ck_check_ins_sleep_quality_1_5"),
        ),
        sa.CheckConstraint("soreness BETWEEN 0 AND 10", name=op.f("ck_check_ins_soreness_0_10")),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_check_ins_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_check_ins")),
        sa.UniqueConstraint(
            "athlete_id", "checked_on", name=op.f("uq_check_ins_athlete_id_checked_on")
        ),
    )
    op.create_table(
        "log_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("exercise", sa.String(length=100), nullable=False),
        sa.Column("performed_on", sa.Date(), nullable=False),
        sa.Column("logged_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_log_entries_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_log_entries")),
        sa.UniqueConstraint("id", "athlete_id", name=op.f("uq_log_entries_id_athlete_id")),
    )
    op.create_index(
        op.f("ix_log_entries_athlete_id_logged_at"),
        "log_entries",
        ["athlete_id", "logged_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_log_entries_athlete_id_performed_on"),
        "log_entries",
        ["athlete_id", "performed_on"],
        unique=False,
    )
    op.create_table(
        "performed_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("performed_on", sa.Date(), nullable=False),
        sa.Column("session_rpe", sa.Integer(), nullable=True),
        sa.Column("duration_min", sa.Double(), nullable=True),
        sa.CheckConstraint(
            "duration_min IS NULL OR duration_min >= 0",
            name=op.f("ck_performed_sessions_duration_not_negative"),
        ),
        sa.CheckConstraint(
            "session_rpe IS NULL OR session_rpe BETWEEN 0 AND 10",
            name=op.f("ck_performed_sessions_session_rpe_0_10"),
        ),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_performed_sessions_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_performed_sessions")),
        sa.UniqueConstraint(
            "athlete_id", "performed_on", name=op.f("uq_performed_sessions_athlete_id_performed_on")
        ),
    )
    op.create_table(
        "programs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column(
            "plan_options", sa.Text(), nullable=False, comment="JSON array of [option, json value]"
        ),
        sa.Column("plan_document", sa.Text(), nullable=False),
        sa.Column("known", sa.Text(), nullable=False, comment="JSON array of known sets"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_programs_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programs")),
    )
    op.create_index(
        op.f("ix_programs_athlete_id_started_on"),
        "programs",
        ["athlete_id", "started_on"],
        unique=False,
    )
    op.create_table(
        "logged_sets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("exercise", sa.String(length=100), nullable=False),
        sa.Column("performed_on", sa.Date(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("set_type", sa.String(length=16), nullable=False),
        sa.Column("load_kg", sa.Double(), nullable=True),
        sa.Column(
            "added_kg", sa.Double(), nullable=True, comment="bodyweight + added (or - assistance)"
        ),
        sa.Column("reps", sa.Integer(), nullable=True),
        sa.Column("seconds", sa.Integer(), nullable=True),
        sa.Column("rir", sa.Integer(), nullable=True),
        sa.Column("range_done", sa.String(length=16), nullable=False),
        sa.Column("pain", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "range_done IN ('full', 'partial')", name=op.f("ck_logged_sets_range_done")
        ),
        sa.CheckConstraint(
            "set_type IN ('warmup', 'working', 'drop', 'failure', 'amrap')",
            name=op.f("ck_logged_sets_set_type"),
        ),
        sa.CheckConstraint(
            "load_kg IS NULL OR load_kg >= 0", name=op.f("ck_logged_sets_load_not_negative")
        ),
        sa.CheckConstraint(
            "pain IS NULL OR pain BETWEEN 0 AND 10", name=op.f("ck_logged_sets_pain_0_10")
        ),
        sa.CheckConstraint("position >= 1", name=op.f("ck_logged_sets_position_from_one")),
        sa.CheckConstraint(
            "reps IS NULL OR reps >= 0", name=op.f("ck_logged_sets_reps_not_negative")
        ),
        sa.CheckConstraint("rir IS NULL OR rir >= 0", name=op.f("ck_logged_sets_rir_not_negative")),
        sa.CheckConstraint(
            "seconds IS NULL OR seconds >= 0", name=op.f("ck_logged_sets_seconds_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["entry_id", "athlete_id"],
            ["log_entries.id", "log_entries.athlete_id"],
            name=op.f("fk_logged_sets_entry_id_athlete_id_log_entries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_logged_sets")),
        sa.UniqueConstraint("entry_id", "position", name=op.f("uq_logged_sets_entry_id_position")),
    )
    op.create_index(
        op.f("ix_logged_sets_athlete_id_exercise_performed_on"),
        "logged_sets",
        ["athlete_id", "exercise", "performed_on"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_logged_sets_athlete_id_exercise_performed_on"), table_name="logged_sets")
    op.drop_table("logged_sets")
    op.drop_index(op.f("ix_programs_athlete_id_started_on"), table_name="programs")
    op.drop_table("programs")
    op.drop_table("performed_sessions")
    op.drop_index(op.f("ix_log_entries_athlete_id_performed_on"), table_name="log_entries")
    op.drop_index(op.f("ix_log_entries_athlete_id_logged_at"), table_name="log_entries")
    op.drop_table("log_entries")
    op.drop_table("check_ins")
    op.drop_table("athletes")

"""import batches, the athlete's own exercises, and what imported sets carry

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 10:00:00

- `import_batches`: one row per imported file; `log_entries.import_batch_id` points at it with
  ON DELETE CASCADE, so `backbone import undo BATCH` deletes the batch and everything it wrote.
- `athlete_exercises`: names from imported history that match no catalogue exercise, with a
  guessed movement, muscles and spinal load so the analytics can count them.
- `log_entries.started_at` (ISO text as the source wrote it) and `workout`; `logged_sets`
  distance and the prescribed target, so a Backbone CSV export reads back the same.

Existing rows keep everything: the new columns are nullable or have a default, and SQLite's
table copies run with foreign keys off (`upgrade_to_head`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "import_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column(
            "source",
            sa.String(length=40),
            nullable=False,
            comment="the app that wrote the file, or backup",
        ),
        sa.Column("dialect", sa.String(length=100), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rows_read", sa.Integer(), nullable=False),
        sa.Column("entries_imported", sa.Integer(), nullable=False),
        sa.Column("sets_imported", sa.Integer(), nullable=False),
        sa.Column("sets_duplicate", sa.Integer(), nullable=False),
        sa.Column("rows_skipped", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_import_batches_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batches")),
    )
    op.create_index(
        op.f("ix_import_batches_athlete_id_imported_at"),
        "import_batches",
        ["athlete_id", "imported_at"],
    )
    op.create_table(
        "athlete_exercises",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "pattern",
            sa.String(length=16),
            nullable=False,
            comment="push, squat, lunge, hinge, pull, ...",
        ),
        sa.Column("muscles", sa.Text(), nullable=False, comment="JSON array of [muscle, credit]"),
        sa.Column("spinal_load", sa.String(length=16), nullable=False),
        sa.Column("source_name", sa.String(length=200), nullable=False),
        sa.CheckConstraint(
            "pattern IN ('push', 'squat', 'lunge', 'hinge', 'pull', 'carry', 'cardio', 'other')",
            name=op.f("ck_athlete_exercises_pattern"),
        ),
        sa.CheckConstraint(
            "spinal_load IN ('low', 'moderate', 'high')",
            name=op.f("ck_athlete_exercises_spinal_load"),
        ),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_athlete_exercises_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_athlete_exercises")),
        sa.UniqueConstraint(
            "athlete_id", "slug", name=op.f("uq_athlete_exercises_athlete_id_slug")
        ),
    )
    with op.batch_alter_table("log_entries") as batch:
        batch.add_column(
            sa.Column(
                "import_batch_id",
                sa.Integer(),
                nullable=True,
                comment="the import that wrote the entry; undoing the import deletes it",
            )
        )
        batch.add_column(
            sa.Column(
                "started_at",
                sa.String(length=40),
                nullable=True,
                comment="ISO 8601 as the source wrote it: with its offset, or local wall-clock time",
            )
        )
        batch.add_column(
            sa.Column("workout", sa.String(length=200), nullable=False, server_default="")
        )
        batch.create_foreign_key(
            op.f("fk_log_entries_import_batch_id_import_batches"),
            "import_batches",
            ["import_batch_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.create_index(op.f("ix_log_entries_import_batch_id"), ["import_batch_id"])
    with op.batch_alter_table("logged_sets") as batch:
        batch.add_column(sa.Column("distance_m", sa.Double(), nullable=True))
        batch.add_column(sa.Column("prescribed_load_kg", sa.Double(), nullable=True))
        batch.add_column(sa.Column("prescribed_reps", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("prescribed_seconds", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("prescribed_rir", sa.Integer(), nullable=True))
        batch.create_check_constraint(
            op.f("ck_logged_sets_distance_not_negative"), "distance_m IS NULL OR distance_m >= 0"
        )


def downgrade() -> None:
    with op.batch_alter_table("logged_sets") as batch:
        batch.drop_constraint(op.f("ck_logged_sets_distance_not_negative"), type_="check")
        batch.drop_column("prescribed_rir")
        batch.drop_column("prescribed_seconds")
        batch.drop_column("prescribed_reps")
        batch.drop_column("prescribed_load_kg")
        batch.drop_column("distance_m")
    # imported entries leave with their batches: a 0003 database cannot tell them apart
    op.execute("DELETE FROM log_entries WHERE import_batch_id IS NOT NULL")
    with op.batch_alter_table("log_entries") as batch:
        batch.drop_index("ix_log_entries_import_batch_id")
        batch.drop_constraint("fk_log_entries_import_batch_id_import_batches", type_="foreignkey")
        batch.drop_column("workout")
        batch.drop_column("started_at")
        batch.drop_column("import_batch_id")
    op.drop_table("athlete_exercises")
    op.drop_index(op.f("ix_import_batches_athlete_id_imported_at"), table_name="import_batches")
    op.drop_table("import_batches")

"""kept exercise records: the bests of logged_sets per athlete, exercise and set group

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08 01:40:00

The PR check read the aggregate of an exercise's whole history on every `log`; it now reads the
few rows of `exercise_records`, which the set repository keeps in step. The data step fills the
table from the sets already stored.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | None = None
depends_on: str | None = None

FILL = """
INSERT INTO exercise_records (
    athlete_id, exercise, set_type, range_done, reps, rir,
    load_kg, added_kg, sets, sets_with_added, seconds, first_on, last_on
)
SELECT athlete_id, exercise, set_type, range_done, reps, rir,
    MAX(load_kg), MAX(added_kg), COUNT(*), COUNT(added_kg), MAX(seconds),
    MIN(performed_on), MAX(performed_on)
FROM logged_sets
GROUP BY athlete_id, exercise, set_type, range_done, reps, rir
"""


def upgrade() -> None:
    op.create_table(
        "exercise_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("exercise", sa.String(length=100), nullable=False),
        sa.Column("set_type", sa.String(length=16), nullable=False),
        sa.Column("range_done", sa.String(length=16), nullable=False),
        sa.Column("reps", sa.Integer(), nullable=True),
        sa.Column("rir", sa.Integer(), nullable=True),
        sa.Column("load_kg", sa.Double(), nullable=True, comment="the heaviest load of the group"),
        sa.Column(
            "added_kg", sa.Double(), nullable=True, comment="the most added weight of the group"
        ),
        sa.Column("sets", sa.Integer(), nullable=False),
        sa.Column("sets_with_added", sa.Integer(), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=True, comment="the longest hold of the group"),
        sa.Column("first_on", sa.Date(), nullable=False),
        sa.Column("last_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_exercise_records_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exercise_records")),
    )
    op.create_index(
        op.f("ix_exercise_records_athlete_id_exercise"),
        "exercise_records",
        ["athlete_id", "exercise"],
    )
    op.execute(FILL)


def downgrade() -> None:
    op.drop_index(op.f("ix_exercise_records_athlete_id_exercise"), table_name="exercise_records")
    op.drop_table("exercise_records")

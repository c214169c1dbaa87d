"""program swaps: the athlete's exercise swaps in a running program

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08 01:45:00

One row per swap, applied in order to the plan the program started with (the stored plan itself
never changes), so a swap back restores it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "program_swaps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("from_exercise", sa.String(length=100), nullable=False),
        sa.Column("to_exercise", sa.String(length=100), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column(
            "carried",
            sa.Text(),
            nullable=True,
            comment="JSON known set the replacement starts from, carried over from from_exercise",
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_program_swaps_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
            name=op.f("fk_program_swaps_program_id_programs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_program_swaps")),
    )
    op.create_index(
        op.f("ix_program_swaps_athlete_id_program_id"),
        "program_swaps",
        ["athlete_id", "program_id"],
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_program_swaps_athlete_id_program_id"), table_name="program_swaps")
    op.drop_table("program_swaps")

"""endurance results

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 10:18:34.373153
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "endurance_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column(
            "test",
            sa.String(length=40),
            nullable=False,
            comment="rule id after `test.`, e.g. sorensen",
        ),
        sa.Column("side", sa.String(length=8), nullable=True),
        sa.Column(
            "value", sa.Double(), nullable=False, comment="seconds held, or reps for pullups"
        ),
        sa.Column("tested_on", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "side IS NULL OR side IN ('left', 'right')", name=op.f("ck_endurance_results_side")
        ),
        sa.CheckConstraint("value >= 0", name=op.f("ck_endurance_results_value_not_negative")),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_endurance_results_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_endurance_results")),
    )
    op.create_index(
        op.f("ix_endurance_results_athlete_id_tested_on"),
        "endurance_results",
        ["athlete_id", "tested_on"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_endurance_results_athlete_id_tested_on"), table_name="endurance_results")
    op.drop_table("endurance_results")

"""check-in leg symptoms

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08 01:45:00

A check-in can report new leg symptoms (pain, numbness or tingling going down a leg): with them
`today` offers no loaded back work (issue 9, section 4). Existing check-ins had no such question,
so they read as "no new leg symptoms".
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("check_ins") as batch:
        batch.add_column(
            sa.Column(
                "leg_symptoms",
                sa.Boolean(),
                nullable=False,
                server_default=sa.false(),
                comment="new leg pain, numbness or tingling since the last check-in",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("check_ins") as batch:
        batch.drop_column("leg_symptoms")

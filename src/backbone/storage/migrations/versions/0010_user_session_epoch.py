"""user session epoch

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08 05:20:00

Browser sessions are signed cookies that the server does not keep, so "log out everywhere" needs
one number per user that every cookie carries: bumping it ends every session signed before.
Existing users start at 0.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column(
                "session_epoch",
                sa.Integer(),
                nullable=False,
                server_default="0",
                comment="bumped by 'log out everywhere': older session cookies are refused",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("session_epoch")

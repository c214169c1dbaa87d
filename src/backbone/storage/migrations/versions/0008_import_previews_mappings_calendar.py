"""import previews kept for their confirm, remembered exercise mappings, calendar feeds

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08 01:40:00

Issue 13 over HTTP: an uploaded file waits in `import_previews` (workers are stateless) until the
athlete confirms the preview; `backbone exercise map` is remembered per athlete in
`exercise_mappings`; a secret calendar feed URL per athlete in `calendar_feeds`; own exercises
remember the import that created them, so undoing it can remove them too.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("athlete_exercises") as batch:
        batch.add_column(
            sa.Column(
                "import_batch_id",
                sa.Integer(),
                nullable=True,
                comment="the import that created it (no foreign key: undo reads it after the "
                "batch is gone)",
            )
        )
    op.create_table(
        "import_previews",
        sa.Column(
            "id",
            sa.String(length=64),
            nullable=False,
            comment="random: the id the preview was shown with",
        ),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=True),
        sa.Column("units", sa.String(length=8), nullable=True),
        sa.Column("overrides", sa.Text(), nullable=False, comment="JSON object {name: slug}"),
        sa.Column(
            "content",
            sa.LargeBinary(),
            nullable=False,
            comment="the uploaded file, byte for byte",
        ),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_import_previews_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_previews")),
    )
    op.create_index(
        op.f("ix_import_previews_athlete_id_created_at"),
        "import_previews",
        ["athlete_id", "created_at"],
    )
    op.create_table(
        "exercise_mappings",
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column(
            "name_key",
            sa.String(length=200),
            nullable=False,
            comment="the name folded as imports fold it",
        ),
        sa.Column("slug", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_exercise_mappings_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("athlete_id", "name_key", name=op.f("pk_exercise_mappings")),
    )
    op.create_table(
        "calendar_feeds",
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column(
            "token_hash",
            sa.String(length=64),
            nullable=False,
            comment="SHA-256 hex of the URL's secret",
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_calendar_feeds_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("athlete_id", name=op.f("pk_calendar_feeds")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_calendar_feeds_token_hash")),
    )


def downgrade() -> None:
    op.drop_table("calendar_feeds")
    op.drop_table("exercise_mappings")
    op.drop_index(op.f("ix_import_previews_athlete_id_created_at"), table_name="import_previews")
    op.drop_table("import_previews")
    with op.batch_alter_table("athlete_exercises") as batch:
        batch.drop_column("import_batch_id")

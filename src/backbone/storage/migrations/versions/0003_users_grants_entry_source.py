"""users own athletes, coach grants, entry source and idempotency key, plan storage format

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 22:00:00

A 0.1.0 database has athletes with globally unique names and no owner. They all move to one local
user (username `local`, no password): the user a laptop install has always implicitly been.
Existing entries are marked as logged from the CLI; existing programs keep their plan in storage
format 1 (the 0.1.0 plan document), which `backbone.storage.plan_format` still reads.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

LOCAL_USERNAME = "local"  # frozen here: a migration must not follow later code changes


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=200), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column(
            "password_hash", sa.Text(), nullable=True, comment="argon2; NULL for the local user"
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("role IN ('athlete', 'coach')", name=op.f("ck_users_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    connection = op.get_bind()
    has_athletes = connection.execute(sa.text("SELECT COUNT(*) FROM athletes")).scalar()
    with op.batch_alter_table("athletes") as batch:
        batch.add_column(sa.Column("user_id", sa.Integer(), nullable=True))
    if has_athletes:
        now = datetime.now(UTC)
        stored_now = now.replace(tzinfo=None) if connection.dialect.name == "sqlite" else now
        connection.execute(
            sa.text(
                "INSERT INTO users (username, display_name, role, password_hash, created_at) "
                "VALUES (:username, '', 'athlete', NULL, :now)"
            ),
            {"username": LOCAL_USERNAME, "now": stored_now},
        )
        local_id = connection.execute(
            sa.text("SELECT id FROM users WHERE username = :username"),
            {"username": LOCAL_USERNAME},
        ).scalar_one()
        connection.execute(sa.text("UPDATE athletes SET user_id = :id"), {"id": local_id})
    with op.batch_alter_table("athletes") as batch:
        batch.alter_column("user_id", existing_type=sa.Integer(), nullable=False)
        batch.drop_constraint("uq_athletes_name", type_="unique")
        batch.create_unique_constraint(op.f("uq_athletes_user_id_name"), ["user_id", "name"])
        batch.create_foreign_key(
            op.f("fk_athletes_user_id_users"), "users", ["user_id"], ["id"], ondelete="CASCADE"
        )

    op.create_table(
        "coach_grants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("coach_user_id", sa.Integer(), nullable=False),
        sa.Column("access", sa.String(length=16), nullable=False),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("access IN ('read', 'comment')", name=op.f("ck_coach_grants_access")),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_coach_grants_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["coach_user_id"],
            ["users.id"],
            name=op.f("fk_coach_grants_coach_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coach_grants")),
    )
    op.create_index(
        op.f("ix_coach_grants_coach_user_id_revoked_at"),
        "coach_grants",
        ["coach_user_id", "revoked_at"],
    )
    op.create_index(
        op.f("ix_coach_grants_athlete_id_revoked_at"), "coach_grants", ["athlete_id", "revoked_at"]
    )

    with op.batch_alter_table("log_entries") as batch:
        batch.add_column(
            sa.Column("source", sa.String(length=40), nullable=False, server_default="cli")
        )
        batch.add_column(sa.Column("idempotency_key", sa.String(length=200), nullable=True))
        batch.create_unique_constraint(
            op.f("uq_log_entries_athlete_id_idempotency_key"), ["athlete_id", "idempotency_key"]
        )
    with op.batch_alter_table("programs") as batch:
        batch.add_column(
            sa.Column(
                "plan_format",
                sa.Integer(),
                nullable=False,
                server_default="1",
                comment="storage format of plan_document (backbone.storage.plan_format)",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("programs") as batch:
        batch.drop_column("plan_format")
    with op.batch_alter_table("log_entries") as batch:
        batch.drop_constraint("uq_log_entries_athlete_id_idempotency_key", type_="unique")
        batch.drop_column("idempotency_key")
        batch.drop_column("source")
    op.drop_index(op.f("ix_coach_grants_athlete_id_revoked_at"), table_name="coach_grants")
    op.drop_index(op.f("ix_coach_grants_coach_user_id_revoked_at"), table_name="coach_grants")
    op.drop_table("coach_grants")
    with op.batch_alter_table("athletes") as batch:
        batch.drop_constraint("fk_athletes_user_id_users", type_="foreignkey")
        batch.drop_constraint("uq_athletes_user_id_name", type_="unique")
        batch.create_unique_constraint("uq_athletes_name", ["name"])
        batch.drop_column("user_id")
    op.drop_table("users")

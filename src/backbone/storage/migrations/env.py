"""Alembic environment: runs on the connection `upgrade_to_head` hands over, inside its transaction.

Run on its own (developer commands through `python -m backbone.storage.migrations`), it connects to
the database chosen by the environment, as the application does.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection

from backbone.storage.tables import metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if isinstance(connection, Connection):
        _run(connection)
        return
    from backbone.settings import database_url
    from backbone.storage.engine import create_backbone_engine

    engine = create_backbone_engine(database_url(os.environ))
    with engine.begin() as own_connection:
        _run(own_connection)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Backbone migrations run online only (against a database).")
run_migrations_online()

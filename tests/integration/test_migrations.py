"""The Alembic revisions build exactly the schema of `backbone.storage.tables`, on both databases."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from backbone.settings import sqlite_url
from backbone.storage.engine import create_backbone_engine
from backbone.storage.migrations import (
    HEAD,
    alembic_config,
    current_revision,
    is_at_head,
    upgrade_to_head,
)
from backbone.storage.tables import metadata


def test_head_constant_is_alembics_head() -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_heads() == [HEAD]


def test_upgrade_creates_every_table_and_is_idempotent(tmp_path: Path) -> None:
    engine = create_backbone_engine(sqlite_url(tmp_path / "new.db"))
    assert not is_at_head(engine)
    upgrade_to_head(engine)
    upgrade_to_head(engine)
    assert is_at_head(engine)
    tables = set(inspect(engine).get_table_names())
    assert tables == {t.name for t in metadata.sorted_tables} | {"alembic_version"}
    engine.dispose()


def test_migrations_match_the_tables(sql_engine: Engine) -> None:
    with sql_engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_downgrade_to_base_and_back(sql_engine: Engine) -> None:
    with sql_engine.begin() as connection:
        command.downgrade(alembic_config(connection), "base")
        assert current_revision(connection) is None
        assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
    upgrade_to_head(sql_engine)
    assert is_at_head(sql_engine)


def test_0002_adds_endurance_results_and_downgrades_to_0001(sql_engine: Engine) -> None:
    with sql_engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0001")
        assert current_revision(connection) == "0001"
        tables = set(inspect(connection).get_table_names())
        assert "endurance_results" not in tables
        assert "athletes" in tables
    assert not is_at_head(sql_engine)  # the cheap check sees the old revision
    upgrade_to_head(sql_engine)
    assert is_at_head(sql_engine)
    with sql_engine.connect() as connection:
        assert current_revision(connection) == HEAD
        assert "endurance_results" in inspect(connection).get_table_names()
        indexes = inspect(connection).get_indexes("endurance_results")
    assert [i["column_names"] for i in indexes] == [["athlete_id", "tested_on"]]

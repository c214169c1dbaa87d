"""Backends for the storage contract suite: the in-memory fake, a SQLite file, a real PostgreSQL.

PostgreSQL comes from BACKBONE_TEST_DATABASE_URL (`make test` starts a throwaway server and sets
it). Each test module gets its own schema, dropped afterwards; each test starts from empty tables.
Without the variable the PostgreSQL cases are skipped with a reason, or fail when
BACKBONE_REQUIRE_POSTGRES=1 (as `make test` sets), so they are never silently left out.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import Engine, create_engine, text

from backbone.services.ports import UnitOfWork
from backbone.settings import database_url, sqlite_url
from backbone.storage.engine import create_backbone_engine
from backbone.storage.migrations import upgrade_to_head
from backbone.storage.tables import metadata
from backbone.storage.unit_of_work import SqlUnitOfWork
from tests.fakes import FakeStore

UowFactory = Callable[[], UnitOfWork]

SKIP_REASON = "PostgreSQL not configured: run `make test`"


def postgres_base_url() -> str:
    """The configured test server's URL; skip (or fail when it is required) without one."""
    raw = os.environ.get("BACKBONE_TEST_DATABASE_URL", "").strip()
    if not raw:
        if os.environ.get("BACKBONE_REQUIRE_POSTGRES") == "1":
            pytest.fail(
                "BACKBONE_REQUIRE_POSTGRES=1 but BACKBONE_TEST_DATABASE_URL is not set: "
                "the PostgreSQL contract tests cannot run (use `make test`)."
            )
        pytest.skip(SKIP_REASON)
    return database_url({"BACKBONE_DATABASE_URL": raw})


def with_search_path(url: str, schema: str) -> str:
    options = quote(f"-csearch_path={schema}")
    return f"{url}{'&' if '?' in url else '?'}options={options}"


@pytest.fixture(scope="module")
def postgres_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh schema on the test server for this module; the URL puts it first on search_path."""
    base = postgres_base_url()
    module = re.sub(r"\W", "_", request.module.__name__.rsplit(".", 1)[-1])[:30]
    schema = f"t_{module}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield with_search_path(base, schema)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="module")
def postgres_engine(postgres_url: str) -> Iterator[Engine]:
    engine = create_backbone_engine(postgres_url)
    upgrade_to_head(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = create_backbone_engine(sqlite_url(tmp_path / "backbone.db"))
    upgrade_to_head(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def empty_postgres_engine(postgres_engine: Engine) -> Engine:
    names = ", ".join(f'"{table.name}"' for table in metadata.sorted_tables)
    with postgres_engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    return postgres_engine


@pytest.fixture(params=["sqlite", "postgres"])
def sql_engine(request: pytest.FixtureRequest) -> Engine:
    """A migrated, empty database of each real kind."""
    fixture = "sqlite_engine" if request.param == "sqlite" else "empty_postgres_engine"
    engine: Engine = request.getfixturevalue(fixture)
    return engine


@pytest.fixture(params=["fake", "sqlite", "postgres"])
def uow_factory(request: pytest.FixtureRequest) -> UowFactory:
    """New units of work on one empty store, for each backend of the contract."""
    if request.param == "fake":
        return FakeStore().unit_of_work
    fixture = "sqlite_engine" if request.param == "sqlite" else "empty_postgres_engine"
    engine: Engine = request.getfixturevalue(fixture)
    return lambda: SqlUnitOfWork(engine)

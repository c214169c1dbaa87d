"""Throwaway databases for the benchmark scripts: SQLite files, or PostgreSQL schemas.

    with Backends(directory) as backends:
        for backend in backends.available():     # SQLite, and PostgreSQL when configured
            target = backend.fresh("round-1")     # a Path (SQLite) or a URL (PostgreSQL)

PostgreSQL is used when BACKBONE_TEST_DATABASE_URL is set (as `scripts/with-postgres.sh` sets it,
e.g. `scripts/with-postgres.sh .venv/bin/python bench/log.py`): each fresh database is a new
schema on that server, put first on the connection's search_path, dropped at the end.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Self
from urllib.parse import quote

if TYPE_CHECKING:
    from sqlalchemy import Engine

POSTGRES_VAR = "BACKBONE_TEST_DATABASE_URL"


class SQLiteBackend:
    name = "SQLite"

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def fresh(self, label: str) -> Path:
        return self.directory / f"{label}-{uuid.uuid4().hex[:6]}.db"


class PostgresBackend:
    name = "PostgreSQL"

    def __init__(self, base_url: str) -> None:
        from sqlalchemy import create_engine

        from backbone.settings import database_url

        self.base_url = database_url({"BACKBONE_DATABASE_URL": base_url})
        self._admin: Engine = create_engine(self.base_url)
        self._schemas: list[str] = []

    def fresh(self, label: str) -> str:
        from sqlalchemy import text

        # lower case: search_path names are folded to lower case, the quoted CREATE keeps case
        schema = f"bench_{label.replace('-', '_')}_{uuid.uuid4().hex[:8]}"[:60].lower()
        with self._admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        self._schemas.append(schema)
        options = quote(f"-csearch_path={schema}")
        return f"{self.base_url}{'&' if '?' in self.base_url else '?'}options={options}"

    def close(self) -> None:
        from sqlalchemy import text

        with self._admin.begin() as connection:
            for schema in self._schemas:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        self._admin.dispose()


Backend = SQLiteBackend | PostgresBackend


class Backends:
    def __init__(self, directory: Path) -> None:
        self._directory = directory
        self._postgres: PostgresBackend | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._postgres is not None:
            self._postgres.close()

    def available(self) -> list[Backend]:
        backends: list[Backend] = [SQLiteBackend(self._directory)]
        url = os.environ.get(POSTGRES_VAR, "").strip()
        if url:
            if self._postgres is None:
                self._postgres = PostgresBackend(url)
            backends.append(self._postgres)
        return backends

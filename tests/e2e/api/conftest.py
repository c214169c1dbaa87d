"""API tests: the FastAPI app over a real database (SQLite file, or PostgreSQL from `make test`),
driven in-process through Starlette's test client; a fixed clock; cheap argon2 parameters."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from backbone.bootstrap import build_application
from backbone.interfaces.api.app import create_app
from backbone.services.application import Backbone
from backbone.services.passwords import Argon2Passwords
from backbone.services.ports import Knowledge
from backbone.settings import Settings, sqlite_url
from tests.integration.conftest import (  # noqa: F401  (fixtures used by name)
    empty_postgres_engine,
    postgres_engine,
    postgres_url,
)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: "use httpx2 instead" (httpx works as before)
    from fastapi.testclient import TestClient

NOW = datetime(2026, 12, 2, 18, 0, tzinfo=UTC)  # a Wednesday
PASSWORD = "correct horse battery"
CHEAP_PASSWORDS = Argon2Passwords(time_cost=1, memory_kib=1024)


@dataclass
class Api:
    """One server: its application, the ASGI app and a client factory."""

    backbone: Backbone
    app: FastAPI
    clients: list[TestClient] = field(default_factory=list)

    def client(self, **headers: str) -> TestClient:
        client = TestClient(self.app, headers=headers, raise_server_exceptions=False)
        self.clients.append(client)
        return client

    def user(self, username: str, role: str = "athlete") -> TestClient:
        """A signed-up user's client, authenticated with a fresh API token."""
        anonymous = self.client()
        created = anonymous.post(
            "/api/v1/users", json={"username": username, "password": PASSWORD, "role": role}
        )
        assert created.status_code == 201, created.text
        user_id = created.json()["user_id"]
        _, secret = self.backbone.create_token(user_id, "tests")
        return self.client(authorization=f"Bearer {secret}")


def build_api(url: str, facts: Knowledge, clock: Callable[[], datetime] = lambda: NOW) -> Api:
    application = build_application(Settings(database_url=url), clock=clock, knowledge=facts)
    application._passwords = CHEAP_PASSWORDS
    return Api(application, create_app(application))


@pytest.fixture(params=["sqlite", "postgres"])
def api(request: pytest.FixtureRequest, facts: Knowledge, tmp_path: Path) -> Iterator[Api]:
    """A fresh server on each real database."""
    if request.param == "sqlite":
        url = sqlite_url(tmp_path / "api.db")
    else:
        request.getfixturevalue("empty_postgres_engine")  # migrated, every table emptied
        url = request.getfixturevalue("postgres_url")
    built = build_api(url, facts)
    yield built
    for client in built.clients:
        client.close()
    built.backbone.database.dispose()


@pytest.fixture
def sqlite_api(facts: Knowledge, tmp_path: Path) -> Iterator[Api]:
    built = build_api(sqlite_url(tmp_path / "api.db"), facts)
    yield built
    for client in built.clients:
        client.close()
    built.backbone.database.dispose()


def ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json() if response.content else None

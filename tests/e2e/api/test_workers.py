"""Two uvicorn workers (`backbone serve --workers 2`) on one PostgreSQL, two clients logging at
once, each request sent twice with the same Idempotency-Key as a retrying phone would: every set
is stored exactly once. A real server process on loopback, a real database."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, func, select

from backbone.storage.tables import log_entries, logged_sets
from tests.e2e.api.conftest import PASSWORD

ENTRIES_PER_CLIENT = 25


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(postgres_url: str, empty_postgres_engine: Engine) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "BACKBONE_DATABASE_URL": postgres_url}
    process = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("backbone")),
            "serve",
            "--port",
            str(port),
            "--workers",
            "2",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.stdout.read().decode() if process.stdout else ""
                pytest.fail(f"the server did not start: {output}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


@pytest.mark.slow
def test_two_workers_two_clients_every_set_stored_once(
    server: str, empty_postgres_engine: Engine
) -> None:
    with httpx.Client(base_url=server, timeout=30) as setup:
        assert (
            setup.post("/api/v1/users", json={"username": "ana", "password": PASSWORD}).status_code
            == 201
        )
        login = setup.post("/api/v1/session", json={"username": "ana", "password": PASSWORD})
        created = setup.post(
            "/api/v1/tokens",
            json={"name": "bench"},
            headers={"X-CSRF-Token": login.json()["csrf_token"]},
        )
        token = created.json()["token"]
    statuses: list[int] = []
    lock = threading.Lock()

    def client(name: str) -> None:
        with httpx.Client(
            base_url=server, timeout=30, headers={"Authorization": f"Bearer {token}"}
        ) as http:
            for n in range(ENTRIES_PER_CLIENT):
                body = {"exercise": "chest_supported_row", "sets": ["24x10@2", "x2"]}
                key = {"Idempotency-Key": f"{name}-{n}"}
                answers = [
                    http.post("/api/v1/sets", json=body, headers=key).status_code for _ in range(2)
                ]
                with lock:
                    statuses.extend(answers)

    threads = [threading.Thread(target=client, args=(name,)) for name in ("phone", "laptop")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(set(statuses)) == [200, 201]
    assert statuses.count(201) == 2 * ENTRIES_PER_CLIENT
    with empty_postgres_engine.connect() as connection:
        entries = connection.execute(select(func.count()).select_from(log_entries)).scalar_one()
        sets = connection.execute(select(func.count()).select_from(logged_sets)).scalar_one()
        keys = connection.execute(
            select(func.count(func.distinct(log_entries.c.idempotency_key)))
        ).scalar_one()
    assert entries == keys == 2 * ENTRIES_PER_CLIENT
    assert sets == 2 * 2 * ENTRIES_PER_CLIENT

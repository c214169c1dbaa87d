"""schemathesis against /openapi.json: no 5xx, every response matches the documented schema.

Its default checks run except `positive_data_acceptance`: a request can fit the schema and still
be refused with a 422 by the domain (an unknown exercise name, a shorthand typo, a plan that no
week can hold), which is the documented answer, not a fault; and `ignored_auth`, whose invalid tokens would soon
trip the per-address bad-token limit and turn the rest of the run into 429s (every route's 401
without credentials is checked, generated from the route table, in test_access).

Bounded (a few examples per operation, no shrinking past the deadline) so it stays a smoke test
inside `make test`. It runs as a signed-in athlete with a program, so the athlete routes reach
the use cases rather than stopping at 401."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import ignored_auth, positive_data_acceptance

from backbone.services.ports import Knowledge
from backbone.settings import sqlite_url
from tests.e2e.api.conftest import Api, build_api, ok


@pytest.fixture(scope="module")
def served(facts: Knowledge, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Api, str]]:
    api = build_api(sqlite_url(Path(tmp_path_factory.mktemp("schemathesis")) / "api.db"), facts)
    ana = api.user("ana")
    ok(ana.post("/api/v1/program", json={"days": 3, "start": "2026-11-30"}), 201)
    ok(ana.post("/api/v1/sets", json={"exercise": "chest_supported_row", "sets": ["24x10"]}), 201)
    token = ok(ana.post("/api/v1/tokens", json={"name": "schemathesis"}), 201)["token"]
    yield api, token
    for client in api.clients:
        client.close()
    api.backbone.database.dispose()


def test_the_api_keeps_its_documented_promises(served: tuple[Api, str]) -> None:
    api, token = served
    schema = schemathesis.openapi.from_asgi("/openapi.json", api.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 30
    failures: list[str] = []

    for operation in operations:
        anonymous = operation.path in ("/api/v1/session", "/api/v1/users")
        auth = {} if anonymous else {"Authorization": f"Bearer {token}"}
        check = _checker(operation, auth)
        try:
            check()
        except (Exception, BaseExceptionGroup) as error:  # every operation's failure, then all
            failures.append(f"{operation.label}: {type(error).__name__}: {str(error)[:800]}")
    assert failures == [], "\n\n".join(failures)


def _checker(operation: Any, auth: dict[str, str]) -> Any:
    """A bounded hypothesis test of one operation (built per operation: no loop variable)."""

    @given(case=operation.as_strategy())
    @settings(
        max_examples=6,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: Any) -> None:
        case.call_and_validate(
            headers=auth, excluded_checks=[positive_data_acceptance, ignored_auth]
        )

    return check

"""Service tests run the use cases through the application object over the in-memory fakes."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from backbone.services.application import Backbone
from backbone.services.ports import Knowledge
from tests.fakes import FakeStore

MONDAY = date(2026, 11, 30)
NOW = datetime(2026, 11, 30, 18, 0, tzinfo=UTC)


@pytest.fixture
def store() -> FakeStore:
    return FakeStore()


@pytest.fixture
def app(facts: Knowledge, store: FakeStore) -> Backbone:
    return Backbone(knowledge=facts, database=store, clock=lambda: NOW)


@pytest.fixture
def me(app: Backbone) -> int:
    """The laptop's athlete, as the CLI resolves it."""
    athlete = app.local_athlete()
    assert athlete.athlete_id is not None
    return athlete.athlete_id

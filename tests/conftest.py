"""Shared fixtures: the packaged knowledge (catalogue, evidence, CP-SAT) and a plan helper."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from backbone.bootstrap import load_knowledge
from backbone.domain.program import Plan
from backbone.services.planning import PlanRequest, plan_training
from backbone.services.ports import Knowledge

START = date(2026, 11, 30)  # a Monday

# Keep the parsed-YAML cache of this test run (and of the CLI processes it starts) out of the
# user's own cache directory.
os.environ.setdefault("BACKBONE_CACHE_DIR", tempfile.mkdtemp(prefix="backbone-test-cache-"))


@pytest.fixture(scope="session")
def facts() -> Knowledge:
    return load_knowledge()


PlanFor = Callable[..., Plan]


@pytest.fixture(scope="session")
def plan_for(facts: Knowledge) -> PlanFor:
    def make(**overrides: Any) -> Plan:
        request: dict[str, Any] = {
            "start_on": START,
            "days_per_week": 3,
            "minutes_per_session": 45,
            "equipment": ("dumbbell", "bench", "pullup_bar", "band"),
            "level": "intermediate",
            "goal": "hypertrophy",
            "back_pain": "none",
        }
        request.update(overrides)
        return plan_training(PlanRequest(**request), facts)

    return make

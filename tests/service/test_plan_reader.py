"""A stored plan reads back to exactly the plan that was shown."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backbone.domain.errors import InfeasiblePlan, StorageError
from backbone.domain.vocabulary import BackPain, Equipment, Goal, Level
from backbone.services.documents import plan_document
from backbone.services.plan_reader import plan_from_document
from backbone.services.planning import PlanRequest, plan_training, profile_of
from backbone.services.ports import Knowledge

requests = st.builds(
    PlanRequest,
    start_on=st.dates(min_value=date(2025, 1, 1), max_value=date(2030, 12, 31)),
    days_per_week=st.integers(1, 7),
    minutes_per_session=st.integers(15, 120),
    equipment=st.lists(st.sampled_from([e.value for e in Equipment]), max_size=5, unique=True).map(
        tuple
    ),
    level=st.sampled_from([v.value for v in Level]),
    goal=st.sampled_from([v.value for v in Goal]),
    back_pain=st.sampled_from([v.value for v in BackPain]),
    weeks=st.integers(1, 6),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(request=requests)
def test_plan_survives_a_round_trip_through_its_json(
    request: PlanRequest, facts: Knowledge
) -> None:
    try:
        plan = plan_training(request, facts)
    except InfeasiblePlan:
        return
    stored = json.loads(json.dumps(plan_document(plan, facts.evidence)))
    assert plan_from_document(stored, profile_of(request)) == plan


def test_a_damaged_stored_plan_is_a_storage_error(facts: Knowledge) -> None:
    request = PlanRequest(start_on=date(2026, 11, 30))
    stored = plan_document(plan_training(request, facts), facts.evidence)
    del stored["weeks"][0]["sessions"][0]["blocks"][0]["items"][0]["rest_s"]
    with pytest.raises(StorageError, match="program start"):
        plan_from_document(stored, profile_of(request))

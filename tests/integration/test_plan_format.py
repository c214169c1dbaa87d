"""The running program's stored format: every plan survives a round trip, stored 0.1.0 plans are
still read, and a damaged or newer document is a StorageError, never a traceback."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backbone.domain.errors import InfeasiblePlan, StorageError
from backbone.domain.vocabulary import BackPain, Equipment, Goal, Level
from backbone.services.documents import plan_document
from backbone.services.planning import PlanRequest, plan_training
from backbone.services.ports import Knowledge
from backbone.storage.plan_format import CURRENT_FORMAT, decode_plan, encode_plan
from backbone.storage.plan_format_v1 import plan_from_document, profile_from_options

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
def test_every_plan_survives_a_round_trip_through_the_storage_format(
    request: PlanRequest, facts: Knowledge
) -> None:
    try:
        plan = plan_training(request, facts)
    except InfeasiblePlan:
        return
    plan_format, document = encode_plan(plan)
    assert plan_format == CURRENT_FORMAT
    assert decode_plan(plan_format, document, ()) == plan


def test_the_stored_format_is_not_the_public_json(facts: Knowledge) -> None:
    """Renaming a field of the public plan JSON must not break stored programs."""
    plan = plan_training(PlanRequest(start_on=date(2026, 11, 30)), facts)
    _, document = encode_plan(plan)
    public = plan_document(plan, facts.evidence)
    assert json.loads(document)["plan"] != public
    assert "citations" not in json.loads(document)["plan"]


def test_a_0_1_0_program_is_read_from_its_public_document(facts: Knowledge) -> None:
    """Format 1 is the plan JSON 0.1.0 printed and stored, with the request as options."""
    request = PlanRequest(start_on=date(2026, 11, 30), equipment=("band",))
    plan = plan_training(request, facts)
    options = (
        ("back_pain", '"none"'), ("days_per_week", "null"), ("equipment", '["band"]'),
        ("goal", '"health"'), ("level", '"novice"'), ("minutes_per_session", "45"),
        ("on_days", "null"), ("red_flags", "[]"), ("start_on", '"2026-11-30"'), ("weeks", "5"),
    )  # fmt: skip
    old_document = json.dumps(plan_document(plan, facts.evidence))
    assert profile_from_options(options) == plan.profile
    assert decode_plan(1, old_document, options) == plan


def test_a_damaged_stored_plan_is_a_storage_error(facts: Knowledge) -> None:
    request = PlanRequest(start_on=date(2026, 11, 30))
    plan = plan_training(request, facts)
    _, document = encode_plan(plan)
    damaged = json.loads(document)
    del damaged["plan"]["weeks"][0]["sessions"][0]["blocks"][0]["items"][0]["rest_s"]
    with pytest.raises(StorageError, match="damaged"):
        decode_plan(CURRENT_FORMAT, json.dumps(damaged), ())
    with pytest.raises(StorageError, match="damaged"):
        decode_plan(CURRENT_FORMAT, "{not json", ())
    old = plan_document(plan, facts.evidence)
    del old["weeks"][0]["sessions"][0]["blocks"][0]["items"][0]["rest_s"]
    with pytest.raises(StorageError, match="damaged"):
        plan_from_document(old, plan.profile)


def test_a_plan_stored_by_a_newer_backbone_says_to_upgrade(facts: Knowledge) -> None:
    plan = plan_training(PlanRequest(start_on=date(2026, 11, 30)), facts)
    _, document = encode_plan(plan)
    with pytest.raises(StorageError, match="upgrade Backbone"):
        decode_plan(CURRENT_FORMAT + 1, document, ())

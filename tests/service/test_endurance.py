"""Endurance tests through the application over the in-memory fakes: the rules behind the CLI."""

from __future__ import annotations

from datetime import date

import pytest

from backbone.domain.endurance import Side
from backbone.domain.errors import InputError
from backbone.services.application import Backbone
from tests.fakes import FakeStore


def test_everyday_names_are_accepted_and_stored_under_evidence_names(
    app: Backbone, me: int
) -> None:
    on = date(2026, 11, 30)
    names = {
        "Trunk-Flexor": "mcgill_flexor",
        "biering sorensen": "sorensen",
        "Biering-Sørensen": "sorensen",
        "pull-ups": "pullups",
        "DEAD_HANG": "dead_hang",
    }
    for typed, stored in names.items():
        assert app.record_test(me, typed, 30, on=on).test == stored
    bridge = app.record_test(me, "side_bridge", 61.5, side="Right", on=on)
    assert bridge.side is Side.RIGHT
    assert [r.test for r in app.list_tests(me)][-1] == "side_bridge"
    someone = app.create_user("someone")
    assert someone.user_id is not None
    (theirs,) = app.owned_athletes(someone.user_id)
    assert theirs.athlete_id is not None
    assert app.list_tests(theirs.athlete_id) == []


@pytest.mark.parametrize(
    ("name", "value", "side", "field"),
    [
        ("planck", 60.0, None, "test"),
        ("mcgill_ratios", 1.0, None, "test"),  # computed from the holds, never recorded
        ("side_bridge", 60.0, "up", "side"),
        ("side_bridge", 60.0, None, "side"),
        ("plank", float("nan"), None, "value"),
        ("plank", float("inf"), None, "value"),
        ("dead_hang", 600.5, None, "value"),
        ("pullups", 0.0, None, "value"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_stored(
    app: Backbone, me: int, store: FakeStore, name: str, value: float, side: str | None, field: str
) -> None:
    commits = store.commits
    with pytest.raises(InputError) as caught:
        app.record_test(me, name, value, side=side, on=date(2026, 11, 30))
    assert caught.value.details["field"] == field
    assert store.commits == commits

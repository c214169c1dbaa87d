"""The training use cases over the in-memory fakes: fast checks of what a lifter sees."""

from __future__ import annotations

from datetime import timedelta

import pytest

from backbone.domain.errors import InputError, NotFound, SafetyStop
from backbone.services.application import Backbone
from backbone.services.planning import PlanRequest
from tests.service.conftest import MONDAY

GYM = ("barbell", "dumbbell", "bench", "pullup_bar", "cable")


@pytest.fixture
def lifter(app: Backbone, me: int) -> int:
    request = PlanRequest(
        start_on=MONDAY, days_per_week=3, minutes_per_session=45, equipment=GYM,
        level="intermediate", goal="hypertrophy",
    )  # fmt: skip
    app.start_program(me, request, ["chest_supported_row=24x10@2"])
    return me


def test_without_a_program_today_names_the_next_step(app: Backbone, me: int) -> None:
    with pytest.raises(NotFound, match="No running program") as raised:
        app.today(me, MONDAY)
    assert raised.value.details["next_step"] == "start_program"


def test_a_known_set_gives_a_load_instead_of_calibration(app: Backbone, lifter: int) -> None:
    _, prescription = app.next_prescription(lifter, "chest_supported_row", MONDAY)
    assert not prescription.calibrate
    # Working sets for the prescribed range, derived from 24 kg x 10 @ RIR 2, stay near that load.
    loads = {t.load_kg for t in prescription.sets}
    assert len(loads) == 1
    (load,) = loads
    assert load is not None
    assert 18 <= load <= 26


def test_logging_is_all_or_nothing(app: Backbone, lifter: int) -> None:
    with pytest.raises(InputError):
        app.log_sets(lifter, "chest_supported_row", ["24x10@2", "oops"], on=MONDAY)
    _, entries = app.history(lifter)
    assert entries == []


def test_earned_progress_raises_the_load_and_undo_takes_it_back(app: Backbone, lifter: int) -> None:
    _, before = app.next_prescription(lifter, "chest_supported_row", MONDAY)
    load = before.sets[0].load_kg
    assert load is not None
    top = before.sets[0].reps[1] if before.sets[0].reps else 12
    rir = before.sets[0].rir or 0
    tokens = [f"{load:g}x{top}@{rir}"] * len(before.sets)
    result = app.log_sets(lifter, "chest_supported_row", tokens, on=MONDAY)
    assert result.next is not None
    assert all((t.load_kg or 0) > load for t in result.next.sets)
    app.undo_last(lifter)
    _, again = app.next_prescription(lifter, "chest_supported_row", MONDAY)
    assert again == before


def test_a_red_flag_check_in_is_stored_then_stops(app: Backbone, lifter: int) -> None:
    with pytest.raises(SafetyStop):
        app.check_in(lifter, on=MONDAY, sleep_h=8, back_pain=3, soreness=2, red_flags=["fever"])
    view = app.today(lifter, MONDAY + timedelta(days=2))
    assert view.recovery is not None
    assert view.recovery.stop

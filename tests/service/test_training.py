"""The training use cases over the in-memory fakes: fast checks of what a lifter sees."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from backbone.domain.errors import InputError, NotFound, SafetyStop
from backbone.services.planning import PlanRequest
from backbone.services.ports import Knowledge
from backbone.services.programs import start_program
from backbone.services.recovery import check_in
from backbone.services.training import next_prescription, today
from backbone.services.training_log import history, log_sets, undo_last
from tests.fakes import FakeStore

MONDAY = date(2026, 11, 30)
NOW = datetime(2026, 11, 30, 18, 0, tzinfo=UTC)
GYM = ("barbell", "dumbbell", "bench", "pullup_bar", "cable")


@pytest.fixture
def store(facts: Knowledge) -> FakeStore:
    store = FakeStore()
    request = PlanRequest(
        start_on=MONDAY, days_per_week=3, minutes_per_session=45, equipment=GYM,
        level="intermediate", goal="hypertrophy",
    )  # fmt: skip
    start_program(request, ["chest_supported_row=24x10@2"], facts, store.unit_of_work)
    return store


def test_without_a_program_today_says_how_to_start(facts: Knowledge) -> None:
    with pytest.raises(NotFound, match="program start"):
        today(MONDAY, facts, FakeStore().unit_of_work)


def test_a_known_set_gives_a_load_instead_of_calibration(
    facts: Knowledge, store: FakeStore
) -> None:
    _, prescription = next_prescription("chest_supported_row", MONDAY, facts, store.unit_of_work)
    assert not prescription.calibrate
    # Working sets for the prescribed range, derived from 24 kg x 10 @ RIR 2, stay near that load.
    loads = {t.load_kg for t in prescription.sets}
    assert len(loads) == 1
    (load,) = loads
    assert load is not None
    assert 18 <= load <= 26


def test_logging_is_all_or_nothing(facts: Knowledge, store: FakeStore) -> None:
    with pytest.raises(InputError):
        log_sets(
            "chest_supported_row", ["24x10@2", "oops"], on=MONDAY, now=NOW,
            knowledge=facts, new_uow=store.unit_of_work,
        )  # fmt: skip
    _, entries = history(store.unit_of_work, facts)
    assert entries == []


def test_earned_progress_raises_the_load_and_undo_takes_it_back(
    facts: Knowledge, store: FakeStore
) -> None:
    _, before = next_prescription("chest_supported_row", MONDAY, facts, store.unit_of_work)
    load = before.sets[0].load_kg
    assert load is not None
    top = before.sets[0].reps[1] if before.sets[0].reps else 12
    rir = before.sets[0].rir or 0
    tokens = [f"{load:g}x{top}@{rir}"] * len(before.sets)
    result = log_sets(
        "chest_supported_row", tokens, on=MONDAY, now=NOW, knowledge=facts,
        new_uow=store.unit_of_work,
    )  # fmt: skip
    assert result.next is not None
    assert all((t.load_kg or 0) > load for t in result.next.sets)
    undo_last(store.unit_of_work)
    _, again = next_prescription("chest_supported_row", MONDAY, facts, store.unit_of_work)
    assert again == before


def test_a_red_flag_check_in_is_stored_then_stops(facts: Knowledge, store: FakeStore) -> None:
    with pytest.raises(SafetyStop):
        check_in(
            on=MONDAY, now=NOW, sleep_h=8, back_pain=3, soreness=2, readiness=None,
            sleep_quality=None, red_flags=["fever"], knowledge=facts, new_uow=store.unit_of_work,
        )  # fmt: skip
    view = today(MONDAY + timedelta(days=2), facts, store.unit_of_work)
    assert view.recovery is not None
    assert view.recovery.stop

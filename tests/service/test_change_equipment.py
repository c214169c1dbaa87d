"""Changing the equipment of the running program (Settings → Equipment): the same plan choices
and start day, other kit; a mistake stores nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest

from backbone.domain.errors import InputError, NotFound
from backbone.domain.vocabulary import Equipment
from backbone.services.application import Backbone
from backbone.services.planning import PlanRequest
from tests.fakes import FakeStore
from tests.service.conftest import MONDAY


def started(app: Backbone, me: int) -> None:
    app.start_program(
        me,
        PlanRequest(
            start_on=MONDAY,
            days_per_week=3,
            minutes_per_session=45,
            equipment=("bodyweight", "dumbbell", "bench"),
            goal="hypertrophy",
            on_days=("mon", "wed", "fri"),
        ),
        known=("chest_supported_row=20x10@2",),
    )


def kit_used(app: Backbone, me: int) -> set[Equipment]:
    plan = app.show_program(me).plan
    return {
        e
        for week in plan.weeks
        for session in week.sessions
        for block in session.blocks
        for item in block.items
        for e in app.cue_card(item.exercise).equipment
    }


def test_new_equipment_replans_the_same_weeks_with_that_kit(app: Backbone, me: int) -> None:
    started(app, me)
    before = app.show_program(me)
    assert Equipment.PULLUP_BAR not in before.plan.profile.available_equipment

    after = app.change_equipment(me, ["dumbbell", "bench", "pullup_bar"])

    assert app.show_program(me).program.program_id == after.program.program_id
    assert after.plan.profile.available_equipment == {
        Equipment.BODYWEIGHT, Equipment.DUMBBELL, Equipment.BENCH, Equipment.PULLUP_BAR,
    }  # fmt: skip
    assert after.program.started_on == before.program.started_on
    assert [s.on for w in after.plan.weeks for s in w.sessions] == [
        s.on for w in before.plan.weeks for s in w.sessions
    ]
    assert after.program.known == before.program.known
    assert after.plan.profile.goal == before.plan.profile.goal
    assert Equipment.PULLUP_BAR in kit_used(app, me)
    assert app.today(me, MONDAY + timedelta(days=2)).items


def test_less_equipment_takes_the_dumbbells_out_of_the_plan(app: Backbone, me: int) -> None:
    started(app, me)
    assert Equipment.DUMBBELL in kit_used(app, me)
    app.change_equipment(me, [])
    assert kit_used(app, me) <= {Equipment.BODYWEIGHT}


def test_unknown_equipment_stores_nothing(app: Backbone, me: int, store: FakeStore) -> None:
    started(app, me)
    before = app.show_program(me)
    commits = store.commits
    with pytest.raises(InputError, match="jetpack"):
        app.change_equipment(me, ["dumbbell", "jetpack"])
    assert store.commits == commits
    assert app.show_program(me) == before


def test_no_program_no_equipment_change(app: Backbone, me: int) -> None:
    with pytest.raises(NotFound):
        app.change_equipment(me, ["dumbbell"])

"""One contract for every storage backend: the in-memory fake, SQLite and PostgreSQL.

Each test states a promise of `backbone.services.ports` (mostly a docstring there) and runs against
each backend through the `uow_factory` fixture; the last part checks what only a real database has
(cascades, CHECK constraints, error translation, migrations matching the tables).
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text

from backbone.domain.accounts import Access, CoachGrant, User
from backbone.domain.athlete import Athlete, Profile, Units
from backbone.domain.endurance import EnduranceResult, Side
from backbone.domain.errors import Conflict, InputError, NotFound, StorageError
from backbone.domain.history import (
    CheckIn,
    LogEntry,
    LoggedSet,
    PerformedSession,
    RangeDone,
    SetType,
)
from backbone.domain.prescription import Reason
from backbone.domain.program import (
    Block,
    KnownSet,
    Plan,
    PlanItem,
    ProgramSwap,
    RunningProgram,
    Session,
    SessionFocus,
    Week,
)
from backbone.domain.vocabulary import BackPain, BlockKind, Day, Equipment, Goal, Level, Muscle
from backbone.services.ports import UnitOfWork, Window
from backbone.storage.engine import create_backbone_engine
from backbone.storage.tables import athletes, endurance_results, log_entries, logged_sets
from backbone.storage.unit_of_work import SqlUnitOfWork
from tests.integration.conftest import UowFactory

DAY = date(2026, 11, 30)
AT = datetime(2026, 11, 30, 18, 0, tzinfo=UTC)
AWKWARD_KG = (0.1 + 0.2, 1.25, 2.5, 1 / 3, 123.456789012345, 2.0**-30)


class Boom(Exception):
    pass


def owner_in(uow: UnitOfWork, username: str = "owner") -> int:
    """The user who owns the test's athletes (created on first use)."""
    found = uow.users.by_username(username)
    user = found if found is not None else uow.users.add(User(username=username))
    assert user.user_id is not None
    return user.user_id


def owned(uow: UnitOfWork, name: str, **fields: object) -> Athlete:
    """An unstored athlete of the test's owner."""
    return Athlete(name=name, user_id=owner_in(uow), **fields)  # type: ignore[arg-type]


def named(uow: UnitOfWork, name: str) -> Athlete | None:
    return next((a for a in uow.athletes.owned_by(owner_in(uow)) if a.name == name), None)


def athlete_in(uow: UnitOfWork, name: str = "ana") -> int:
    athlete = uow.athletes.add(owned(uow, name))
    assert athlete.athlete_id is not None
    return athlete.athlete_id


def stored_athlete(new_uow: UowFactory, name: str = "ana") -> int:
    with new_uow() as uow:
        athlete_id = athlete_in(uow, name)
        uow.commit()
    return athlete_id


def a_set(
    position: int = 1,
    *,
    exercise: str = "barbell_row",
    on: date = DAY,
    load_kg: float | None = 60.0,
    **changes: object,
) -> LoggedSet:
    values: dict[str, object] = {
        "exercise": exercise,
        "performed_on": on,
        "position": position,
        "set_type": SetType.WORKING,
        "load_kg": load_kg,
        "added_kg": None,
        "reps": 8,
        "seconds": None,
        "rir": 2,
    }
    values.update(changes)
    return LoggedSet(**values)  # type: ignore[arg-type]


def an_entry(
    athlete_id: int,
    *,
    exercise: str = "barbell_row",
    on: date = DAY,
    at: datetime = AT,
    sets: int | tuple[LoggedSet, ...] = 3,
) -> LogEntry:
    logged = (
        tuple(a_set(p, exercise=exercise, on=on) for p in range(1, sets + 1))
        if isinstance(sets, int)
        else sets
    )
    return LogEntry(athlete_id, exercise, on, at, logged)


# --- unit of work ------------------------------------------------------------------------------


def test_commit_makes_writes_visible_to_the_next_unit_of_work(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        athlete_in(uow)
        uow.commit()
    with uow_factory() as uow:
        assert named(uow, "ana") is not None


def test_leaving_without_commit_rolls_back(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    with uow_factory() as uow:
        uow.athletes.add(owned(uow, "bo"))
        uow.sets.add_entry(an_entry(athlete_id))
    with uow_factory() as uow:
        assert named(uow, "bo") is None
        assert uow.sets.entries(athlete_id) == []


def test_an_exception_rolls_back_and_propagates(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)

    def write_then_fail() -> None:
        with uow_factory() as uow:
            uow.sets.add_entry(an_entry(athlete_id))
            uow.check_ins.add(CheckIn(athlete_id, DAY, 7.5, 1, 2))
            raise Boom

    with pytest.raises(Boom):
        write_then_fail()
    with uow_factory() as uow:
        assert uow.sets.entries(athlete_id) == []
        assert uow.check_ins.recent(athlete_id, DAY, 7) == []


def test_the_unit_of_work_stays_usable_after_commit(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        athlete_id = athlete_in(uow)
        uow.commit()
        assert uow.athletes.get(athlete_id).name == "ana"
        uow.sets.add_entry(an_entry(athlete_id))
        uow.commit()
        uow.sessions.record(PerformedSession(athlete_id, DAY, 7, 40.0))  # not committed
    with uow_factory() as uow:
        assert len(uow.sets.entries(athlete_id)) == 1
        assert uow.sessions.performed(athlete_id) == []


def test_a_unit_of_work_sees_its_own_uncommitted_writes(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        athlete_id = athlete_in(uow)
        entry = uow.sets.add_entry(an_entry(athlete_id))
        assert uow.sets.last_entry(athlete_id) == entry


def test_an_entry_is_stored_whole_or_not_at_all(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    clash = (a_set(1), a_set(2), a_set(2))  # two sets claim position 2
    with uow_factory() as uow:
        with pytest.raises(Conflict):
            uow.sets.add_entry(an_entry(athlete_id, sets=clash))
        uow.commit()
    with uow_factory() as uow:
        assert uow.sets.entries(athlete_id) == []
        assert uow.sets.sets_for(athlete_id) == []


# --- athletes ----------------------------------------------------------------------------------


def test_athlete_round_trips_every_field_exactly(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        athlete = owned(
            uow,
            "Zoë Ñ",
            units=Units.LB,
            bodyweight_kg=0.1 + 0.2 + 80,
            plates_kg=AWKWARD_KG,
            bar_kg=15.0,
            dumbbell_step_kg=1 / 3,
        )
        stored = uow.athletes.add(athlete)
        uow.commit()
    assert stored.athlete_id is not None
    with uow_factory() as uow:
        got = uow.athletes.get(stored.athlete_id)
    assert got == stored
    assert got.plates_kg == AWKWARD_KG  # bit-for-bit floats
    assert got.units is Units.LB


def test_athlete_defaults_round_trip(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        stored = uow.athletes.add(owned(uow, "ana"))
        uow.commit()
    with uow_factory() as uow:
        assert named(uow, "ana") == stored
    assert stored.bodyweight_kg is None


def test_duplicate_athlete_name_is_a_conflict_and_the_transaction_goes_on(
    uow_factory: UowFactory,
) -> None:
    stored_athlete(uow_factory, "ana")
    with uow_factory() as uow:
        with pytest.raises(Conflict, match="ana"):
            uow.athletes.add(owned(uow, "ana", bar_kg=10.0))
        athlete_in(uow, "bo")
        uow.commit()
    with uow_factory() as uow:
        assert named(uow, "bo") is not None
        ana = named(uow, "ana")
        assert ana is not None
        assert ana.bar_kg == 20.0


def test_ids_are_distinct(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        ids = {athlete_in(uow, name) for name in ("a", "b", "c")}
    assert len(ids) == 3


def test_get_unknown_athlete_is_not_found(uow_factory: UowFactory) -> None:
    with uow_factory() as uow, pytest.raises(NotFound):
        uow.athletes.get(999)


def test_owned_by_lists_only_the_users_athletes(uow_factory: UowFactory) -> None:
    ana = stored_athlete(uow_factory, "ana")
    with uow_factory() as uow:
        other = uow.users.add(User(username="other"))
        assert other.user_id is not None
        uow.athletes.add(Athlete(name="ana", user_id=other.user_id))  # same name, other owner
        uow.commit()
    with uow_factory() as uow:
        mine = uow.athletes.owned_by(owner_in(uow))
        assert [a.athlete_id for a in mine] == [ana]
        assert [a.name for a in uow.athletes.owned_by(other.user_id)] == ["ana"]
        assert named(uow, "Ana") is None  # names are exact


def test_an_athlete_needs_an_owner(uow_factory: UowFactory) -> None:
    with uow_factory() as uow, pytest.raises(NotFound):
        uow.athletes.add(Athlete(name="nobody's"))


def test_usernames_are_unique_and_users_round_trip(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        coach = uow.users.add(User(username="cora", display_name="Cora", password_hash="h$x"))
        with pytest.raises(Conflict, match="taken"):
            uow.users.add(User(username="cora"))
        uow.commit()
    assert coach.user_id is not None
    with uow_factory() as uow:
        assert uow.users.get(coach.user_id) == coach
        assert uow.users.by_username("cora") == coach
        assert uow.users.by_username("nobody") is None
        with pytest.raises(NotFound):
            uow.users.get(999)


def test_ending_a_users_sessions_bumps_their_epoch_only(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        ana = uow.users.add(User(username="ana"))
        bo = uow.users.add(User(username="bo"))
        uow.commit()
    assert ana.user_id is not None
    assert bo.user_id is not None
    assert ana.session_epoch == 0
    with uow_factory() as uow:
        assert uow.users.end_sessions(ana.user_id) == 1
        assert uow.users.end_sessions(ana.user_id) == 2
        uow.commit()
    with uow_factory() as uow:
        assert uow.users.get(ana.user_id).session_epoch == 2
        assert uow.users.by_username("ana") == dataclasses.replace(ana, session_epoch=2)
        assert uow.users.get(bo.user_id).session_epoch == 0
        with pytest.raises(NotFound):
            uow.users.end_sessions(999)
    with uow_factory() as uow:  # without commit nothing ends
        uow.users.end_sessions(bo.user_id)
    with uow_factory() as uow:
        assert uow.users.get(bo.user_id).session_epoch == 0


def test_grants_are_active_until_revoked(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    with uow_factory() as uow:
        coach = uow.users.add(User(username="cora"))
        assert coach.user_id is not None
        first = uow.grants.grant(CoachGrant(athlete_id, coach.user_id, Access.READ, AT))
        changed = uow.grants.grant(CoachGrant(athlete_id, coach.user_id, Access.COMMENT, AT))
        uow.commit()
    assert first.grant_id != changed.grant_id
    with uow_factory() as uow:
        assert uow.grants.for_athlete(athlete_id) == [changed]
        assert uow.grants.for_coach(coach.user_id) == [changed]
        assert uow.grants.revoke(athlete_id, coach.user_id, AT + timedelta(days=1))
        assert not uow.grants.revoke(athlete_id, coach.user_id, AT + timedelta(days=2))
        uow.commit()
    with uow_factory() as uow:
        assert uow.grants.for_athlete(athlete_id) == []
        assert uow.grants.for_coach(coach.user_id) == []


def test_update_replaces_the_stored_fields(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    with uow_factory() as uow:
        owner = owner_in(uow)
    changed = Athlete(
        user_id=owner,
        name="ana b",
        units=Units.LB,
        bodyweight_kg=61.2,
        plates_kg=(10.0, 2.5),
        bar_kg=15.0,
        dumbbell_step_kg=2.5,
        athlete_id=athlete_id,
    )
    with uow_factory() as uow:
        uow.athletes.update(changed)
        uow.commit()
    with uow_factory() as uow:
        assert uow.athletes.get(athlete_id) == changed
        assert named(uow, "ana") is None


def test_update_unknown_athlete_is_not_found(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        with pytest.raises(NotFound):
            uow.athletes.update(Athlete(name="ghost", athlete_id=999))
        with pytest.raises(NotFound):
            uow.athletes.update(Athlete(name="never stored"))


def test_update_to_a_taken_name_is_a_conflict(uow_factory: UowFactory) -> None:
    stored_athlete(uow_factory, "ana")
    bo = stored_athlete(uow_factory, "bo")
    with uow_factory() as uow:
        with pytest.raises(Conflict):
            uow.athletes.update(Athlete(name="ana", athlete_id=bo))
        assert uow.athletes.get(bo).name == "bo"


# --- programs ----------------------------------------------------------------------------------


def a_plan(started_on: date, note: str) -> Plan:
    """A one-session plan, built by hand: storage must not need the planner."""
    profile = Profile(
        days_per_week=2,
        minutes_per_session=30,
        equipment=frozenset({Equipment.BAND, Equipment.DUMBBELL}),
        level=Level.NOVICE,
        goal=Goal.HEALTH,
        back_pain=BackPain.HISTORY,
        weeks=1,
        start_on=started_on,
        on_days=(Day.MON, Day.THU),
    )
    item = PlanItem(
        exercise="band_row",
        name="Band row",
        sets=3,
        reps=(10, 15),
        seconds=None,
        per_side=False,
        rir=2,
        rest_s=60,
        load_hint=note,
        why=(Reason("volume.weekly_sets_band", "enough sets for the lats"),),
    )
    session = Session(
        Day.MON, started_on, SessionFocus.BACK, 27.5, (Block(BlockKind.MAIN, (item,)),)
    )
    week = Week(1, False, started_on, ((Muscle.LATS, 1 / 3),), (session,))
    return Plan(profile=profile, weeks=(week,), warnings=())


def a_program(athlete_id: int, started_on: date = DAY, document: str = "é") -> RunningProgram:
    return RunningProgram(
        athlete_id=athlete_id,
        started_on=started_on,
        plan=a_plan(started_on, document),
        plan_options=(("days", "3"), ("equipment", '["band", "dumbbell"]'), ("note", '"é"')),
        known=(
            KnownSet("barbell_row", 61.25, None, 8, None, 2),
            KnownSet("pull_up", None, -20.0, 5, None, None),
            KnownSet("side_plank", None, None, None, 45, None),
        ),
    )


def test_program_round_trips(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    with uow_factory() as uow:
        stored = uow.programs.add(a_program(athlete_id, document='{"weeks": []}'))
        uow.commit()
    assert stored.program_id is not None
    with uow_factory() as uow:
        assert uow.programs.current(athlete_id) == stored


def test_current_program_is_the_newest_started(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    other = stored_athlete(uow_factory, "bo")
    with uow_factory() as uow:
        later = uow.programs.add(a_program(athlete_id, DAY + timedelta(days=7), "later"))
        uow.programs.add(a_program(athlete_id, DAY, "earlier, added after"))
        uow.programs.add(a_program(other, DAY + timedelta(days=30), "someone else's"))
        uow.commit()
    with uow_factory() as uow:
        assert uow.programs.current(athlete_id) == later


def test_same_start_day_the_last_added_program_is_current(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    with uow_factory() as uow:
        uow.programs.add(a_program(athlete_id, DAY, "first"))
        second = uow.programs.add(a_program(athlete_id, DAY, "second"))
        uow.commit()
    with uow_factory() as uow:
        assert uow.programs.current(athlete_id) == second


def test_no_program_yet_is_none(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    with uow_factory() as uow:
        assert uow.programs.current(athlete_id) is None


def test_swaps_come_back_with_the_program_in_order(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    carried = KnownSet("seated_cable_row", 38.4, None, 10, None, 2)
    with uow_factory() as uow:
        program = uow.programs.add(a_program(athlete_id))
        assert program.program_id is not None
        first = uow.programs.add_swap(
            athlete_id,
            program.program_id,
            ProgramSwap("band_row", "seated_cable_row", DAY, carried),
        )
        back = uow.programs.add_swap(
            athlete_id, program.program_id, ProgramSwap("seated_cable_row", "band_row", DAY)
        )
        uow.commit()
    assert first.swap_id is not None
    assert back.swap_id is not None
    with uow_factory() as uow:
        current = uow.programs.current(athlete_id)
    assert current is not None
    assert current.swaps == (first, back)
    assert current.swaps[0].carried == carried
    assert current.plan == program.plan


def test_a_swap_into_someone_elses_program_is_not_found(uow_factory: UowFactory) -> None:
    ana = stored_athlete(uow_factory)
    bo = stored_athlete(uow_factory, "bo")
    with uow_factory() as uow:
        program = uow.programs.add(a_program(ana))
        uow.commit()
    assert program.program_id is not None
    with uow_factory() as uow, pytest.raises(NotFound):
        uow.programs.add_swap(bo, program.program_id, ProgramSwap("band_row", "face_pull", DAY))
    with uow_factory() as uow:
        current = uow.programs.current(ana)
        assert current is not None
        assert current.swaps == ()
        assert uow.programs.current(bo) is None


# --- logged sets -------------------------------------------------------------------------------


def test_entry_round_trips_every_set_field(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    sets = (
        a_set(1, set_type=SetType.WARMUP, load_kg=20.0, rir=None),
        a_set(2, load_kg=AWKWARD_KG[0], note="felt easy — ok"),
        a_set(3, set_type=SetType.AMRAP, reps=13, rir=0, pain=3),
        a_set(4, set_type=SetType.DROP, load_kg=AWKWARD_KG[3], range_done=RangeDone.PARTIAL),
        a_set(5, set_type=SetType.FAILURE, reps=0, rir=0, pain=0),
    )
    with uow_factory() as uow:
        stored = uow.sets.add_entry(an_entry(athlete_id, sets=sets))
        uow.commit()
    assert stored.entry_id is not None
    assert stored.sets == sets
    with uow_factory() as uow:
        assert uow.sets.entries(athlete_id) == [stored]
        assert uow.sets.sets_for(athlete_id) == list(sets)


def test_bodyweight_and_timed_sets_round_trip(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    pull_ups = (
        a_set(1, exercise="pull_up", load_kg=None, added_kg=10.0, reps=6),
        a_set(2, exercise="pull_up", load_kg=None, added_kg=-22.5, reps=8),
        a_set(3, exercise="pull_up", load_kg=None, added_kg=None, reps=5),
    )
    plank = (a_set(1, exercise="plank", load_kg=None, reps=None, seconds=45, rir=None),)
    with uow_factory() as uow:
        uow.sets.add_entry(an_entry(athlete_id, exercise="pull_up", sets=pull_ups))
        uow.sets.add_entry(
            an_entry(athlete_id, exercise="plank", sets=plank, at=AT + timedelta(minutes=5))
        )
        uow.commit()
    with uow_factory() as uow:
        assert uow.sets.sets_for(athlete_id) == [*pull_ups, *plank]


def test_an_entry_without_sets_is_stored(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    with uow_factory() as uow:
        stored = uow.sets.add_entry(an_entry(athlete_id, sets=0))
        uow.commit()
    with uow_factory() as uow:
        assert uow.sets.entries(athlete_id) == [stored]


def test_logged_at_comes_back_utc_aware_as_the_same_instant(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    local = datetime(2026, 11, 30, 20, 15, 30, 123456, tzinfo=timezone(timedelta(hours=2)))
    with uow_factory() as uow:
        uow.sets.add_entry(an_entry(athlete_id, at=local))
        uow.commit()
    with uow_factory() as uow:
        entry = uow.sets.last_entry(athlete_id)
    assert entry is not None
    assert entry.logged_at == local
    assert entry.logged_at.utcoffset() == timedelta(0)
    assert entry.logged_at.hour == 18


def test_sets_are_ordered_by_day_then_entry_then_position(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    monday, tuesday = DAY, DAY + timedelta(days=1)
    with uow_factory() as uow:
        # written out of order on purpose: Tuesday first, sets shuffled, a later entry first
        uow.sets.add_entry(an_entry(athlete_id, on=tuesday, sets=(a_set(2, on=tuesday),)))
        uow.sets.add_entry(
            an_entry(athlete_id, at=AT + timedelta(hours=1), sets=(a_set(2), a_set(1)))
        )
        uow.sets.add_entry(
            an_entry(athlete_id, exercise="shrug", sets=(a_set(1, exercise="shrug"),))
        )
        uow.commit()
    with uow_factory() as uow:
        order = [(s.performed_on, s.exercise, s.position) for s in uow.sets.sets_for(athlete_id)]
    assert order == [
        (monday, "shrug", 1),
        (monday, "barbell_row", 1),
        (monday, "barbell_row", 2),
        (tuesday, "barbell_row", 2),
    ]


def test_sets_for_filters_by_exercise_and_inclusive_days(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    other = stored_athlete(uow_factory, "bo")
    days = [DAY + timedelta(days=d) for d in range(5)]
    with uow_factory() as uow:
        for i, day in enumerate(days):
            at = AT + timedelta(days=i)
            uow.sets.add_entry(an_entry(athlete_id, on=day, at=at, sets=1))
            uow.sets.add_entry(
                an_entry(athlete_id, exercise="shrug", on=day, at=at + timedelta(minutes=1), sets=1)
            )
            uow.sets.add_entry(an_entry(other, on=day, at=at, sets=1))
        uow.commit()
    with uow_factory() as uow:
        sets = uow.sets
        assert len(sets.sets_for(athlete_id)) == 10
        rows = sets.sets_for(athlete_id, ["shrug"])
        assert {s.exercise for s in rows} == {"shrug"}
        assert len(rows) == 5
        assert len(sets.sets_for(athlete_id, ("shrug", "barbell_row"))) == 10
        assert sets.sets_for(athlete_id, []) == []
        assert sets.sets_for(athlete_id, ["unknown"]) == []
        window = sets.sets_for(athlete_id, ["barbell_row"], since=days[1], until=days[3])
        assert [s.performed_on for s in window] == days[1:4]
        assert [s.performed_on for s in sets.sets_for(athlete_id, since=days[4])] == [days[4]] * 2
        assert [s.performed_on for s in sets.sets_for(athlete_id, until=days[0])] == [days[0]] * 2
        assert sets.sets_for(athlete_id, since=days[3], until=days[2]) == []


def test_the_sets_of_an_entry_are_on_its_day(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    later = DAY + timedelta(days=1)
    with uow_factory() as uow:
        with pytest.raises(InputError):
            uow.sets.add_entry(an_entry(athlete_id, sets=(a_set(1), a_set(2, on=later))))
        uow.sets.add_entry(an_entry(athlete_id, on=later, sets=1))
        uow.commit()
    with uow_factory() as uow:
        assert [s.performed_on for s in uow.sets.sets_for(athlete_id, since=DAY)] == [later]


def test_entries_are_ordered_by_day_logged_at_and_id(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    with uow_factory() as uow:
        late = uow.sets.add_entry(an_entry(athlete_id, on=DAY + timedelta(days=1)))
        second = uow.sets.add_entry(an_entry(athlete_id, at=AT + timedelta(minutes=10)))
        first = uow.sets.add_entry(an_entry(athlete_id, at=AT))
        same_time = uow.sets.add_entry(an_entry(athlete_id, at=AT + timedelta(minutes=10)))
        uow.commit()
    with uow_factory() as uow:
        assert uow.sets.entries(athlete_id) == [first, second, same_time, late]
        assert uow.sets.entries(athlete_id, since=DAY + timedelta(days=1)) == [late]
        assert uow.sets.entries(athlete_in(uow, "bo")) == []


def test_a_window_of_entries_is_cut_in_the_database_in_the_same_order(
    uow_factory: UowFactory,
) -> None:
    athlete_id = stored_athlete(uow_factory)
    other = stored_athlete(uow_factory, "bo")
    with uow_factory() as uow:
        for day in (3, 0, 2, 1, 0, 4):  # added out of order; two on the first day
            on = DAY + timedelta(days=day)
            uow.sets.add_entry(an_entry(athlete_id, on=on, at=AT + timedelta(days=day), sets=2))
            uow.sets.add_entry(an_entry(athlete_id, exercise="pull_up", on=on, sets=1))
        uow.sets.add_entry(an_entry(other, on=DAY))
        uow.commit()
    with uow_factory() as uow:
        everything = uow.sets.entries(athlete_id)
        assert uow.sets.entries_page(athlete_id, Window(5, 3)) == everything[3:8]
        assert uow.sets.entries_page(athlete_id, Window(5, 10)) == everything[10:]
        assert uow.sets.entries_page(athlete_id, Window(5, 12)) == []
        assert uow.sets.count_entries(athlete_id) == 12
        rows = [e for e in everything if e.exercise == "barbell_row"]
        assert uow.sets.entries_page(athlete_id, Window(2, 1), exercise="barbell_row") == rows[1:3]
        assert all(len(e.sets) == 2 for e in rows)
        assert uow.sets.count_entries(athlete_id, exercise="barbell_row") == 6
        since = DAY + timedelta(days=3)
        later = [e for e in everything if e.performed_on >= since]
        assert uow.sets.entries_page(athlete_id, Window(100), since=since) == later
        assert uow.sets.count_entries(athlete_id, exercise="pull_up", since=since) == 2
        assert uow.sets.count_entries(other) == 1
        assert uow.sets.count_entries(athlete_in(uow, "cy")) == 0


def test_entries_give_their_sets_in_position_order(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    with uow_factory() as uow:
        uow.sets.add_entry(an_entry(athlete_id, sets=(a_set(3), a_set(1), a_set(2))))
        uow.commit()
    with uow_factory() as uow:
        (entry,) = uow.sets.entries(athlete_id)
        last = uow.sets.last_entry(athlete_id)
    assert [s.position for s in entry.sets] == [1, 2, 3]
    assert last == entry


def test_last_entry_is_the_most_recently_logged(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    with uow_factory() as uow:
        assert uow.sets.last_entry(athlete_id) is None
        assert uow.sets.last_logged_on(athlete_id) is None
        newest = uow.sets.add_entry(
            an_entry(athlete_id, on=DAY - timedelta(days=3), at=AT + timedelta(hours=2))
        )
        uow.sets.add_entry(an_entry(athlete_id, on=DAY + timedelta(days=1), at=AT))
        uow.commit()
        assert uow.sets.last_entry(athlete_id) == newest
        assert uow.sets.last_logged_on(athlete_id) == DAY - timedelta(days=3)
        tie = uow.sets.add_entry(an_entry(athlete_id, at=AT + timedelta(hours=2)))
        assert uow.sets.last_entry(athlete_id) == tie  # same instant: the higher id
        assert uow.sets.last_logged_on(athlete_id) == DAY


def test_delete_entry_takes_its_sets_with_it(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    with uow_factory() as uow:
        keep = uow.sets.add_entry(an_entry(athlete_id, exercise="shrug", sets=2))
        gone = uow.sets.add_entry(an_entry(athlete_id, sets=3, at=AT + timedelta(minutes=1)))
        uow.commit()
    assert gone.entry_id is not None
    with uow_factory() as uow:
        uow.sets.delete_entry(athlete_id, gone.entry_id)
        uow.commit()
    with uow_factory() as uow:
        assert uow.sets.entries(athlete_id) == [keep]
        assert [s.exercise for s in uow.sets.sets_for(athlete_id)] == ["shrug", "shrug"]
        with pytest.raises(NotFound):
            uow.sets.delete_entry(athlete_id, gone.entry_id)


def test_delete_unknown_entry_is_not_found(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    with uow_factory() as uow, pytest.raises(NotFound):
        uow.sets.delete_entry(athlete_id, 12345)


def test_nobody_deletes_another_athletes_entry(uow_factory: UowFactory) -> None:
    ana = stored_athlete(uow_factory, "ana")
    bo = stored_athlete(uow_factory, "bo")
    with uow_factory() as uow:
        entry = uow.sets.add_entry(an_entry(ana))
        uow.commit()
    assert entry.entry_id is not None
    with uow_factory() as uow:
        with pytest.raises(NotFound):
            uow.sets.delete_entry(bo, entry.entry_id)
        uow.commit()
    with uow_factory() as uow:
        assert uow.sets.entries(ana) == [entry]


def test_an_idempotency_key_stores_one_entry(uow_factory: UowFactory) -> None:
    ana = stored_athlete(uow_factory, "ana")
    bo = stored_athlete(uow_factory, "bo")
    keyed = dataclasses.replace(an_entry(ana), source="api", idempotency_key="phone-1")
    with uow_factory() as uow:
        stored = uow.sets.add_entry(keyed)
        uow.commit()
    with uow_factory() as uow:
        assert uow.sets.entry_by_key(ana, "phone-1") == stored
        assert uow.sets.entry_by_key(bo, "phone-1") is None
        assert uow.sets.entry_by_key(ana, "phone-2") is None
        with pytest.raises(Conflict):
            uow.sets.add_entry(keyed)
        # the same key is another athlete's own business
        uow.sets.add_entry(dataclasses.replace(keyed, athlete_id=bo))
        uow.commit()
    with uow_factory() as uow:
        assert len(uow.sets.entries(ana)) == 1
        assert uow.sets.entries(ana)[0].source == "api"


def test_record_candidates_hold_every_best(uow_factory: UowFactory) -> None:
    """Whatever the backend keeps, the PR check must see the same bests as over every set."""
    athlete_id = stored_athlete(uow_factory)
    sets = (
        a_set(1, load_kg=60.0, reps=8),
        a_set(2, load_kg=70.0, reps=8),
        a_set(3, load_kg=80.0, reps=5, rir=1),
        a_set(4, load_kg=95.0, reps=5, range_done=RangeDone.PARTIAL),
        a_set(5, load_kg=None, exercise="barbell_row", added_kg=-10.0, reps=6),
        a_set(6, load_kg=None, exercise="barbell_row", added_kg=None, reps=6),
    )
    later = a_set(1, load_kg=200.0, reps=1, on=DAY + timedelta(days=3))
    with uow_factory() as uow:
        uow.sets.add_entry(an_entry(athlete_id, sets=sets))
        uow.sets.add_entry(an_entry(athlete_id, sets=(later,), on=later.performed_on))
        uow.commit()
    with uow_factory() as uow:
        candidates = uow.sets.record_candidates(athlete_id, "barbell_row", until=DAY)
    best = {}
    for s in candidates:
        key = (s.range_done, s.reps)
        best[key] = max(best.get(key, 0.0), s.load_kg or 0.0)
    assert best[(RangeDone.FULL, 8)] == 70.0
    assert best[(RangeDone.FULL, 5)] == 80.0
    assert best[(RangeDone.PARTIAL, 5)] == 95.0
    assert all(s.load_kg != 200.0 for s in candidates)  # after `until`
    added = {s.added_kg for s in candidates if s.reps == 6}
    assert None in added  # plain bodyweight beats any assistance


def test_entry_for_an_unknown_athlete_is_not_found(uow_factory: UowFactory) -> None:
    with uow_factory() as uow, pytest.raises(NotFound):
        uow.sets.add_entry(an_entry(999))


def test_sets_of_different_athletes_stay_apart(uow_factory: UowFactory) -> None:
    ana = stored_athlete(uow_factory)
    bo = stored_athlete(uow_factory, "bo")
    with uow_factory() as uow:
        uow.sets.add_entry(an_entry(ana, sets=2))
        uow.sets.add_entry(an_entry(bo, sets=1))
        uow.commit()
    with uow_factory() as uow:
        assert len(uow.sets.sets_for(ana)) == 2
        assert len(uow.sets.sets_for(bo)) == 1
        assert uow.sets.last_entry(bo) is not None


# --- check-ins ---------------------------------------------------------------------------------


def test_check_in_round_trips(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    check_in = CheckIn(
        athlete_id,
        DAY,
        sleep_h=6.75,
        back_pain=4,
        soreness=3,
        readiness=7,
        sleep_quality=2,
        red_flags=("numbness", "fever"),
        checked_at=datetime(2026, 11, 30, 7, 30, tzinfo=timezone(timedelta(hours=-5))),
        leg_symptoms=True,
    )
    with uow_factory() as uow:
        uow.check_ins.add(check_in)
        uow.commit()
    with uow_factory() as uow:
        (got,) = uow.check_ins.recent(athlete_id, DAY, 1)
    assert got == check_in
    assert got.checked_at is not None
    assert got.checked_at.utcoffset() == timedelta(0)
    assert got.red_flags == ("numbness", "fever")
    assert got.leg_symptoms


def test_check_in_optional_fields_round_trip(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    check_in = CheckIn(athlete_id, DAY, sleep_h=8.0, back_pain=0, soreness=0)
    with uow_factory() as uow:
        uow.check_ins.add(check_in)
        uow.commit()
    with uow_factory() as uow:
        assert uow.check_ins.recent(athlete_id, DAY, 1) == [check_in]


def test_a_second_check_in_the_same_day_replaces_the_first(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    later = CheckIn(athlete_id, DAY, 5.0, 6, 7, readiness=2, red_flags=("fever",))
    with uow_factory() as uow:
        uow.check_ins.add(CheckIn(athlete_id, DAY, 8.0, 1, 1, readiness=9, checked_at=AT))
        uow.commit()
    with uow_factory() as uow:
        uow.check_ins.add(later)
        uow.commit()
    with uow_factory() as uow:
        assert uow.check_ins.recent(athlete_id, DAY, 7) == [later]


def test_recent_check_ins_window_is_half_open_and_oldest_first(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    other = stored_athlete(uow_factory, "bo")
    with uow_factory() as uow:
        for back in (0, 6, 3, 7, 1):  # added out of order
            uow.check_ins.add(CheckIn(athlete_id, DAY - timedelta(days=back), 7.0, back, 1))
        uow.check_ins.add(CheckIn(athlete_id, DAY + timedelta(days=1), 7.0, 9, 1))
        uow.check_ins.add(CheckIn(other, DAY, 7.0, 9, 9))
        uow.commit()
    with uow_factory() as uow:
        recent = uow.check_ins.recent(athlete_id, DAY, 7)
        assert [DAY - c.on for c in recent] == [timedelta(days=d) for d in (6, 3, 1, 0)]
        assert [c.on for c in uow.check_ins.recent(athlete_id, DAY, 1)] == [DAY]
        assert uow.check_ins.recent(athlete_id, DAY, 0) == []


def test_a_window_of_recent_check_ins_and_their_count(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    other = stored_athlete(uow_factory, "bo")
    with uow_factory() as uow:
        for back in (0, 6, 3, 7, 1):
            uow.check_ins.add(CheckIn(athlete_id, DAY - timedelta(days=back), 7.0, back, 1))
        uow.check_ins.add(CheckIn(other, DAY, 7.0, 9, 9))
        uow.commit()
    with uow_factory() as uow:
        recent = uow.check_ins.recent(athlete_id, DAY, 7)
        assert uow.check_ins.recent_page(athlete_id, DAY, 7, Window(2, 1)) == recent[1:3]
        assert uow.check_ins.recent_page(athlete_id, DAY, 7, Window(2, 4)) == []
        assert uow.check_ins.count_recent(athlete_id, DAY, 7) == 4
        assert uow.check_ins.count_recent(athlete_id, DAY, 8) == 5
        assert uow.check_ins.count_recent(other, DAY, 7) == 1


# --- performed sessions ------------------------------------------------------------------------


def test_record_upserts_by_athlete_and_day(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    with uow_factory() as uow:
        uow.sessions.record(PerformedSession(athlete_id, DAY, 6, 35.0))
        uow.commit()
    with uow_factory() as uow:
        uow.sessions.record(PerformedSession(athlete_id, DAY, None, 42.5))
        uow.commit()
    with uow_factory() as uow:
        assert uow.sessions.performed(athlete_id) == [PerformedSession(athlete_id, DAY, None, 42.5)]


def test_performed_sessions_are_oldest_first_and_filter_by_since(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    other = stored_athlete(uow_factory, "bo")
    days = [DAY + timedelta(days=d) for d in (4, 0, 2)]
    with uow_factory() as uow:
        for day in days:
            uow.sessions.record(PerformedSession(athlete_id, day, 7, 1 / 3))
        uow.sessions.record(PerformedSession(other, DAY, 9, 60.0))
        uow.commit()
    with uow_factory() as uow:
        performed = uow.sessions.performed(athlete_id)
        assert [s.on for s in performed] == sorted(days)
        assert performed[0].duration_min == 1 / 3
        since = uow.sessions.performed(athlete_id, since=DAY + timedelta(days=2))
        assert [s.on for s in since] == [DAY + timedelta(days=2), DAY + timedelta(days=4)]


def test_training_days_are_the_distinct_days_with_sets_or_a_finish_newest_first(
    uow_factory: UowFactory,
) -> None:
    athlete_id = stored_athlete(uow_factory)
    other = stored_athlete(uow_factory, "bo")
    with uow_factory() as uow:
        for day in (0, 2, 2, 5):  # two entries on one day: one training day
            uow.sets.add_entry(an_entry(athlete_id, on=DAY + timedelta(days=day)))
        for day in (2, 3, -1):  # a finish on a day with sets, and on days without any
            uow.sessions.record(PerformedSession(athlete_id, DAY + timedelta(days=day), 7, 40.0))
        uow.sets.add_entry(an_entry(other, on=DAY + timedelta(days=9)))
        uow.sessions.record(PerformedSession(other, DAY + timedelta(days=8), 7, 40.0))
        uow.commit()
    newest_first = [DAY + timedelta(days=d) for d in (5, 3, 2, 0, -1)]
    with uow_factory() as uow:
        assert uow.sessions.training_days(athlete_id, Window(100)) == newest_first
        assert uow.sessions.training_days(athlete_id, Window(2, 2)) == newest_first[2:4]
        assert uow.sessions.training_days(athlete_id, Window(2, 5)) == []
        assert uow.sessions.count_training_days(athlete_id) == 5
        assert uow.sessions.count_training_days(other) == 2
        assert uow.sessions.count_training_days(athlete_in(uow, "cy")) == 0


# --- endurance test results --------------------------------------------------------------------


def test_endurance_result_round_trips_with_its_id(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    results = (
        EnduranceResult(athlete_id, "sorensen", 176.5, DAY),
        EnduranceResult(athlete_id, "side_bridge", 1 / 3 + 90, DAY, Side.LEFT),
        EnduranceResult(athlete_id, "side_bridge", 0.0, DAY, Side.RIGHT),
        EnduranceResult(athlete_id, "pullups", 12, DAY),
    )
    with uow_factory() as uow:
        stored = [uow.endurance.add(r) for r in results]
        uow.commit()
    assert all(s.result_id is not None for s in stored)
    assert len({s.result_id for s in stored}) == len(stored)
    assert [dataclasses.replace(s, result_id=None) for s in stored] == list(results)
    with uow_factory() as uow:
        got = uow.endurance.results(athlete_id)
    assert got == stored
    assert got[1].value == 1 / 3 + 90  # bit for bit
    assert got[1].side is Side.LEFT
    assert got[0].side is None


def test_endurance_results_are_oldest_first_then_by_id_and_filter_by_since(
    uow_factory: UowFactory,
) -> None:
    athlete_id = stored_athlete(uow_factory)
    other = stored_athlete(uow_factory, "bo")
    later, earlier = DAY + timedelta(days=7), DAY - timedelta(days=7)
    with uow_factory() as uow:
        # added out of order on purpose
        third = uow.endurance.add(EnduranceResult(athlete_id, "plank", 90, later))
        first = uow.endurance.add(EnduranceResult(athlete_id, "plank", 60, earlier))
        second_a = uow.endurance.add(EnduranceResult(athlete_id, "sorensen", 120, DAY))
        second_b = uow.endurance.add(EnduranceResult(athlete_id, "plank", 70, DAY))
        uow.endurance.add(EnduranceResult(other, "plank", 300, DAY))
        uow.commit()
    with uow_factory() as uow:
        assert uow.endurance.results(athlete_id) == [first, second_a, second_b, third]
        assert uow.endurance.results(athlete_id, since=DAY) == [second_a, second_b, third]
        assert uow.endurance.results(athlete_id, since=later + timedelta(days=1)) == []
        assert [r.value for r in uow.endurance.results(other)] == [300]
        assert uow.endurance.results(athlete_in(uow, "cy")) == []


def test_endurance_results_roll_back_without_commit(uow_factory: UowFactory) -> None:
    athlete_id = stored_athlete(uow_factory)
    with uow_factory() as uow:
        uow.endurance.add(EnduranceResult(athlete_id, "plank", 60, DAY))
        assert len(uow.endurance.results(athlete_id)) == 1  # its own write
    with uow_factory() as uow:
        assert uow.endurance.results(athlete_id) == []


def test_endurance_result_for_an_unknown_athlete_is_not_found(uow_factory: UowFactory) -> None:
    with uow_factory() as uow, pytest.raises(NotFound):
        uow.endurance.add(EnduranceResult(999, "plank", 60, DAY))


def test_a_negative_endurance_value_is_refused_and_the_transaction_goes_on(
    uow_factory: UowFactory,
) -> None:
    athlete_id = stored_athlete(uow_factory)
    with uow_factory() as uow:
        with pytest.raises(InputError):
            uow.endurance.add(EnduranceResult(athlete_id, "plank", -1.0, DAY))
        kept = uow.endurance.add(EnduranceResult(athlete_id, "plank", 61.0, DAY))
        uow.commit()
    with uow_factory() as uow:
        assert uow.endurance.results(athlete_id) == [kept]


# --- what only a real database has -------------------------------------------------------------


def test_deleting_an_entry_cascades_to_its_set_rows(sql_engine: Engine) -> None:
    with SqlUnitOfWork(sql_engine) as uow:
        athlete_id = athlete_in(uow)
        entry = uow.sets.add_entry(an_entry(athlete_id, sets=4))
        uow.commit()
        assert entry.entry_id is not None
        uow.sets.delete_entry(athlete_id, entry.entry_id)
        uow.commit()
    with sql_engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(logged_sets)) == 0
        assert connection.scalar(select(func.count()).select_from(log_entries)) == 0


def test_a_set_cannot_belong_to_another_athletes_entry(sql_engine: Engine) -> None:
    with SqlUnitOfWork(sql_engine) as uow:
        ana = athlete_in(uow)
        bo = athlete_in(uow, "bo")
        entry = uow.sets.add_entry(an_entry(ana, sets=1))
        uow.commit()
    with sql_engine.connect() as connection, pytest.raises(Exception, match=r"(?i)foreign"):
        connection.execute(
            logged_sets.insert().values(
                entry_id=entry.entry_id,
                athlete_id=bo,
                exercise="x",
                performed_on=DAY,
                position=2,
                set_type="working",
                range_done="full",
                note="",
            )
        )


@pytest.mark.parametrize(
    "bad",
    [
        {"pain": 11},
        {"pain": -1},
        {"reps": -1},
        {"seconds": -5},
        {"rir": -1},
        {"load_kg": -2.5},
        {"position": 0},
    ],
)
def test_check_constraints_reject_values_out_of_range(
    sql_engine: Engine, bad: dict[str, object]
) -> None:
    with SqlUnitOfWork(sql_engine) as uow:
        athlete_id = athlete_in(uow)
        uow.commit()
        with pytest.raises(InputError, match="out of range"):
            uow.sets.add_entry(an_entry(athlete_id, sets=(a_set(**bad),)))  # type: ignore[arg-type]


def test_check_in_scores_out_of_range_are_rejected(sql_engine: Engine) -> None:
    with SqlUnitOfWork(sql_engine) as uow:
        athlete_id = athlete_in(uow)
        uow.commit()
        with pytest.raises(InputError):
            uow.check_ins.add(CheckIn(athlete_id, DAY, 7.0, back_pain=11, soreness=0))


def test_a_naive_datetime_is_refused(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        athlete_id = athlete_in(uow)
        with pytest.raises(StorageError, match="naive"):
            uow.sets.add_entry(an_entry(athlete_id, at=datetime(2026, 11, 30, 18, 0)))


def test_endurance_side_must_be_left_right_or_null(sql_engine: Engine) -> None:
    with SqlUnitOfWork(sql_engine) as uow:
        athlete_id = athlete_in(uow)
        uow.commit()
    row = {"athlete_id": athlete_id, "test": "side_bridge", "value": 60.0, "tested_on": DAY}
    with sql_engine.connect() as connection, pytest.raises(Exception, match=r"(?i)check"):
        connection.execute(endurance_results.insert().values({**row, "side": "middle"}))
    with sql_engine.begin() as connection:
        connection.execute(endurance_results.insert().values({**row, "side": None}))
        connection.execute(endurance_results.insert().values({**row, "side": "left"}))
        count = connection.scalar(select(func.count()).select_from(endurance_results))
    assert count == 2


def test_deleting_an_athlete_cascades_to_endurance_results(sql_engine: Engine) -> None:
    with SqlUnitOfWork(sql_engine) as uow:
        athlete_id = athlete_in(uow)
        uow.endurance.add(EnduranceResult(athlete_id, "plank", 60, DAY))
        uow.commit()
    with sql_engine.begin() as connection:
        connection.execute(athletes.delete().where(athletes.c.id == athlete_id))
        assert connection.scalar(select(func.count()).select_from(endurance_results)) == 0


def test_kg_are_stored_as_double_precision(sql_engine: Engine) -> None:
    with SqlUnitOfWork(sql_engine) as uow:
        athlete_id = athlete_in(uow)
        for i, kg in enumerate(AWKWARD_KG, start=1):
            uow.sets.add_entry(
                an_entry(athlete_id, sets=(a_set(load_kg=kg),), at=AT + i * AT.resolution)
            )
        uow.commit()
    with sql_engine.connect() as connection:
        stored = connection.scalars(select(logged_sets.c.load_kg).order_by(logged_sets.c.id)).all()
    assert stored == list(AWKWARD_KG)


def test_an_unreachable_database_is_a_storage_error() -> None:
    with pytest.raises(StorageError, match="does not exist") as caught:
        create_backbone_engine("sqlite:////nonexistent-dir/for/backbone.db")
    assert caught.value.code == "storage_error"
    assert "/nonexistent-dir/for" in caught.value.message


def test_a_directory_gone_after_start_is_a_storage_error(tmp_path: Path) -> None:
    directory = tmp_path / "gone"
    directory.mkdir()
    engine = create_backbone_engine(f"sqlite:///{directory / 'backbone.db'}")
    directory.rmdir()
    uow = SqlUnitOfWork(engine)
    with pytest.raises(StorageError, match="could not be opened") as caught:
        uow.__enter__()
    assert caught.value.code == "storage_error"
    assert str(directory) in caught.value.message


def test_unit_of_work_cannot_be_entered_twice(sql_engine: Engine) -> None:
    uow = SqlUnitOfWork(sql_engine)
    with uow, pytest.raises(StorageError), uow:
        pass


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    engine = create_backbone_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    engine.dispose()


def test_postgres_timestamps_are_timestamptz(empty_postgres_engine: Engine) -> None:
    with empty_postgres_engine.connect() as connection:
        kind = connection.execute(
            text(
                "SELECT data_type FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = 'log_entries' "
                "AND column_name = 'logged_at'"
            )
        ).scalar()
    assert kind == "timestamp with time zone"

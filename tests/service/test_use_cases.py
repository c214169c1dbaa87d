"""Every use case of the application object over the in-memory fakes: what each one promises,
and that nobody reaches another person's data."""

from __future__ import annotations

from datetime import timedelta

import pytest

from backbone.domain.accounts import Permission, Role
from backbone.domain.athlete import Units
from backbone.domain.errors import Conflict, InputError, NotFound
from backbone.domain.loads import lb_to_kg
from backbone.services.application import Backbone
from backbone.services.planning import PlanRequest
from tests.fakes import FakeStore
from tests.service.conftest import MONDAY, NOW

HOME = ("dumbbell", "bench", "pullup_bar", "band")


def request(**changes: object) -> PlanRequest:
    values: dict[str, object] = {
        "start_on": MONDAY, "days_per_week": 3, "minutes_per_session": 45, "equipment": HOME,
    }  # fmt: skip
    values.update(changes)
    return PlanRequest(**values)  # type: ignore[arg-type]


def athlete_of(app: Backbone, username: str, role: str = "athlete") -> int:
    user = app.create_user(username, role=role)
    assert user.user_id is not None
    (athlete,) = app.owned_athletes(user.user_id)
    assert athlete.athlete_id is not None
    return athlete.athlete_id


# --- accounts and access -----------------------------------------------------------------------


def test_the_local_athlete_is_created_once(app: Backbone, store: FakeStore) -> None:
    first = app.local_athlete()
    commits = store.commits
    assert app.local_athlete() == first
    assert store.commits == commits  # the second call writes nothing
    assert first.name == "me"


def test_users_are_unique_and_an_athlete_user_trains_as_an_athlete(app: Backbone) -> None:
    ana = app.create_user("Ana@Example.com", display_name="Ana")
    assert ana.username == "ana@example.com"
    assert ana.user_id is not None
    assert [a.name for a in app.owned_athletes(ana.user_id)] == ["Ana"]
    with pytest.raises(Conflict):
        app.create_user("ana@example.com")
    coach = app.create_user("cora", role="coach")
    assert coach.role is Role.COACH
    assert coach.user_id is not None
    assert app.owned_athletes(coach.user_id) == []  # a coach trains nobody by default
    for bad in ("", "x", "local", "has space", "a" * 65):
        with pytest.raises(InputError):
            app.create_user(bad)
    assert app.user_by_name("ANA@example.com") == ana


def test_a_coach_reads_only_athletes_who_granted_access_until_revoked(app: Backbone) -> None:
    ana = athlete_of(app, "ana")
    bo = athlete_of(app, "bo")
    coach = app.create_user("cora", role="coach")
    assert coach.user_id is not None
    with pytest.raises(NotFound):
        app.require_access(coach.user_id, ana, Permission.READ)
    app.grant_coach(ana, "cora", "read")
    assert app.require_access(coach.user_id, ana, Permission.READ).athlete_id == ana
    with pytest.raises(NotFound):
        app.require_access(coach.user_id, ana, Permission.COMMENT)
    with pytest.raises(NotFound):
        app.require_access(coach.user_id, ana, Permission.WRITE)
    with pytest.raises(NotFound):
        app.require_access(coach.user_id, bo, Permission.READ)
    assert [a.athlete_id for a in app.coached_athletes(coach.user_id)] == [ana]
    app.grant_coach(ana, "cora", "comment")
    app.require_access(coach.user_id, ana, Permission.COMMENT)
    assert len(app.coach_grants(ana)) == 1
    app.revoke_coach(ana, "cora")
    with pytest.raises(NotFound):
        app.require_access(coach.user_id, ana, Permission.READ)
    with pytest.raises(NotFound):
        app.revoke_coach(ana, "cora")  # nothing left to revoke
    assert app.coached_athletes(coach.user_id) == []


def test_only_coaches_can_be_granted_and_not_oneself(app: Backbone) -> None:
    ana = athlete_of(app, "ana")
    athlete_of(app, "bo")
    with pytest.raises(NotFound):
        app.grant_coach(ana, "bo", "read")  # bo is not a coach
    with pytest.raises(InputError):
        app.grant_coach(ana, "bo", "admin")


def test_an_owner_may_do_everything_and_a_stranger_nothing(app: Backbone) -> None:
    ana = athlete_of(app, "ana")
    owner = app.user_by_name("ana").user_id
    stranger = app.user_by_name(app.create_user("zed").username).user_id
    assert owner is not None
    assert stranger is not None
    for permission in Permission:
        app.require_access(owner, ana, permission)
        with pytest.raises(NotFound):
            app.require_access(stranger, ana, permission)
    with pytest.raises(NotFound):
        app.require_access(owner, 999, Permission.READ)  # a missing id reads the same


# --- the athlete's settings --------------------------------------------------------------------


def test_settings_change_only_what_is_given_in_the_athletes_units(app: Backbone, me: int) -> None:
    saved = app.update_athlete(me, units="lb", bodyweight=180, plates=[45, 25, 10, 5, 2.5])
    assert saved.units is Units.LB
    assert saved.bodyweight_kg == pytest.approx(lb_to_kg(180), abs=0.01)
    assert saved.plates_kg[0] == pytest.approx(lb_to_kg(45), abs=1e-3)
    again = app.update_athlete(me, bar=45)
    assert again.bodyweight_kg == saved.bodyweight_kg
    assert app.athlete(me) == again
    for bad in ({"bodyweight": 5}, {"plates": []}, {"plates": [-5]}, {"bar": 80}, {"units": "st"}):
        with pytest.raises(InputError):
            app.update_athlete(me, **bad)  # type: ignore[arg-type]
    assert app.athlete(me) == again  # nothing half-changed


# --- planning and the program ------------------------------------------------------------------


def test_plan_preview_stores_nothing(app: Backbone, store: FakeStore) -> None:
    plan = app.plan(request())
    assert plan.weeks
    assert store.commits == 0


def test_exercises_filter_and_cue_cards(app: Backbone) -> None:
    hinges = app.find_exercises(pattern="hinge", equipment=["dumbbell"])
    assert hinges
    assert all(e.pattern.value == "hinge" for e in hinges)
    assert app.cue_card("bird-dog").slug == "bird_dog"
    with pytest.raises(InputError):
        app.find_exercises(muscle="quads")


def test_show_program_is_the_one_started(app: Backbone, me: int) -> None:
    with pytest.raises(NotFound):
        app.show_program(me)
    started = app.start_program(me, request())
    shown = app.show_program(me)
    assert shown.plan == started.plan
    assert shown.program.started_on == MONDAY
    later = app.start_program(me, request(start_on=MONDAY + timedelta(weeks=6)))
    assert app.show_program(me).program.program_id == later.program.program_id


def test_one_athletes_program_is_not_anothers(app: Backbone, me: int) -> None:
    app.start_program(me, request())
    other = athlete_of(app, "bo")
    with pytest.raises(NotFound):
        app.today(other, MONDAY)


# --- logging -----------------------------------------------------------------------------------


def test_an_idempotency_key_logs_once(app: Backbone, me: int, store: FakeStore) -> None:
    first = app.log_sets(me, "chest_supported_row", ["24x10@2"], on=MONDAY, idempotency_key="k1")
    commits = store.commits
    again = app.log_sets(me, "chest_supported_row", ["24x10@2"], on=MONDAY, idempotency_key="k1")
    assert again.replayed
    assert again.entry == first.entry
    assert store.commits == commits
    with pytest.raises(Conflict):
        app.log_sets(me, "pull_up", ["bwx5"], on=MONDAY, idempotency_key="k1")
    _, entries = app.history(me)
    assert len(entries) == 1
    assert entries[0].source == "cli"


def test_history_filters_and_delete_is_scoped(app: Backbone, me: int) -> None:
    app.log_sets(me, "chest_supported_row", ["24x10@2"], on=MONDAY)
    later = app.log_sets(me, "pull_up", ["bwx5@2"], on=MONDAY + timedelta(days=2))
    _, rows = app.history(me, exercise="chest_supported")
    assert [e.exercise for e in rows] == ["chest_supported_row"]
    _, recent = app.history(me, since=MONDAY + timedelta(days=1))
    assert [e.exercise for e in recent] == ["pull_up"]
    other = athlete_of(app, "bo")
    assert later.entry.entry_id is not None
    with pytest.raises(NotFound):
        app.delete_entry(other, later.entry.entry_id)
    app.delete_entry(me, later.entry.entry_id)
    _, left = app.history(me)
    assert [e.exercise for e in left] == ["chest_supported_row"]
    assert app.history(other)[1] == []


def test_finish_records_the_session_and_checks_its_numbers(app: Backbone, me: int) -> None:
    done = app.finish_session(me, session_rpe=7, duration_min=48)
    assert (done.on, done.session_rpe, done.duration_min) == (NOW.date(), 7, 48)
    with pytest.raises(InputError, match="session rpe"):
        app.finish_session(me, session_rpe=11)
    with pytest.raises(InputError):
        app.finish_session(me, duration_min=0)


def test_a_months_calendar_reads_the_days_of_its_weeks_only(app: Backbone, me: int) -> None:
    app.start_program(me, request())
    for days in (0, 9, 40):
        app.log_sets(me, "chest_supported_row", ["24x10@2"], on=MONDAY + timedelta(days=days))
    app.finish_session(me, session_rpe=6, on=MONDAY + timedelta(days=10))  # no sets that day
    shown = app.sessions_between(me, MONDAY + timedelta(days=1), MONDAY + timedelta(days=20))
    assert [d.on for d in shown] == [MONDAY + timedelta(days=10), MONDAY + timedelta(days=9)]
    assert [len(d.entries) for d in shown] == [0, 1]
    assert app.sessions_between(me, MONDAY + timedelta(days=2), MONDAY) == []
    other = athlete_of(app, "other")
    assert app.sessions_between(other, MONDAY, MONDAY + timedelta(days=60)) == []


def test_stats_read_the_athletes_own_log(app: Backbone, me: int) -> None:
    app.start_program(me, request())
    for week in range(2):
        for day in (0, 2, 4):
            on = MONDAY + timedelta(weeks=week, days=day)
            app.log_sets(me, "chest_supported_row", ["24x10@2"] * 3, on=on, include_next=False)
    mine = app.stats(me, 4, MONDAY + timedelta(weeks=2))
    assert mine.has_history
    assert mine.adherence is not None
    other = athlete_of(app, "bo")
    assert not app.stats(other, 4, MONDAY + timedelta(weeks=2)).has_history
    with pytest.raises(InputError):
        app.stats(me, 0)


def test_check_ins_are_validated_before_anything_is_stored(
    app: Backbone, me: int, store: FakeStore
) -> None:
    for bad in ({"sleep_h": 30}, {"back_pain": 11}, {"soreness": -1}, {"readiness": 0}):
        values = {"sleep_h": 7.0, "back_pain": 1, "soreness": 1, **bad}
        with pytest.raises(InputError):
            app.check_in(me, **values)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        app.check_in(me, sleep_h=7, back_pain=1, soreness=1, red_flags=["feverish"])
    assert store.commits == 1  # only the local athlete's creation

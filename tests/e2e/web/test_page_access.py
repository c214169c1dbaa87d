"""Nobody sees anyone else's data through the pages: generated from the route table, so a new page
cannot skip it. For every page route that shows or changes an athlete's data, another user naming
that athlete gets the 404 page and nothing changes; without a session every page sends the browser
to log in; a form without its CSRF token changes nothing."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute

from backbone.interfaces.web import pages
from backbone.services.ports import Knowledge
from backbone.settings import sqlite_url
from tests.e2e.api.conftest import NOW, PASSWORD, Api, build_api
from tests.e2e.api.routes import _all

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PUBLIC = {"/", "/signup", "/login", "/sw.js", "/manifest.webmanifest"}
PROFILE = {
    "days": "3", "on": ["mon", "wed", "fri"], "minutes": "45", "equipment": ["dumbbell", "bench"],
    "level": "novice", "goal": "hypertrophy", "back_pain": "none",
}  # fmt: skip


def _uses(dependant: Any, call: Any) -> bool:
    return any(d.call is call or _uses(d, call) for d in dependant.dependencies)


def page_routes(app: Any) -> list[tuple[str, APIRoute]]:
    """(full path, route) of every page (the route walk follows FastAPI's nested routers)."""
    found = [
        (path, r)
        for path, r in _all(app)
        if r.endpoint.__module__.startswith("backbone.interfaces.web")
    ]
    assert len(found) > 20, "the route table looks empty: did FastAPI change how it nests routes?"
    return found


def athlete_routes(app: Any) -> list[tuple[str, str]]:
    """(method, path) of every page route that acts on an athlete (through `pages.viewer`)."""
    return [
        (method, path)
        for path, r in page_routes(app)
        if _uses(r.dependant, pages.viewer)
        for method in sorted(r.methods or ())
    ]


def _csrf(text: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', text)
    assert found is not None
    return found.group(1)


def web_user(api: Api, username: str) -> tuple[TestClient, str]:
    client = api.client()
    client.follow_redirects = False
    token = _csrf(client.get("/signup").text)
    made = client.post(
        "/signup", data={"csrf_token": token, "username": username, "password": PASSWORD}
    )
    assert made.status_code == 303, made.text
    return client, _csrf(client.get("/onboarding").text)


@pytest.fixture
def world(facts: Knowledge, tmp_path: Path) -> Iterator[dict[str, Any]]:
    api = build_api(sqlite_url(tmp_path / "web.db"), facts)
    api.backbone.database.upgrade()
    owner, owner_csrf = web_user(api, "ana")
    owner.post("/onboarding/start", data={"csrf_token": owner_csrf, **PROFILE})
    logged = owner.post(
        "/today/sets",
        data={"exercise": "chest_supported_row", "load": "20", "reps": "10"},
        headers={"X-CSRF-Token": owner_csrf},
    )
    assert logged.status_code == 201, logged.text
    stranger, stranger_csrf = web_user(api, "bob")
    app = api.backbone
    ana = app.owned_athletes(app.user_by_name("ana").user_id or 0)[0]
    _, entries = app.history(ana.athlete_id or 0)
    yield {
        "api": api, "owner": owner, "owner_csrf": owner_csrf, "stranger": stranger,
        "stranger_csrf": stranger_csrf, "athlete_id": ana.athlete_id,
        "entry_id": entries[0].entry_id,
    }  # fmt: skip
    for client in api.clients:
        client.close()
    api.backbone.database.dispose()


def _fill(path: str, world: dict[str, Any]) -> str:
    values = {
        "on": NOW.date().isoformat(), "entry_id": str(world["entry_id"]), "position": "1",
        "token_id": "1", "slug": "chest_supported_row", "rule_id": "safety.red_flags",
        "batch_id": "1",
    }  # fmt: skip
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], path)


def _snapshot(world: dict[str, Any]) -> Any:
    app = world["api"].backbone
    _, entries = app.history(world["athlete_id"])
    return (
        [(e.entry_id, e.sets) for e in entries],
        app.athlete(world["athlete_id"]),
        app.coach_grants(world["athlete_id"]),
        app.check_ins(world["athlete_id"]),
        app.show_program(world["athlete_id"]).program,
        app.show_program(world["athlete_id"]).program.swaps,
        app.list_tests(world["athlete_id"]),
    )


def test_the_route_table_has_the_pages_this_test_expects(world: dict[str, Any]) -> None:
    found = set(athlete_routes(world["api"].app))
    assert ("GET", "/today") in found
    assert ("POST", "/today/sets") in found
    assert ("GET", "/history/{on}") in found
    assert len(found) >= 15


def test_another_users_athlete_is_not_found_on_every_page_and_form(world: dict[str, Any]) -> None:
    before = _snapshot(world)
    stranger = world["stranger"]
    for method, path in athlete_routes(world["api"].app):
        url = f"{_fill(path, world)}?athlete_id={world['athlete_id']}"
        if method == "GET":
            answer = stranger.get(url)
        else:
            answer = stranger.post(
                url,
                data={"csrf_token": world["stranger_csrf"], "exercise": "chest_supported_row",
                      "load": "30", "reps": "5", "set": "30x5", "text": "hi", "coach": "bob",
                      "sleep_h": "7", "back_pain": "0", "soreness": "0", **PROFILE},
            )  # fmt: skip
        assert answer.status_code == 404, (method, path, answer.status_code)
        assert "text/html" in answer.headers["content-type"], (method, path)
    assert _snapshot(world) == before


def test_every_page_sends_a_visitor_without_a_session_to_log_in(world: dict[str, Any]) -> None:
    anonymous = world["api"].client()
    anonymous.follow_redirects = False
    for path, route in page_routes(world["api"].app):
        if path in PUBLIC:
            continue
        for method in sorted(route.methods or ()):
            answer = anonymous.request(method, _fill(path, world))
            assert answer.status_code == 303, (method, path, answer.status_code)
            assert answer.headers["location"].startswith("/login"), path


def test_a_form_without_its_csrf_token_changes_nothing(world: dict[str, Any]) -> None:
    before = _snapshot(world)
    owner = world["owner"]
    for method, path in athlete_routes(world["api"].app):
        if method != "POST":
            continue
        answer = owner.post(
            _fill(path, world), data={"exercise": "chest_supported_row", "set": "30x5", **PROFILE}
        )
        assert answer.status_code == 403, (path, answer.status_code)
    assert _snapshot(world) == before


def test_bad_input_is_a_form_message_and_stores_nothing(world: dict[str, Any]) -> None:
    before = _snapshot(world)
    owner, csrf = world["owner"], world["owner_csrf"]
    for path, data in (
        ("/settings", {"bodyweight": "heavy"}),
        ("/settings", {"plates": "20, x"}),
        ("/today/check-in", {"sleep_h": "lots", "back_pain": "0", "soreness": "0"}),
        ("/today/sets", {"exercise": "chest_supported_row", "load": "", "reps": "8"}),
        ("/today/sets", {"exercise": "no_such_lift", "reps": "8"}),
        ("/onboarding/preview", {**PROFILE, "minutes": "forever"}),
        ("/history/entries/{entry_id}/sets/1", {"set": "60y8"}),
        # numbers and dates go through domain/inputs, as on the command line
        ("/settings", {"bodyweight": "1_00"}),
        ("/settings", {"bar": "nan"}),
        ("/settings", {"dumbbell_step": "1e1"}),
        ("/settings/equipment", {"equipment": ["dumbbell", "jetpack"]}),
        ("/today/check-in", {"sleep_h": "7", "back_pain": "٣", "soreness": "0"}),
        ("/today/check-in", {"sleep_h": "7", "back_pain": "0", "soreness": "0", "readiness": "x"}),
        ("/today/sets", {"exercise": "chest_supported_row", "load": "inf", "reps": "8"}),
        (
            "/today/sets",
            {"exercise": "chest_supported_row", "load": "20", "reps": "8", "rir": "2.5"},
        ),
        (
            "/today/sets",
            {"exercise": "chest_supported_row", "load": "20", "reps": "8", "date": "2026-02-30"},
        ),
        ("/today/sets", {"exercise": "cat_camel", "reps": "8", "sets": "0"}),
        ("/today/sets", {"exercise": "chest_supported_row", "load": "20", "reps": "0"}),
        (
            "/today/sets",
            {"exercise": "chest_supported_row", "load": "20", "reps": "8", "rir": "-1"},
        ),
        ("/today/sets", {"exercise": "side_plank", "seconds": "0"}),
        ("/today/sets", {"exercise": "cat_camel", "reps": "8", "sets": "1000"}),
        ("/today/finish", {"session_rpe": "1e1"}),
        ("/progress/tests", {"test": "plank", "value": "1e3"}),
        ("/today/drills/undo", {"exercise": "chest_supported_row", "date": "2026-13-01"}),
        ("/today/drills/undo", {"exercise": "no_such_drill"}),
        ("/onboarding/preview", {**PROFILE, "days": "3.0"}),
    ):
        answer = owner.post(_fill(path, world), data={"csrf_token": csrf, **data})
        assert answer.status_code == 422, (path, answer.status_code)
        assert 'role="alert"' in answer.text, path
        assert "Traceback" not in answer.text
    assert _snapshot(world) == before


def test_settings_change_the_programs_equipment(world: dict[str, Any]) -> None:
    owner, csrf = world["owner"], world["owner_csrf"]
    app = world["api"].backbone
    page = owner.get("/settings").text
    assert 'name="equipment" value="dumbbell" checked' in page
    assert 'name="equipment" value="pullup_bar" ' in page
    answer = owner.post(
        "/settings/equipment",
        data={"csrf_token": csrf, "equipment": ["dumbbell", "bench", "pullup_bar"]},
    )
    assert answer.status_code == 303
    kit = {e.value for e in app.show_program(world["athlete_id"]).plan.profile.available_equipment}
    assert kit == {"bodyweight", "dumbbell", "bench", "pullup_bar"}
    page = owner.get(answer.headers["location"]).text
    assert 'name="equipment" value="pullup_bar" checked' in page
    assert "now uses this equipment" in page


def test_a_drill_ticked_off_logs_its_planned_sets_once(world: dict[str, Any]) -> None:
    owner, csrf = world["owner"], world["owner_csrf"]
    app = world["api"].backbone
    sent = {"exercise": "cat_camel", "reps": "6", "sets": "2", "date": NOW.date().isoformat()}
    headers = {"X-CSRF-Token": csrf, "Idempotency-Key": "drill-1"}
    first = owner.post("/today/sets", data=sent, headers=headers)
    again = owner.post("/today/sets", data=sent, headers=headers)
    assert (first.status_code, again.status_code) == (201, 200)
    _, entries = app.history(world["athlete_id"])
    drills = [e for e in entries if e.exercise == "cat_camel"]
    assert [[(s.reps, s.load_kg) for s in e.sets] for e in drills] == [[(6, None), (6, None)]]

    undone = owner.post(
        "/today/drills/undo",
        data={"csrf_token": csrf, "exercise": "cat_camel", "date": NOW.date().isoformat()},
    )
    assert undone.status_code == 303
    _, entries = app.history(world["athlete_id"])
    assert [e.exercise for e in entries] == ["chest_supported_row"]  # only the drill went


def _web_login(api: Api, username: str) -> TestClient:
    client = api.client()
    client.follow_redirects = False
    token = _csrf(client.get("/login").text)
    answer = client.post(
        "/login", data={"csrf_token": token, "username": username, "password": PASSWORD}
    )
    assert answer.status_code == 303, answer.text
    return client


def test_log_out_everywhere_sends_the_users_other_browsers_to_log_in(
    world: dict[str, Any],
) -> None:
    api, owner, csrf = world["api"], world["owner"], world["owner_csrf"]
    phone = _web_login(api, "ana")
    stranger = world["stranger"]
    assert phone.get("/today").status_code == 200
    assert "Log out everywhere" in owner.get("/settings").text

    assert owner.post("/logout/everywhere", data={}).status_code == 403  # no CSRF token
    assert phone.get("/today").status_code == 200
    ended = owner.post("/logout/everywhere", data={"csrf_token": csrf})
    assert ended.status_code == 303
    assert ended.headers["location"] == "/login"

    for browser in (phone, owner):
        answer = browser.get("/today")
        assert answer.status_code == 303
        assert answer.headers["location"].startswith("/login")
    assert stranger.get("/onboarding").status_code == 200  # another user's session goes on
    again = _web_login(api, "ana")
    assert again.get("/today").status_code == 200

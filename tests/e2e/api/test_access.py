"""Nobody sees or changes anyone else's data: generated from the app's route table.

For every /api/v1 route that takes an id (a path parameter, or `?athlete_id=`), a stranger using
the owner's ids gets 404 and the owner's data is unchanged; a coach with read access gets 404 on
every route that writes or comments. A new route is covered the moment it is mounted: a path
parameter this test does not know fails it.
"""

from __future__ import annotations

from typing import Any

from fastapi.routing import APIRoute

from tests.e2e.api.conftest import Api, ok
from tests.e2e.api.routes import Route, api_routes

STRONG = (
    b"Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    b"Workout Notes,RPE\n2026-11-24 18:00:00,Pull,1h,Deadlift (Barbell),1,100,5,0,0,,,8\n"
)
PUBLIC = {("GET", "/api/v1/exercises/{slug}")}
"""routes whose id names nobody's data (the catalogue)"""
DAY = "2026-12-02"


def example_body(route: APIRoute) -> Any:
    """The route's documented request example (every body model has one)."""
    if route.body_field is None:
        return None
    model = route.body_field.field_info.annotation
    assert model is not None
    examples = model.model_config.get("json_schema_extra", {}).get("examples")
    assert examples, f"{route.path}: its body model {model.__name__} has no example"
    return examples[0]


def owner_world(api: Api) -> dict[str, Any]:
    """ana with a program, a logged entry, a finished and commented session, a check-in, a test,
    a token and a read grant to coach kim."""
    ana = api.user("ana")
    api.user("kim", role="coach")
    ok(ana.post("/api/v1/program", json={"days": 3, "start": "2026-11-30"}), 201)
    entry = ok(
        ana.post(
            "/api/v1/sets",
            json={"exercise": "chest_supported_row", "sets": ["24x10@2"], "date": DAY},
        ),
        201,
    )
    ok(ana.post("/api/v1/sessions", json={"session_rpe": 6, "date": DAY}), 201)
    ok(ana.post(f"/api/v1/sessions/{DAY}/comments", json={"text": "felt good"}), 201)
    ok(ana.post("/api/v1/check-ins", json={"sleep_h": 7, "back_pain": 0, "soreness": 1}), 201)
    ok(ana.post("/api/v1/tests", json={"test": "sorensen", "value": 80}), 201)
    token = ok(ana.post("/api/v1/tokens", json={"name": "laptop"}), 201)
    ok(ana.post("/api/v1/grants", json={"coach": "kim", "access": "read"}), 201)
    preview = ok(ana.post("/api/v1/imports/previews", files={"file": ("s.csv", STRONG)}), 201)
    batch = ok(ana.post("/api/v1/imports", json={"preview_id": preview["preview_id"]}), 201)
    ok(ana.post("/api/v1/calendar/feed"), 201)
    me = ok(ana.get("/api/v1/me"))
    return {
        "client": ana,
        "athlete_id": me["athletes"][0]["athlete_id"],
        "path": {
            "entry_id": entry["entry"]["entry_id"],
            "position": 1,
            "token_id": token["token_id"],
            "on": DAY,
            "coach": "kim",
            "exercise": "chest_supported_row",
            "slug": "chest_supported_row",
            "batch_id": batch["batch_id"],
        },
    }


def snapshot(world: dict[str, Any]) -> list[Any]:
    ana = world["client"]
    return [
        ok(ana.get(path))
        if path != "/api/v1/tokens"
        else [t["token_id"] for t in ok(ana.get(path))]
        for path in (
            "/api/v1/entries",
            "/api/v1/sessions",
            f"/api/v1/sessions/{DAY}",
            "/api/v1/program",
            "/api/v1/check-ins",
            "/api/v1/tests",
            "/api/v1/grants",
            "/api/v1/athlete",
            "/api/v1/tokens",
            "/api/v1/imports",
            "/api/v1/calendar/feed",
        )
    ]


def with_ids(route: Route, world: dict[str, Any]) -> str:
    unknown = set(route.path_params) - set(world["path"])
    assert not unknown, f"{route.method} {route.path}: add {unknown} to owner_world's ids"
    url = route.url(**world["path"])
    if route.takes_athlete:
        url += f"?athlete_id={world['athlete_id']}"
    return url


def call(client: Any, route: Route, url: str) -> Any:
    payload = example_body(route.route)
    if payload is None:
        return client.request(route.method, url)
    return client.request(route.method, url, json=payload)


def scoped(route: Route) -> bool:
    return (route.method, route.path) not in PUBLIC and (
        bool(route.path_params) or route.takes_athlete
    )


def writes(route: Route) -> bool:
    names = {d.call.__name__ for d in route.route.dependant.dependencies if d.call is not None}
    return bool(names & {"writer", "commenter"})


def test_another_users_ids_are_not_found_and_change_nothing(api: Api) -> None:
    world = owner_world(api)
    eve = api.user("eve")
    before = snapshot(world)
    checked, wrong = [], []
    for route in api_routes(api.app):
        if not scoped(route):
            continue
        response = call(eve, route, with_ids(route, world))
        checked.append(f"{route.method} {route.path}")
        if response.status_code != 404 or response.json()["code"] != "not_found":
            wrong.append(f"{route.method} {route.path}: {response.status_code} {response.text}")
    assert wrong == []
    assert snapshot(world) == before
    assert len(checked) >= 20


def test_a_reading_coach_cannot_write_or_comment(api: Api) -> None:
    world = owner_world(api)
    kim_id = api.backbone.user_by_name("kim").user_id
    assert kim_id is not None
    _, secret = api.backbone.create_token(kim_id, "t")
    kim = api.client(authorization=f"Bearer {secret}")
    assert ok(kim.get(f"/api/v1/entries?athlete_id={world['athlete_id']}"))
    before = snapshot(world)
    wrong = []
    for route in api_routes(api.app):
        if not (route.takes_athlete and writes(route)):
            continue
        response = call(kim, route, with_ids(route, world))
        if response.status_code != 404:
            wrong.append(f"{route.method} {route.path}: {response.status_code} {response.text}")
    assert wrong == []
    assert snapshot(world) == before


def test_nothing_but_the_system_routes_answers_without_credentials(api: Api) -> None:
    world = owner_world(api)
    anonymous = api.client()
    wrong = []
    for route in api_routes(api.app):
        if (route.method, route.path) in {
            ("POST", "/api/v1/users"),
            ("POST", "/api/v1/session"),
            ("DELETE", "/api/v1/session"),
        }:
            continue
        response = call(anonymous, route, with_ids(route, world))
        if response.status_code != 401:
            wrong.append(f"{route.method} {route.path}: {response.status_code}")
    assert wrong == []

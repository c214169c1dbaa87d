"""Every /api/v1 route, on SQLite and PostgreSQL: one coach's and one athlete's week through the
API, checking bodies against the CLI's documents; the last test proves no route was left out."""

from __future__ import annotations

from typing import Any

from backbone.services.training_documents import entry_document
from tests.e2e.api.conftest import PASSWORD, Api, ok
from tests.e2e.api.routes import api_routes, matching

PROFILE = {
    "days": 3,
    "minutes": 45,
    "equipment": ["dumbbell", "bench", "pullup_bar", "band"],
    "level": "novice",
    "goal": "hypertrophy",
    "back_pain": "none",
    "start": "2026-11-30",
}


class Recorder:
    """Wraps a client; remembers which route templates were called."""

    def __init__(self, api: Api, client: Any, seen: set[tuple[str, str]]) -> None:
        self.api, self.client, self.seen = api, client, seen

    def __getattr__(self, method: str) -> Any:
        def call(url: str, **kwargs: Any) -> Any:
            found = matching(self.api.app, method.upper(), url.split("?")[0])
            if found is not None:
                self.seen.add(found)
            return getattr(self.client, method)(url, **kwargs)

        return call


def walk_every_route(api: Api) -> set[tuple[str, str]]:
    seen: set[tuple[str, str]] = set()
    anonymous = Recorder(api, api.client(), seen)
    ok(anonymous.post("/api/v1/users", json={"username": "ana", "password": PASSWORD}), 201)
    ok(
        anonymous.post(
            "/api/v1/users", json={"username": "kim", "password": PASSWORD, "role": "coach"}
        ),
        201,
    )
    login = ok(anonymous.post("/api/v1/session", json={"username": "ana", "password": PASSWORD}))
    assert login["user"]["username"] == "ana"
    created = ok(
        anonymous.post(
            "/api/v1/tokens", json={"name": "phone"}, headers={"X-CSRF-Token": login["csrf_token"]}
        ),
        201,
    )
    ended = anonymous.post(
        "/api/v1/me/sessions/revoke", headers={"X-CSRF-Token": login["csrf_token"]}
    )
    assert ended.status_code == 204
    assert anonymous.get("/api/v1/me").status_code == 401  # logged out everywhere, this one too
    assert anonymous.delete("/api/v1/session").status_code == 204
    ana = Recorder(api, api.client(authorization=f"Bearer {created['token']}"), seen)

    me = ok(ana.get("/api/v1/me"))
    athlete_id = me["athletes"][0]["athlete_id"]
    assert [t["name"] for t in ok(ana.get("/api/v1/tokens"))] == ["phone"]
    spare = ok(ana.post("/api/v1/tokens", json={"name": "spare"}), 201)
    assert ana.delete(f"/api/v1/tokens/{spare['token_id']}").status_code == 204
    assert len(ok(ana.get("/api/v1/athletes"))) == 1
    settings = ok(ana.patch("/api/v1/athlete", json={"bodyweight": 70}))
    assert settings["bodyweight_kg"] == 70
    assert ok(ana.get("/api/v1/athlete"))["athlete_id"] == athlete_id

    rows = ok(ana.get("/api/v1/exercises?pattern=horizontal_pull&limit=2"))
    assert len(rows) == 2
    assert ok(ana.get(f"/api/v1/exercises/{rows[0]['slug']}"))["slug"] == rows[0]["slug"]
    preview = ok(ana.post("/api/v1/plans/preview", json=PROFILE))
    program = ok(ana.post("/api/v1/program", json=PROFILE), 201)
    assert program["plan"] == preview
    assert ok(ana.get("/api/v1/program")) == program
    today = ok(ana.get("/api/v1/today?on=2026-11-30"))
    assert today["session"] is not None
    main = next(b for b in today["session"]["blocks"] if b["kind"] == "main")
    first = main["items"][0]["exercise"]
    assert ok(ana.get(f"/api/v1/prescriptions/{first}?on=2026-11-30"))["exercise"] == first
    options = ok(ana.get(f"/api/v1/programs/current/swap-options?exercise={first}&on=2026-11-30"))
    to = options["options"][0]["exercise"]
    swap = {"exercise": first, "to": to, "date": "2026-11-30"}
    swapped = ok(ana.post("/api/v1/programs/current/swaps", json=swap), 201)
    assert swapped["swap"]["to"] == to
    assert ok(ana.get("/api/v1/program"))["swaps"] == [swapped["swap"]]
    swapped_today = ok(ana.get("/api/v1/today?on=2026-11-30"))
    assert to in str(swapped_today)
    back = {"exercise": to, "to": first, "date": "2026-11-30"}
    ok(ana.post("/api/v1/programs/current/swaps", json=back), 201)
    assert ok(ana.get("/api/v1/today?on=2026-11-30")) == today

    ok(ana.post("/api/v1/check-ins", json={"sleep_h": 7, "back_pain": 1, "soreness": 2}), 201)
    assert len(ok(ana.get("/api/v1/check-ins"))) == 1
    # one check-in a day: a second is refused and the first kept, unless it asks to replace
    again = {"sleep_h": 5, "back_pain": 1, "soreness": 2}
    refused = ana.post("/api/v1/check-ins", json=again)
    assert refused.status_code == 409
    assert refused.json()["details"]["next_step"] == "replace_check_in"
    assert [c["sleep_h"] for c in ok(ana.get("/api/v1/check-ins"))] == [7]
    ok(ana.post("/api/v1/check-ins", json={**again, "replace": True}), 201)
    assert [c["sleep_h"] for c in ok(ana.get("/api/v1/check-ins"))] == [5]
    # new leg symptoms: no loaded back work, in the answer and in today (issue 9, section 4)
    legs = {"sleep_h": 8, "back_pain": 1, "soreness": 1, "leg_symptoms": True}
    verdict = ok(ana.post("/api/v1/check-ins", json={**legs, "date": "2026-11-30"}), 201)
    assert verdict["back"]["call"] == "no_loaded_back_work"
    stopped = ok(ana.get("/api/v1/today?on=2026-11-30"))
    assert stopped["recovery"]["back"]["call"] == "no_loaded_back_work"
    assert {b["kind"] for b in stopped["session"]["blocks"]} <= {"warmup", "cooldown"}
    ok(ana.post("/api/v1/check-ins", json={**legs, "leg_symptoms": False, "date": "2026-11-30",
                                           "replace": True}), 201)  # fmt: skip
    logged = ok(
        ana.post(
            "/api/v1/sets",
            json={
                "exercise": "chest_supported_row",
                "sets": ["24x10@2", "x2"],
                "date": "2026-12-02",
            },
            headers={"Idempotency-Key": "ana-1"},
        ),
        201,
    )
    entry_id = logged["entry"]["entry_id"]
    assert logged["sets"] == logged["entry"]["sets"]
    assert api.backbone.entry(athlete_id, entry_id) is not None
    assert entry_document(api.backbone.entry(athlete_id, entry_id)) == logged["entry"]
    edited = ok(ana.patch(f"/api/v1/entries/{entry_id}/sets/2", json={"set": "26x8@1"}))
    assert edited["sets"][1]["load_kg"] == 26
    assert ok(ana.get(f"/api/v1/entries/{entry_id}")) == edited
    assert ok(ana.get("/api/v1/entries")) == [edited]
    ok(ana.post("/api/v1/sessions", json={"session_rpe": 7, "date": "2026-12-02"}), 201)
    assert ok(ana.get("/api/v1/sessions"))[0]["date"] == "2026-12-02"

    ok(ana.post("/api/v1/grants", json={"coach": "kim", "access": "comment"}), 201)
    assert [g["coach"] for g in ok(ana.get("/api/v1/grants"))] == ["kim"]
    _, coach_secret = api.backbone.create_token(api.backbone.user_by_name("kim").user_id or 0, "t")
    kim = Recorder(api, api.client(authorization=f"Bearer {coach_secret}"), seen)
    comment = ok(
        kim.post(
            f"/api/v1/sessions/2026-12-02/comments?athlete_id={athlete_id}",
            json={"text": "Solid."},
        ),
        201,
    )
    day = ok(kim.get(f"/api/v1/sessions/2026-12-02?athlete_id={athlete_id}"))
    looked = kim.get(
        f"/api/v1/programs/current/swap-options?exercise={first}&athlete_id={athlete_id}"
        "&on=2026-11-30"
    )
    assert ok(looked)["exercise"] == first
    assert day["comments"] == [comment]

    ok(ana.post("/api/v1/tests", json={"test": "sorensen", "value": 95}), 201)
    assert [t["test"] for t in ok(ana.get("/api/v1/tests"))] == ["sorensen"]
    assert "volume" in str(ok(ana.get("/api/v1/stats?weeks=4")))
    report = ana.get("/api/v1/report?format=md")
    assert report.status_code == 200
    assert report.headers["content-disposition"].startswith("attachment;")

    assert kim.delete(f"/api/v1/entries/{entry_id}?athlete_id={athlete_id}").status_code == 404
    assert ana.delete("/api/v1/grants/kim").status_code == 204
    assert kim.get(f"/api/v1/entries?athlete_id={athlete_id}").status_code == 404
    undone = ok(ana.post("/api/v1/entries/undo"))
    assert undone["removed"]["entry_id"] == entry_id
    again = ok(
        ana.post(
            "/api/v1/sets",
            json={"exercise": "chest_supported_row", "sets": [{"load_kg": 24, "reps": 10}]},
        ),
        201,
    )
    assert ana.delete(f"/api/v1/entries/{again['entry']['entry_id']}").status_code == 204
    assert ok(ana.get("/api/v1/entries")) == []
    walk_import_and_export(api, ana, kim, athlete_id)
    return seen


STRONG = (
    b"Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    b"Workout Notes,RPE\n"
    b"2026-11-24 18:00:00,Pull,1h,Deadlift (Barbell),1,100,5,0,0,,,8\n"
    b"2026-11-24 18:00:00,Pull,1h,Deadlift (Barbell),2,100,5,0,0,,,8\n"
    b"2026-11-24 18:00:00,Pull,1h,Zercher Carry,1,60,0,20,0,,,\n"
)


GORILLA = STRONG.splitlines(keepends=True)[0] + (
    b"2026-11-25 18:00:00,Back,1h,Gorilla Row,1,30,10,0,0,,,8\n"
)
GORILLA_LATER = GORILLA + b"2026-11-27 18:00:00,Back,1h,Gorilla Row,1,32,10,0,0,,,8\n"


def walk_import_and_export(api: Api, ana: Recorder, kim: Recorder, athlete_id: int) -> None:
    shown = ok(
        ana.post(
            "/api/v1/imports/previews",
            files={"file": ("strong.csv", STRONG)},
            data={"units": "kg", "map": ["Zercher Carry=farmers_carry"]},
        ),
        201,
    )
    assert shown["report"]["dry_run"]
    assert shown["report"]["sets_imported"] == 3
    assert {m["name"]: m["slug"] for m in shown["report"]["mapping"]}["Zercher Carry"] == (
        "farmers_carry"
    )
    assert ok(ana.get("/api/v1/imports")) == []  # a preview writes nothing
    wrong = ana.post(
        "/api/v1/imports", json={"preview_id": shown["preview_id"], "content_sha256": "0" * 64}
    )
    assert wrong.status_code == 409
    done = ok(
        ana.post(
            "/api/v1/imports",
            json={"preview_id": shown["preview_id"], "content_sha256": shown["content_sha256"]},
        ),
        201,
    )
    assert (done["dry_run"], done["sets_imported"]) == (False, 3)
    assert ana.post("/api/v1/imports", json={"preview_id": shown["preview_id"]}).status_code == 404
    batches = ok(ana.get("/api/v1/imports"))
    assert [b["batch_id"] for b in batches] == [done["batch_id"]]
    exported = ana.get("/api/v1/export?format=csv")
    assert exported.status_code == 200
    assert exported.headers["content-disposition"].startswith("attachment;")
    assert "farmers_carry" in exported.text
    backup = ana.get("/api/v1/export?format=json")
    assert backup.json()["schema_version"]
    assert "Conventional deadlift" in ana.get("/api/v1/export?format=strong").text
    undone = ok(ana.delete(f"/api/v1/imports/{done['batch_id']}"))
    assert undone["undone"]["batch_id"] == done["batch_id"]
    assert ok(ana.get("/api/v1/imports")) == []
    assert ana.delete(f"/api/v1/imports/{done['batch_id']}").status_code == 404
    again = ok(ana.post("/api/v1/imports/previews", files={"file": ("rows.csv", GORILLA)}), 201)
    ok(ana.post("/api/v1/imports", json={"preview_id": again["preview_id"]}), 201)
    mapped = ok(
        ana.post("/api/v1/exercise-maps", json={"name": "Gorilla Row", "slug": "seal_row"}),
        201,
    )
    assert (mapped["from"], mapped["to"], mapped["sets_moved"]) == ("gorilla_row", "seal_row", 1)
    later = ok(
        ana.post("/api/v1/imports/previews", files={"file": ("more.csv", GORILLA_LATER)}), 201
    )
    row = next(m for m in later["report"]["mapping"] if m["name"] == "Gorilla Row")
    assert (row["slug"], row["method"]) == ("seal_row", "remembered")
    calendar = ana.get("/api/v1/calendar.ics?at=07:30")
    assert calendar.status_code == 200
    assert "BEGIN:VCALENDAR" in calendar.text
    assert ok(ana.get("/api/v1/calendar/feed"))["active"] is False
    feed = ok(ana.post("/api/v1/calendar/feed"), 201)
    assert feed["active"]
    assert feed["url"]
    path = "/" + feed["url"].split("/", 3)[3]
    anonymous = api.client()
    assert "BEGIN:VCALENDAR" in anonymous.get(path).text
    assert kim.get(f"/api/v1/calendar/feed?athlete_id={athlete_id}").status_code == 404
    assert ok(ana.delete("/api/v1/calendar/feed"))["active"] is False
    assert anonymous.get(path).status_code == 404


def test_every_route_works_and_none_is_left_out(api: Api) -> None:
    seen = walk_every_route(api)
    every = {(r.method, r.path) for r in api_routes(api.app)}
    assert every - seen == set()


def test_system_routes(api: Api) -> None:
    client = api.client()
    assert ok(client.get("/healthz")) == {"ok": True}
    assert ok(client.get("/readyz")) == {"ok": True}
    root = client.get("/", follow_redirects=False)
    assert root.status_code == 303  # the web app: sign up or log in first
    assert root.headers["location"] == "/signup"
    assert client.get("/docs").status_code == 200
    assert client.get("/openapi.json").json()["info"]["title"] == "Backbone"

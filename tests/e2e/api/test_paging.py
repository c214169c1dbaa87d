"""Lists that grow with use are cut by the database: a page of a long history is the right entries,
the total and the next link are right, and a page past the largest is refused."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from backbone.services.training_documents import entry_document
from backbone.services.training_sessions import session_document
from tests.e2e.api.conftest import NOW, Api, ok

FIRST_DAY = date(2026, 9, 1)
STRONG = """Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
2026-10-0{day} 18:00:00,Legs,1h,Deadlift (Barbell),1,160,3,0,0,,,9
"""


def _athlete(api: Api, client: Any) -> int:
    athlete_id: int = ok(client.get("/api/v1/me"))["athletes"][0]["athlete_id"]
    return athlete_id


def _long_history(api: Api, athlete_id: int, days: int) -> None:
    app = api.backbone
    for day in range(days):
        on = FIRST_DAY + timedelta(days=day)
        app.log_sets(athlete_id, "chest_supported_row", [f"{20 + day}x10@2"], on=on)
        if day % 3 == 0:
            app.log_sets(athlete_id, "barbell_bent_over_row", ["60x8@2"], on=on)
        if day % 4 == 0:
            app.finish_session(athlete_id, session_rpe=7, duration_min=40, on=on)


def test_page_two_of_a_long_history_is_the_next_entries(api: Api) -> None:
    ana = api.user("ana")
    athlete_id = _athlete(api, ana)
    _long_history(api, athlete_id, 30)
    _, everything = api.backbone.history(athlete_id)
    assert len(everything) == 40

    page = ana.get("/api/v1/entries?limit=15&offset=15")
    assert ok(page) == [entry_document(e) for e in everything[15:30]]
    assert page.headers["X-Total-Count"] == "40"
    assert page.headers["Link"].endswith('offset=30>; rel="next"')
    last = ana.get("/api/v1/entries?limit=15&offset=30")
    assert ok(last) == [entry_document(e) for e in everything[30:]]
    assert "Link" not in last.headers
    assert ok(ana.get("/api/v1/entries?offset=1000")) == []

    # one exercise's entries page through that exercise only, with its own total
    squats = ana.get("/api/v1/entries?exercise=barbell_bent_over_row&limit=4&offset=8")
    wanted = [e for e in everything if e.exercise == "barbell_bent_over_row"]
    assert ok(squats) == [entry_document(e) for e in wanted[8:]]
    assert squats.headers["X-Total-Count"] == str(len(wanted)) == "10"
    since = ana.get(f"/api/v1/entries?since={FIRST_DAY + timedelta(days=27)}&limit=2")
    assert [e["date"] for e in ok(since)] == ["2026-09-28", "2026-09-28"]
    assert since.headers["X-Total-Count"] == "4"


def test_sessions_page_newest_first_with_their_entries(api: Api) -> None:
    ana = api.user("ana")
    athlete_id = _athlete(api, ana)
    _long_history(api, athlete_id, 12)
    api.backbone.finish_session(athlete_id, session_rpe=6, on=FIRST_DAY - timedelta(days=1))
    # logged later but timed earlier (a phone's queued set): the log orders it by its time
    api.backbone.clock = lambda: NOW - timedelta(days=200)
    api.backbone.log_sets(athlete_id, "pull_up", ["bwx5@2"], on=FIRST_DAY + timedelta(days=11))
    api.backbone.clock = lambda: NOW
    everything = api.backbone.sessions(athlete_id)
    assert everything[0].entries[0].exercise == "pull_up"
    newest = ok(ana.get("/api/v1/sessions?limit=1"))
    assert newest == [session_document(everything[0])]
    day = everything[0].on.isoformat()
    assert ok(ana.get(f"/api/v1/sessions/{day}"))["entries"] == newest[0]["entries"]
    assert len(everything) == 13  # a finished session without sets is a day too

    page = ana.get("/api/v1/sessions?limit=5&offset=5")
    assert ok(page) == [session_document(d) for d in everything[5:10]]
    assert page.headers["X-Total-Count"] == "13"
    oldest = ok(ana.get("/api/v1/sessions?limit=5&offset=10"))
    assert [d["date"] for d in oldest] == ["2026-09-02", "2026-09-01", "2026-08-31"]
    assert oldest == [session_document(d) for d in everything[10:]]


def test_check_ins_and_imports_page_with_their_totals(api: Api) -> None:
    ana = api.user("ana")
    athlete_id = _athlete(api, ana)
    today = api.backbone.today_on()
    for back in range(6):
        on = today - timedelta(days=back)
        api.backbone.check_in(athlete_id, sleep_h=6 + back, back_pain=1, soreness=2, on=on)
    page = ana.get("/api/v1/check-ins?days=28&limit=2&offset=2")
    assert [c["sleep_h"] for c in ok(page)] == [9, 8]  # oldest first
    assert page.headers["X-Total-Count"] == "6"

    for number in range(3):
        csv = STRONG.format(day=number + 1)
        api.backbone.import_file(athlete_id, csv.encode(), f"file{number}.csv")
    imports = ana.get("/api/v1/imports?limit=2&offset=1")
    assert [r["file"] for r in ok(imports)] == ["file1.csv", "file2.csv"]
    assert imports.headers["X-Total-Count"] == "3"


def test_a_page_larger_than_the_largest_is_refused(api: Api) -> None:
    ana = api.user("ana")
    for route in ("entries", "sessions", "check-ins", "imports"):
        refused = ana.get(f"/api/v1/{route}?limit=501")
        assert refused.status_code == 422, route
        assert refused.json()["ok"] is False
        assert ana.get(f"/api/v1/{route}?offset=-1").status_code == 422

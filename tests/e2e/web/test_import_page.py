"""The Import & export page: upload, read the preview, confirm; undo; the calendar feed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from backbone.services.ports import Knowledge
from backbone.settings import sqlite_url
from tests.e2e.api.conftest import build_api
from tests.e2e.web.test_page_access import PROFILE, web_user

STRONG = (
    b"Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    b"Workout Notes,RPE\n"
    b"2026-11-24 18:00:00,Pull,1h,Deadlift (Barbell),1,100,5,0,0,,,8\n"
    b"2026-11-24 18:00:00,Pull,1h,Rest Timer,,,,,90,,,\n"
    b"2026-11-24 18:00:00,Pull,1h,Zercher Carry,1,60,0,20,0,,,\n"
)


@pytest.fixture
def ana(facts: Knowledge, tmp_path: Path) -> Iterator[tuple[Any, str, Any]]:
    api = build_api(sqlite_url(tmp_path / "web.db"), facts)
    api.backbone.database.upgrade()
    client, csrf = web_user(api, "ana")
    client.post("/onboarding/start", data={"csrf_token": csrf, **PROFILE})
    yield client, csrf, api
    for opened in api.clients:
        opened.close()
    api.backbone.database.dispose()


def _field(text: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]+)"', text)
    assert found is not None, name
    return found.group(1)


def test_upload_preview_confirm_and_undo(ana: tuple[Any, str, Any]) -> None:
    client, csrf, api = ana
    page = client.get("/import")
    assert page.status_code == 200
    assert "No imports yet." in page.text
    shown = client.post(
        "/import/preview", data={"csrf_token": csrf}, files={"file": ("strong.csv", STRONG)}
    )
    assert shown.status_code == 200, shown.text
    assert "Preview: strong.csv" in shown.text
    assert "rest-timer rows" in shown.text
    assert "Zercher Carry" in shown.text
    assert "(new, guessed" in shown.text  # a guessed exercise of one's own
    athlete_id = api.backbone.owned_athletes(api.backbone.user_by_name("ana").user_id)[0]
    assert api.backbone.list_imports(athlete_id.athlete_id) == []  # the preview wrote nothing
    done = client.post(
        "/import/confirm",
        data={
            "csrf_token": csrf,
            "preview_id": _field(shown.text, "preview_id"),
            "content_sha256": _field(shown.text, "content_sha256"),
        },
    )
    assert done.status_code == 201
    assert "Imported 2 sets" in done.text
    batches = api.backbone.list_imports(athlete_id.athlete_id)
    assert len(batches) == 1
    again = client.post(
        "/import/confirm",
        data={"csrf_token": csrf, "preview_id": _field(shown.text, "preview_id")},
    )
    assert again.status_code == 422
    assert 'role="alert"' in again.text
    undone = client.post(f"/import/{batches[0].batch_id}/undo", data={"csrf_token": csrf})
    assert undone.status_code == 303
    assert api.backbone.list_imports(athlete_id.athlete_id) == []


def test_a_bad_upload_is_a_form_message(ana: tuple[Any, str, Any]) -> None:
    client, csrf, _ = ana
    for files in ({"file": ("x.csv", b"")}, {"file": ("x.csv", b"what,is\nthis,file\n")}):
        answer = client.post("/import/preview", data={"csrf_token": csrf}, files=files)
        assert answer.status_code == 422
        assert 'role="alert"' in answer.text
    forged = client.post("/import/preview", files={"file": ("s.csv", STRONG)})
    assert forged.status_code == 403


def test_the_calendar_feed_address_is_shown_once_and_revocable(ana: tuple[Any, str, Any]) -> None:
    client, csrf, api = ana
    made = client.post("/import/feed", data={"csrf_token": csrf})
    assert made.status_code == 201
    url = re.search(r'<code id="feed-url">([^<]+)</code>', made.text)
    assert url is not None
    path = "/" + url.group(1).split("/", 3)[3]
    assert "feed-url" not in client.get("/import").text
    outsider = api.client()
    assert "BEGIN:VCALENDAR" in outsider.get(path).text
    client.post("/import/feed/revoke", data={"csrf_token": csrf})
    assert outsider.get(path).status_code == 404


def test_an_own_exercise_is_mapped_from_the_page_and_remembered(ana: tuple[Any, str, Any]) -> None:
    client, csrf, _ = ana
    shown = client.post(
        "/import/preview", data={"csrf_token": csrf}, files={"file": ("strong.csv", STRONG)}
    )
    client.post(
        "/import/confirm", data={"csrf_token": csrf, "preview_id": _field(shown.text, "preview_id")}
    )
    page = client.get("/import")
    assert "Catalogue exercise for Zercher Carry" in page.text
    wrong = client.post(
        "/import/exercises/map", data={"csrf_token": csrf, "name": "zercher_carry", "slug": "nope"}
    )
    assert wrong.status_code == 422
    assert 'role="alert"' in wrong.text
    mapped = client.post(
        "/import/exercises/map",
        data={"csrf_token": csrf, "name": "zercher_carry", "slug": "farmers_carry"},
    )
    assert mapped.status_code == 303
    assert "Catalogue exercise for Zercher Carry" not in client.get("/import").text
    again = client.post(
        "/import/preview", data={"csrf_token": csrf}, files={"file": ("strong.csv", STRONG)}
    )
    assert "your earlier mapping" in again.text

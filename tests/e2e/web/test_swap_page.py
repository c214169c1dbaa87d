"""The Today page's swap control: options with reasons, a swap that sticks, and a swap back."""

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


@pytest.fixture
def owner(facts: Knowledge, tmp_path: Path) -> Iterator[dict[str, Any]]:
    api = build_api(sqlite_url(tmp_path / "web.db"), facts)
    api.backbone.database.upgrade()
    client, csrf = web_user(api, "ana")
    started = client.post("/onboarding/start", data={"csrf_token": csrf, **PROFILE})
    assert started.status_code == 303, started.text
    yield {"api": api, "client": client, "csrf": csrf}
    for each in api.clients:
        each.close()
    api.backbone.database.dispose()


def cards(page: str) -> list[str]:
    return re.findall(r'<article class="card exercise" id="ex-([a-z0-9_]+)"', page)


def test_a_card_swaps_for_an_option_and_back(owner: dict[str, Any]) -> None:
    client, csrf = owner["client"], owner["csrf"]
    today = client.get("/today")
    assert today.status_code == 200
    row = next(slug for slug in cards(today.text) if slug.endswith("_row"))
    assert f'hx-get="/today/swaps?exercise={row}"' in today.text
    # htmx asks for the fragment when the control opens
    fragment = client.get(f"/today/swaps?exercise={row}", headers={"HX-Request": "true"})
    assert fragment.status_code == 200
    assert "<html" not in fragment.text
    assert "<legend>Swap " in fragment.text
    options = re.findall(r'name="to" value="([a-z0-9_]+)"', fragment.text)
    assert options
    assert 'name="csrf_token"' in fragment.text
    # without JavaScript the same options are a page of their own
    assert "<html" in client.get(f"/today/swaps?exercise={row}").text

    swapped = client.post(
        "/today/swaps", data={"csrf_token": csrf, "exercise": row, "to": options[0]}
    )
    assert swapped.status_code == 303
    assert swapped.headers["location"] == f"/today#ex-{options[0]}"
    after = client.get("/today").text
    assert options[0] in cards(after)
    assert row not in cards(after)
    assert "at your request" in after

    back = client.get(f"/today/swaps?exercise={options[0]}", headers={"HX-Request": "true"})
    assert "back to your program" in back.text
    client.post("/today/swaps", data={"csrf_token": csrf, "exercise": options[0], "to": row})
    assert cards(client.get("/today").text) == cards(today.text)


def test_a_swap_that_is_not_an_option_says_why(owner: dict[str, Any]) -> None:
    client, csrf = owner["client"], owner["csrf"]
    row = next(slug for slug in cards(client.get("/today").text) if slug.endswith("_row"))
    refused = client.post(
        "/today/swaps", data={"csrf_token": csrf, "exercise": row, "to": "seated_cable_row"}
    )
    assert refused.status_code == 422
    assert 'role="alert"' in refused.text
    assert "needs cable" in refused.text
    assert row in cards(client.get("/today").text)

"""Log out everywhere: signed session cookies carry the user's session epoch, and bumping it ends
every browser session of that user on the next request, while API tokens and other people's
sessions go on."""

from __future__ import annotations

from typing import Any

from tests.e2e.api.conftest import PASSWORD, Api, ok


def _signed_in(api: Api, username: str) -> tuple[Any, str]:
    client = api.client()
    login = ok(client.post("/api/v1/session", json={"username": username, "password": PASSWORD}))
    return client, login["csrf_token"]


def test_one_browser_logs_out_everywhere_and_the_others_must_sign_in_again(api: Api) -> None:
    ana_token = api.user("ana")  # a script with an API token
    api.user("bo")
    phone, phone_csrf = _signed_in(api, "ana")
    laptop, _ = _signed_in(api, "ana")
    bo_browser, _ = _signed_in(api, "bo")
    for client in (phone, laptop, bo_browser, ana_token):
        ok(client.get("/api/v1/me"))

    refused = phone.post("/api/v1/me/sessions/revoke")  # a change with the cookie needs CSRF
    assert refused.status_code == 403
    ok(laptop.get("/api/v1/me"))
    assert (
        phone.post("/api/v1/me/sessions/revoke", headers={"X-CSRF-Token": phone_csrf}).status_code
        == 204
    )

    answer = laptop.get("/api/v1/me")
    assert answer.status_code == 401
    assert answer.json()["code"] == "unauthorized"
    assert "sign in again" in answer.json()["error"]
    assert phone.get("/api/v1/me").status_code == 401  # this browser too (its cookie is cleared)
    assert ok(ana_token.get("/api/v1/me"))["user"]["username"] == "ana"  # tokens are apart
    assert ok(bo_browser.get("/api/v1/me"))["user"]["username"] == "bo"  # another user's go on

    # signing in again gives a working session; the ended one stays ended
    again, _ = _signed_in(api, "ana")
    ok(again.get("/api/v1/me"))
    assert laptop.get("/api/v1/me").status_code == 401


def test_a_token_holder_can_end_the_browser_sessions_of_its_user(api: Api) -> None:
    script = api.user("ana")
    browser, _ = _signed_in(api, "ana")
    assert script.post("/api/v1/me/sessions/revoke").status_code == 204
    assert browser.get("/api/v1/me").status_code == 401
    ok(script.get("/api/v1/me"))

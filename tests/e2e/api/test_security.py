"""Rate limits, revocation on the next request, body size, headers, and error bodies that never
show a traceback, SQL or a path (SQLite; the counters' storage is in the contract suite)."""

from __future__ import annotations

from tests.e2e.api.conftest import PASSWORD, Api, ok


def test_logins_are_limited_per_account(sqlite_api: Api) -> None:
    client = sqlite_api.client()
    ok(client.post("/api/v1/users", json={"username": "ana", "password": PASSWORD}), 201)
    answers = [
        client.post("/api/v1/session", json={"username": "ana", "password": "wrong password!"})
        for _ in range(11)
    ]
    assert [a.status_code for a in answers] == [401] * 10 + [429]
    limited = answers[-1]
    assert limited.json()["code"] == "rate_limited"
    assert int(limited.headers["retry-after"]) > 0
    # even the right password waits until the window ends
    right = client.post("/api/v1/session", json={"username": "ana", "password": PASSWORD})
    assert right.status_code == 429


def test_bad_tokens_are_limited_per_address(sqlite_api: Api) -> None:
    good = sqlite_api.user("ana")
    bad = sqlite_api.client(authorization="Bearer bb_guess")
    codes = [bad.get("/api/v1/me").status_code for _ in range(31)]
    assert codes == [401] * 30 + [429]
    assert good.get("/api/v1/me").status_code == 429  # same address (the test client's)


def test_a_revoked_token_fails_on_the_next_request(sqlite_api: Api) -> None:
    ana = sqlite_api.user("ana")
    token = ok(ana.post("/api/v1/tokens", json={"name": "phone"}), 201)
    phone = sqlite_api.client(authorization=f"Bearer {token['token']}")
    assert ok(phone.get("/api/v1/me"))["user"]["username"] == "ana"
    listed = ok(ana.get("/api/v1/tokens"))
    assert any(t["last_used_at"] for t in listed if t["token_id"] == token["token_id"])
    assert ana.delete(f"/api/v1/tokens/{token['token_id']}").status_code == 204
    assert phone.get("/api/v1/me").status_code == 401


def test_a_revoked_coach_loses_access_on_the_next_request(sqlite_api: Api) -> None:
    ana = sqlite_api.user("ana")
    kim = sqlite_api.user("kim", role="coach")
    athlete_id = ok(ana.get("/api/v1/me"))["athletes"][0]["athlete_id"]
    ok(ana.post("/api/v1/grants", json={"coach": "kim"}), 201)
    assert kim.get(f"/api/v1/entries?athlete_id={athlete_id}").status_code == 200
    assert ok(kim.get("/api/v1/me"))["coached"][0]["athlete_id"] == athlete_id
    assert ana.delete("/api/v1/grants/kim").status_code == 204
    assert kim.get(f"/api/v1/entries?athlete_id={athlete_id}").status_code == 404


def test_large_bodies_are_refused(sqlite_api: Api) -> None:
    ana = sqlite_api.user("ana")
    huge = ana.post(
        "/api/v1/sets",
        content=b'{"exercise": "' + b"x" * 2_000_000 + b'"}',
        headers={"content-type": "application/json"},
    )
    assert huge.status_code == 413
    assert huge.json()["code"] == "too_large"

    def chunks():  # a streamed body without Content-Length
        for _ in range(40):
            yield b"x" * 50_000

    streamed = ana.post(
        "/api/v1/sets", content=chunks(), headers={"content-type": "application/json"}
    )
    assert streamed.status_code == 413


def test_an_export_upload_may_be_larger_than_other_bodies_but_not_unlimited(
    sqlite_api: Api,
) -> None:
    ana = sqlite_api.user("ana")
    header = b"Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds\n"
    row = b"2026-11-24 18:00:00,Pull,1h,Deadlift (Barbell),1,100,5,0,0\n"
    two_mb = header + row * (2_000_000 // len(row))
    shown = ana.post("/api/v1/imports/previews", files={"file": ("big.csv", two_mb)})
    assert shown.status_code == 201, shown.text
    huge = ana.post(
        "/api/v1/imports/previews", files={"file": ("huge.csv", b"x" * (17 * 1024 * 1024))}
    )
    assert huge.status_code == 413
    assert huge.json()["code"] == "too_large"
    empty = ana.post("/api/v1/imports/previews", files={"file": ("e.csv", b"")})
    assert empty.status_code == 422
    no_file = ana.post("/api/v1/imports/previews", data={"units": "kg"})
    assert no_file.status_code == 422
    assert no_file.json()["details"]["field"] == "file"


def test_security_headers_and_error_bodies(sqlite_api: Api) -> None:
    ana = sqlite_api.user("ana")
    for response in (
        ana.get("/api/v1/me"),
        ana.get("/api/v1/nowhere"),
        ana.post(
            "/api/v1/sets", content=b"{not json", headers={"content-type": "application/json"}
        ),
        ana.post("/api/v1/sets", json={"exercise": "row\x00", "sets": ["60x8"]}),
        ana.put("/api/v1/me"),
    ):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert "default-src 'none'" in response.headers["content-security-policy"]
        assert response.headers["cache-control"] == "no-store"
        text = response.text
        for leak in (
            "Traceback",
            'File "',
            "/work",
            "site-packages",
            "SELECT",
            "sqlite3",
            "psycopg",
        ):
            assert leak not in text, (response.status_code, text)
        if response.status_code >= 400:
            assert set(response.json()) == {"ok", "status", "code", "error", "details"}
            assert response.json()["status"] == response.status_code


def test_a_csrf_token_is_needed_for_changes_with_the_session_cookie(sqlite_api: Api) -> None:
    client = sqlite_api.client()
    ok(client.post("/api/v1/users", json={"username": "ana", "password": PASSWORD}), 201)
    login = ok(client.post("/api/v1/session", json={"username": "ana", "password": PASSWORD}))
    cookie = client.cookies.get("backbone_session")
    assert cookie
    assert ok(client.get("/api/v1/me"))["user"]["username"] == "ana"  # reads need no token
    body = {"exercise": "chest_supported_row", "sets": ["24x10@2"]}
    assert client.post("/api/v1/sets", json=body).status_code == 403
    wrong = client.post("/api/v1/sets", json=body, headers={"X-CSRF-Token": "forged"})
    assert wrong.status_code == 403
    right = client.post("/api/v1/sets", json=body, headers={"X-CSRF-Token": login["csrf_token"]})
    assert right.status_code == 201
    client.cookies.set("backbone_session", cookie[:-2] + "xx")
    assert client.get("/api/v1/me").status_code == 401

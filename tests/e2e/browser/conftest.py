"""Browser tests: the real server (uvicorn, in a thread, on loopback) over a fresh SQLite file,
driven by Playwright in Debian's Chromium (/usr/bin/chromium, installed by `make`; Playwright's
own browser download is never used). Screenshots of every page at 375 x 812 go to
`test-artifacts/screenshots/` (gitignored)."""

from __future__ import annotations

import socket
import threading
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from backbone.bootstrap import build_application
from backbone.interfaces.api.app import create_app
from backbone.services.application import Backbone
from backbone.services.passwords import Argon2Passwords
from backbone.services.ports import Knowledge
from backbone.settings import Settings, sqlite_url

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "screenshots"
START = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)  # a Wednesday morning
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
PASSWORD = "correct horse battery"

pytestmark = pytest.mark.browser


@dataclass
class Server:
    url: str
    backbone: Backbone


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(facts: Knowledge, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    import uvicorn

    began = time.monotonic()

    def clock() -> datetime:  # a fixed Wednesday that still moves (sessions, rate limits)
        return START + timedelta(seconds=time.monotonic() - began)

    path = tmp_path_factory.mktemp("web") / "web.db"
    application = build_application(
        Settings(database_url=sqlite_url(path)), clock=clock, knowledge=facts
    )
    application._passwords = Argon2Passwords(time_cost=1, memory_kib=1024)
    application.database.upgrade()
    port = _free_port()
    config = uvicorn.Config(
        create_app(application), host="127.0.0.1", port=port, log_level="warning", loop="asyncio",
        http="h11", lifespan="off",
    )  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield Server(f"http://127.0.0.1:{port}", application)
    server.should_exit = True
    thread.join(timeout=10)
    application.database.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's Chromium is not installed: run `make browser` (or `make test`)")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True
            )
            yield launched
            launched.close()


@pytest.fixture
def phone(browser: Any, server: Server) -> Iterator[Any]:
    """Makes fresh phones: 375 x 812, touch, each with its own cookies and storage."""
    made: list[Any] = []

    def new() -> Any:
        context = browser.new_context(
            base_url=server.url,
            viewport={"width": 375, "height": 812},
            device_scale_factor=1,
            is_mobile=True,
            has_touch=True,
            service_workers="allow",
        )
        context.set_default_timeout(15_000)
        made.append(context)
        return context.new_page()

    yield new
    for context in made:
        context.close()


FLOW_BARS = """(flow) => document.querySelectorAll(".tabs, .rest, .sticky-action").forEach(
  bar => flow ? bar.style.setProperty("position", "static", "important")
              : bar.style.removeProperty("position"))"""
"""A full-page shot draws fixed and sticky bars where the first screen had them, over the middle
of the page; in the shots they take their place in the flow instead, so nothing looks covered.
(Set through the DOM: the page's CSP refuses an injected stylesheet.)"""


def shoot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.evaluate(FLOW_BARS, True)
    try:
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    finally:
        page.evaluate(FLOW_BARS, False)


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core (vendored) on the current page: the serious and critical violations."""
    page.add_script_tag(url="/static/vendor/axe.min.js")
    found: list[dict[str, Any]] = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
    )
    return [v for v in found if v["impact"] in {"serious", "critical"}]


def check_page(page: Any, name: str, *, dark: bool = True) -> None:
    """Screenshot (light and dark) and the accessibility check for one page."""
    shoot(page, name)
    assert axe_violations(page) == [], name
    if dark:
        page.emulate_media(color_scheme="dark")
        shoot(page, f"{name}-dark")
        assert axe_violations(page) == [], f"{name} (dark)"
        page.emulate_media(color_scheme="light")


def sign_up(page: Any, username: str, role: str = "athlete") -> None:
    page.goto("/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    if role == "coach":
        page.get_by_label("a coach or physio").check()
    page.get_by_role("button", name="Create account").click()
    page.wait_for_load_state()


def onboard(page: Any, *, red_flag: str | None = None) -> None:
    """Three days (Mon, Wed, Fri: today is a Wednesday), dumbbells, bench and a bar."""
    page.goto("/onboarding")
    page.get_by_label("Training days per week").select_option("3")
    for day in ("Mon", "Wed", "Fri"):
        page.get_by_label(day, exact=True).check()
    page.get_by_label("Minutes per session").fill("45")
    for kit in ("Dumbbell", "Bench", "Pull-up bar"):
        page.get_by_label(kit, exact=True).check()
    page.get_by_label("Goal").select_option("hypertrophy")
    page.get_by_label("In the past").check()
    if red_flag is not None:
        page.get_by_label(red_flag).check()
    page.get_by_role("button", name="Show my plan").click()
    page.wait_for_load_state()

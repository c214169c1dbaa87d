"""The Today card's swap control in a phone's browser: it opens from the keyboard, the options
load, the swap sticks, and the page passes the accessibility check at 375 px."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.e2e.browser.conftest import ARTIFACTS, Server, check_page, onboard, sign_up

pytestmark = pytest.mark.browser


def test_a_card_is_swapped_from_the_phone(phone: Any, server: Server) -> None:
    from playwright.sync_api import expect

    page = phone()
    sign_up(page, "sam")
    onboard(page)
    page.get_by_role("button", name="Start this program").click()
    page.wait_for_url("**/today")
    slugs = page.locator("article.exercise").evaluate_all("els => els.map(e => e.dataset.exercise)")
    row = next(s for s in slugs if s.endswith("_row"))
    card = page.locator(f"#ex-{row}")
    summary = card.locator("details.swap > summary")
    summary.focus()
    summary.press("Enter")
    options = card.locator("input[name=to]")
    expect(options.first).to_be_visible()
    check_page(page, "06-today-swap-open", dark=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    card.screenshot(path=str(ARTIFACTS / "06-today-swap-card.png"))
    to = options.first.get_attribute("value")
    assert to is not None
    card.get_by_role("button", name="Swap for the rest of the program").click()
    page.wait_for_url(re.compile(rf"/today#ex-{to}$"))
    swapped = page.locator(f"#ex-{to}")
    expect(swapped).to_contain_text("at your request")
    assert page.locator(f"#ex-{row}").count() == 0
    swapped.screenshot(path=str(ARTIFACTS / "07-today-swapped-card.png"))

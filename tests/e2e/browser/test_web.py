"""The gym-floor web app in a real browser: sign up, onboard, train, see progress; a red flag gets
no plan; a coach sees only the athletes who granted access. (The network cut mid-session, the
drills check-list and Settings → Equipment are in test_gym_floor.py.)"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.e2e.browser.conftest import Server, check_page, onboard, shoot, sign_up

pytestmark = pytest.mark.browser


def expect(locator: Any) -> Any:
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def athlete_id(server: Server, username: str) -> int:
    app = server.backbone
    user = app.user_by_name(username)
    assert user.user_id is not None
    found = app.owned_athletes(user.user_id)[0].athlete_id
    assert found is not None
    return found


def stored_sets(server: Server, username: str) -> int:
    _, entries = server.backbone.history(athlete_id(server, username))
    return sum(len(e.sets) for e in entries)


def press(locator: Any) -> None:
    """Activate a control from the keyboard (as a one-handed or keyboard user would)."""
    locator.focus()
    locator.press("Enter")


def start_program(page: Any) -> None:
    page.get_by_role("button", name="Start this program").click()
    page.wait_for_url("**/today")


def chart_data(page: Any) -> dict[str, Any]:
    page.goto("/progress")
    return json.loads(page.locator("#chart-data").text_content())  # type: ignore[no-any-return]


def log(card: Any) -> None:
    before = card.locator(".done li").count()
    press(card.get_by_role("button", name="Log set"))
    expect(card.locator(".done li")).to_have_count(before + 1)
    expect(card.locator(".done li.failed")).to_have_count(0)


def test_a_new_athlete_signs_up_plans_trains_and_sees_progress(phone: Any, server: Server) -> None:
    page = phone()
    page.goto("/")
    expect(page.get_by_role("heading", name="Welcome to Backbone")).to_be_visible()
    check_page(page, "01-signup")
    sign_up(page, "ana")
    expect(page).to_have_url(re.compile("/onboarding$"))
    check_page(page, "02-onboarding")
    onboard(page)
    expect(page.get_by_role("heading", name="Your plan")).to_be_visible()
    check_page(page, "03-plan-preview")
    # a plan without warnings keeps every evidence link inside an item's "Why"
    page.locator("details summary", has_text="Why").first.click()
    page.locator("a[href^='/evidence/']:visible").first.click()
    expect(page.locator("h1")).to_have_text(re.compile(r"\w+\.\w+"))
    check_page(page, "04-evidence", dark=False)
    page.go_back()
    start_program(page)
    before = chart_data(page)

    page.goto("/today")
    check_page(page, "05-today")
    page.get_by_label("Sleep last night (hours)").fill("7.5")
    page.get_by_role("button", name="Check in").click()
    page.wait_for_url("**/today")

    slugs = page.locator("article.exercise").evaluate_all("els => els.map(e => e.dataset.exercise)")
    logged = 0
    timed_done = False
    rested = False
    for slug in slugs:
        card = page.locator(f"#ex-{slug}")
        hold = card.locator("[data-hold]")
        if hold.count():
            press(hold)
            page.wait_for_timeout(1200)
            if not timed_done:  # the hold timer survives a reload
                page.reload()
                card = page.locator(f"#ex-{slug}")
                hold = card.locator("[data-hold]")
                expect(hold).to_have_text("Stop hold")
            press(hold)
            assert int(card.locator("input[name=seconds]").input_value()) >= 1
            timed_done = True
        load = card.locator("input[name=load]")
        if load.count() and not load.input_value():  # a first session calibrates: pick a load
            load.fill("20")
        log(card)
        logged += 1
        if not rested and int(card.get_attribute("data-rest")) > 0:
            rested = True  # the rest countdown starts, and survives a reload
            expect(page.locator("#rest")).to_be_visible()
            expect(page.locator("#rest-left")).to_have_text(re.compile(r"^\d+:\d\d$"))
            page.reload()
            expect(page.locator("#rest")).to_be_visible()
            expect(page.locator("#rest-left")).to_have_text(re.compile(r"^\d+:\d\d$"))
    assert timed_done, "today's session has a timed hold"
    assert rested, "today's session has an item with rest"

    # a loaded exercise of the day, one plate step heavier than its first set: a record
    loaded = next(s for s in slugs if page.locator(f"#ex-{s} label", has_text="Load (").count())
    name = page.locator(f"#h-{loaded}").inner_text()
    row = page.locator(f"#ex-{loaded}")
    press(row.locator("button[data-step]:not([data-step^='-'])").first)  # one plate step up
    log(row)
    logged += 1
    expect(row.locator(".pr").first).to_contain_text("(was")
    expect(row.locator(".next")).to_contain_text("Next time")
    expect(page.locator("#queue")).to_be_hidden()
    shoot(page, "06-today-logged")
    assert stored_sets(server, "ana") == logged

    page.get_by_label("How hard was it? (RPE 1-10)").select_option("8")
    page.get_by_role("button", name="Finish").click()
    expect(page.get_by_role("heading", name="Session finished")).to_be_visible()

    after = chart_data(page)
    assert after != before
    assert sum(sum(v["sets"]) for v in after["volume"]) > sum(
        sum(v["sets"]) for v in before["volume"]
    )
    expect(page.locator("#chart-volume canvas").first).to_be_attached()
    check_page(page, "07-progress")

    page.goto("/history")
    check_page(page, "08-history")
    page.locator("a.trained").first.click()
    expect(page.locator("h1")).to_contain_text("2 Dec 2026")
    check_page(page, "09-session")
    section = page.locator("section.card", has_text=name).first
    section.locator("summary", has_text="Edit").first.click()
    section.get_by_label(re.compile("Set as typed")).first.fill("21x9@2")
    section.get_by_role("button", name="Save").first.click()
    expect(page.locator("section.card", has_text="21 kg × 9")).to_be_visible()
    page.once("dialog", lambda dialog: dialog.accept())
    section = page.locator("section.card", has_text=name).first
    section.get_by_role("button", name=re.compile("Delete")).first.click()
    page.wait_for_load_state()
    assert stored_sets(server, "ana") == logged - 1

    page.goto("/exercises")
    check_page(page, "10-library")
    page.get_by_label("Movement").select_option("hinge")
    expect(page.get_by_role("status").first).to_contain_text("exercise(s)")
    page.locator("#results a").first.click()
    expect(page.get_by_role("heading", name="Range of motion")).to_be_visible()
    check_page(page, "11-exercise")
    page.goto("/settings")
    check_page(page, "12-settings")
    page.get_by_label("Bodyweight (kg)").fill("not a number")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("takes a number")
    page.goto("/reports")
    check_page(page, "13-reports")


def test_a_red_flag_gets_clinician_advice_and_no_plan(phone: Any, server: Server) -> None:
    page = phone()
    sign_up(page, "cara")
    onboard(page, red_flag="Loss of bowel control")
    expect(page.get_by_role("heading", name="See a clinician first")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("emergency")
    expect(page.get_by_role("button", name="Start this program")).to_have_count(0)
    check_page(page, "15-clinician")
    page.goto("/today")
    expect(page).to_have_url(re.compile("/onboarding$"))
    from backbone.domain.errors import NotFound

    with pytest.raises(NotFound):
        server.backbone.show_program(athlete_id(server, "cara"))


def test_a_coach_sees_a_granted_athlete_and_not_an_ungranted_one(
    phone: Any, server: Server
) -> None:
    coach = phone()
    sign_up(coach, "coach.kim", role="coach")
    expect(coach).to_have_url(re.compile("/coach$"))
    expect(coach.locator("main")).to_contain_text("No athlete has granted you access")

    granted = phone()
    sign_up(granted, "dan")
    onboard(granted)
    start_program(granted)
    granted.goto("/settings")
    granted.get_by_label("Coach's username").fill("coach.kim")
    granted.get_by_label("Access").select_option("comment")
    granted.get_by_role("button", name="Give access").click()
    expect(granted.locator("main")).to_contain_text("coach.kim · comment")

    other = phone()
    sign_up(other, "eve")

    coach.goto("/coach")
    expect(coach.locator("main")).to_contain_text("dan")
    expect(coach.locator("main")).not_to_contain_text("eve")
    check_page(coach, "16-coach")
    coach.get_by_role("link", name="Progress").first.click()
    expect(coach.locator(".badge")).to_contain_text("Viewing dan")
    check_page(coach, "17-coach-progress", dark=False)
    coach.goto(f"/history?athlete_id={athlete_id(server, 'eve')}")
    expect(coach.get_by_role("heading", name="Not found")).to_be_visible()
    response = coach.goto(f"/progress?athlete_id={athlete_id(server, 'eve')}")
    assert response is not None
    assert response.status == 404

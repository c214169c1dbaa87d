"""The gym floor in a real browser: the network cut mid-session (sets and ticked drills queue in
IndexedDB, History and the cue cards stay readable, each set syncs exactly once), the warm-up and
cool-down check-lists, changing equipment in Settings, charts readable in dark mode, the plan
preview's start bar, and a coach's tabs."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest

from tests.e2e.browser.conftest import START, Server, axe_violations, check_page, onboard, shoot
from tests.e2e.browser.conftest import sign_up as sign_up_as
from tests.e2e.browser.test_web import athlete_id, expect, log, press, start_program, stored_sets

pytestmark = pytest.mark.browser

QUEUED_IN_INDEXEDDB = """() => new Promise((resolve, reject) => {
  const opened = indexedDB.open("backbone");
  opened.onerror = () => reject(opened.error);
  opened.onsuccess = () => {
    const all = opened.result.transaction("queue").objectStore("queue").getAll();
    all.onsuccess = () => { resolve(all.result.map(item => item.key)); opened.result.close(); };
  };
})"""
SAVED_ON_PHONE = "async (url) => !!(await caches.match(url, {ignoreVary: true}))"
TODAY = START.date().isoformat()


def wait_saved_on_phone(page: Any, url: str, timeout_s: float = 15.0) -> None:
    """Poll the page's cache until `url` is saved. (`wait_for_function` cannot do it: the check is
    async, and the Promise it returns is truthy at once.)"""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(SAVED_ON_PHONE, url):
        assert time.monotonic() < deadline, f"{url} was never saved on the phone"
        page.wait_for_timeout(100)


def working_card(page: Any, nth: int = 0) -> Any:
    card = page.locator("article.exercise", has=page.locator("input[name=reps]")).nth(nth)
    load = card.locator("input[name=load]")
    if load.count() and not load.input_value():  # a first session calibrates: pick a load
        load.fill("20")
    return card


def log_synced(card: Any) -> None:
    log(card)
    expect(card.locator(".done li.queued")).to_have_count(0)


def planned_sets(server: Server, username: str, exercise: str) -> int:
    view = server.backbone.today(athlete_id(server, username))
    return next(i.planned.sets for i in view.items if i.exercise.slug == exercise)


def test_network_cut_mid_session_sets_queue_in_indexeddb_and_sync_once(
    phone: Any, server: Server
) -> None:
    page = phone()
    sign_up_as(page, "fay")
    onboard(page)
    start_program(page)
    page.wait_for_function("() => !!navigator.serviceWorker.controller")
    page.reload()

    # warm-up drills are a check-list: one tap logs the drill as planned
    warmup = page.locator("section.drills", has_text="Warm-up")
    expect(warmup.get_by_role("button", name="Log set")).to_have_count(0)
    drill = warmup.locator("li.drill").first
    slug = drill.get_attribute("data-exercise")
    tick = drill.locator("button.tick")
    expect(tick).to_have_attribute("aria-pressed", "false")
    press(tick)
    expect(tick).to_have_attribute("aria-pressed", "true")
    expect(drill.locator("li[data-set]")).to_have_count(1)  # sent and stored
    drill_sets = planned_sets(server, "fay", slug)
    assert stored_sets(server, "fay") == drill_sets
    log_synced(working_card(page))
    assert stored_sets(server, "fay") == drill_sets + 1

    # what a lifter opens in the gym is saved on the phone from Today
    page.evaluate("localStorage.removeItem('backbone.precached')")
    page.reload()
    for url in ("/today", "/history", f"/history/{TODAY}", f"/exercises/{slug}"):
        wait_saved_on_phone(page, url)

    # the network goes: two working sets and a cool-down drill wait on the phone
    page.context.set_offline(True)
    log(working_card(page))
    log(working_card(page, 1))
    cooldown = page.locator("section.drills", has_text="Cool-down").locator("li.drill").first
    press(cooldown.locator("button.tick"))
    expect(page.locator("#queue-count")).to_have_text("3")
    expect(page.locator("#queue-list li")).to_have_count(3)
    expect(page.locator("#net")).to_contain_text("Offline")
    keys = page.evaluate(QUEUED_IN_INDEXEDDB)
    assert len(set(keys)) == 3
    assert page.evaluate("Object.keys(localStorage).filter(k => k.includes('queue'))") == []

    page.reload()  # offline: Today from the phone's copy, the queue from IndexedDB
    expect(page.locator("#queue-count")).to_have_text("3")
    expect(page.locator("li.queued")).to_have_count(3)
    expect(cooldown.locator("button.tick")).to_have_attribute("aria-pressed", "true")
    shoot(page, "20-today-offline-queued")
    assert page.evaluate(SAVED_ON_PHONE, f"/history/{TODAY}")
    page.goto(f"/history/{TODAY}")  # readable offline
    expect(page.locator("h1")).to_contain_text("2 Dec 2026")
    page.goto(f"/exercises/{slug}")
    expect(page.get_by_role("heading", name="Range of motion")).to_be_visible()
    shoot(page, "21-cue-card-offline")
    page.goto("/today")
    expect(page.locator("#queue-count")).to_have_text("3")
    assert stored_sets(server, "fay") == drill_sets + 1

    # back online, but the answer to the first set is lost: it is sent again with its key
    lost: list[str] = []

    def lose_first_answer(route: Any) -> None:
        if lost:
            route.continue_()
            return
        lost.append(route.request.headers["idempotency-key"])
        route.fetch()
        route.abort()

    page.context.route("**/today/sets", lose_first_answer)
    page.context.set_offline(False)
    expect(page.locator("#queue")).to_be_hidden(timeout=30_000)
    expect(page.locator("li.queued")).to_have_count(0)
    assert len(lost) == 1
    assert lost[0] in keys
    cooldown_sets = planned_sets(server, "fay", cooldown.get_attribute("data-exercise"))
    assert stored_sets(server, "fay") == drill_sets + 3 + cooldown_sets  # each set once
    assert page.evaluate(QUEUED_IN_INDEXEDDB) == []
    page.context.unroute("**/today/sets")


def test_drills_are_a_compact_check_list_and_stay_ticked(phone: Any, server: Server) -> None:
    page = phone()
    sign_up_as(page, "gus")
    onboard(page)
    start_program(page)
    drills = page.locator("li.drill")
    assert drills.count() >= 3
    expect(page.locator("li.drill input[name=load], li.drill select")).to_have_count(0)
    for n in range(drills.count()):
        press(drills.nth(n).locator("button.tick"))
        expect(drills.nth(n).locator("li[data-set]")).to_have_count(1)
    expect(page.locator("#queue")).to_be_hidden()
    page.reload()
    expect(page.locator("li.drill.is-done")).to_have_count(drills.count())
    expect(page.locator("li.drill button.tick[aria-pressed=true]")).to_have_count(drills.count())
    check_page(page, "22-today-drills-done")
    ticked = stored_sets(server, "gus")

    # a drill ticked by mistake: tap it again and it is not done (its sets are deleted)
    first = page.locator("li.drill").first
    first_sets = planned_sets(server, "gus", first.get_attribute("data-exercise"))
    press(first.locator("button.tick"))
    page.wait_for_load_state()
    expect(page.locator("li.drill").first.locator("button.tick")).to_have_attribute(
        "aria-pressed", "false"
    )
    expect(page.locator("li.drill.is-done")).to_have_count(drills.count() - 1)
    assert stored_sets(server, "gus") == ticked - first_sets
    # ticked and untapped in the same visit, without a reload in between
    press(page.locator("li.drill").first.locator("button.tick"))
    expect(page.locator("li.drill").first.locator("li[data-set]")).to_have_count(1)
    press(page.locator("li.drill").first.locator("button.tick"))
    page.wait_for_load_state()
    expect(page.locator("li.drill").first).not_to_have_class(re.compile("is-done"))
    assert stored_sets(server, "gus") == ticked - first_sets
    # one hand, one screen width: a drill is one line of the check-list, a fraction of the height
    # of a working set's logger (the page's length then depends on the working sets alone)
    drill_px = page.evaluate(
        "Math.max(...[...document.querySelectorAll('li.drill')].map(d => d.offsetHeight))"
    )
    logger_px = page.evaluate(
        "Math.min(...[...document.querySelectorAll('article.exercise')].map(a => a.offsetHeight))"
    )
    assert drill_px * 3 < logger_px, (drill_px, logger_px)


def test_settings_change_equipment_and_today_follows(phone: Any, server: Server) -> None:
    page = phone()
    sign_up_as(page, "hal")
    onboard(page)
    start_program(page)
    page.goto("/settings")
    bar = page.get_by_label("Pull-up bar", exact=True)
    expect(bar).to_be_checked()
    bar.uncheck()
    page.get_by_label("Dumbbell", exact=True).uncheck()
    page.get_by_role("button", name="Save equipment").click()
    expect(page.get_by_role("status")).to_contain_text("now uses this equipment")
    expect(page.get_by_label("Pull-up bar", exact=True)).not_to_be_checked()
    check_page(page, "23-settings-equipment")
    kit = server.backbone.show_program(athlete_id(server, "hal")).plan.profile.available_equipment
    assert {e.value for e in kit} == {"bodyweight", "bench"}
    bar_kg = server.backbone.athlete(athlete_id(server, "hal")).bar_kg
    page.goto("/settings")
    page.get_by_label("Bar (kg)").fill("2_5")
    page.get_by_label("Bodyweight (kg)").fill("80")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("digits 0-9")
    stored = server.backbone.athlete(athlete_id(server, "hal"))
    assert (stored.bar_kg, stored.bodyweight_kg) == (bar_kg, None)  # nothing half-written


def test_progress_charts_follow_dark_mode(phone: Any, server: Server) -> None:
    page = phone()
    sign_up_as(page, "ida")
    onboard(page)
    start_program(page)
    log_synced(working_card(page))
    page.goto("/progress")
    canvas = page.locator("#chart-volume canvas").first
    expect(canvas).to_be_attached()
    # light pixels in the y axis's gutter (its labels), left of the plot and its white points
    bright = (
        "(c) => { const d = c.getContext('2d').getImageData(0, 0, 40, c.height).data;"
        " let n = 0; for (let i = 0; i < d.length; i += 4)"
        " if (d[i+3] > 200 && d[i] > 200 && d[i+1] > 200 && d[i+2] > 200) n++; return n; }"
    )
    assert canvas.evaluate(bright) == 0  # light mode: dark ink on a light page
    page.emulate_media(color_scheme="dark")  # the phone switches after the page was drawn
    page.wait_for_function(
        "() => getComputedStyle(document.documentElement).getPropertyValue('--fg').trim() === '#eceef0'"
    )
    canvas = page.locator("#chart-volume canvas").first
    page.wait_for_timeout(200)
    assert canvas.evaluate(bright) > 50  # axis labels in the page's light ink
    shoot(page, "24-progress-dark")
    assert axe_violations(page) == []


def test_the_start_bar_does_not_cover_the_last_items(phone: Any, server: Server) -> None:
    page = phone()
    sign_up_as(page, "jo")
    onboard(page)
    bar = page.locator(".sticky-action")
    tabs = page.locator("nav.tabs")
    whys = page.locator("main .card summary")
    # moving through the plan from the keyboard: each focused item stays above the bar
    for n in (3, whys.count() // 2, whys.count() - 1):
        press_target = whys.nth(n)
        press_target.focus()
        page.wait_for_timeout(100)
        box, bar_box = press_target.bounding_box(), bar.bounding_box()
        assert box["y"] + box["height"] <= bar_box["y"], (n, box, bar_box)
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    last, bar_box = page.locator("main .card").last.bounding_box(), bar.bounding_box()
    assert last["y"] + last["height"] <= bar_box["y"], (last, bar_box)
    assert bar_box["y"] + bar_box["height"] <= tabs.bounding_box()["y"] + 1


def test_a_coach_has_athletes_and_library_tabs_only(phone: Any, server: Server) -> None:
    coach = phone()
    sign_up_as(coach, "coach.lee", role="coach")
    expect(coach).to_have_url(re.compile("/coach$"))
    tabs = coach.locator("nav.tabs a")
    expect(tabs).to_have_text(["Library", "Athletes"])
    coach.get_by_role("link", name="Library").click()
    expect(coach.locator("nav.tabs a")).to_have_text(["Library", "Athletes"])
    for href in ("/today", "/settings"):
        expect(coach.locator(f"nav a[href='{href}']")).to_have_count(0)
    check_page(coach, "25-coach-library", dark=False)
    coach.get_by_role("link", name="Athletes").click()
    coach.get_by_role("button", name="Log out").click()
    expect(coach).to_have_url(re.compile("/login"))


def test_sets_queued_by_the_localstorage_version_move_to_indexeddb_and_sync_once(
    phone: Any, server: Server
) -> None:
    page = phone()
    sign_up_as(page, "kai")
    onboard(page)
    start_program(page)
    me = athlete_id(server, "kai")
    wait_saved_on_phone(page, "/today")
    page.wait_for_function("() => !!navigator.serviceWorker.controller")
    old_set = {
        "key": "web-from-the-old-queue", "exercise": "cat_camel", "label": "bodyweight × 5",
        "body": f"exercise=cat_camel&reps=5&date={TODAY}", "at": 1,
    }  # fmt: skip
    page.context.set_offline(True)
    page.evaluate(
        "([key, item]) => localStorage.setItem(key, JSON.stringify([item]))",
        [f"backbone.queue.{me}", old_set],
    )
    page.reload()
    expect(page.locator("#queue-count")).to_have_text("1")
    assert page.evaluate(QUEUED_IN_INDEXEDDB) == ["web-from-the-old-queue"]
    assert page.evaluate(f"localStorage.getItem('backbone.queue.{me}')") is None
    page.context.set_offline(False)
    expect(page.locator("#queue")).to_be_hidden(timeout=30_000)
    page.reload()  # a second page load finds nothing left to send
    expect(page.locator("#queue")).to_be_hidden()
    assert stored_sets(server, "kai") == 1

"""The Import & export page in a phone browser: upload, preview, confirm, undo; accessible."""

from __future__ import annotations

from typing import Any

from tests.e2e.browser.conftest import Server, check_page, onboard, sign_up
from tests.e2e.browser.test_web import expect, start_program

STRONG = (
    b"Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    b"Workout Notes,RPE\n"
    b"2026-11-24 18:00:00,Pull,1h,Deadlift (Barbell),1,100,5,0,0,,,8\n"
    b"2026-11-24 18:00:00,Pull,1h,Rest Timer,,,,,90,,,\n"
    b"2026-11-24 18:00:00,Pull,1h,Gorilla Row,1,30,10,0,0,,,8\n"
)


def test_an_athlete_previews_imports_and_undoes_a_strong_export(phone: Any, server: Server) -> None:
    page = phone()
    sign_up(page, "ida")
    onboard(page)
    start_program(page)
    page.goto("/settings")
    page.get_by_role("link", name="Import & export").click()
    expect(page.get_by_role("heading", name="Import & export", exact=True)).to_be_visible()
    check_page(page, "16-import")
    page.get_by_label("Export file").set_input_files(
        {"name": "strong.csv", "mimeType": "text/csv", "buffer": STRONG}
    )
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("heading", name="Preview: strong.csv")).to_be_visible()
    expect(page.locator("li", has_text="Gorilla Row")).to_contain_text("new, guessed pull")
    check_page(page, "17-import-preview")
    page.get_by_role("button", name="Import 2 sets").click()
    expect(page.get_by_role("status").filter(has_text="Imported 2 sets")).to_be_visible()
    check_page(page, "18-import-done", dark=False)
    page.get_by_label("Catalogue exercise for Gorilla Row").select_option("seal_row")
    page.get_by_role("button", name="Map Gorilla Row").click()
    expect(page.get_by_label("Catalogue exercise for Gorilla Row")).to_have_count(0)
    page.get_by_role("button", name="Undo import of strong.csv").click()
    expect(page.get_by_text("No imports yet.")).to_be_visible()

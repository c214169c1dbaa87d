"""A day in History: each exercise once, its sets numbered through the whole session."""

from __future__ import annotations

import re
from typing import Any

from tests.e2e.web.test_page_access import world

__all__ = ["world"]


def test_a_set_logged_after_other_exercises_joins_its_exercises_card(
    world: dict[str, Any],
) -> None:
    owner, csrf = world["owner"], world["owner_csrf"]
    for exercise, load in (("bird_dog", None), ("chest_supported_row", "22")):
        data = (
            {"exercise": exercise, "reps": "10"}
            if load
            else {"exercise": exercise, "seconds": "10"}
        )
        if load:
            data["load"] = load
        logged = owner.post("/today/sets", data=data, headers={"X-CSRF-Token": csrf})
        assert logged.status_code == 201, logged.text
    app = world["api"].backbone
    (day,) = app.sessions(world["athlete_id"])
    page = owner.get(f"/history/{day.on.isoformat()}").text

    headings = re.findall(r"<h2>([^<]+)</h2>", page)
    assert headings.count("Chest-supported dumbbell row") == 1
    row_card = page.split("<h2>Chest-supported dumbbell row</h2>")[1].split("</section>")[0]
    assert "20 kg × 10" in row_card  # both entries, one card
    assert "22 kg × 10" in row_card
    assert '<ol class="sets" start="2">' in row_card  # the later set is set 2, not a second set 1
    assert re.findall(r"Delete <span[^>]*>[^<]+</span> (set \d)", row_card) == ["set 1", "set 2"]

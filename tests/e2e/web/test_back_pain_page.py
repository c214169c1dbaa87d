"""The web check-in asks about new leg symptoms, and a stop answer turns the Today page into a
walk, gentle mobility and the warning signs (issue 9, section 4)."""

from __future__ import annotations

from typing import Any

from tests.e2e.web.test_page_access import world

__all__ = ["world"]


def test_leg_symptoms_at_the_web_check_in_take_loaded_work_off_today(world: dict[str, Any]) -> None:
    owner = world["owner"]
    app = world["api"].backbone
    loaded = next(i.exercise for i in app.today(world["athlete_id"]).items if i.block == "main")
    page = owner.get("/today").text
    assert 'name="leg_symptoms"' in page
    assert f'data-exercise="{loaded.slug}"' in page
    answer = owner.post(
        "/today/check-in",
        data={
            "csrf_token": world["owner_csrf"],
            "sleep_h": "8",
            "back_pain": "1",
            "soreness": "1",
            "leg_symptoms": "yes",
        },
    )
    assert answer.status_code == 303, answer.text
    (stored,) = world["api"].backbone.check_ins(world["athlete_id"], days=1)
    assert stored.leg_symptoms
    page = owner.get("/today").text
    assert "No loaded back work today" in page
    assert "Warning signs" in page
    assert "GP or physiotherapist" in page
    assert "Cat-camel" in page
    assert f'data-exercise="{loaded.slug}"' not in page


def test_pain_logged_on_a_no_back_pain_program_says_the_switch(world: dict[str, Any]) -> None:
    logged = world["owner"].post(
        "/today/sets",
        data={"exercise": "chest_supported_row", "load": "20", "reps": "10", "pain": "4"},
        headers={"X-CSRF-Token": world["owner_csrf"]},
    )
    assert logged.status_code == 201, logged.text
    assert "now follows the rules for back pain" in logged.text
    app = world["api"].backbone
    assert app.show_program(world["athlete_id"]).plan.profile.back_pain.value == "history"

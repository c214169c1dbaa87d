"""The running program as iCalendar: one event per session, its exercises in the description."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from icalendar import Calendar

from backbone.domain.program import Plan, PlanItem
from backbone.exporters.calendar import dose_text, program_calendar

PlanFor = Callable[..., Plan]
GENERATED = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def test_one_event_per_session_at_the_chosen_time(plan_for: PlanFor) -> None:
    plan = plan_for()
    ics = program_calendar(plan, start_time=time(18, 0), generated_at=GENERATED, program_key="p7")
    events = Calendar.from_ical(ics).walk("VEVENT")
    sessions = [s for w in plan.weeks for s in w.sessions]
    assert len(events) == len(sessions)
    first, session = events[0], sessions[0]
    assert first.decoded("dtstart") == datetime.combine(session.on, time(18, 0))
    assert str(first["uid"]) == f"p7-{session.on.isoformat()}-1@backbone"
    description = str(first["description"])
    for item in session.items():
        assert item.name in description
    assert "(week 1)" in str(first["summary"])
    deload_week = next(w for w in plan.weeks if w.deload)
    deload_event = events[sessions.index(deload_week.sessions[0])]
    assert "deload" in str(deload_event["summary"])


def test_the_same_program_gives_the_same_bytes(plan_for: PlanFor) -> None:
    plan = plan_for()
    once = program_calendar(plan, start_time=time(7, 30), generated_at=GENERATED, program_key="p")
    again = program_calendar(plan, start_time=time(7, 30), generated_at=GENERATED, program_key="p")
    assert once == again


def test_a_time_zone_is_written_with_its_definition(plan_for: PlanFor) -> None:
    berlin = ZoneInfo("Europe/Berlin")
    ics = program_calendar(
        plan_for(), start_time=time(18, 0, tzinfo=berlin), generated_at=GENERATED, program_key="p"
    )
    calendar = Calendar.from_ical(ics)
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    start = calendar.walk("VEVENT")[0].decoded("dtstart")
    assert start.utcoffset() is not None


def test_a_dose_reads_like_the_plan() -> None:
    row = PlanItem("seated_cable_row", "Seated cable row", 3, (8, 12), None, False, 2, 90, "", ())
    side_plank = PlanItem("side_plank", "Side plank", 2, None, (20, 30), True, None, 0, "", ())
    assert dose_text(row) == "Seated cable row 3 × 8–12 @ RIR 2, rest 90 s"
    assert dose_text(side_plank) == "Side plank 2 × 20–30 s each side"

"""A program as iCalendar: one event per session, its exercise list in the description.

The only module that imports icalendar. Output is byte-identical for the same plan, start time,
program key and `generated_at` (the DTSTAMP every event must carry), so a calendar app that
re-subscribes sees the same events under the same UIDs.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from icalendar import Calendar, Event

from backbone.domain.program import Plan, PlanItem, Session, SessionFocus
from backbone.domain.vocabulary import BlockKind

PRODID = "-//Backbone//back-strength program//EN"
_FOCUS_TITLES = {
    SessionFocus.BACK: "Back strength",
    SessionFocus.CORE_MOBILITY: "Core and mobility",
}
_BLOCK_TITLES = {
    BlockKind.WARMUP: "Warm-up",
    BlockKind.MAIN: "Main",
    BlockKind.ACCESSORY: "Accessory",
    BlockKind.CORE: "Core",
    BlockKind.COOLDOWN: "Cool-down",
}


def program_calendar(
    plan: Plan,
    *,
    start_time: time,
    generated_at: datetime,
    program_key: str,
    name: str = "Backbone program",
) -> bytes:
    """Every session of `plan` at `start_time` on its day (a `start_time` with a tzinfo is
    written with that zone; without one it is floating local time). `program_key` makes the UIDs
    unique per program and stable across exports."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for week in plan.weeks:
        for index, session in enumerate(week.sessions, start=1):
            calendar.add_component(
                _event(
                    session, week.number, week.deload, index, start_time, generated_at, program_key
                )
            )
    if start_time.tzinfo is not None:
        calendar.add_missing_timezones()
    ical: bytes = calendar.to_ical()
    return ical


def _event(
    session: Session,
    week: int,
    deload: bool,
    index: int,
    start_time: time,
    generated_at: datetime,
    program_key: str,
) -> Event:
    event = Event()
    title = _FOCUS_TITLES[session.focus]
    deload_note = ", deload" if deload else ""
    event.add("uid", f"{program_key}-{session.on.isoformat()}-{index}@backbone")
    event.add("dtstamp", generated_at)
    event.add("dtstart", datetime.combine(session.on, start_time))
    event.add("duration", timedelta(minutes=max(1, round(session.est_minutes))))
    event.add("summary", f"{title} (week {week}{deload_note})")
    event.add("description", session_text(session))
    return event


def session_text(session: Session) -> str:
    """The session's exercises block by block: `Main: Barbell row 3 × 8–10 @ RIR 2, rest 120 s`."""
    lines: list[str] = []
    for block in session.blocks:
        if not block.items:
            continue
        lines.append(f"{_BLOCK_TITLES[block.kind]}:")
        lines.extend(f"- {dose_text(item)}" for item in block.items)
    return "\n".join(lines)


def dose_text(item: PlanItem) -> str:
    if item.seconds is not None:
        low, high = item.seconds
        amount = f"{low} s" if low == high else f"{low}–{high} s"
    elif item.reps is not None:
        low, high = item.reps
        amount = str(low) if low == high else f"{low}–{high}"
    else:
        amount = ""
    side = " each side" if item.per_side else ""
    rir = f" @ RIR {item.rir}" if item.rir is not None else ""
    rest = f", rest {item.rest_s} s" if item.rest_s else ""
    return f"{item.name} {item.sets} × {amount}{side}{rir}{rest}".replace("  ", " ")

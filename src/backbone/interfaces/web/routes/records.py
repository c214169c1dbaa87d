"""What was done and where it is going: History (calendar, a day's session, editing and deleting
sets, coach comments), Progress (volume against the bands, e1RM trends, pain vs load, endurance
tests), the Exercise library, Reports and the coach's list of athletes."""

from __future__ import annotations

import calendar
import contextlib
import re
from datetime import date
from typing import Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from backbone.domain.errors import InputError, NotFound
from backbone.domain.history import LogEntry, LoggedSet, SetType
from backbone.domain.inputs import MAX_DATE, MIN_DATE
from backbone.domain.loads import logs_load_kg
from backbone.domain.shorthand import ParsedSet, format_set
from backbone.domain.vocabulary import Equipment, Muscle, Pattern
from backbone.interfaces.api.auth import MAX_ID, backbone, csrf_for
from backbone.interfaces.web.forms import decimal
from backbone.interfaces.web.pages import (
    Looking,
    Owner,
    PostedForm,
    SignedIn,
    Viewer,
    field,
    html,
    redirect,
)
from backbone.presentation.loads import in_units
from backbone.services.application import Backbone
from backbone.services.ports import Window

router = APIRouter(include_in_schema=False)
RECENT_DAYS = 10
"""History lists the latest training days under the month"""


# --- history ---------------------------------------------------------------------------------


def _month(raw: str | None, today: date) -> tuple[int, int]:
    if raw:
        # ASCII digits only: int() would also take "2_026" or other scripts' digits
        if re.fullmatch(r"[0-9]{4}-[0-9]{1,2}", raw, re.ASCII):
            year, month = (int(p) for p in raw.split("-", 1))
            if 1 <= month <= 12 and MIN_DATE.year <= year <= MAX_DATE.year:
                return year, month
        raise InputError("A month is written YYYY-MM.", {"field": "month"})
    return today.year, today.month


@router.get("/history")
def history(
    request: Request, looking: Looking, month: str | None = Query(None, max_length=7)
) -> HTMLResponse:
    app = backbone(request)
    year, number = _month(month, app.today_on())
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, number)
    # the weeks on screen and the latest days, not the whole log
    shown = app.sessions_between(looking.athlete_id, weeks[0][0], weeks[-1][-1])
    days = {d.on: d for d in shown}
    recent = app.sessions_page(looking.athlete_id, Window(RECENT_DAYS)).items
    previous = date(year - (number == 1), 12 if number == 1 else number - 1, 1)
    following = date(year + (number == 12), 1 if number == 12 else number + 1, 1)
    return html(
        request,
        "history.html",
        {
            **looking.context(),
            "weeks": weeks,
            "month": date(year, number, 1),
            "days": days,
            "recent": recent,
            "previous": previous.strftime("%Y-%m"),
            "following": following.strftime("%Y-%m"),
            "today": app.today_on(),
        },
    )


def shorthand(one: LoggedSet, units: Any) -> str:
    """A stored set as the shorthand the edit box takes, in the athlete's units."""
    load = in_units(one.load_kg, units) if one.load_kg is not None else None
    added = in_units(one.added_kg, units) if one.added_kg is not None else None
    parsed = ParsedSet(
        set_type=one.set_type,
        load=load,
        added=added,
        reps=one.reps,
        seconds=one.seconds,
        rir=one.rir,
    )
    return format_set(parsed)


@router.get("/history/{on}")
def session_day(request: Request, looking: Looking, on: date) -> HTMLResponse:
    app = backbone(request)
    return html(request, "session.html", _session_page(app, looking, on, None))


def _session_page(app: Backbone, looking: Viewer, on: date, error: str | None) -> dict[str, Any]:
    """One day: each exercise once, its sets numbered through every entry that logged it (a set
    logged later in the session, after other exercises, joins its exercise's card)."""
    day = app.session_day(looking.athlete_id, on)
    exercises: dict[str, list[LogEntry]] = {}
    for entry in day.entries:
        exercises.setdefault(entry.exercise, []).append(entry)
    return {
        **looking.context(),
        "day": day,
        "exercises": list(exercises.items()),
        "names": {slug: app.cue_card(slug).name for slug in exercises},
        "shorthand": shorthand,
        "working": SetType.WORKING,
        "error": error,
    }


EntryId = Path(ge=1, le=MAX_ID)


@router.post("/history/entries/{entry_id}/sets/{position}")
def edit_set(
    request: Request,
    looking: Owner,
    form: PostedForm,
    entry_id: int = EntryId,
    position: int = Path(ge=1, le=1000),
) -> Response:
    app = backbone(request)
    entry = app.entry(looking.athlete_id, entry_id)
    try:
        app.edit_set(looking.athlete_id, entry_id, position, field(form, "set"))
    except InputError as error:
        context = _session_page(app, looking, entry.performed_on, error.message)
        return html(request, "session.html", context, 422)
    return redirect(f"/history/{entry.performed_on.isoformat()}")


@router.post("/history/entries/{entry_id}/delete")
def delete_entry(
    request: Request, looking: Owner, form: PostedForm, entry_id: int = EntryId
) -> Response:
    app = backbone(request)
    entry = app.entry(looking.athlete_id, entry_id)
    app.delete_entry(looking.athlete_id, entry_id)
    try:
        app.session_day(looking.athlete_id, entry.performed_on)
    except NotFound:
        return redirect("/history")
    return redirect(f"/history/{entry.performed_on.isoformat()}")


@router.post("/history/{on}/comments")
def comment(request: Request, looking: Looking, form: PostedForm, on: date) -> Response:
    app = backbone(request)
    if not looking.can_comment:
        raise NotFound("No such page for this athlete.", {})
    # an empty or over-long comment stores nothing: the page shows the day again
    with contextlib.suppress(InputError):
        app.comment_on_session(
            looking.athlete_id, on, author_user_id=looking.user_id, text=field(form, "text")
        )
    return redirect(f"/history/{on.isoformat()}{looking.query()}")


# --- progress --------------------------------------------------------------------------------


def _progress(request: Request, looking: Looking, error: str | None) -> dict[str, Any]:
    app = backbone(request)
    stats = app.stats(looking.athlete_id)
    exercises = {t.exercise for t in stats.strength} | {r.exercise for r in stats.records}
    cards = {slug: app.cue_card(slug) for slug in exercises}
    return {
        **looking.context(),
        "stats": stats,
        "tests": app.list_tests(looking.athlete_id),
        "names": {slug: e.name for slug, e in cards.items()},
        "bodyweight_moves": {slug for slug, e in cards.items() if not logs_load_kg(e)},
        "charts": _chart_data(stats, looking.athlete.units),
        "error": error,
    }


def _chart_data(stats: Any, units: Any) -> dict[str, Any]:
    """Series for the charts (uPlot): x as epoch seconds, loads in the athlete's units."""

    def epoch(on: date) -> int:
        return int(calendar.timegm(on.timetuple()))

    volume = [
        {
            "muscle": v.muscle.value,
            "weeks": [epoch(on) for on, _ in v.weekly_sets],
            "sets": [round(s, 1) for _, s in v.weekly_sets],
            "band": list(v.band),
        }
        for v in stats.volume
    ]
    strength = [
        {
            "exercise": t.exercise,
            "days": [epoch(on) for on, _ in t.points],
            "e1rm": [in_units(kg, units) for _, kg in t.points],
        }
        for t in stats.strength
    ]
    pain = {
        "weeks": [epoch(p.week_start) for p in stats.pain_vs_load],
        "pain": [p.mean_back_pain for p in stats.pain_vs_load],
        "sets": [round(p.hard_sets, 1) for p in stats.pain_vs_load],
    }
    return {"volume": volume, "strength": strength, "pain": pain, "units": units.value}


@router.get("/progress")
def progress(request: Request, looking: Looking) -> HTMLResponse:
    return html(request, "progress.html", _progress(request, looking, None))


@router.post("/progress/tests")
def record_test(request: Request, looking: Owner, form: PostedForm) -> Response:
    app = backbone(request)
    try:
        app.record_test(
            looking.athlete_id,
            field(form, "test"),
            decimal(form, "value"),
            side=field(form, "side") or None,
        )
    except InputError as error:
        return html(request, "progress.html", _progress(request, looking, error.message), 422)
    return redirect("/progress")


# --- exercise library ------------------------------------------------------------------------


@router.get("/exercises")
def library(
    request: Request,
    user: SignedIn,
    pattern: str = Query("", max_length=40),
    muscle: str = Query("", max_length=40),
    equipment: str = Query("", max_length=40),
) -> HTMLResponse:
    app = backbone(request)
    error = None
    try:
        found = app.find_exercises(
            pattern=pattern or None,
            muscle=muscle or None,
            equipment=["bodyweight", equipment] if equipment else None,
        )
    except InputError as problem:
        found, error = (), problem.message
    return html(
        request,
        "library.html",
        {
            "viewer": None,
            "found": found,
            "chosen": {"pattern": pattern, "muscle": muscle, "equipment": equipment},
            "patterns": [p.value for p in Pattern],
            "muscles": [m.value for m in Muscle],
            "equipment": [e.value for e in Equipment],
            "error": error,
        },
    )


@router.get("/exercises/{slug}")
def cue_card(request: Request, user: SignedIn, slug: str = Path(max_length=100)) -> HTMLResponse:
    exercise = backbone(request).cue_card(slug)
    return html(request, "exercise.html", {"viewer": None, "exercise": exercise})


# --- reports and coaching --------------------------------------------------------------------


@router.get("/reports")
def reports(request: Request, looking: Looking) -> HTMLResponse:
    return html(request, "reports.html", looking.context())


@router.get("/coach")
def coach(request: Request, user: SignedIn) -> HTMLResponse:
    app = backbone(request)
    assert user.user_id is not None
    return html(
        request,
        "coach.html",
        {
            "viewer": None,
            "user": user,
            "athletes": app.coached_athletes(user.user_id),
            "csrf": csrf_for(request) or "",
        },
    )

"""Onboarding (profile, red-flag screen, plan preview, start) and the Today page: check-in, the
session as cards, logging one set at a time, finishing with the session RPE."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import APIRouter, Header, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from backbone.domain.athlete import Athlete, Units
from backbone.domain.errors import InputError, NotFound, SafetyStop
from backbone.domain.exercise import Exercise
from backbone.domain.history import LogEntry
from backbone.domain.inputs import parse_int
from backbone.domain.loads import load_step_kg, logs_load_kg
from backbone.domain.vocabulary import (
    BackPain,
    BlockKind,
    Day,
    Equipment,
    Goal,
    Level,
    MeasuredBy,
)
from backbone.interfaces.api.auth import backbone
from backbone.interfaces.web.forms import (
    BROAD_LIMIT,
    day_or_none,
    decimal,
    decimal_or_none,
    whole,
    whole_or_none,
)
from backbone.interfaces.web.pages import (
    Looking,
    Owner,
    PostedForm,
    SignedIn,
    field,
    fields,
    html,
    redirect,
)
from backbone.presentation.loads import in_units, number
from backbone.services.application import Backbone
from backbone.services.planning import PlanRequest
from backbone.services.training import TodayItem, TodayView
from backbone.services.training_log import LogResult

router = APIRouter(include_in_schema=False)

IDEMPOTENCY_KEY = re.compile(r"[\x21-\x7e]{1,200}")
RIR_CHOICES = tuple(range(0, 6))
PAIN_CHOICES = tuple(range(0, 11))
MAX_DRILL_SETS = 10
"""a drill ticked off logs its planned sets; more than this in one tap is not a drill"""
DRILL_BLOCKS = frozenset({BlockKind.WARMUP, BlockKind.COOLDOWN})


# --- onboarding ------------------------------------------------------------------------------


def _choices() -> dict[str, Any]:
    return {
        "all_days": [d.value for d in Day],
        "all_equipment": [e.value for e in Equipment if e is not Equipment.BODYWEIGHT],
        "levels": [v.value for v in Level],
        "goals": [v.value for v in Goal],
        "back_pains": [v.value for v in BackPain],
    }


def _red_flags(app: Backbone) -> list[Any]:
    return list(app.knowledge.evidence.red_flags())


def _profile(form: FormData) -> dict[str, Any]:
    """What the onboarding form said, as shown back to the user."""
    return {
        "days": field(form, "days") or "3",
        "minutes": field(form, "minutes") or "45",
        "on": fields(form, "on"),
        "equipment": fields(form, "equipment"),
        "level": field(form, "level") or "novice",
        "goal": field(form, "goal") or "health",
        "back_pain": field(form, "back_pain") or "none",
        "red_flags": fields(form, "red_flags"),
    }


def _plan_request(profile: dict[str, Any], today: date) -> PlanRequest:
    return PlanRequest(
        start_on=today,
        days_per_week=parse_int(profile["days"], "days", -BROAD_LIMIT, BROAD_LIMIT),
        minutes_per_session=parse_int(profile["minutes"], "minutes", -BROAD_LIMIT, BROAD_LIMIT),
        equipment=("bodyweight", *profile["equipment"]),
        level=profile["level"],
        goal=profile["goal"],
        back_pain=profile["back_pain"],
        on_days=profile["on"] or None,
        red_flags=profile["red_flags"],
    )


@router.get("/onboarding")
def onboarding(request: Request, looking: Owner) -> HTMLResponse:
    default = {
        "days": "3", "minutes": "45", "on": [], "equipment": [], "level": "novice",
        "goal": "health", "back_pain": "none", "red_flags": [],
    }  # fmt: skip
    return _onboarding_form(request, looking, default, None)


def _onboarding_form(
    request: Request, looking: Owner, profile: dict[str, Any], error: str | None, status: int = 200
) -> HTMLResponse:
    app = backbone(request)
    return html(
        request,
        "onboarding.html",
        {
            **looking.context(),
            **_choices(),
            "profile": profile,
            "red_flag_choices": _red_flags(app),
            "error": error,
        },
        status,
    )


@router.post("/onboarding/preview")
def preview(request: Request, looking: Owner, form: PostedForm) -> HTMLResponse:
    app = backbone(request)
    profile = _profile(form)
    try:
        plan = app.plan(_plan_request(profile, app.today_on()))
    except SafetyStop as stop:
        return html(request, "clinician.html", {**looking.context(), "message": stop.message})
    except InputError as error:
        return _onboarding_form(request, looking, profile, error.message, 422)
    return html(
        request,
        "plan_preview.html",
        {**looking.context(), "plan": plan, "profile": profile, "first_week": plan.weeks[0]},
    )


@router.post("/onboarding/start")
def start(request: Request, looking: Owner, form: PostedForm) -> Response:
    app = backbone(request)
    profile = _profile(form)
    try:
        app.start_program(looking.athlete_id, _plan_request(profile, app.today_on()))
    except SafetyStop as stop:
        return html(request, "clinician.html", {**looking.context(), "message": stop.message})
    except InputError as error:
        return _onboarding_form(request, looking, profile, error.message, 422)
    return redirect("/today")


@router.get("/evidence/{rule_id}")
def evidence(request: Request, user: SignedIn, rule_id: str) -> HTMLResponse:
    registry = backbone(request).knowledge.evidence
    if rule_id not in registry:
        raise NotFound(f"No evidence rule '{rule_id[:80]}'.", {})
    rule = registry.rule(rule_id)
    return html(
        request,
        "evidence.html",
        {"rule": rule, "sources": registry.sources_for(rule_id), "viewer": None},
    )


# --- today -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Logger:
    """How one exercise's sets are entered: its fields, first values and step sizes."""

    timed: bool
    loaded: bool
    """a load field (kg or lb); otherwise bodyweight with optional added weight"""
    load: str
    step: str
    reps: str
    seconds: str
    rir: str
    sets_planned: int


def _logger(item: TodayItem, athlete: Athlete) -> Logger:
    exercise = item.exercise
    units = athlete.units
    timed = exercise.measured_by is MeasuredBy.SECONDS
    loaded = logs_load_kg(exercise)
    target = item.prescription.sets[0] if item.prescription and item.prescription.sets else None
    step_kg = load_step_kg(exercise, athlete) or (2.5 if units is Units.KG else 2.27)
    load = ""
    if target is not None and target.load_kg is not None:
        load = number(in_units(target.load_kg, units))
    elif target is not None and target.added_kg:
        load = number(in_units(target.added_kg, units))
    reps_range = (target.reps if target else None) or item.planned.reps
    seconds_range = (target.seconds if target else None) or item.planned.seconds
    rir = target.rir if target is not None and target.rir is not None else item.planned.rir
    return Logger(
        timed=timed,
        loaded=loaded,
        load=load,
        step=number(max(in_units(step_kg, units), 0.5)),
        reps=str(reps_range[0]) if reps_range else "8",
        seconds=str(seconds_range[0]) if seconds_range else "30",
        rir="" if rir is None else str(rir),
        sets_planned=item.planned.sets,
    )


def _is_drill(item: TodayItem) -> bool:
    """Warm-up and cool-down drills are ticked off as done (a check-list), not logged set by
    set; one that takes a load (rare) keeps the full logger."""
    return item.block in DRILL_BLOCKS and not logs_load_kg(item.exercise)


def _today_context(app: Backbone, looking: Looking, view: TodayView) -> dict[str, Any]:
    try:
        done = app.session_day(looking.athlete_id, view.on)
        entries: tuple[LogEntry, ...] = done.entries
        finished = done.performed
        comments = done.comments
    except NotFound:
        entries, finished, comments = (), None, ()
    logged: dict[str, list[Any]] = {}
    for entry in entries:
        for one in entry.sets:
            logged.setdefault(entry.exercise, []).append((entry, one))
    cards = [
        {
            "item": item,
            "index": index,
            "logger": _logger(item, view.athlete),
            "done": logged.get(item.exercise.slug, []),
            "drill": _is_drill(item),
        }
        for index, item in enumerate(view.items)
    ]

    def drills(block: BlockKind) -> list[dict[str, Any]]:
        return [
            c
            for c, item in zip(cards, view.items, strict=True)
            if c["drill"] and item.block is block
        ]

    checked = [c for c in app.check_ins(looking.athlete_id, days=1) if c.on == view.on]
    return {
        **looking.context(),
        "view": view,
        "cards": [c for c in cards if not c["drill"]],
        "warmup": drills(BlockKind.WARMUP),
        "cooldown": drills(BlockKind.COOLDOWN),
        "finished": finished,
        "comments": comments,
        "checked_in": checked[-1] if checked else None,
        "rir_choices": RIR_CHOICES,
        "pain_choices": PAIN_CHOICES,
        "logged_count": sum(len(e.sets) for e in entries),
    }


@router.get("/today")
def today(request: Request, looking: Looking) -> Response:
    app = backbone(request)
    try:
        view = app.today(looking.athlete_id)
    except NotFound:
        if looking.own:
            return redirect("/onboarding")
        raise
    return html(request, "today.html", _today_context(app, looking, view))


@router.post("/today/check-in")
def check_in(request: Request, looking: Owner, form: PostedForm) -> Response:
    app = backbone(request)
    try:
        app.check_in(
            looking.athlete_id,
            sleep_h=decimal(form, "sleep_h"),
            back_pain=whole(form, "back_pain"),
            soreness=whole(form, "soreness"),
            readiness=whole_or_none(form, "readiness"),
            red_flags=fields(form, "red_flags"),
        )
    except SafetyStop as stop:
        return html(request, "clinician.html", {**looking.context(), "message": stop.message})
    except InputError as error:
        view = app.today(looking.athlete_id)
        context = _today_context(app, looking, view)
        return html(request, "today.html", {**context, "checkin_error": error.message}, 422)
    return redirect("/today")


def set_token(form: FormData, exercise: Exercise) -> str:
    """The logger's fields as one set in the CLI's shorthand (`60x8@2`, `bw+10x6`, `45s`)."""
    rir = whole_or_none(form, "rir", 0)
    effort = "" if rir is None else f"@{rir}"
    if exercise.measured_by is MeasuredBy.SECONDS:
        if not field(form, "seconds"):
            raise InputError("Enter the seconds held (a whole number).", {"field": "seconds"})
        return f"{whole(form, 'seconds', 1)}s"
    if not field(form, "reps"):
        raise InputError("Enter the reps done (a whole number).", {"field": "reps"})
    reps = whole(form, "reps", 1)
    if logs_load_kg(exercise):
        if not field(form, "load"):
            raise InputError("Enter the load lifted.", {"field": "load"})
        return f"{_plain(decimal(form, 'load'))}x{reps}{effort}"
    added = decimal_or_none(form, "load") or 0.0
    if added == 0:
        return f"bwx{reps}{effort}"
    return f"bw{'+' if added > 0 else '-'}{_plain(abs(added))}x{reps}{effort}"


def _plain(value: float) -> str:
    """A number as the shorthand takes it: `62.5`, `100` (never `1e+02`)."""
    return f"{value:.4f}".rstrip("0").rstrip(".")


def _sets_of(form: FormData, exercise: Exercise) -> list[str]:
    """The sets one press logs: one from a working set's logger; a drill's planned sets (`sets`)
    when it is ticked off as done."""
    token = set_token(form, exercise)
    if not field(form, "sets"):
        return [token]
    return [token] * whole(form, "sets", 1, MAX_DRILL_SETS)


@router.post("/today/sets")
def log_set(
    request: Request,
    looking: Owner,
    form: PostedForm,
    idempotency_key: str | None = Header(None, max_length=200),
) -> HTMLResponse:
    """One set from the logger: answers a small fragment (the set, any record, the next target).
    The page queues sets while offline and sends each with its own `Idempotency-Key`, so a
    retry returns the stored set instead of logging it twice."""
    app = backbone(request)
    try:
        if idempotency_key is not None and not IDEMPOTENCY_KEY.fullmatch(idempotency_key):
            raise InputError("Idempotency-Key must be printable ASCII.", {})
        exercise = app.cue_card(field(form, "exercise"))
        result = app.log_sets(
            looking.athlete_id,
            exercise.slug,
            _sets_of(form, exercise),
            on=day_or_none(form, "date"),
            partial=field(form, "partial") in {"on", "true", "1"},
            pain=whole_or_none(form, "pain"),
            source="web",
            idempotency_key=idempotency_key,
        )
    except (InputError, NotFound) as error:
        return html(request, "fragments/set_error.html", {"message": error.message}, 422)
    return _logged(request, looking, result)


def _logged(request: Request, looking: Looking, result: LogResult) -> HTMLResponse:
    response = html(
        request,
        "fragments/set_logged.html",
        {
            **looking.context(),
            "result": result,
            "bodyweight_move": not logs_load_kg(result.exercise),
        },
        200 if result.replayed else 201,
    )
    if result.replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return response


@router.post("/today/drills/undo")
def undo_drill(request: Request, looking: Owner, form: PostedForm) -> Response:
    """A drill ticked by mistake: its sets of the day are deleted, and it is "not done" again."""
    app = backbone(request)
    try:
        exercise = app.cue_card(field(form, "exercise"))
        on = day_or_none(form, "date") or app.today_on()
    except (InputError, NotFound) as error:
        view = app.today(looking.athlete_id)
        context = _today_context(app, looking, view)
        return html(request, "today.html", {**context, "drill_error": error.message}, 422)
    try:
        entries = app.session_day(looking.athlete_id, on).entries
    except NotFound:
        entries = ()
    for entry in entries:
        if entry.exercise == exercise.slug and entry.entry_id is not None:
            app.delete_entry(looking.athlete_id, entry.entry_id)
    return redirect(f"/today#ex-{exercise.slug}")


@router.post("/today/finish")
def finish(request: Request, looking: Owner, form: PostedForm) -> Response:
    app = backbone(request)
    try:
        rpe = whole_or_none(form, "session_rpe")
        app.finish_session(looking.athlete_id, session_rpe=rpe)
    except InputError as error:
        view = app.today(looking.athlete_id)
        context = _today_context(app, looking, view)
        return html(request, "today.html", {**context, "finish_error": error.message}, 422)
    return redirect("/today")

"""The running program, today, logging sets, the log, sessions and check-ins."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Request, Response

from backbone.domain.errors import InputError
from backbone.interfaces.api.auth import MAX_ID, Commenter, Reader, Writer, backbone
from backbone.interfaces.api.responses import JsonResponse, Paging, body, documented, one_page
from backbone.interfaces.api.routes.catalogue import PLAN_EXAMPLE, Slug, plan_request
from backbone.interfaces.api.schemas import (
    CheckInIn,
    CommentIn,
    EditSetIn,
    FinishIn,
    LogSetsIn,
    ProgramIn,
)
from backbone.services import views
from backbone.services.documents import plan_document
from backbone.services.recovery import check_in_document
from backbone.services.training_documents import (
    entry_document,
    log_document,
    performed_session_document,
    prescription_document,
    program_document,
    recovery_document,
    today_document,
    undo_document,
)
from backbone.services.training_sessions import comment_document, session_document

router = APIRouter(prefix="/api/v1", tags=["training"])

Id = Annotated[int, Path(ge=1, le=MAX_ID)]
On = Annotated[date | None, Query(description="Which day (YYYY-MM-DD); default today.")]
IDEMPOTENCY_KEY = re.compile(r"[\x21-\x7e]{1,200}")

SET_EXAMPLE = {
    "date": "2026-11-30", "exercise": "chest_supported_row", "position": 1, "set_type": "working",
    "load_kg": 24.0, "added_kg": None, "reps": 10, "seconds": None, "rir": 2, "range": "full",
    "pain": 0, "note": "",
}  # fmt: skip
ENTRY_EXAMPLE = {
    "entry_id": 12,
    "exercise": "chest_supported_row",
    "date": "2026-11-30",
    "logged_at": "2026-11-30T18:02:11+00:00",
    "sets": [SET_EXAMPLE],
}
PRESCRIPTION_EXAMPLE = {
    "exercise": "chest_supported_row", "calibrate": False, "instructions": None, "substitute": None,
    "sets": [{"load_kg": 26.0, "added_kg": None, "reps": [10], "seconds": None, "rir": 2}],
    "stall": None, "why": [{"rule_id": "progression.double", "text": "Top of the range reached."}],
}  # fmt: skip
PROGRAM_EXAMPLE = {
    "athlete": "ana", "started_on": "2026-11-30", "known": [], "swaps": [], "plan": PLAN_EXAMPLE,
}  # fmt: skip
RECOVERY_EXAMPLE = {
    "deload": False, "hold": False, "stop": False, "why": [],
    "back": {"call": "train", "back_pain": 2, "advice": [], "mobility": [], "walk_minutes": None,
             "red_flag_questions": [], "why": []},
}  # fmt: skip
TODAY_EXAMPLE = {
    "date": "2026-11-30", "rest_day": False, "week": 1, "deload_week": False,
    "next_session": {"date": "2026-12-02", "day": "wed"}, "recovery": None,
    "session": {"day": "mon", "focus": "pull", "est_minutes": 44, "blocks": [{"kind": "main", "items": [
        {"exercise": "chest_supported_row", "name": "Chest-supported dumbbell row", "rest_s": 120,
         "per_side": False, "cues": {"setup": "...", "execution": "...",
                                     "range_of_motion": {"start": "...", "end": "..."}},
         **PRESCRIPTION_EXAMPLE}]}]},
}  # fmt: skip
SESSION_EXAMPLE = {
    "date": "2026-11-30", "finished": True, "session_rpe": 7, "duration_min": 42.0, "sets": 1,
    "exercises": ["chest_supported_row"], "entries": [ENTRY_EXAMPLE],
    "comments": [{"comment_id": 1, "date": "2026-11-30", "author_user_id": 2,
                  "text": "Good depth.", "created_at": "2026-11-30T20:00:00+00:00"}],
}  # fmt: skip


@router.post(
    "/program",
    response_model=views.ProgramDocument,
    status_code=201,
    summary="Start a program",
    description="Saves a plan (same profile as the preview) as the athlete's running program; "
    "`known` recent sets (`exercise=60x8@2`) start the loads right. Owner only.",
    responses=documented(PROGRAM_EXAMPLE, status=201),
)
def start_program(request: Request, caller: Writer, payload: ProgramIn) -> JsonResponse:
    app = backbone(request)
    view = app.start_program(
        caller.athlete_id, plan_request(payload, app.today_on()), payload.known
    )
    return body(program_document(view, plan_document(view.plan, app.knowledge.evidence)), 201)


@router.get(
    "/program",
    response_model=views.ProgramDocument,
    summary="The running program",
    description="The program the athlete is on, with its plan.",
    responses=documented(PROGRAM_EXAMPLE),
)
def show_program(request: Request, caller: Reader) -> JsonResponse:
    app = backbone(request)
    view = app.show_program(caller.athlete_id)
    return body(program_document(view, plan_document(view.plan, app.knowledge.evidence)))


@router.get(
    "/today",
    response_model=views.TodayDocument,
    summary="Today's session",
    description="The day's session with concrete targets, cues and the reason for each "
    "(`backbone today --json`).",
    responses=documented(TODAY_EXAMPLE),
)
def today(request: Request, caller: Reader, on: On = None) -> JsonResponse:
    return body(today_document(backbone(request).today(caller.athlete_id, on)))


@router.get(
    "/prescriptions/{exercise}",
    response_model=views.PrescriptionDocument,
    summary="The next prescription for one exercise",
    description="What to lift next time and why (`backbone next --json`).",
    responses=documented(PRESCRIPTION_EXAMPLE),
)
def next_prescription(
    request: Request, caller: Reader, exercise: Slug, on: On = None
) -> JsonResponse:
    _, prescription = backbone(request).next_prescription(caller.athlete_id, exercise, on)
    return body(prescription_document(prescription))


@router.post(
    "/sets",
    response_model=views.LogDocument,
    status_code=201,
    summary="Log sets",
    description="Sets of one exercise in the CLI's shorthand (`60x8@2`, `x3`, `bw+10x6`, `45s`, "
    "`w:40x10`) or as structured objects. Send an `Idempotency-Key` header: a retry with the same "
    "key answers 200 with the stored entry (header `Idempotent-Replayed: true`) and logs nothing. "
    "Owner only.",
    responses={
        **documented(
            {"entry": ENTRY_EXAMPLE, "sets": [SET_EXAMPLE], "records": [], "e1rm_kg": 32.0,
             "next": PRESCRIPTION_EXAMPLE},
            status=201,
            errors=(401, 404, 409, 422),
        ),
        200: {"description": "A replay of an idempotency key: the stored entry, nothing logged."},
    },
)  # fmt: skip
def log_sets(
    request: Request,
    caller: Writer,
    payload: LogSetsIn,
    idempotency_key: Annotated[
        str | None,
        Header(
            max_length=200,
            description="A client-chosen key (1-200 printable ASCII characters) per entry.",
            examples=["3f1c2a9e-phone-17"],
        ),
    ] = None,
) -> JsonResponse:
    if idempotency_key is not None and not IDEMPOTENCY_KEY.fullmatch(idempotency_key):
        raise InputError(
            "Idempotency-Key must be 1-200 printable ASCII characters without spaces.",
            {"field": "Idempotency-Key"},
        )
    result = backbone(request).log_sets(
        caller.athlete_id,
        payload.exercise,
        payload.tokens(),
        on=payload.date,
        partial=payload.partial,
        pain=payload.pain,
        note=payload.note,
        in_lb=payload.in_lb(),
        source="api",
        idempotency_key=idempotency_key,
    )
    if result.replayed:
        return body(log_document(result), 200, {"Idempotent-Replayed": "true"})
    return body(log_document(result), 201)


@router.get(
    "/entries",
    response_model=list[views.EntryDocument],
    summary="The training log",
    description="Entries oldest first (`backbone history --json`), optionally one exercise's or "
    "from a day on.",
    responses=documented([ENTRY_EXAMPLE], listed=True),
)
def entries(
    request: Request,
    caller: Reader,
    page: Paging,
    exercise: Annotated[str | None, Query(max_length=100)] = None,
    since: Annotated[date | None, Query()] = None,
) -> JsonResponse:
    found = backbone(request).history_page(
        caller.athlete_id, page.window(), exercise=exercise, since=since
    )
    return one_page(request, [entry_document(e) for e in found.items], found.total, page)


@router.get(
    "/entries/{entry_id}",
    response_model=views.EntryDocument,
    summary="One log entry",
    description="The entry with its sets.",
    responses=documented(ENTRY_EXAMPLE),
)
def entry(request: Request, caller: Reader, entry_id: Id) -> JsonResponse:
    return body(entry_document(backbone(request).entry(caller.athlete_id, entry_id)))


@router.delete(
    "/entries/{entry_id}",
    status_code=204,
    summary="Delete a log entry",
    description="The entry and all its sets. Owner only.",
    responses={204: {"description": "Deleted."}, **documented({}, errors=(401, 404, 422))},
)
def delete_entry(request: Request, caller: Writer, entry_id: Id) -> Response:
    backbone(request).delete_entry(caller.athlete_id, entry_id)
    return Response(status_code=204)


@router.patch(
    "/entries/{entry_id}/sets/{position}",
    response_model=views.EntryDocument,
    summary="Edit a set",
    description="Replace set `position` (from 1) of an entry with one set in shorthand or "
    "structured; partial, pain and note stay unless given. Owner only.",
    responses=documented(ENTRY_EXAMPLE),
)
def edit_set(
    request: Request,
    caller: Writer,
    entry_id: Id,
    position: Annotated[int, Path(ge=1, le=1000)],
    payload: EditSetIn,
) -> JsonResponse:
    token = payload.set if isinstance(payload.set, str) else payload.set.shorthand()
    in_lb = (
        False
        if not isinstance(payload.set, str)
        else (None if payload.units is None else payload.units == "lb")
    )
    changed = backbone(request).edit_set(
        caller.athlete_id,
        entry_id,
        position,
        token,
        in_lb=in_lb,
        partial=payload.partial,
        pain=payload.pain,
        note=payload.note,
    )
    return body(entry_document(changed))


@router.post(
    "/entries/undo",
    response_model=views.UndoDocument,
    summary="Undo the last entry",
    description="Removes the most recently logged entry with its sets (`backbone undo --json`). "
    "Owner only.",
    responses=documented({"removed": ENTRY_EXAMPLE}),
)
def undo(request: Request, caller: Writer) -> JsonResponse:
    return body(undo_document(backbone(request).undo_last(caller.athlete_id)))


@router.get(
    "/sessions",
    summary="Training sessions",
    description="Every day with logged sets or a finished session, newest first.",
    responses=documented([SESSION_EXAMPLE], listed=True),
)
def sessions(request: Request, caller: Reader, page: Paging) -> JsonResponse:
    found = backbone(request).sessions_page(caller.athlete_id, page.window())
    return one_page(request, [session_document(d) for d in found.items], found.total, page)


@router.post(
    "/sessions",
    response_model=views.PerformedSessionDocument,
    status_code=201,
    summary="Finish a session",
    description="Marks the day's session done with its RPE and duration (`backbone finish`). "
    "Owner only.",
    responses=documented(
        {"date": "2026-11-30", "session_rpe": 7, "duration_min": 42.0}, status=201
    ),
)
def finish(request: Request, caller: Writer, payload: FinishIn) -> JsonResponse:
    done = backbone(request).finish_session(
        caller.athlete_id,
        session_rpe=payload.session_rpe,
        duration_min=payload.duration_min,
        on=payload.date,
    )
    return body(performed_session_document(done), 201)


@router.get(
    "/sessions/{on}",
    summary="One day's session",
    description="The day's entries, finish record and comments.",
    responses=documented(SESSION_EXAMPLE),
)
def session(request: Request, caller: Reader, on: Annotated[date, Path()]) -> JsonResponse:
    return body(session_document(backbone(request).session_day(caller.athlete_id, on)))


@router.post(
    "/sessions/{on}/comments",
    status_code=201,
    summary="Comment on a session",
    description="The athlete's owner, or a coach granted `comment` access.",
    responses=documented(SESSION_EXAMPLE["comments"][0], status=201),  # type: ignore[index]
)
def comment(
    request: Request, caller: Commenter, on: Annotated[date, Path()], payload: CommentIn
) -> JsonResponse:
    stored = backbone(request).comment_on_session(
        caller.athlete_id, on, author_user_id=caller.user_id, text=payload.text
    )
    return body(comment_document(stored), 201)


@router.post(
    "/check-ins",
    response_model=views.RecoveryDocument,
    status_code=201,
    summary="Check in",
    description="Sleep, back pain, soreness and new leg symptoms; answers whether to train, "
    "regress, skip loaded back work today (`back.call`), hold or deload "
    "(`backbone checkin --json`); `/today` then shows the same call. A red flag is stored, then "
    "answers 422 with code safety_stop. "
    "One check-in a day: a second one for the same date answers 409 (the first is kept) unless "
    "`replace` is true. Owner only.",
    responses=documented(RECOVERY_EXAMPLE, status=201, errors=(401, 404, 409, 422)),
)
def check_in(request: Request, caller: Writer, payload: CheckInIn) -> JsonResponse:
    recovery = backbone(request).check_in(
        caller.athlete_id,
        sleep_h=payload.sleep_h,
        back_pain=payload.back_pain,
        soreness=payload.soreness,
        readiness=payload.readiness,
        sleep_quality=payload.sleep_quality,
        red_flags=payload.red_flags,
        leg_symptoms=payload.leg_symptoms,
        on=payload.date,
        replace=payload.replace,
    )
    return body(recovery_document(recovery), 201)


CHECK_IN_EXAMPLE: dict[str, Any] = {
    "date": "2026-11-30", "sleep_h": 7.5, "sleep_quality": None, "back_pain": 2, "soreness": 3,
    "readiness": 7, "red_flags": [], "leg_symptoms": False,
}  # fmt: skip


@router.get(
    "/check-ins",
    summary="Recent check-ins",
    description="The check-ins of the last `days` days, oldest first.",
    responses=documented([CHECK_IN_EXAMPLE], listed=True),
)
def check_ins(
    request: Request,
    caller: Reader,
    page: Paging,
    days: Annotated[int, Query(ge=1, le=366)] = 28,
) -> JsonResponse:
    found = backbone(request).check_ins_page(caller.athlete_id, days, page.window())
    return one_page(request, [check_in_document(c) for c in found.items], found.total, page)

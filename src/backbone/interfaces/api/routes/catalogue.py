"""The exercise catalogue and plan previews: nobody's data, but only for signed-in users."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from backbone.interfaces.api.auth import CurrentUser, backbone
from backbone.interfaces.api.responses import JsonResponse, Paging, body, documented, paged
from backbone.interfaces.api.schemas import PlanIn
from backbone.services import views
from backbone.services.documents import exercise_document, plan_document
from backbone.services.planning import PlanRequest

router = APIRouter(prefix="/api/v1", tags=["catalogue and planning"])

EXERCISE_EXAMPLE = {
    "slug": "chest_supported_row",
    "name": "Chest-supported dumbbell row",
    "aliases": ["incline dumbbell row"],
    "kind": "compound",
    "pattern": "horizontal_pull",
    "equipment": ["bench", "dumbbell"],
    "muscles": {"lats": 0.7, "rhomboids": 1.0, "traps_middle": 1.0},
    "spinal_load": "low",
    "level": "novice",
    "unilateral": False,
    "measured_by": "reps",
    "seconds_per_rep": 3.0,
    "mobility_use": None,
    "cues": {
        "setup": ["Chest on an incline bench set to 30-45 degrees."],
        "execution": ["Pull the elbows back towards the hips."],
        "range_of_motion": {"start": "Arms long.", "end": "Elbows past the torso."},
        "common_faults": ["Lifting the chest off the pad."],
    },
    "regressions": [],
    "progressions": ["barbell_row"],
    "rule_ids": ["selection.horizontal_pull"],
}
PLAN_EXAMPLE = {
    "profile": {"days": 3, "minutes": 45, "equipment": ["bodyweight", "dumbbell"], "level": "novice",
                "goal": "hypertrophy", "back_pain": "history", "on": None, "weeks": 5,
                "start": "2026-11-30"},
    "weeks": [{"week": 1, "deload": False, "starts_on": "2026-11-30", "weekly_sets": {"lats": 10},
               "sessions": [{"day": "mon", "date": "2026-11-30", "focus": "pull", "est_minutes": 44,
                             "blocks": [{"kind": "main", "items": [{"exercise": "chest_supported_row",
                                 "name": "Chest-supported dumbbell row", "sets": 3, "reps": [8, 12],
                                 "seconds": None, "per_side": False, "rir": 2, "rest_s": 120,
                                 "load_hint": "a load you could lift 2 more times",
                                 "why": [{"rule_id": "volume.weekly_sets", "text": "..."}]}]}]}]}],
    "warnings": [],
    "citations": [],
}  # fmt: skip

Slug = Annotated[str, Path(max_length=100, pattern=r"^[A-Za-z0-9 _().+-]+$")]


@router.get(
    "/exercises",
    response_model=list[views.ExerciseDocument],
    summary="List exercises",
    description="The catalogue, optionally filtered by movement pattern, equipment you have "
    "(repeat the parameter) and a muscle trained.",
    responses=documented([EXERCISE_EXAMPLE], listed=True, errors=(401, 422)),
)
def exercises(
    request: Request,
    user: CurrentUser,
    page: Paging,
    pattern: Annotated[str | None, Query(max_length=40, examples=["horizontal_pull"])] = None,
    equipment: Annotated[list[str] | None, Query(max_length=20, examples=[["dumbbell"]])] = None,
    muscle: Annotated[str | None, Query(max_length=40, examples=["lats"])] = None,
) -> JsonResponse:
    found = backbone(request).find_exercises(pattern=pattern, equipment=equipment, muscle=muscle)
    return paged(request, [exercise_document(e) for e in found], page)


@router.get(
    "/exercises/{slug}",
    response_model=views.ExerciseDocument,
    summary="One exercise's cue card",
    description="By slug, alias or name: setup, execution, range of motion, common faults.",
    responses=documented(EXERCISE_EXAMPLE, errors=(401, 404, 422)),
)
def exercise(request: Request, user: CurrentUser, slug: Slug) -> JsonResponse:
    return body(exercise_document(backbone(request).cue_card(slug)))


def plan_request(payload: PlanIn, today: date) -> PlanRequest:
    return PlanRequest(
        start_on=payload.start or today,
        days_per_week=payload.days,
        minutes_per_session=payload.minutes,
        equipment=payload.equipment,
        level=payload.level,
        goal=payload.goal,
        back_pain=payload.back_pain,
        weeks=payload.weeks,
        on_days=payload.on,
        red_flags=payload.red_flags,
    )


@router.post(
    "/plans/preview",
    response_model=views.PlanDocument,
    summary="Preview a plan",
    description="The plan `backbone plan` prints for this profile, with the reason for every "
    "choice; nothing is stored. A red flag answers 422 with code safety_stop.",
    responses=documented(PLAN_EXAMPLE, errors=(401, 422)),
)
def preview_plan(request: Request, user: CurrentUser, payload: PlanIn) -> JsonResponse:
    app = backbone(request)
    plan = app.plan(plan_request(payload, app.today_on()))
    return body(plan_document(plan, app.knowledge.evidence))

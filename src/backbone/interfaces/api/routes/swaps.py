"""Swapping an exercise in the running program: its options, and the swap (`backbone swap`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from backbone.interfaces.api.auth import Reader, Writer, backbone
from backbone.interfaces.api.responses import JsonResponse, body, documented
from backbone.interfaces.api.routes.training import On
from backbone.interfaces.api.schemas import SwapIn
from backbone.services import views
from backbone.services.training_documents import swap_document, swap_options_document

router = APIRouter(prefix="/api/v1/programs/current", tags=["training"])

Exercise = Annotated[
    str,
    Query(
        max_length=100,
        pattern=r"^[A-Za-z0-9 _().+-]+$",
        description="The exercise to swap out (a slug or name of the catalogue).",
        examples=["chest_supported_row"],
    ),
]
OPTIONS_EXAMPLE = {
    "exercise": "chest_supported_row",
    "name": "Chest-supported dumbbell row",
    "from_date": "2026-11-30",
    "options": [
        {
            "exercise": "one_arm_dumbbell_row",
            "name": "One-arm dumbbell row",
            "reason": "same horizontal pull; external load, supported set-up",
            "rule_id": "select.loadable_first",
            "restores": False,
            "carries_over": True,
        }
    ],
}
SWAP_EXAMPLE = {
    "swap": {
        "swap_id": 1,
        "exercise": "chest_supported_row",
        "to": "one_arm_dumbbell_row",
        "from_date": "2026-12-02",
        "carried": {
            "exercise": "one_arm_dumbbell_row",
            "load_kg": 21.6,
            "added_kg": None,
            "reps": 10,
            "seconds": None,
            "rir": 2,
        },
    },
    "name": "Chest-supported dumbbell row",
    "to_name": "One-arm dumbbell row",
    "reason": "same horizontal pull; external load, supported set-up",
    "rule_id": "select.loadable_first",
    "sessions": 13,
    "own_history": False,
    "carried_from": {
        "exercise": "chest_supported_row",
        "date": "2026-11-30",
        "load_kg": 24.0,
        "added_kg": None,
        "reps": 10,
        "rir": 2,
        "factor": 0.9,
    },
}


@router.get(
    "/swap-options",
    response_model=views.SwapOptionsDocument,
    summary="What an exercise can be swapped for",
    description="Equivalent exercises for one in the running program (same movement, the "
    "athlete's equipment, level and back), best first, each with its reason; the program's own "
    "earlier choice first after a swap (`backbone swap EXERCISE --json`). 404 when the exercise "
    "is not in the program from that day on.",
    responses=documented(OPTIONS_EXAMPLE),
)
def swap_options(
    request: Request, caller: Reader, exercise: Exercise, on: On = None
) -> JsonResponse:
    view = backbone(request).swap_options(caller.athlete_id, exercise, on)
    return body(swap_options_document(view))


@router.post(
    "/swaps",
    response_model=views.SwapDocument,
    status_code=201,
    summary="Swap an exercise for the rest of the program",
    description="Every session from `date` (default today; tomorrow when the exercise is "
    "already logged today) has `to` instead of `exercise`; logged sets stay as they are. `to` "
    "must be one of the swap options (422 says why not); swapping back restores the program. "
    "Recent sets carry over where the load transfers (`backbone swap EXERCISE --to SLUG "
    "--json`). Owner only.",
    responses=documented(SWAP_EXAMPLE, status=201),
)
def swap_exercise(request: Request, caller: Writer, payload: SwapIn) -> JsonResponse:
    result = backbone(request).swap_exercise(
        caller.athlete_id, payload.exercise, payload.to, payload.date
    )
    return body(swap_document(result), 201)

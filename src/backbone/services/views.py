"""The typed JSON documents every interface returns: the CLI's `--json` output and the HTTP API's
bodies are these shapes, built by `documents` and `training_documents`.

They are TypedDicts so that mypy checks the builders and a JSON Schema can be generated from them
(the tests validate the CLI's real output against it; the API publishes it). They are the public
format only: stored programs have a format of their own (`backbone.storage.plan_format`).
Loads are kilograms in every document; interfaces show them in the athlete's units through
`backbone.presentation`.
"""

from __future__ import annotations

from typing import Literal, NotRequired

# pydantic (the API edge, the schema tests) needs typing_extensions' TypedDict on Python 3.11
from typing_extensions import TypedDict


class ReasonDocument(TypedDict):
    rule_id: str
    text: str


class SourceDocument(TypedDict):
    key: str
    reference: str


class CitationDocument(TypedDict):
    rule_id: str
    statement: str
    grade: str
    label: Literal["coaching convention", "research"]
    verified: bool
    sources: list[SourceDocument]


class ProfileDocument(TypedDict):
    days: int
    minutes: int
    equipment: list[str]
    level: str
    goal: str
    back_pain: str
    on: list[str] | None
    weeks: int
    start: str


class PlanItemDocument(TypedDict):
    exercise: str
    name: str
    sets: int
    reps: list[int] | None
    seconds: list[int] | None
    per_side: bool
    rir: int | None
    rest_s: int
    load_hint: str
    why: list[ReasonDocument]


class BlockDocument(TypedDict):
    kind: str
    items: list[PlanItemDocument]


class SessionDocument(TypedDict):
    day: str
    date: str
    focus: str
    est_minutes: float
    blocks: list[BlockDocument]


class WeekDocument(TypedDict):
    week: int
    deload: bool
    starts_on: str
    weekly_sets: dict[str, float]
    sessions: list[SessionDocument]


class WarningDocument(TypedDict):
    code: str
    message: str
    rule_id: str


class PlanDocument(TypedDict):
    profile: ProfileDocument
    weeks: list[WeekDocument]
    warnings: list[WarningDocument]
    citations: list[CitationDocument]


class RangeOfMotionDocument(TypedDict):
    start: str
    end: str


class CueCardDocument(TypedDict):
    setup: list[str]
    execution: list[str]
    range_of_motion: RangeOfMotionDocument
    common_faults: list[str]


class ExerciseDocument(TypedDict):
    slug: str
    name: str
    aliases: list[str]
    kind: str
    pattern: str
    equipment: list[str]
    muscles: dict[str, float]
    spinal_load: str
    level: str
    unilateral: bool
    measured_by: str
    seconds_per_rep: float
    mobility_use: str | None
    cues: CueCardDocument
    regressions: list[str]
    progressions: list[str]
    rule_ids: list[str]


class SetTargetDocument(TypedDict):
    load_kg: float | None
    added_kg: float | None
    reps: list[int] | None
    seconds: list[int] | None
    rir: int | None


class StallDocument(TypedDict):
    exposures: int
    suggestion: str
    why: list[ReasonDocument]


class PrescriptionDocument(TypedDict):
    exercise: str
    calibrate: bool
    instructions: str
    substitute: str | None
    sets: list[SetTargetDocument]
    stall: StallDocument | None
    why: list[ReasonDocument]


class RecoveryDocument(TypedDict):
    deload: bool
    hold: bool
    stop: bool
    why: list[ReasonDocument]


class TodayCuesDocument(TypedDict):
    setup: str
    execution: str
    range_of_motion: RangeOfMotionDocument


class TodayItemDocument(TypedDict):
    exercise: str
    name: str
    rest_s: int
    per_side: bool
    cues: TodayCuesDocument
    calibrate: bool
    sets: list[SetTargetDocument]
    why: list[ReasonDocument]
    instructions: NotRequired[str]
    """only for prescribed items (main, accessory, core): what to do, in words"""
    substitute: NotRequired[str | None]
    stall: NotRequired[StallDocument | None]


class TodayBlockDocument(TypedDict):
    kind: str
    items: list[TodayItemDocument]


class TodaySessionDocument(TypedDict):
    day: str
    focus: str
    est_minutes: float
    blocks: list[TodayBlockDocument]


class NextSessionDocument(TypedDict):
    date: str
    day: str


class TodayDocument(TypedDict):
    date: str
    rest_day: bool
    week: int | None
    deload_week: bool
    next_session: NextSessionDocument | None
    recovery: RecoveryDocument | None
    session: TodaySessionDocument | None


class LoggedSetDocument(TypedDict):
    """One set; its keys are exactly the history CSV's columns."""

    date: str
    exercise: str
    position: int
    set_type: str
    load_kg: float | None
    added_kg: float | None
    reps: int | None
    seconds: int | None
    rir: int | None
    range: str
    pain: int | None
    note: str


class EntryDocument(TypedDict):
    entry_id: int | None
    exercise: str
    date: str
    logged_at: str
    source: str
    sets: list[LoggedSetDocument]


class RecordDocument(TypedDict):
    kind: str
    exercise: str
    value: float
    reps: int | None
    date: str
    previous: float | None


class LogDocument(TypedDict):
    entry: EntryDocument
    sets: list[LoggedSetDocument]
    records: list[RecordDocument]
    e1rm_kg: float | None
    next: PrescriptionDocument | None
    replayed: bool


class UndoDocument(TypedDict):
    removed: EntryDocument


class KnownSetDocument(TypedDict):
    exercise: str
    load_kg: float | None
    added_kg: float | None
    reps: int | None
    seconds: int | None
    rir: int | None


class ProgramDocument(TypedDict):
    athlete: str
    started_on: str
    known: list[KnownSetDocument]
    swaps: list[ProgramSwapDocument]
    """the athlete's swaps, oldest first; `plan` already has them"""
    plan: PlanDocument


class AthleteDocument(TypedDict):
    athlete_id: int | None
    name: str
    units: str
    bodyweight_kg: float | None
    plates_kg: list[float]
    bar_kg: float
    dumbbell_step_kg: float


class PerformedSessionDocument(TypedDict):
    date: str
    session_rpe: int | None
    duration_min: float | None


class EnduranceResultDocument(TypedDict):
    test: str
    side: str | None
    value: float
    date: str
    id: int | None


class ProgramSwapDocument(TypedDict):
    """A swap stored in the running program: from `from_date` on, `exercise` is done as `to`."""

    swap_id: int | None
    exercise: str
    to: str
    from_date: str
    carried: KnownSetDocument | None
    """the set the replacement starts from, carried over from `exercise` (loads in kg)"""


class SwapOptionDocument(TypedDict):
    exercise: str
    name: str
    reason: str
    rule_id: str
    restores: bool
    """the exercise the program had here before it was swapped"""
    carries_over: bool
    """recent sets of the swapped exercise set this one's first load"""


class SwapOptionsDocument(TypedDict):
    """`backbone swap EXERCISE --json`: what the exercise can be swapped for, best first."""

    exercise: str
    name: str
    from_date: str
    options: list[SwapOptionDocument]


class CarriedSetDocument(TypedDict):
    exercise: str
    date: str
    load_kg: float | None
    added_kg: float | None
    reps: int | None
    rir: int | None
    factor: float | None
    """load multiplier to the replacement (None: reps and added weight carry unchanged)"""


class SwapDocument(TypedDict):
    """`backbone swap EXERCISE --to SLUG --json`: the swap made."""

    swap: ProgramSwapDocument
    name: str
    to_name: str
    reason: str
    rule_id: str
    sessions: int
    """program sessions from `from_date` that now have the replacement"""
    own_history: bool
    """the replacement has recent sets of its own, which its prescriptions continue from"""
    carried_from: CarriedSetDocument | None
    """the old exercise's set the first load comes from; None: its own history, or the first
    session calibrates"""

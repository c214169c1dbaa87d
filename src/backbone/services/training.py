"""Use cases: what to do today, and the next prescription for one exercise."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from backbone.domain.athlete import Athlete
from backbone.domain.errors import InputError
from backbone.domain.exercise import Exercise
from backbone.domain.planner.candidates import block_of
from backbone.domain.prescription import dose_for
from backbone.domain.program import Block, KnownSet, PlanItem, Session
from backbone.domain.progression import (
    Prescription,
    Recovery,
    assess_recovery,
    group_exposures,
    prescribe,
)
from backbone.domain.progression.lookback import history_start
from backbone.domain.vocabulary import BlockKind
from backbone.services.accounts import UnitOfWorkFactory
from backbone.services.ports import Knowledge, UnitOfWork
from backbone.services.programs import DayInProgram, ProgramView, locate, running_program

RECOVERY_LOOKBACK_DAYS = 14
PRESCRIPTION_WINDOW_DAYS = 182
"""Prescriptions look no further back than half a year: after longer away, loads are calibrated
afresh rather than taken from stale history (level.definitions: returning lifters restart). Inside
it they read only what the rules need (`progression.lookback`), so `log` and `today` stay fast
however long the log grows."""
PRESCRIBED_BLOCKS = (BlockKind.MAIN, BlockKind.ACCESSORY, BlockKind.CORE)


@dataclass(frozen=True, slots=True)
class TodayItem:
    block: BlockKind
    planned: PlanItem
    exercise: Exercise
    prescription: Prescription | None
    """None for warm-up and cool-down drills, which are done as planned"""


@dataclass(frozen=True, slots=True)
class TodayView:
    athlete: Athlete
    on: date
    day: DayInProgram
    recovery: Recovery | None
    items: tuple[TodayItem, ...]

    @property
    def rest_day(self) -> bool:
        return self.day.session is None


def today(athlete_id: int, on: date, knowledge: Knowledge, new_uow: UnitOfWorkFactory) -> TodayView:
    with new_uow() as uow:
        view = running_program(uow, athlete_id, knowledge=knowledge)
        day = locate(view.plan, on)
        if day.session is None:
            return TodayView(view.athlete, on, day, None, ())
        recovery = _recovery(uow, view, on, knowledge)
        items = tuple(
            _today_item(block, item, uow, view, day, recovery, knowledge)
            for block in day.session.blocks
            for item in block.items
        )
    return TodayView(view.athlete, on, day, recovery, items)


def next_prescription(
    athlete_id: int,
    exercise_name: str,
    on: date,
    knowledge: Knowledge,
    new_uow: UnitOfWorkFactory,
) -> tuple[Exercise, Prescription]:
    """The next time this exercise comes up in the program, what to lift and why."""
    exercise = knowledge.catalogue.get(exercise_name)
    if block_of(exercise) not in PRESCRIBED_BLOCKS:
        raise InputError(
            f"{exercise.name} is a mobility drill: it is done as planned, with no load to progress.",
            {"exercise": exercise.slug},
        )
    with new_uow() as uow:
        view = running_program(uow, athlete_id, knowledge=knowledge)
        done_today = bool(uow.sets.sets_for(athlete_id, [exercise.slug], since=on, until=on))
        prescription = prescription_after(uow, view, exercise, on, done_today, knowledge)
    return exercise, prescription


def prescription_after(
    uow: UnitOfWork,
    view: ProgramView,
    exercise: Exercise,
    on: date,
    done_today: bool,
    knowledge: Knowledge,
) -> Prescription:
    """The exercise's next prescription from `on`, inside the caller's transaction."""
    # Once today's sets are logged, "next" means the next session after today.
    start = on + timedelta(days=1) if done_today else on
    found = _next_planned(view, exercise.slug, start)
    recovery = _recovery(uow, view, on, knowledge)
    if found is None:
        # Off-plan work still gets a prescription, dosed for the athlete's goal and level.
        block = Block(block_of(exercise), (_off_plan_item(exercise, view, knowledge),))
        day = locate(view.plan, start)
        day = DayInProgram(start, day.week, None, day.next_session)
    else:
        session, block = found
        day = locate(view.plan, session.on)
    planned = next(i for i in block.items if i.exercise == exercise.slug)
    item = _today_item(block, planned, uow, view, day, recovery, knowledge)
    assert item.prescription is not None
    return item.prescription


def _off_plan_item(exercise: Exercise, view: ProgramView, knowledge: Knowledge) -> PlanItem:
    # the planner's constraints are needed only for work the program does not hold
    from backbone.domain.planner.constraints import working_sets_target

    profile = view.plan.profile
    block = block_of(exercise)
    dose = dose_for(exercise, block, profile, knowledge.evidence)
    return PlanItem(
        exercise=exercise.slug,
        name=exercise.name,
        sets=min(working_sets_target(block, profile), dose.max_sets),
        reps=dose.reps,
        seconds=dose.seconds,
        per_side=exercise.unilateral,
        rir=dose.rir_hardest,
        rest_s=dose.rest_s,
        load_hint="",
        why=dose.reasons,
    )


def _next_planned(view: ProgramView, slug: str, on: date) -> tuple[Session, Block] | None:
    for week in view.plan.weeks:
        for session in week.sessions:
            if session.on < on:
                continue
            for block in session.blocks:
                if block.kind in PRESCRIBED_BLOCKS and any(i.exercise == slug for i in block.items):
                    return session, block
    return None


def _recovery(uow: UnitOfWork, view: ProgramView, on: date, knowledge: Knowledge) -> Recovery:
    athlete_id = view.athlete.athlete_id
    assert athlete_id is not None
    check_ins = uow.check_ins.recent(athlete_id, on, RECOVERY_LOOKBACK_DAYS)
    # The recovery rules read the last session's sets only: read that day rather than two weeks.
    window_start = on - timedelta(days=RECOVERY_LOOKBACK_DAYS)
    last_session = uow.sets.sets_of_last_day(athlete_id, window_start, on)
    return assess_recovery(check_ins, last_session, on, knowledge.evidence)


def starting_set(view: ProgramView, slug: str) -> KnownSet | None:
    """A set to start `slug` from when it has no history: a `--known` set given at the start, or
    the one carried over from the exercise it replaced in the latest swap to it."""
    known = next((k for k in view.program.known if k.exercise == slug), None)
    if known is not None:
        return known
    carried = (s.carried for s in reversed(view.program.swaps) if s.to_exercise == slug)
    return next(carried, None)


def _today_item(
    block: Block,
    planned: PlanItem,
    uow: UnitOfWork,
    view: ProgramView,
    day: DayInProgram,
    recovery: Recovery,
    knowledge: Knowledge,
) -> TodayItem:
    exercise = knowledge.catalogue.get(planned.exercise)
    if block.kind not in PRESCRIBED_BLOCKS:
        return TodayItem(block.kind, planned, exercise, None)
    athlete_id = view.athlete.athlete_id
    assert athlete_id is not None
    until = day.on - timedelta(days=1)
    days = uow.sets.exposure_days(
        athlete_id, exercise.slug, day.on - timedelta(days=PRESCRIPTION_WINDOW_DAYS), until
    )
    start = history_start(days, knowledge.evidence)
    logged = [] if start is None else uow.sets.sets_for(athlete_id, [exercise.slug], start, until)
    profile = view.plan.profile
    known = starting_set(view, exercise.slug)
    prescription = prescribe(
        exercise,
        planned,
        group_exposures(logged),
        athlete=view.athlete,
        level=profile.level,
        goal=profile.goal,
        back_pain=profile.back_pain,
        deload_week=day.week is not None and day.week.deload,
        known=known,
        recovery=recovery,
        catalogue=knowledge.catalogue,
        evidence=knowledge.evidence,
    )
    if view.program.swaps:
        prescription = _swapped_in(prescription, planned, view, knowledge)
    return TodayItem(block.kind, planned, exercise, prescription)


def _swapped_in(
    prescription: Prescription, planned: PlanItem, view: ProgramView, knowledge: Knowledge
) -> Prescription:
    """A swapped-in exercise says so first, and a load carried over names where it came from."""
    from backbone.domain.planner.swap import asked_reason

    why = prescription.why
    swap = next(
        (s for s in reversed(view.program.swaps) if s.to_exercise == planned.exercise), None
    )
    known = next((k for k in view.program.known if k.exercise == planned.exercise), None)
    if swap is not None and swap.carried is not None and known is None:
        carried = f"your {knowledge.catalogue.get(swap.from_exercise).name} sets, carried over"
        why = tuple(replace(r, text=r.text.replace("your known set", carried)) for r in why)
    asked = asked_reason(planned)
    return replace(prescription, why=why if asked is None else (asked, *why))

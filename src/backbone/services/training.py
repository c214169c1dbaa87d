"""Use cases: what to do today, and the next prescription for one exercise."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from backbone.domain.athlete import Athlete
from backbone.domain.errors import InputError
from backbone.domain.exercise import Exercise
from backbone.domain.history import LoggedSet
from backbone.domain.pain_day import GENTLE_MOBILITY
from backbone.domain.planner.candidates import block_of
from backbone.domain.planner.constraints import working_sets_target
from backbone.domain.prescription import Reason, dose_for
from backbone.domain.program import Block, KnownSet, PlanItem, Session
from backbone.domain.progression import (
    Prescription,
    Recovery,
    assess_recovery,
    group_exposures,
    prescribe,
)
from backbone.domain.progression.lookback import history_start
from backbone.domain.progression.units import fitted_item
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
PLANNED_DELOAD_REPLACED_WITHIN_DAYS = 14
"""progression.mesocycle_length: a deload comes after 4-6 loading weeks, so a planned deload week
that starts within two weeks of a reactive deload would follow a single loading week: the
reactive one replaces it, and that week trains as the loading week before it."""
SUBSTITUTE_HOPS = 2
"""how far a chain of substitutes is followed (pull-up -> negatives -> band-assisted)"""


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
    """on a day without loaded back work: only the gentle mobility drills"""

    @property
    def rest_day(self) -> bool:
        return self.day.session is None


def today(athlete_id: int, on: date, knowledge: Knowledge, new_uow: UnitOfWorkFactory) -> TodayView:
    with new_uow() as uow:
        view = running_program(uow, athlete_id, knowledge=knowledge)
        day = locate(view.plan, on)
        recovery = _recovery(uow, view, on, knowledge)
        if day.session is None:
            return TodayView(view.athlete, on, day, recovery, ())
        if not recovery.back.loaded_back_work:
            return TodayView(view.athlete, on, day, recovery, _gentle_items(view, knowledge))
        items = tuple(
            _today_item(block, item, uow, view, day, recovery, knowledge)
            for block in day.session.blocks
            for item in block.items
        )
    return TodayView(view.athlete, on, day, recovery, items)


def _gentle_items(view: ProgramView, knowledge: Knowledge) -> tuple[TodayItem, ...]:
    """A day without loaded back work: the gentle mobility drills, dosed as in any warm-up."""
    items = []
    for slug in GENTLE_MOBILITY:
        if slug not in knowledge.catalogue:
            continue
        exercise = knowledge.catalogue.get(slug)
        block = block_of(exercise)
        dose = dose_for(exercise, block, view.plan.profile, knowledge.evidence)
        planned = PlanItem(
            exercise=slug,
            name=exercise.name,
            sets=dose.max_sets,
            reps=dose.reps,
            seconds=dose.seconds,
            per_side=exercise.unilateral,
            rir=None,
            rest_s=0,
            load_hint="",
            why=dose.reasons,
        )
        items.append(TodayItem(block, planned, exercise, None))
    return tuple(items)


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
    sessions = uow.sessions.performed(athlete_id, since=window_start)
    return assess_recovery(check_ins, last_session, on, knowledge.evidence, sessions)


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
    since = day.on - timedelta(days=PRESCRIPTION_WINDOW_DAYS)
    until = day.on - timedelta(days=1)
    days = uow.sets.exposure_days(athlete_id, exercise.slug, since, until)
    start = history_start(days, knowledge.evidence)
    logged = [] if start is None else uow.sets.sets_for(athlete_id, [exercise.slug], start, until)
    profile = view.plan.profile
    known = starting_set(view, exercise.slug)
    deload_week = day.week is not None and day.week.deload
    if deload_week and _reactive_deload_replaces(recovery, day):
        deload_week = False
        planned = _loading_week_item(view, day, planned)

    def prescribe_for(doing: Exercise, item: PlanItem, sets: list[LoggedSet]) -> Prescription:
        return prescribe(
            doing,
            item,
            group_exposures(sets),
            athlete=view.athlete,
            level=profile.level,
            goal=profile.goal,
            back_pain=profile.back_pain,
            deload_week=deload_week,
            known=known if doing is exercise else None,
            recovery=recovery,
            catalogue=knowledge.catalogue,
            evidence=knowledge.evidence,
            profile=profile,
        )

    prescription = prescribe_for(exercise, planned, logged)
    for _ in range(SUBSTITUTE_HOPS):
        # A regression, stall variation or next step is done in place of the planned lift: once
        # it has been logged since the planned lift last was, its own log decides what comes
        # next (negatives -> back to pull-ups), so a substitute is not prescribed forever.
        slug = prescription.substitute
        if slug is None or slug not in knowledge.catalogue:
            break
        last_planned = max((s.performed_on for s in logged), default=None)
        doing_sets = [
            s
            for s in uow.sets.sets_for(athlete_id, [slug], since=since, until=until)
            if last_planned is None or s.performed_on > last_planned
        ]
        if not doing_sets:
            break
        doing = knowledge.catalogue.get(slug)
        item = fitted_item(planned, doing, prescription)
        chained = prescribe_for(doing, item, doing_sets)
        # the step up from the substitute leads back to the planned lift when it is one of
        # the substitute's listed progressions (negatives -> chin-up as well as pull-up)
        back = chained.substitute == exercise.slug or (
            chained.substitute in doing.progressions and exercise.slug in doing.progressions
        )
        prescription = replace(
            chained,
            exercise=exercise.slug,
            substitute=None if back else (chained.substitute or doing.slug),
        )
        if back:
            rule = chained.why[0].rule_id if chained.why else "progression.overload_required"
            prescription = replace(
                prescription,
                instructions=f"Back to {exercise.name}: {doing.name} did its job.",
                why=(
                    Reason(rule, f"the top of the range on {doing.name}: back to {exercise.name}"),
                    *chained.why[1:],
                ),
            )
        if back or chained.substitute is None:
            break
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


def _reactive_deload_replaces(recovery: Recovery, day: DayInProgram) -> bool:
    """A reactive deload in force within two weeks before this planned deload week, or now."""
    assert day.week is not None
    since = day.week.starts_on - timedelta(days=PLANNED_DELOAD_REPLACED_WITHIN_DAYS)
    return recovery.deload or any(
        flag and since <= on <= day.on for on, flag in recovery.deload_changes
    )


def _loading_week_item(view: ProgramView, day: DayInProgram, planned: PlanItem) -> PlanItem:
    """The same exercise on the same weekday of the loading week before (the planner cut the
    deload week's sets); the deload week's own item when there is none."""
    assert day.week is not None
    before = [w for w in view.plan.weeks if w.number < day.week.number and not w.deload]
    for week in reversed(before):
        for session in week.sessions:
            if day.session is not None and session.day is not day.session.day:
                continue
            for item in session.items():
                if item.exercise == planned.exercise:
                    return item
    return planned

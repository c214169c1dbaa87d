"""Use cases: what an exercise of the running program can be swapped for, and swapping it.

A swap is stored as a record (`ProgramSwap`) next to the program, never by rewriting the plan the
program started with: the plan the athlete sees is that plan with their swaps applied, so a swap
back restores the planner's own items and the log keeps what was logged under the old exercise.
A swap takes effect from today, or from tomorrow when the old exercise is already logged today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from backbone.domain.athlete import Athlete
from backbone.domain.exercise import Exercise
from backbone.domain.exposures import group_exposures
from backbone.domain.planner.swap import SwapOption, check_swap, swap_options
from backbone.domain.program import ProgramSwap
from backbone.domain.progression.carry_over import CarriedSet, carry_over, transfer_factor
from backbone.services.accounts import UnitOfWorkFactory
from backbone.services.ports import Knowledge, UnitOfWork
from backbone.services.programs import ProgramView, running_program
from backbone.services.training import PRESCRIPTION_WINDOW_DAYS


@dataclass(frozen=True, slots=True)
class OptionView:
    option: SwapOption
    carries_over: bool
    """the athlete's recent sets of the swapped exercise set the new one's first load"""


@dataclass(frozen=True, slots=True)
class SwapOptionsView:
    athlete: Athlete
    exercise: Exercise
    from_on: date
    """the first day a swap made now would change"""
    options: tuple[OptionView, ...]


@dataclass(frozen=True, slots=True)
class SwapResult:
    athlete: Athlete
    swap: ProgramSwap
    replaced: Exercise
    replacement: Exercise
    option: SwapOption
    carried: CarriedSet | None
    own_history: bool
    """the replacement has recent sets of its own: its prescriptions continue from them"""
    sessions: int
    """program sessions from `swap.effective_on` that now have the replacement"""
    program: ProgramView


def options_for(
    athlete_id: int, slug: str, on: date, knowledge: Knowledge, new_uow: UnitOfWorkFactory
) -> SwapOptionsView:
    with new_uow() as uow:
        view = running_program(uow, athlete_id, knowledge=knowledge)
        exercise = knowledge.catalogue.get(slug)
        start = _first_day(uow, athlete_id, exercise.slug, on)
    found = swap_options(
        exercise.slug, view.program.plan, view.plan, start, knowledge.catalogue, knowledge.evidence
    )
    options = tuple(
        OptionView(o, transfer_factor(exercise, knowledge.catalogue.get(o.exercise)) is not None)
        for o in found
    )
    return SwapOptionsView(view.athlete, exercise, start, options)


def swap_exercise(
    athlete_id: int,
    slug: str,
    to_slug: str,
    on: date,
    knowledge: Knowledge,
    new_uow: UnitOfWorkFactory,
) -> SwapResult:
    catalogue, evidence = knowledge.catalogue, knowledge.evidence
    with new_uow() as uow:
        view = running_program(uow, athlete_id, knowledge=knowledge)
        program_id = view.program.program_id
        assert program_id is not None
        start = _first_day(uow, athlete_id, catalogue.get(slug).slug, on)
        old, new, option = check_swap(
            slug, to_slug, view.program.plan, view.plan, start, catalogue, evidence
        )
        since = on - timedelta(days=PRESCRIPTION_WINDOW_DAYS)
        own_history = bool(uow.sets.sets_for(athlete_id, [new.slug], since=since, until=on))
        carried = None
        if not own_history:
            logged = uow.sets.sets_for(athlete_id, [old.slug], since=since, until=on)
            carried = carry_over(old, new, group_exposures(logged), evidence)
        swap = uow.programs.add_swap(
            athlete_id,
            program_id,
            ProgramSwap(
                from_exercise=old.slug,
                to_exercise=new.slug,
                effective_on=start,
                carried=None if carried is None else carried.known,
            ),
        )
        after = running_program(uow, athlete_id, view.athlete, knowledge=knowledge)
        uow.commit()
    sessions = sum(
        1
        for week in after.plan.weeks
        for s in week.sessions
        if s.on >= start and any(i.exercise == new.slug for i in s.items())
    )
    return SwapResult(after.athlete, swap, old, new, option, carried, own_history, sessions, after)


def _first_day(uow: UnitOfWork, athlete_id: int, slug: str, on: date) -> date:
    """Today, unless the exercise is already logged today: then today's record stays as done."""
    done_today = uow.sets.sets_for(athlete_id, [slug], since=on, until=on)
    return on + timedelta(days=1) if done_today else on

"""Use cases: start a plan as the running program, and find where in it a given day falls."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from backbone.domain.athlete import Athlete, Units
from backbone.domain.errors import InputError, NotFound
from backbone.domain.exercise import Exercise
from backbone.domain.loads import lb_to_kg, logs_load_kg
from backbone.domain.program import KnownSet, Plan, RunningProgram, Session, Week
from backbone.domain.shorthand import parse_sets
from backbone.services.accounts import UnitOfWorkFactory
from backbone.services.ports import Knowledge, UnitOfWork

if TYPE_CHECKING:
    from backbone.services.planning import PlanRequest

KNOWN_SYNTAX = 'EXERCISE=SET, e.g. "chest_supported_row=60x10@2"'


@dataclass(frozen=True, slots=True)
class ProgramView:
    athlete: Athlete
    program: RunningProgram
    plan: Plan
    """the plan as the athlete now has it: `program.plan` with `program.swaps` applied"""


@dataclass(frozen=True, slots=True)
class DayInProgram:
    """Where a date falls in the running program."""

    on: date
    week: Week | None
    """None before the start or after the last week"""
    session: Session | None
    """None on a rest day"""
    next_session: Session | None


def start_program(
    athlete_id: int,
    request: PlanRequest,
    known: Sequence[str],
    knowledge: Knowledge,
    new_uow: UnitOfWorkFactory,
) -> ProgramView:
    # imported here: reading the running program (`today`, `log`) never loads the planner
    from backbone.services.planning import plan_training

    plan = plan_training(request, knowledge)
    with new_uow() as uow:
        athlete = uow.athletes.get(athlete_id)
        known_sets = tuple(_parse_known(text, knowledge, athlete) for text in known)
        program = uow.programs.add(
            RunningProgram(
                athlete_id=athlete_id,
                started_on=request.start_on,
                plan=plan,
                plan_options=_encode_request(request),
                known=known_sets,
            )
        )
        uow.commit()
    return ProgramView(athlete, program, plan)


def change_equipment(
    athlete_id: int,
    equipment: Sequence[str],
    knowledge: Knowledge,
    new_uow: UnitOfWorkFactory,
) -> ProgramView:
    """The running program planned again for other equipment: the same choices and the same
    start day, so the weeks and today's session keep their place and the logged sets their
    meaning. The plan is made before anything is stored: unknown equipment stores nothing."""
    from backbone.services.planning import plan_training

    with new_uow() as uow:
        current = running_program(uow, athlete_id, knowledge=knowledge)
    request = replace(
        decode_request(current.program.plan_options), equipment=("bodyweight", *equipment)
    )
    plan = plan_training(request, knowledge)
    with new_uow() as uow:
        program = uow.programs.add(
            RunningProgram(
                athlete_id=athlete_id,
                started_on=current.program.started_on,
                plan=plan,
                plan_options=_encode_request(request),
                known=current.program.known,
            )
        )
        uow.commit()
    return ProgramView(current.athlete, program, plan)


NO_PROGRAM = "start_program"
"""`details["next_step"]` of the NotFound for "no running program": each interface says how"""


def running_program(
    uow: UnitOfWork,
    athlete_id: int,
    athlete: Athlete | None = None,
    *,
    knowledge: Knowledge,
) -> ProgramView:
    """The athlete's running program, with their swaps applied; `athlete`, when the caller has
    just read it, is not read again."""
    if athlete is None or athlete.athlete_id != athlete_id:
        athlete = uow.athletes.get(athlete_id)
    program = uow.programs.current(athlete_id)
    if program is None:
        raise NotFound(
            "No running program yet: start one first (it takes the same choices as a plan).",
            {"athlete_id": athlete_id, "next_step": NO_PROGRAM},
        )
    if not program.swaps:
        return ProgramView(athlete, program, program.plan)
    # imported here: a program nobody swapped in never loads the swap rules
    from backbone.domain.planner.swap import apply_swaps

    plan = apply_swaps(program.plan, program.swaps, knowledge.catalogue, knowledge.evidence)
    return ProgramView(athlete, program, plan)


def show_program(new_uow: UnitOfWorkFactory, athlete_id: int, knowledge: Knowledge) -> ProgramView:
    with new_uow() as uow:
        return running_program(uow, athlete_id, knowledge=knowledge)


def locate(plan: Plan, on: date) -> DayInProgram:
    """The week and session for `on`, and the next session after it (if the program has one)."""
    sessions = [s for week in plan.weeks for s in week.sessions]
    week = next(
        (w for w in plan.weeks if w.starts_on <= on < w.starts_on + timedelta(days=7)), None
    )
    today = next((s for s in sessions if s.on == on), None)
    upcoming = next((s for s in sessions if s.on > on), None)
    return DayInProgram(on, week, today, upcoming)


def _parse_known(text: str, knowledge: Knowledge, athlete: Athlete) -> KnownSet:
    name, sep, shorthand = text.partition("=")
    if not sep or not name.strip() or not shorthand.strip():
        raise InputError(
            f"Cannot read the known set '{text}'. Use {KNOWN_SYNTAX}.",
            {"field": "known", "value": text},
        )
    exercise = knowledge.catalogue.get(name.strip())
    parsed = parse_sets(shorthand.split())
    if len(parsed) != 1:
        raise InputError(
            f"A known set is one set per exercise; got '{shorthand}'.",
            {"field": "known", "value": text},
        )
    one = parsed[0]
    to_kg = lb_to_kg if athlete.units is Units.LB else float
    _check_load_style(exercise, one.load is None and one.seconds is None, text)
    return KnownSet(
        exercise=exercise.slug,
        load_kg=None if one.load is None else round(to_kg(one.load), 3),
        added_kg=None if one.added is None else round(to_kg(one.added), 3),
        reps=one.reps,
        seconds=one.seconds,
        rir=one.rir,
    )


def _check_load_style(exercise: Exercise, logged_as_bodyweight: bool, text: str) -> None:
    if not logs_load_kg(exercise) and not logged_as_bodyweight:
        raise InputError(
            f"{exercise.name} is a bodyweight exercise: give it as bwx8, bw+10x6 or bw-20x8 "
            f"(in '{text}').",
            {"exercise": exercise.slug},
        )


def _encode_request(request: PlanRequest) -> tuple[tuple[str, str], ...]:
    values = asdict(request)
    values["start_on"] = request.start_on.isoformat()
    return tuple((name, json.dumps(values[name])) for name in sorted(values))


def decode_request(options: tuple[tuple[str, str], ...]) -> PlanRequest:
    """The plan request a program was started with (see `_encode_request`); choices added to
    PlanRequest since then take their defaults."""
    from backbone.services.planning import PlanRequest

    stored = dict(options)
    values: dict[str, object] = {}
    for known in fields(PlanRequest):
        if known.name not in stored:
            continue
        value = json.loads(stored[known.name])
        values[known.name] = tuple(value) if isinstance(value, list) else value
    values["start_on"] = date.fromisoformat(str(values["start_on"]))
    return PlanRequest(**values)  # type: ignore[arg-type]

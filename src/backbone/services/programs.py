"""Use cases: start a plan as the running program, and find where in it a given day falls."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date, timedelta
from functools import lru_cache

from backbone.domain.athlete import Athlete, Units
from backbone.domain.errors import InputError, NotFound
from backbone.domain.exercise import Exercise
from backbone.domain.loads import lb_to_kg, logs_load_kg
from backbone.domain.program import KnownSet, Plan, RunningProgram, Session, Week
from backbone.domain.shorthand import parse_sets
from backbone.services.athletes import DEFAULT_ATHLETE, UnitOfWorkFactory, current_athlete
from backbone.services.documents import plan_document
from backbone.services.plan_reader import plan_from_document
from backbone.services.planning import PlanRequest, plan_training, profile_of
from backbone.services.ports import Knowledge, UnitOfWork

KNOWN_SYNTAX = 'EXERCISE=SET, e.g. --known "chest_supported_row=60x10@2"'


@dataclass(frozen=True, slots=True)
class ProgramView:
    athlete: Athlete
    program: RunningProgram
    plan: Plan


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
    request: PlanRequest,
    known: Sequence[str],
    knowledge: Knowledge,
    new_uow: UnitOfWorkFactory,
    athlete_name: str = DEFAULT_ATHLETE,
) -> ProgramView:
    plan = plan_training(request, knowledge)
    with new_uow() as uow:
        athlete = current_athlete(uow, athlete_name)
        assert athlete.athlete_id is not None
        known_sets = tuple(_parse_known(text, knowledge, athlete) for text in known)
        program = uow.programs.add(
            RunningProgram(
                athlete_id=athlete.athlete_id,
                started_on=request.start_on,
                plan_options=_encode_request(request),
                plan_document=json.dumps(plan_document(plan, knowledge.evidence), sort_keys=True),
                known=known_sets,
            )
        )
        uow.commit()
    return ProgramView(athlete, program, plan)


def running_program(
    uow: UnitOfWork, knowledge: Knowledge, athlete_name: str = DEFAULT_ATHLETE
) -> ProgramView:
    athlete = current_athlete(uow, athlete_name)
    assert athlete.athlete_id is not None
    program = uow.programs.current(athlete.athlete_id)
    if program is None:
        raise NotFound(
            "No running program yet. Start one with `backbone program start` "
            "(same options as `backbone plan`).",
            {"athlete": athlete.name},
        )
    return ProgramView(athlete, program, _stored_plan(program.plan_options, program.plan_document))


@lru_cache(maxsize=8)
def _stored_plan(options: tuple[tuple[str, str], ...], document: str) -> Plan:
    """Decoding a stored plan costs a few ms; a process that logs many sets decodes it once."""
    return plan_from_document(json.loads(document), profile_of(_decode_request(options)))


def show_program(
    knowledge: Knowledge, new_uow: UnitOfWorkFactory, athlete_name: str = DEFAULT_ATHLETE
) -> ProgramView:
    with new_uow() as uow:
        return running_program(uow, knowledge, athlete_name)


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
        raise InputError(f"Cannot read --known '{text}'. Use {KNOWN_SYNTAX}.", {"known": text})
    exercise = knowledge.catalogue.get(name.strip())
    parsed = parse_sets(shorthand.split())
    if len(parsed) != 1:
        raise InputError(f"--known takes one set per exercise; got '{shorthand}'.", {"known": text})
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


def _decode_request(options: tuple[tuple[str, str], ...]) -> PlanRequest:
    values = {name: json.loads(raw) for name, raw in options}
    known = {f.name for f in fields(PlanRequest)}
    values = {k: v for k, v in values.items() if k in known}
    values["start_on"] = date.fromisoformat(values["start_on"])
    for sequence in ("equipment", "on_days", "red_flags"):
        if values.get(sequence) is not None:
            values[sequence] = tuple(values[sequence])
    return PlanRequest(**values)

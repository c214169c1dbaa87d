"""Use cases: log sets, undo the last entry, read the history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from backbone.domain.athlete import Athlete, Units
from backbone.domain.errors import InputError, NotFound
from backbone.domain.exercise import Exercise
from backbone.domain.history import LogEntry, LoggedSet, RangeDone
from backbone.domain.loads import lb_to_kg, logs_load_kg
from backbone.domain.planner.candidates import block_of
from backbone.domain.progression import Prescription
from backbone.domain.shorthand import ParsedSet, parse_sets
from backbone.domain.strength import PersonalRecord, new_records, set_e1rm_kg
from backbone.domain.vocabulary import MeasuredBy
from backbone.services.athletes import DEFAULT_ATHLETE, UnitOfWorkFactory, current_athlete
from backbone.services.ports import Knowledge, UnitOfWork
from backbone.services.programs import running_program
from backbone.services.training import PRESCRIBED_BLOCKS, prescription_after

PAIN_RANGE = (0, 10)
NOTE_MAX_CHARS = 500


@dataclass(frozen=True, slots=True)
class LogResult:
    athlete: Athlete
    exercise: Exercise
    entry: LogEntry
    records: tuple[PersonalRecord, ...]
    best_e1rm_kg: float | None
    next: Prescription | None
    """None when no running program includes the exercise again"""


def resolve_exercise(name: str, knowledge: Knowledge) -> Exercise:
    """Slug, alias, or an unambiguous prefix of a slug or name."""
    try:
        return knowledge.catalogue.get(name)
    except NotFound as missing:
        key = name.strip().lower().replace("-", "_").replace(" ", "_")
        if len(key) >= 3:
            matches = [
                e
                for e in knowledge.catalogue
                if e.slug.startswith(key)
                or e.name.lower().replace("-", "_").replace(" ", "_").startswith(key)
            ]
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                names = ", ".join(sorted(e.slug for e in matches)[:8])
                raise InputError(
                    f"'{name}' could be several exercises: {names}. Type more of the name.",
                    {"exercise": name, "matches": sorted(e.slug for e in matches)},
                ) from None
        raise missing


def log_sets(
    exercise_name: str,
    tokens: Sequence[str],
    *,
    on: date,
    now: datetime,
    knowledge: Knowledge,
    new_uow: UnitOfWorkFactory,
    partial: bool = False,
    pain: int | None = None,
    note: str = "",
    in_lb: bool | None = None,
    athlete_name: str = DEFAULT_ATHLETE,
    include_next: bool = True,
) -> LogResult:
    """Validate everything first, then write the whole entry in one transaction.

    With `include_next` (what the CLI shows), the exercise's next target is worked out afterwards
    in the same connection; bulk importers can skip it.
    """
    exercise = resolve_exercise(exercise_name, knowledge)
    parsed = parse_sets(tokens)
    if pain is not None and not PAIN_RANGE[0] <= pain <= PAIN_RANGE[1]:
        raise InputError(f"--pain must be 0-10; got {pain}.", {"field": "pain", "value": pain})
    if len(note) > NOTE_MAX_CHARS:
        raise InputError(f"--note is limited to {NOTE_MAX_CHARS} characters.", {"field": "note"})
    for one in parsed:
        _check_fits(exercise, one)
    with new_uow() as uow:
        athlete = current_athlete(uow, athlete_name)
        assert athlete.athlete_id is not None
        use_lb = in_lb if in_lb is not None else athlete.units is Units.LB
        sets = tuple(
            _to_logged(exercise, one, position, on, partial, pain, note, use_lb)
            for position, one in enumerate(parsed, start=1)
        )
        before = uow.sets.sets_for(athlete.athlete_id, [exercise.slug], until=on)
        entry = uow.sets.add_entry(LogEntry(athlete.athlete_id, exercise.slug, on, now, sets))
        uow.commit()
        upcoming = (
            _next_target(uow, exercise, on, knowledge, athlete_name) if include_next else None
        )
    records = new_records(before, sets, exercise, athlete.bodyweight_kg)
    e1rms = [v for s in sets if (v := set_e1rm_kg(s, exercise, athlete.bodyweight_kg)) is not None]
    return LogResult(athlete, exercise, entry, records, max(e1rms, default=None), upcoming)


def _next_target(
    uow: UnitOfWork, exercise: Exercise, on: date, knowledge: Knowledge, athlete_name: str
) -> Prescription | None:
    """What changed for next time, read in the logging transaction (no second program lookup)."""
    if block_of(exercise) not in PRESCRIBED_BLOCKS:
        return None
    try:
        view = running_program(uow, knowledge, athlete_name)
    except NotFound:
        return None
    return prescription_after(uow, view, exercise, on, True, knowledge)


def undo_last(new_uow: UnitOfWorkFactory, athlete_name: str = DEFAULT_ATHLETE) -> LogEntry:
    with new_uow() as uow:
        athlete = current_athlete(uow, athlete_name)
        assert athlete.athlete_id is not None
        last = uow.sets.last_entry(athlete.athlete_id)
        if last is None or last.entry_id is None:
            raise NotFound("Nothing to undo: the training log is empty.", {})
        uow.sets.delete_entry(last.entry_id)
        uow.commit()
    return last


def history(
    new_uow: UnitOfWorkFactory,
    knowledge: Knowledge,
    *,
    exercise: str | None = None,
    since: date | None = None,
    athlete_name: str = DEFAULT_ATHLETE,
) -> tuple[Athlete, list[LogEntry]]:
    slug = resolve_exercise(exercise, knowledge).slug if exercise else None
    with new_uow() as uow:
        athlete = current_athlete(uow, athlete_name)
        assert athlete.athlete_id is not None
        entries = uow.sets.entries(athlete.athlete_id, since=since)
    if slug is not None:
        entries = [e for e in entries if e.exercise == slug]
    return athlete, entries


def _check_fits(exercise: Exercise, one: ParsedSet) -> None:
    if exercise.measured_by is MeasuredBy.SECONDS and one.seconds is None:
        raise InputError(
            f"{exercise.name} is a timed hold: log seconds, e.g. 45s (or w:20s for a warm-up).",
            {"exercise": exercise.slug},
        )
    if exercise.measured_by is MeasuredBy.REPS and one.reps is None:
        raise InputError(
            f"{exercise.name} is counted in reps: log e.g. 60x8@2 or bwx10.",
            {"exercise": exercise.slug},
        )
    if logs_load_kg(exercise) and one.reps is not None and one.load is None:
        raise InputError(
            f"{exercise.name} takes a load: log e.g. 60x8@2 (load x reps @ reps in reserve).",
            {"exercise": exercise.slug},
        )
    if not logs_load_kg(exercise) and one.load is not None:
        raise InputError(
            f"{exercise.name} is a bodyweight exercise: log it as bwx8, bw+10x6 (weight added) or "
            "bw-20x8 (assisted).",
            {"exercise": exercise.slug},
        )


def _to_logged(
    exercise: Exercise,
    one: ParsedSet,
    position: int,
    on: date,
    partial: bool,
    pain: int | None,
    note: str,
    in_lb: bool,
) -> LoggedSet:
    to_kg = lb_to_kg if in_lb else float
    return LoggedSet(
        exercise=exercise.slug,
        performed_on=on,
        position=position,
        set_type=one.set_type,
        load_kg=None if one.load is None else round(to_kg(one.load), 3),
        added_kg=None if one.added is None else round(to_kg(one.added), 3),
        reps=one.reps,
        seconds=one.seconds,
        rir=one.rir,
        range_done=RangeDone.PARTIAL if partial else RangeDone.FULL,
        pain=pain,
        note=note.strip(),
    )

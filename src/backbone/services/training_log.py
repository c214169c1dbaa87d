"""Use cases: log sets, undo the last entry, read the history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from backbone.domain.athlete import Athlete, Units
from backbone.domain.errors import Conflict, InputError, NotFound
from backbone.domain.exercise import Exercise
from backbone.domain.history import LogEntry, LoggedSet, RangeDone
from backbone.domain.inputs import (
    MAX_NOTE_CHARS,
    check_assistance_kg,
    check_date,
    check_increment,
    check_int,
    check_note,
)
from backbone.domain.loads import lb_to_kg, logs_load_kg
from backbone.domain.planner.candidates import block_of
from backbone.domain.progression import Prescription
from backbone.domain.shorthand import MAX_LOAD, ParsedSet, parse_sets
from backbone.domain.strength import PersonalRecord, new_records, set_e1rm_kg
from backbone.domain.vocabulary import BackPain, MeasuredBy
from backbone.services.accounts import UnitOfWorkFactory
from backbone.services.paging import Paged, Window
from backbone.services.ports import Knowledge, UnitOfWork
from backbone.services.programs import running_program, switch_back_pain
from backbone.services.training import PRESCRIBED_BLOCKS, prescription_after

PAIN_RANGE = (0, 10)
PAIN_RULE = "safety.pain_monitoring"
NOTE_MAX_CHARS = MAX_NOTE_CHARS


@dataclass(frozen=True, slots=True)
class LogResult:
    athlete: Athlete
    exercise: Exercise
    entry: LogEntry
    records: tuple[PersonalRecord, ...]
    best_e1rm_kg: float | None
    next: Prescription | None
    """None when no running program includes the exercise again"""
    replayed: bool = False
    """True when the idempotency key had been used: the stored entry, nothing written"""
    back_pain_switched: str | None = None
    """the program's new back-pain status when this entry's pain switched it (said once)"""


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
    athlete_id: int,
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
    include_next: bool = True,
    source: str = "cli",
    idempotency_key: str | None = None,
) -> LogResult:
    """Validate and compute everything first, then write the whole entry in one transaction.

    With `include_next` (what the CLI shows), the exercise's next target is worked out in the same
    transaction, after the entry is added and before it commits: a failure there rolls the entry
    back, so a non-zero exit never leaves a stored entry behind (a retry would duplicate it).
    Bulk importers can skip it. An `idempotency_key` already stored for
    the athlete returns that entry again (`replayed`) and writes nothing: a client retrying on a
    bad connection logs once.
    """
    check_date(on, "date")
    exercise = resolve_exercise(exercise_name, knowledge)
    parsed = parse_sets(tokens)
    if pain is not None:
        check_int(pain, "pain", *PAIN_RANGE)
    note = check_note(note)
    for one in parsed:
        _check_fits(exercise, one)
    with new_uow() as uow:
        athlete = uow.athletes.get(athlete_id)
        if idempotency_key is not None:
            stored = uow.sets.entry_by_key(athlete_id, idempotency_key)
            if stored is not None:
                return _replayed(
                    stored, athlete, exercise, tokens_match=stored.exercise == exercise.slug
                )
        use_lb = in_lb if in_lb is not None else athlete.units is Units.LB
        for one in parsed:
            _check_amounts(one, use_lb, athlete.bodyweight_kg)
        sets = tuple(
            _to_logged(exercise, one, position, on, partial, pain, note, use_lb)
            for position, one in enumerate(parsed, start=1)
        )
        before = uow.sets.record_candidates(athlete_id, exercise.slug, until=on)
        try:
            entry = uow.sets.add_entry(
                LogEntry(
                    athlete_id,
                    exercise.slug,
                    on,
                    now,
                    sets,
                    source=source,
                    idempotency_key=idempotency_key,
                )
            )
        except Conflict:
            # another request with the same key committed first (PostgreSQL lets both read
            # "no such key" before either writes): answer with what it stored
            stored = (
                uow.sets.entry_by_key(athlete_id, idempotency_key)
                if idempotency_key is not None
                else None
            )
            if stored is None:
                raise
            return _replayed(
                stored, athlete, exercise, tokens_match=stored.exercise == exercise.slug
            )
        switched = _switch_to_history(uow, athlete, pain, knowledge)
        # read in the logging transaction: it sees the new entry; nothing is committed yet
        upcoming = _next_target(uow, athlete, exercise, on, knowledge) if include_next else None
        records = new_records(before, sets, exercise, athlete.bodyweight_kg)
        e1rms = [
            v for s in sets if (v := set_e1rm_kg(s, exercise, athlete.bodyweight_kg)) is not None
        ]
        uow.commit()
    return LogResult(
        athlete,
        exercise,
        entry,
        records,
        max(e1rms, default=None),
        upcoming,
        back_pain_switched=None if switched is None else switched.value,
    )


def _switch_to_history(
    uow: UnitOfWork, athlete: Athlete, pain: int | None, knowledge: Knowledge
) -> BackPain | None:
    """Back pain above the green zone logged by someone whose program says "no back pain": the
    program is planned again with the history rules (safety.pain_monitoring applies to history
    and current pain, not to none). Returns the new status, once; None when nothing changed."""
    if pain is None or athlete.athlete_id is None:
        return None
    if pain <= knowledge.evidence.integer(PAIN_RULE, "green_max"):
        return None
    try:
        view = running_program(uow, athlete.athlete_id, athlete, knowledge=knowledge)
    except NotFound:
        return None
    if view.plan.profile.back_pain is not BackPain.NONE:
        return None
    switch_back_pain(uow, view, BackPain.HISTORY, knowledge)
    return BackPain.HISTORY


def _check_amounts(one: ParsedSet, in_lb: bool, bodyweight_kg: float | None) -> None:
    """Loads at least the smallest real increment in the unit typed; assistance below the body."""
    to_kg = lb_to_kg if in_lb else float
    if one.load is not None:
        check_increment(one.load, "sets", in_lb, MAX_LOAD)
    if one.added is not None and one.added > 0:
        check_increment(one.added, "sets", in_lb, MAX_LOAD)
    if one.added is not None and one.added < 0:
        check_increment(-one.added, "sets", in_lb, MAX_LOAD)
        check_assistance_kg(to_kg(-one.added), bodyweight_kg, "sets")


def _replayed(
    stored: LogEntry, athlete: Athlete, exercise: Exercise, *, tokens_match: bool
) -> LogResult:
    if not tokens_match:
        raise Conflict(
            "That idempotency key was already used for a different exercise.",
            {"idempotency_key": stored.idempotency_key, "exercise": stored.exercise},
        )
    return LogResult(athlete, exercise, stored, (), None, None, replayed=True)


def _next_target(
    uow: UnitOfWork, athlete: Athlete, exercise: Exercise, on: date, knowledge: Knowledge
) -> Prescription | None:
    """What changed for next time, read in the logging transaction (no second program lookup)."""
    if block_of(exercise) not in PRESCRIBED_BLOCKS or athlete.athlete_id is None:
        return None
    try:
        view = running_program(uow, athlete.athlete_id, athlete, knowledge=knowledge)
    except NotFound:
        return None
    return prescription_after(uow, view, exercise, on, True, knowledge)


def undo_last(new_uow: UnitOfWorkFactory, athlete_id: int) -> LogEntry:
    with new_uow() as uow:
        last = uow.sets.last_entry(athlete_id)
        if last is None or last.entry_id is None:
            raise NotFound("Nothing to undo: the training log is empty.", {})
        uow.sets.delete_entry(athlete_id, last.entry_id)
        uow.commit()
    return last


def delete_entry(new_uow: UnitOfWorkFactory, athlete_id: int, entry_id: int) -> None:
    """Delete one of the athlete's entries with its sets (NotFound for anyone else's)."""
    with new_uow() as uow:
        uow.sets.delete_entry(athlete_id, entry_id)
        uow.commit()


def edit_set(
    new_uow: UnitOfWorkFactory,
    knowledge: Knowledge,
    athlete_id: int,
    entry_id: int,
    position: int,
    token: str,
    *,
    in_lb: bool | None = None,
    partial: bool | None = None,
    pain: int | None = None,
    note: str | None = None,
) -> LogEntry:
    """Change one set of an entry to what `token` says (same shorthand as logging); partial,
    pain and note stay as they were unless given. NotFound for anyone else's entry."""
    parsed = parse_sets([token])
    if len(parsed) != 1:
        raise InputError(
            f"Give exactly one set to replace set {position}; '{token}' is {len(parsed)}.",
            {"field": "set", "value": token},
        )
    if pain is not None and not PAIN_RANGE[0] <= pain <= PAIN_RANGE[1]:
        raise InputError(f"pain must be 0-10; got {pain}.", {"field": "pain", "value": pain})
    if note is not None and len(note) > NOTE_MAX_CHARS:
        raise InputError(f"A note is limited to {NOTE_MAX_CHARS} characters.", {"field": "note"})
    with new_uow() as uow:
        entry = uow.sets.entry(athlete_id, entry_id)
        if entry is None:
            raise NotFound(f"No log entry with id {entry_id}.", {"entry_id": entry_id})
        old = next((s for s in entry.sets if s.position == position), None)
        if old is None:
            raise NotFound(
                f"Log entry {entry_id} has no set {position}.",
                {"entry_id": entry_id, "position": position},
            )
        exercise = knowledge.catalogue.get(entry.exercise)
        _check_fits(exercise, parsed[0])
        athlete = uow.athletes.get(athlete_id)
        use_lb = in_lb if in_lb is not None else athlete.units is Units.LB
        changed = _to_logged(
            exercise,
            parsed[0],
            position,
            entry.performed_on,
            old.range_done is RangeDone.PARTIAL if partial is None else partial,
            old.pain if pain is None else pain,
            old.note if note is None else note,
            use_lb,
        )
        uow.sets.replace_set(athlete_id, entry_id, changed)
        uow.commit()
        stored = uow.sets.entry(athlete_id, entry_id)
    assert stored is not None
    return stored


def entry(new_uow: UnitOfWorkFactory, athlete_id: int, entry_id: int) -> LogEntry:
    with new_uow() as uow:
        found = uow.sets.entry(athlete_id, entry_id)
    if found is None:
        raise NotFound(f"No log entry with id {entry_id}.", {"entry_id": entry_id})
    return found


def history(
    new_uow: UnitOfWorkFactory,
    knowledge: Knowledge,
    athlete_id: int,
    *,
    exercise: str | None = None,
    since: date | None = None,
) -> tuple[Athlete, list[LogEntry]]:
    with new_uow() as uow:
        athlete = uow.athletes.get(athlete_id)
        entries = uow.sets.entries(athlete_id, since=since)
        slug = _history_slug(uow, knowledge, athlete_id, exercise)
    if slug is not None:
        entries = [e for e in entries if e.exercise == slug]
    return athlete, entries


def history_page(
    new_uow: UnitOfWorkFactory,
    knowledge: Knowledge,
    athlete_id: int,
    window: Window,
    *,
    exercise: str | None = None,
    since: date | None = None,
) -> Paged[LogEntry]:
    """One window of `history` (same order and filters), cut by the database, with the total."""
    with new_uow() as uow:
        uow.athletes.get(athlete_id)
        slug = _history_slug(uow, knowledge, athlete_id, exercise)
        found = uow.sets.entries_page(athlete_id, window, exercise=slug, since=since)
        total = uow.sets.count_entries(athlete_id, exercise=slug, since=since)
    return Paged(found, total)


def _history_slug(
    uow: UnitOfWork, knowledge: Knowledge, athlete_id: int, exercise: str | None
) -> str | None:
    if not exercise:
        return None
    # an exercise of the athlete's own (from an import) by its slug or name, else the catalogue's
    own = uow.own_exercises.for_athlete(athlete_id)
    wanted = exercise.strip().casefold()
    mine = next((o for o in own if wanted in (o.slug, o.name.casefold())), None)
    return mine.slug if mine is not None else resolve_exercise(exercise, knowledge).slug


def _check_fits(exercise: Exercise, one: ParsedSet) -> None:
    if exercise.measured_by is MeasuredBy.SECONDS and logs_load_kg(exercise):
        if one.seconds is None or one.load is None:
            raise InputError(
                f"{exercise.name} is carried or held with a load for a time: log load x seconds, "
                "e.g. 24x40s (or w:12x20s for a warm-up).",
                {"exercise": exercise.slug},
            )
        return
    if exercise.measured_by is MeasuredBy.SECONDS and one.seconds is None:
        raise InputError(
            f"{exercise.name} is a timed hold: log seconds, e.g. 45s (or w:20s for a warm-up; "
            "bw+10x30s with weight added).",
            {"exercise": exercise.slug},
        )
    if exercise.measured_by is MeasuredBy.REPS and one.seconds is not None:
        raise InputError(
            f"{exercise.name} is counted in reps, not seconds: log e.g. 60x8@2 or bwx10.",
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

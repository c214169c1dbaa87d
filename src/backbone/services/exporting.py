"""Use cases: take your history out (Backbone CSV, Strong CSV, a complete JSON backup), restore a
backup, and the running program as a calendar.

The CSV rows come out in the order an import reads them back in (workouts oldest first, each
exercise's sets together, numbered as the importer numbers them), so export -> import into an
empty database -> export gives the same file. The JSON backup holds everything of one athlete:
settings, own exercises, programs as stored, entries with their sets, sessions, check-ins and
endurance tests; `backbone import` restores it into an athlete with no history.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Final

from backbone.domain.athlete import Athlete, Units
from backbone.domain.endurance import EnduranceResult, Side
from backbone.domain.errors import Conflict, InputError, NotFound
from backbone.domain.history import (
    CheckIn,
    ImportRecord,
    LogEntry,
    LoggedSet,
    PerformedSession,
    Prescribed,
    RangeDone,
    SetType,
)
from backbone.domain.own_exercise import Movement, OwnExercise
from backbone.domain.program import KnownSet, ProgramSwap
from backbone.domain.vocabulary import Muscle, SpinalLoad
from backbone.exporters.backbone_csv import write_backbone_csv
from backbone.exporters.backup import BackupData, backup_text, open_backup, seal_backup
from backbone.exporters.rows import ExportedSet
from backbone.exporters.strong_csv import write_strong_csv
from backbone.services.accounts import UnitOfWorkFactory
from backbone.services.ports import Knowledge, StoredProgram, UnitOfWork

if TYPE_CHECKING:
    from backbone.services.importing import ImportReport

BACKUP_SOURCE: Final = "backup"


class ExportFormat(StrEnum):
    CSV = "csv"
    JSON = "json"
    STRONG = "strong"


@dataclass(frozen=True, slots=True)
class Export:
    format: ExportFormat
    text: str
    sets: int
    entries: int

    @property
    def suffix(self) -> str:
        return ".json" if self.format is ExportFormat.JSON else ".csv"


def export_history(
    athlete_id: int,
    export_format: str,
    *,
    now: datetime,
    knowledge: Knowledge,
    new_uow: UnitOfWorkFactory,
) -> Export:
    try:
        chosen = ExportFormat(export_format.strip().lower())
    except ValueError:
        raise InputError(
            f"Unknown export format {export_format!r}: csv, json or strong.",
            {"field": "format", "value": export_format},
        ) from None
    with new_uow() as uow:
        athlete = uow.athletes.get(athlete_id)
        entries = uow.sets.entries(athlete_id)
        own = uow.own_exercises.for_athlete(athlete_id)
        data = _backup_data(uow, athlete, entries, own) if chosen is ExportFormat.JSON else None
    sets = sum(len(e.sets) for e in entries)
    if data is not None:
        return Export(chosen, backup_text(seal_backup(data, now)), sets, len(entries))
    names = {e.slug: e.name for e in knowledge.catalogue}
    names.update({o.slug: o.name for o in own})
    rows = export_rows(entries, lambda slug: names.get(slug, slug))
    out = io.StringIO()
    write = write_backbone_csv if chosen is ExportFormat.CSV else write_strong_csv
    write(rows, out, units=athlete.units)
    return Export(chosen, out.getvalue(), sets, len(entries))


def export_rows(entries: list[LogEntry], name_of: Callable[[str], str]) -> list[ExportedSet]:
    """One row per set, in import order: workouts by day and start time (ties as stored), each
    exercise's sets together within its workout, positions counted as the importer counts them."""
    workouts: dict[tuple[str, str], list[LogEntry]] = {}
    for entry in entries:
        when = entry.started_at.isoformat() if entry.started_at else entry.performed_on.isoformat()
        workouts.setdefault((when, entry.workout), []).append(entry)

    def chronological(group: list[LogEntry]) -> tuple[date, time]:
        first = group[0]
        return first.performed_on, first.started_at.time() if first.started_at else time.min

    rows: list[ExportedSet] = []
    for group in sorted(workouts.values(), key=chronological):
        by_name: dict[str, list[tuple[LogEntry, LoggedSet]]] = {}
        for entry in group:
            for one in entry.sets:
                by_name.setdefault(name_of(one.exercise).casefold(), []).append((entry, one))
        for sets in by_name.values():
            for position, (entry, one) in enumerate(sets, start=1):
                rows.append(
                    ExportedSet(
                        performed_on=group[0].performed_on,
                        started_at=entry.started_at,
                        workout=entry.workout,
                        exercise=one.exercise,
                        exercise_name=name_of(one.exercise),
                        position=position,
                        set_type=one.set_type,
                        load_kg=one.load_kg,
                        added_kg=one.added_kg,
                        reps=one.reps,
                        seconds=one.seconds,
                        distance_m=one.distance_m,
                        rir=one.rir,
                        range_done=one.range_done,
                        pain=one.pain,
                        notes=one.note,
                        prescribed=one.prescribed,
                    )
                )
    return rows


# --- the JSON backup ---------------------------------------------------------------------------


def _backup_data(
    uow: UnitOfWork, athlete: Athlete, entries: list[LogEntry], own: list[OwnExercise]
) -> BackupData:
    athlete_id = athlete.athlete_id
    assert athlete_id is not None
    return BackupData(
        athlete={
            "name": athlete.name,
            "units": athlete.units.value,
            "bodyweight_kg": athlete.bodyweight_kg,
            "plates_kg": list(athlete.plates_kg),
            "bar_kg": athlete.bar_kg,
            "dumbbell_step_kg": athlete.dumbbell_step_kg,
        },
        custom_exercises=[
            {
                "slug": o.slug,
                "name": o.name,
                "pattern": o.movement.value,
                "muscles": [[m.value, c] for m, c in o.muscles],
                "spinal_load": o.spinal_load.value,
                "source_name": o.source_name,
            }
            for o in own
        ],
        programs=[_program_json(p) for p in uow.programs.stored(athlete_id)],
        entries=[_entry_json(e) for e in entries],
        sessions=[
            {"on": s.on.isoformat(), "session_rpe": s.session_rpe, "duration_min": s.duration_min}
            for s in uow.sessions.performed(athlete_id)
        ],
        check_ins=[_check_in_json(c) for c in _all_check_ins(uow, athlete_id)],
        endurance_tests=[
            {
                "test": r.test,
                "value": r.value,
                "on": r.on.isoformat(),
                "side": None if r.side is None else r.side.value,
            }
            for r in uow.endurance.results(athlete_id)
        ],
        exercise_mappings=[
            [key, slug] for key, slug in sorted(uow.imports.mappings(athlete_id).items())
        ],
    )


def _all_check_ins(uow: UnitOfWork, athlete_id: int) -> list[CheckIn]:
    return uow.check_ins.recent(athlete_id, date.max, date.max.toordinal() - 1)


def _program_json(program: StoredProgram) -> dict[str, Any]:
    found: dict[str, Any] = {
        "started_on": program.started_on.isoformat(),
        "plan_options": [list(pair) for pair in program.plan_options],
        "plan_format": program.plan_format,
        "plan_document": program.plan_document,
        "known": [_known_json(k) for k in program.known],
    }
    if program.swaps:  # only then: a backup of a program never swapped keeps its old bytes
        found["swaps"] = [
            {
                "from_exercise": s.from_exercise,
                "to_exercise": s.to_exercise,
                "effective_on": s.effective_on.isoformat(),
                "carried": None if s.carried is None else _known_json(s.carried),
            }
            for s in program.swaps
        ]
    return found


def _known_json(known: KnownSet) -> dict[str, Any]:
    return asdict(known)


def _swap(raw: dict[str, Any]) -> ProgramSwap:
    carried = raw.get("carried")
    return ProgramSwap(
        from_exercise=str(raw["from_exercise"]),
        to_exercise=str(raw["to_exercise"]),
        effective_on=date.fromisoformat(raw["effective_on"]),
        carried=None if carried is None else KnownSet(**carried),
    )


def _entry_json(entry: LogEntry) -> dict[str, Any]:
    return {
        "exercise": entry.exercise,
        "performed_on": entry.performed_on.isoformat(),
        "logged_at": entry.logged_at.isoformat(),
        "source": entry.source,
        "idempotency_key": entry.idempotency_key,
        "started_at": None if entry.started_at is None else entry.started_at.isoformat(),
        "workout": entry.workout,
        "sets": [_set_json(s) for s in entry.sets],
    }


def _set_json(one: LoggedSet) -> dict[str, Any]:
    prescribed = one.prescribed
    return {
        "exercise": one.exercise,
        "performed_on": one.performed_on.isoformat(),
        "position": one.position,
        "set_type": one.set_type.value,
        "load_kg": one.load_kg,
        "added_kg": one.added_kg,
        "reps": one.reps,
        "seconds": one.seconds,
        "rir": one.rir,
        "range_done": one.range_done.value,
        "pain": one.pain,
        "note": one.note,
        "distance_m": one.distance_m,
        "prescribed": None
        if prescribed is None
        else {
            "load_kg": prescribed.load_kg,
            "reps": prescribed.reps,
            "seconds": prescribed.seconds,
            "rir": prescribed.rir,
        },
    }


def _check_in_json(check_in: CheckIn) -> dict[str, Any]:
    return {
        "on": check_in.on.isoformat(),
        "sleep_h": check_in.sleep_h,
        "back_pain": check_in.back_pain,
        "soreness": check_in.soreness,
        "readiness": check_in.readiness,
        "sleep_quality": check_in.sleep_quality,
        "red_flags": list(check_in.red_flags),
        "checked_at": None if check_in.checked_at is None else check_in.checked_at.isoformat(),
        "leg_symptoms": check_in.leg_symptoms,
    }


def restore_backup(
    athlete_id: int,
    text: str,
    file_name: str,
    *,
    dry_run: bool,
    now: datetime,
    new_uow: UnitOfWorkFactory,
) -> ImportReport:
    """Restore a JSON backup into an athlete with no history; one batch (`import undo` takes the
    entries back out). Returns an `ImportReport`."""
    from backbone.services.importing import ImportReport

    data = open_backup(text)
    try:
        restored = _Restored.read(athlete_id, data, now)
    except (KeyError, TypeError, ValueError) as error:
        raise InputError(
            f"The backup's data does not read as Backbone's ({type(error).__name__}: {error}).",
            {"file": file_name},
        ) from None
    sets = sum(len(e.sets) for e in restored.entries)
    counts = {
        "custom_exercises": len(restored.own),
        "programs": len(restored.programs),
        "entries": len(restored.entries),
        "sets": sets,
        "sessions": len(restored.sessions),
        "check_ins": len(restored.check_ins),
        "endurance_tests": len(restored.endurance),
        "exercise_mappings": len(restored.mappings),
    }
    batch_id = None
    with new_uow() as uow:
        athlete = uow.athletes.get(athlete_id)
        if uow.sets.entries(athlete_id) or uow.programs.current(athlete_id) is not None:
            raise Conflict(
                "A backup restores into an athlete with no history yet: this one already has "
                "logged sets or a program. Restore into a new database (BACKBONE_DB=...).",
                {"athlete_id": athlete_id},
            )
        if not dry_run:
            batch_id = _write_restore(uow, athlete, restored, file_name, now)
            uow.commit()
    return ImportReport(
        file_name=file_name,
        source=BACKUP_SOURCE,
        dialect="backbone/backup-v1",
        dry_run=dry_run,
        rows_read=sets,
        workouts_read=len({(e.performed_on, e.started_at, e.workout) for e in restored.entries}),
        workouts_imported=0
        if dry_run
        else len({(e.performed_on, e.started_at, e.workout) for e in restored.entries}),
        entries_imported=0 if dry_run else len(restored.entries),
        sets_imported=0 if dry_run else sets,
        sets_duplicate=0,
        skipped=(),
        mapping=(),
        lossy=(),
        batch_id=batch_id,
        restored=counts,
    )


def _write_restore(
    uow: UnitOfWork, athlete: Athlete, restored: _Restored, file_name: str, now: datetime
) -> int:
    athlete_id = athlete.athlete_id
    assert athlete_id is not None
    uow.athletes.update(restored.settings(athlete))
    for program in restored.programs:
        uow.programs.add_stored(program)
    for session in restored.sessions:
        uow.sessions.record(session)
    for check_in in restored.check_ins:
        uow.check_ins.add(check_in)
    for result in restored.endurance:
        uow.endurance.add(result)
    for key, slug in restored.mappings:
        uow.imports.remember_mapping(athlete_id, key, slug)
    record = uow.imports.add(
        ImportRecord(
            athlete_id=athlete_id,
            source=BACKUP_SOURCE,
            dialect="backbone/backup-v1",
            file_name=file_name[-500:],
            imported_at=now,
            rows_read=sum(len(e.sets) for e in restored.entries),
            entries_imported=len(restored.entries),
            sets_imported=sum(len(e.sets) for e in restored.entries),
            sets_duplicate=0,
            rows_skipped=0,
        )
    )
    assert record.batch_id is not None
    # the restore's batch created these, so undoing it removes the ones nothing else uses
    for own in restored.own:
        uow.own_exercises.add(replace(own, import_batch_id=record.batch_id))
    uow.sets.add_entries(
        athlete_id, [replace(e, import_batch_id=record.batch_id) for e in restored.entries]
    )
    return record.batch_id


@dataclass(frozen=True, slots=True)
class _Restored:
    athlete: Mapping[str, Any]
    own: list[OwnExercise]
    programs: list[StoredProgram]
    entries: list[LogEntry]
    sessions: list[PerformedSession]
    check_ins: list[CheckIn]
    endurance: list[EnduranceResult]
    mappings: list[tuple[str, str]]

    def settings(self, athlete: Athlete) -> Athlete:
        return replace(
            athlete,
            units=Units(self.athlete["units"]),
            bodyweight_kg=self.athlete["bodyweight_kg"],
            plates_kg=tuple(float(p) for p in self.athlete["plates_kg"]),
            bar_kg=float(self.athlete["bar_kg"]),
            dumbbell_step_kg=float(self.athlete["dumbbell_step_kg"]),
        )

    @classmethod
    def read(cls, athlete_id: int, data: BackupData, now: datetime) -> _Restored:
        Units(data["athlete"]["units"])  # checked before anything is written
        return cls(
            athlete=data["athlete"],
            own=[
                OwnExercise(
                    athlete_id=athlete_id,
                    slug=o["slug"],
                    name=o["name"],
                    movement=Movement(o["pattern"]),
                    muscles=tuple((Muscle(m), float(c)) for m, c in o["muscles"]),
                    spinal_load=SpinalLoad(o["spinal_load"]),
                    source_name=o["source_name"],
                )
                for o in data["custom_exercises"]
            ],
            programs=[
                StoredProgram(
                    athlete_id=athlete_id,
                    started_on=date.fromisoformat(p["started_on"]),
                    plan_options=tuple((str(k), str(v)) for k, v in p["plan_options"]),
                    plan_format=int(p["plan_format"]),
                    plan_document=str(p["plan_document"]),
                    known=tuple(KnownSet(**k) for k in p["known"]),
                    swaps=tuple(_swap(s) for s in p.get("swaps", ())),
                )
                for p in data["programs"]
            ],
            entries=[_entry(athlete_id, e) for e in data["entries"]],
            mappings=[(str(key), str(slug)) for key, slug in data.get("exercise_mappings", [])],
            sessions=[
                PerformedSession(
                    athlete_id, date.fromisoformat(s["on"]), s["session_rpe"], s["duration_min"]
                )
                for s in data["sessions"]
            ],
            check_ins=[
                CheckIn(
                    athlete_id=athlete_id,
                    on=date.fromisoformat(c["on"]),
                    sleep_h=c["sleep_h"],
                    back_pain=c["back_pain"],
                    soreness=c["soreness"],
                    readiness=c["readiness"],
                    sleep_quality=c["sleep_quality"],
                    red_flags=tuple(c["red_flags"]),
                    checked_at=None
                    if c["checked_at"] is None
                    else datetime.fromisoformat(c["checked_at"]),
                    # backups written before the question existed have no answer: "no"
                    leg_symptoms=bool(c.get("leg_symptoms", False)),
                )
                for c in data["check_ins"]
            ],
            endurance=[
                EnduranceResult(
                    athlete_id=athlete_id,
                    test=r["test"],
                    value=r["value"],
                    on=date.fromisoformat(r["on"]),
                    side=None if r["side"] is None else Side(r["side"]),
                )
                for r in data["endurance_tests"]
            ],
        )


def _entry(athlete_id: int, raw: Mapping[str, Any]) -> LogEntry:
    return LogEntry(
        athlete_id=athlete_id,
        exercise=raw["exercise"],
        performed_on=date.fromisoformat(raw["performed_on"]),
        logged_at=datetime.fromisoformat(raw["logged_at"]),
        sets=tuple(_set(s) for s in raw["sets"]),
        source=raw["source"],
        idempotency_key=raw["idempotency_key"],
        started_at=None if raw["started_at"] is None else datetime.fromisoformat(raw["started_at"]),
        workout=raw["workout"],
    )


def _set(raw: Mapping[str, Any]) -> LoggedSet:
    prescribed = raw["prescribed"]
    return LoggedSet(
        exercise=raw["exercise"],
        performed_on=date.fromisoformat(raw["performed_on"]),
        position=int(raw["position"]),
        set_type=SetType(raw["set_type"]),
        load_kg=raw["load_kg"],
        added_kg=raw["added_kg"],
        reps=raw["reps"],
        seconds=raw["seconds"],
        rir=raw["rir"],
        range_done=RangeDone(raw["range_done"]),
        pain=raw["pain"],
        note=raw["note"],
        distance_m=raw["distance_m"],
        prescribed=None
        if prescribed is None
        else Prescribed(
            prescribed["load_kg"], prescribed["reps"], prescribed["seconds"], prescribed["rir"]
        ),
    )


# --- the running program as a calendar ---------------------------------------------------------


def program_ics(
    athlete_id: int,
    *,
    start_time: time,
    now: datetime,
    new_uow: UnitOfWorkFactory,
    knowledge: Knowledge,
) -> bytes:
    """The running program as iCalendar, one event per session (floating local time), with the
    athlete's swaps."""
    from backbone.domain.planner.swap import apply_swaps
    from backbone.exporters.calendar import program_calendar

    with new_uow() as uow:
        program = uow.programs.current(athlete_id)
    if program is None:
        raise NotFound(
            "No running program yet: start one with `backbone program start`.",
            {"athlete_id": athlete_id},
        )
    key = f"a{athlete_id}-p{program.program_id}-{program.started_on.isoformat()}"
    # DTSTAMP from the program's start keeps the file identical between exports
    stamp = datetime.combine(program.started_on, time(0, 0), tzinfo=UTC)
    plan = apply_swaps(program.plan, program.swaps, knowledge.catalogue, knowledge.evidence)
    return program_calendar(plan, start_time=start_time, generated_at=stamp, program_key=key)


def parse_time(text: str) -> time:
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            f"--time takes a time of day like 18:00; got {text!r}.",
            {"field": "time", "value": text},
        ) from None

"""Repositories over one SQLAlchemy connection: rows in, domain dataclasses out.

Each repository works inside the transaction its unit of work holds; none of them commits.
Database errors leave as the domain's error tree (`backbone.storage.errors`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, CursorResult, Insert, Row, Select, delete, select, update

from backbone.domain.athlete import Athlete, Units
from backbone.domain.endurance import EnduranceResult, Side
from backbone.domain.errors import Conflict, NotFound, StorageError
from backbone.domain.history import (
    CheckIn,
    LogEntry,
    LoggedSet,
    PerformedSession,
    RangeDone,
    SetType,
)
from backbone.domain.program import KnownSet, RunningProgram
from backbone.storage.errors import storage_errors
from backbone.storage.tables import (
    athletes,
    check_ins,
    endurance_results,
    log_entries,
    logged_sets,
    performed_sessions,
    programs,
)


def _now() -> datetime:
    return datetime.now(UTC)


class SqlAthleteRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(self, athlete: Athlete) -> Athlete:
        values = {**_athlete_values(athlete), "created_at": _now()}
        # A savepoint keeps the transaction usable after a duplicate name (PostgreSQL aborts it).
        try:
            with storage_errors(f"add athlete '{athlete.name}'"), self._connection.begin_nested():
                result = self._connection.execute(athletes.insert().values(values))
        except Conflict as error:
            raise _duplicate_athlete(athlete.name) from error
        return _replace_athlete_id(athlete, _new_id(result))

    def get(self, athlete_id: int) -> Athlete:
        with storage_errors("read an athlete"):
            row = _one_athlete(self._connection, athletes.c.id == athlete_id)
        if row is None:
            raise NotFound(f"No athlete with id {athlete_id}.", {"athlete_id": athlete_id})
        return _athlete(row)

    def by_name(self, name: str) -> Athlete | None:
        with storage_errors("read an athlete"):
            row = _one_athlete(self._connection, athletes.c.name == name)
        return None if row is None else _athlete(row)

    def update(self, athlete: Athlete) -> None:
        if athlete.athlete_id is None:
            raise NotFound(
                "Cannot update an athlete that was never stored.", {"name": athlete.name}
            )
        statement = (
            update(athletes)
            .where(athletes.c.id == athlete.athlete_id)
            .values(_athlete_values(athlete))
        )
        try:
            with (
                storage_errors(f"update athlete '{athlete.name}'"),
                self._connection.begin_nested(),
            ):
                result = self._connection.execute(statement)
        except Conflict as error:
            raise _duplicate_athlete(athlete.name) from error
        if result.rowcount == 0:
            raise NotFound(
                f"No athlete with id {athlete.athlete_id}.", {"athlete_id": athlete.athlete_id}
            )


class SqlProgramRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(self, program: RunningProgram) -> RunningProgram:
        values = {
            "athlete_id": program.athlete_id,
            "started_on": program.started_on,
            "plan_options": json.dumps([list(pair) for pair in program.plan_options]),
            "plan_document": program.plan_document,
            "known": json.dumps([_known_json(k) for k in program.known]),
            "created_at": _now(),
        }
        with storage_errors("store the program"):
            result = self._connection.execute(programs.insert().values(values))
        return _replace_program_id(program, _new_id(result))

    def current(self, athlete_id: int) -> RunningProgram | None:
        query = (
            select(programs)
            .where(programs.c.athlete_id == athlete_id)
            .order_by(programs.c.started_on.desc(), programs.c.id.desc())
            .limit(1)
        )
        with storage_errors("read the current program"):
            row = self._connection.execute(query).first()
        return None if row is None else _program(row)


class SqlSetRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add_entry(self, entry: LogEntry) -> LogEntry:
        # a savepoint: a failure part way leaves nothing of the entry, and the transaction usable
        action = f"log {len(entry.sets)} set(s) of {entry.exercise}"
        with storage_errors(action), self._connection.begin_nested():
            result = self._connection.execute(
                log_entries.insert().values(
                    athlete_id=entry.athlete_id,
                    exercise=entry.exercise,
                    performed_on=entry.performed_on,
                    logged_at=entry.logged_at,
                )
            )
            entry_id = _new_id(result)
            if entry.sets:
                self._connection.execute(
                    logged_sets.insert(),
                    [_set_values(s, entry_id, entry.athlete_id) for s in entry.sets],
                )
        return LogEntry(
            athlete_id=entry.athlete_id,
            exercise=entry.exercise,
            performed_on=entry.performed_on,
            logged_at=entry.logged_at,
            sets=entry.sets,
            entry_id=entry_id,
        )

    def sets_for(
        self,
        athlete_id: int,
        exercises: Sequence[str] | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> list[LoggedSet]:
        if exercises is not None and not exercises:
            return []
        query = (
            select(logged_sets)
            .join(log_entries, log_entries.c.id == logged_sets.c.entry_id)
            .where(logged_sets.c.athlete_id == athlete_id)
            .order_by(
                logged_sets.c.performed_on,
                log_entries.c.logged_at,
                log_entries.c.id,
                logged_sets.c.position,
            )
        )
        if exercises is not None:
            query = query.where(logged_sets.c.exercise.in_(list(exercises)))
        if since is not None:
            query = query.where(logged_sets.c.performed_on >= since)
        if until is not None:
            query = query.where(logged_sets.c.performed_on <= until)
        with storage_errors("read logged sets"):
            return [_logged_set(row) for row in self._connection.execute(query)]

    def entries(self, athlete_id: int, since: date | None = None) -> list[LogEntry]:
        query = (
            select(log_entries)
            .where(log_entries.c.athlete_id == athlete_id)
            .order_by(log_entries.c.performed_on, log_entries.c.logged_at, log_entries.c.id)
        )
        if since is not None:
            query = query.where(log_entries.c.performed_on >= since)
        return self._with_sets(query)

    def last_entry(self, athlete_id: int) -> LogEntry | None:
        query = (
            select(log_entries)
            .where(log_entries.c.athlete_id == athlete_id)
            .order_by(log_entries.c.logged_at.desc(), log_entries.c.id.desc())
            .limit(1)
        )
        found = self._with_sets(query)
        return found[0] if found else None

    def delete_entry(self, entry_id: int) -> None:
        with storage_errors("delete the log entry"):
            # the sets go with it (ON DELETE CASCADE)
            result = self._connection.execute(
                delete(log_entries).where(log_entries.c.id == entry_id)
            )
        if result.rowcount == 0:
            raise NotFound(f"No log entry with id {entry_id}.", {"entry_id": entry_id})

    def _with_sets(self, query: Select[Any]) -> list[LogEntry]:
        with storage_errors("read log entries"):
            rows = self._connection.execute(query).all()
            ids = [row.id for row in rows]
            sets: dict[int, list[LoggedSet]] = {entry_id: [] for entry_id in ids}
            for chunk_start in range(0, len(ids), 500):
                chunk = ids[chunk_start : chunk_start + 500]
                set_rows = self._connection.execute(
                    select(logged_sets)
                    .where(logged_sets.c.entry_id.in_(chunk))
                    .order_by(logged_sets.c.entry_id, logged_sets.c.position)
                )
                for set_row in set_rows:
                    sets[set_row.entry_id].append(_logged_set(set_row))
        return [
            LogEntry(
                athlete_id=row.athlete_id,
                exercise=row.exercise,
                performed_on=row.performed_on,
                logged_at=row.logged_at,
                sets=tuple(sets[row.id]),
                entry_id=row.id,
            )
            for row in rows
        ]


class SqlCheckInRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(self, check_in: CheckIn) -> None:
        values = {
            "athlete_id": check_in.athlete_id,
            "checked_on": check_in.on,
            "sleep_h": check_in.sleep_h,
            "sleep_quality": check_in.sleep_quality,
            "soreness": check_in.soreness,
            "back_pain": check_in.back_pain,
            "readiness": check_in.readiness,
            "red_flags": json.dumps(list(check_in.red_flags)),
            "checked_at": check_in.checked_at,
        }
        with storage_errors("store the check-in"):
            self._connection.execute(
                _upsert(self._connection, check_ins, values, ("athlete_id", "checked_on"))
            )

    def recent(self, athlete_id: int, until: date, days: int) -> list[CheckIn]:
        since = date.fromordinal(until.toordinal() - days)
        query = (
            select(check_ins)
            .where(
                check_ins.c.athlete_id == athlete_id,
                check_ins.c.checked_on > since,
                check_ins.c.checked_on <= until,
            )
            .order_by(check_ins.c.checked_on)
        )
        with storage_errors("read check-ins"):
            return [_check_in(row) for row in self._connection.execute(query)]


class SqlSessionRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def record(self, session: PerformedSession) -> None:
        values = {
            "athlete_id": session.athlete_id,
            "performed_on": session.on,
            "session_rpe": session.session_rpe,
            "duration_min": session.duration_min,
        }
        with storage_errors("record the session"):
            self._connection.execute(
                _upsert(
                    self._connection, performed_sessions, values, ("athlete_id", "performed_on")
                )
            )

    def performed(self, athlete_id: int, since: date | None = None) -> list[PerformedSession]:
        query = (
            select(performed_sessions)
            .where(performed_sessions.c.athlete_id == athlete_id)
            .order_by(performed_sessions.c.performed_on)
        )
        if since is not None:
            query = query.where(performed_sessions.c.performed_on >= since)
        with storage_errors("read performed sessions"):
            return [
                PerformedSession(
                    athlete_id=row.athlete_id,
                    on=row.performed_on,
                    session_rpe=row.session_rpe,
                    duration_min=row.duration_min,
                )
                for row in self._connection.execute(query)
            ]


class SqlEnduranceRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(self, result: EnduranceResult) -> EnduranceResult:
        values = {
            "athlete_id": result.athlete_id,
            "test": result.test,
            "side": None if result.side is None else result.side.value,
            "value": result.value,
            "tested_on": result.on,
        }
        # a savepoint keeps the transaction usable after a refused row (PostgreSQL aborts it)
        with (
            storage_errors(f"store the {result.test} test result"),
            self._connection.begin_nested(),
        ):
            inserted = self._connection.execute(endurance_results.insert().values(values))
        return EnduranceResult(
            athlete_id=result.athlete_id,
            test=result.test,
            value=result.value,
            on=result.on,
            side=result.side,
            result_id=_new_id(inserted),
        )

    def results(self, athlete_id: int, since: date | None = None) -> list[EnduranceResult]:
        query = (
            select(endurance_results)
            .where(endurance_results.c.athlete_id == athlete_id)
            .order_by(endurance_results.c.tested_on, endurance_results.c.id)
        )
        if since is not None:
            query = query.where(endurance_results.c.tested_on >= since)
        with storage_errors("read test results"):
            return [
                EnduranceResult(
                    athlete_id=row.athlete_id,
                    test=row.test,
                    value=row.value,
                    on=row.tested_on,
                    side=None if row.side is None else Side(row.side),
                    result_id=row.id,
                )
                for row in self._connection.execute(query)
            ]


# --- rows <-> domain ---------------------------------------------------------------------------


def _upsert(
    connection: Connection, table: Any, values: Mapping[str, Any], key: tuple[str, ...]
) -> Insert:
    """INSERT ... ON CONFLICT (key) DO UPDATE, in the dialect's own words (SQLite, PostgreSQL)."""
    changes = {name: value for name, value in values.items() if name not in key}
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql  # imported only when PostgreSQL is in use

        pg = postgresql.insert(table).values(dict(values))
        return pg.on_conflict_do_update(index_elements=list(key), set_=changes)
    from sqlalchemy.dialects import sqlite

    lite = sqlite.insert(table).values(dict(values))
    return lite.on_conflict_do_update(index_elements=list(key), set_=changes)


def _new_id(result: CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    if key is None or key[0] is None:
        raise StorageError("The database did not return the id of the new row.")
    return int(key[0])


def _replace_athlete_id(athlete: Athlete, athlete_id: int) -> Athlete:
    return Athlete(
        name=athlete.name,
        units=athlete.units,
        bodyweight_kg=athlete.bodyweight_kg,
        plates_kg=tuple(athlete.plates_kg),
        bar_kg=athlete.bar_kg,
        dumbbell_step_kg=athlete.dumbbell_step_kg,
        athlete_id=athlete_id,
    )


def _one_athlete(connection: Connection, condition: Any) -> Row[Any] | None:
    return connection.execute(select(athletes).where(condition)).first()


def _athlete_values(athlete: Athlete) -> dict[str, Any]:
    return {
        "name": athlete.name,
        "units": athlete.units.value,
        "bodyweight_kg": athlete.bodyweight_kg,
        "plates_kg": json.dumps(list(athlete.plates_kg)),
        "bar_kg": athlete.bar_kg,
        "dumbbell_step_kg": athlete.dumbbell_step_kg,
    }


def _athlete(row: Row[Any]) -> Athlete:
    return Athlete(
        name=row.name,
        units=Units(row.units),
        bodyweight_kg=row.bodyweight_kg,
        plates_kg=tuple(float(p) for p in json.loads(row.plates_kg)),
        bar_kg=row.bar_kg,
        dumbbell_step_kg=row.dumbbell_step_kg,
        athlete_id=row.id,
    )


def _duplicate_athlete(name: str) -> Conflict:
    return Conflict(f"An athlete named '{name}' already exists.", {"name": name})


def _known_json(known: KnownSet) -> dict[str, Any]:
    return {
        "exercise": known.exercise,
        "load_kg": known.load_kg,
        "added_kg": known.added_kg,
        "reps": known.reps,
        "seconds": known.seconds,
        "rir": known.rir,
    }


def _program(row: Row[Any]) -> RunningProgram:
    return RunningProgram(
        athlete_id=row.athlete_id,
        started_on=row.started_on,
        plan_options=tuple((str(k), str(v)) for k, v in json.loads(row.plan_options)),
        plan_document=row.plan_document,
        known=tuple(KnownSet(**k) for k in json.loads(row.known)),
        program_id=row.id,
    )


def _replace_program_id(program: RunningProgram, program_id: int) -> RunningProgram:
    return RunningProgram(
        athlete_id=program.athlete_id,
        started_on=program.started_on,
        plan_options=program.plan_options,
        plan_document=program.plan_document,
        known=program.known,
        program_id=program_id,
    )


def _set_values(logged: LoggedSet, entry_id: int, athlete_id: int) -> dict[str, Any]:
    return {
        "entry_id": entry_id,
        "athlete_id": athlete_id,
        "exercise": logged.exercise,
        "performed_on": logged.performed_on,
        "position": logged.position,
        "set_type": logged.set_type.value,
        "load_kg": logged.load_kg,
        "added_kg": logged.added_kg,
        "reps": logged.reps,
        "seconds": logged.seconds,
        "rir": logged.rir,
        "range_done": logged.range_done.value,
        "pain": logged.pain,
        "note": logged.note,
    }


# Plain dict lookups: `SetType(value)` goes through EnumMeta.__call__, which dominated reading
# a long history (about 40% of `sets_for` on 40,000 rows).
_SET_TYPES = {member.value: member for member in SetType}
_RANGES = {member.value: member for member in RangeDone}


def _logged_set(row: Row[Any]) -> LoggedSet:
    return LoggedSet(
        row.exercise,
        row.performed_on,
        row.position,
        _SET_TYPES[row.set_type],
        row.load_kg,
        row.added_kg,
        row.reps,
        row.seconds,
        row.rir,
        _RANGES[row.range_done],
        row.pain,
        row.note,
    )


def _check_in(row: Row[Any]) -> CheckIn:
    return CheckIn(
        athlete_id=row.athlete_id,
        on=row.checked_on,
        sleep_h=row.sleep_h,
        back_pain=row.back_pain,
        soreness=row.soreness,
        readiness=row.readiness,
        sleep_quality=row.sleep_quality,
        red_flags=tuple(json.loads(row.red_flags)),
        checked_at=row.checked_at,
    )

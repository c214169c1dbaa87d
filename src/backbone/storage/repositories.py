"""Repositories over one SQLAlchemy connection: rows in, domain dataclasses out.

Each repository works inside the transaction its unit of work holds; none of them commits.
Database errors leave as the domain's error tree (`backbone.storage.errors`).

The statements `backbone log` and `backbone today` run are built once, with bound parameters:
SQLAlchemy then reuses their cache key and compiled form, which makes executing one about four
times cheaper than building it anew (most of a small statement's cost on SQLite).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import asdict, replace
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from sqlalchemy import (
    Connection,
    CursorResult,
    Date,
    Double,
    Insert,
    Integer,
    Row,
    Select,
    bindparam,
    case,
    delete,
    func,
    or_,
    select,
    union,
    update,
)
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.selectable import Subquery

from backbone.domain.accounts import Access, ApiToken, CoachGrant, Role, SessionComment, User
from backbone.domain.athlete import Athlete, Units
from backbone.domain.endurance import EnduranceResult, Side
from backbone.domain.errors import Conflict, InputError, NotFound, StorageError
from backbone.domain.history import (
    CheckIn,
    ImportPreview,
    ImportRecord,
    LogEntry,
    LoggedSet,
    PerformedSession,
    Prescribed,
    RangeDone,
    SetType,
)
from backbone.domain.own_exercise import Movement, OwnExercise
from backbone.domain.program import KnownSet, ProgramSwap, RunningProgram
from backbone.domain.vocabulary import Muscle, SpinalLoad
from backbone.services.ports import StoredProgram, Window
from backbone.storage.errors import ROW_DECODING_ERRORS, damaged_row, reading_rows, storage_errors
from backbone.storage.plan_format import DecodedPlans, encode_plan
from backbone.storage.tables import (
    api_tokens,
    athlete_exercises,
    athletes,
    calendar_feeds,
    check_ins,
    coach_grants,
    endurance_results,
    exercise_mappings,
    exercise_records,
    import_batches,
    import_previews,
    log_entries,
    logged_sets,
    performed_sessions,
    program_swaps,
    programs,
    rate_limits,
    server_secrets,
    session_comments,
    users,
)


def _now() -> datetime:
    return datetime.now(UTC)


class SqlUserRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(self, user: User) -> User:
        values = {
            "username": user.username,
            "display_name": user.display_name,
            "role": user.role.value,
            "password_hash": user.password_hash,
            "created_at": _now(),
            "session_epoch": user.session_epoch,
        }
        try:
            with storage_errors(f"add user '{user.username}'"), self._connection.begin_nested():
                result = self._connection.execute(users.insert().values(values))
        except Conflict as error:
            raise Conflict(
                f"The username '{user.username}' is taken.", {"username": user.username}
            ) from error
        return replace(user, user_id=_new_id(result))

    def get(self, user_id: int) -> User:
        with storage_errors("read a user"):
            row = self._connection.execute(_USER_BY_ID, {"user_id": user_id}).first()
        if row is None:
            raise NotFound(f"No user with id {user_id}.", {"user_id": user_id})
        return _user(row)

    def by_username(self, username: str) -> User | None:
        with storage_errors("read a user"):
            row = self._connection.execute(
                select(users).where(users.c.username == username)
            ).first()
        return None if row is None else _user(row)

    def end_sessions(self, user_id: int) -> int:
        # one UPDATE: two "log out everywhere" at once both end every older session
        with storage_errors("end the user's sessions"):
            result = self._connection.execute(
                update(users)
                .where(users.c.id == user_id)
                .values(session_epoch=users.c.session_epoch + 1)
            )
            if result.rowcount == 0:
                raise NotFound(f"No user with id {user_id}.", {"user_id": user_id})
            epoch: int = self._connection.execute(
                select(users.c.session_epoch).where(users.c.id == user_id)
            ).scalar_one()
        return epoch


class SqlGrantRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def grant(self, grant: CoachGrant) -> CoachGrant:
        with storage_errors("grant coach access"), self._connection.begin_nested():
            self._end_active(grant.athlete_id, grant.coach_user_id, grant.granted_at)
            result = self._connection.execute(
                coach_grants.insert().values(
                    athlete_id=grant.athlete_id,
                    coach_user_id=grant.coach_user_id,
                    access=grant.access.value,
                    granted_at=grant.granted_at,
                    revoked_at=None,
                )
            )
        return replace(grant, grant_id=_new_id(result), revoked_at=None)

    def revoke(self, athlete_id: int, coach_user_id: int, revoked_at: datetime) -> bool:
        with storage_errors("revoke coach access"):
            return self._end_active(athlete_id, coach_user_id, revoked_at) > 0

    def for_athlete(self, athlete_id: int) -> list[CoachGrant]:
        return self._active(coach_grants.c.athlete_id == athlete_id)

    def for_coach(self, coach_user_id: int) -> list[CoachGrant]:
        return self._active(coach_grants.c.coach_user_id == coach_user_id)

    def _end_active(self, athlete_id: int, coach_user_id: int, at: datetime) -> int:
        result = self._connection.execute(
            update(coach_grants)
            .where(
                coach_grants.c.athlete_id == athlete_id,
                coach_grants.c.coach_user_id == coach_user_id,
                coach_grants.c.revoked_at.is_(None),
            )
            .values(revoked_at=at)
        )
        return int(result.rowcount)

    def _active(self, condition: Any) -> list[CoachGrant]:
        query = (
            select(coach_grants)
            .where(condition, coach_grants.c.revoked_at.is_(None))
            .order_by(coach_grants.c.id)
        )
        with storage_errors("read coach grants"):
            return [
                CoachGrant(
                    athlete_id=row.athlete_id,
                    coach_user_id=row.coach_user_id,
                    access=Access(row.access),
                    granted_at=row.granted_at,
                    revoked_at=row.revoked_at,
                    grant_id=row.id,
                )
                for row in self._connection.execute(query)
            ]


class SqlAthleteRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(self, athlete: Athlete) -> Athlete:
        if athlete.user_id is None:
            raise NotFound("An athlete needs the user who owns it.", {"name": athlete.name})
        values = {**_athlete_values(athlete), "user_id": athlete.user_id, "created_at": _now()}
        # A savepoint keeps the transaction usable after a duplicate name (PostgreSQL aborts it).
        try:
            with storage_errors(f"add athlete '{athlete.name}'"), self._connection.begin_nested():
                result = self._connection.execute(athletes.insert().values(values))
        except Conflict as error:
            raise _duplicate_athlete(athlete.name) from error
        return _replace_athlete_id(athlete, _new_id(result))

    def get(self, athlete_id: int) -> Athlete:
        with storage_errors("read an athlete"), reading_rows("athletes"):
            row = self._connection.execute(_ATHLETE_BY_ID, {"athlete_id": athlete_id}).first()
        if row is None:
            raise NotFound(f"No athlete with id {athlete_id}.", {"athlete_id": athlete_id})
        return _decoded("athletes", row, _athlete)

    def owned_by(self, user_id: int) -> list[Athlete]:
        with storage_errors("read athletes"), reading_rows("athletes"):
            rows = self._connection.execute(_ATHLETES_OF_USER, {"user_id": user_id})
            return [_decoded("athletes", row, _athlete) for row in rows]

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
    def __init__(self, connection: Connection, decoded: DecodedPlans) -> None:
        self._connection = connection
        self._decoded = decoded

    def add(self, program: RunningProgram) -> RunningProgram:
        plan_format, document = encode_plan(program.plan)
        values = {
            "athlete_id": program.athlete_id,
            "started_on": program.started_on,
            "plan_options": json.dumps([list(pair) for pair in program.plan_options]),
            "plan_document": document,
            "plan_format": plan_format,
            "known": json.dumps([_known_json(k) for k in program.known]),
            "created_at": _now(),
        }
        with storage_errors("store the program"):
            result = self._connection.execute(programs.insert().values(values))
        return replace(program, program_id=_new_id(result))

    def stored(self, athlete_id: int) -> list[StoredProgram]:
        query = (
            select(programs)
            .where(programs.c.athlete_id == athlete_id)
            .order_by(programs.c.started_on, programs.c.id)
        )
        with storage_errors("read the programs"):
            rows = self._connection.execute(query).all()
        found = []
        for row in rows:
            options, known = self._options_and_known(row)
            found.append(
                StoredProgram(
                    athlete_id=row.athlete_id,
                    started_on=row.started_on,
                    plan_options=options,
                    plan_format=row.plan_format,
                    plan_document=row.plan_document,
                    known=known,
                    swaps=self._swaps(athlete_id, row.id),
                )
            )
        return found

    def add_stored(self, program: StoredProgram) -> None:
        values = {
            "athlete_id": program.athlete_id,
            "started_on": program.started_on,
            "plan_options": json.dumps([list(pair) for pair in program.plan_options]),
            "plan_document": program.plan_document,
            "plan_format": program.plan_format,
            "known": json.dumps([_known_json(k) for k in program.known]),
            "created_at": _now(),
        }
        with storage_errors("store the program"), self._connection.begin_nested():
            result = self._connection.execute(programs.insert().values(values))
            program_id = _new_id(result)
            for swap in program.swaps:
                self.add_swap(program.athlete_id, program_id, swap)

    def current(self, athlete_id: int) -> RunningProgram | None:
        with storage_errors("read the current program"), reading_rows("programs"):
            row = self._connection.execute(_CURRENT_PROGRAM, {"athlete_id": athlete_id}).first()
        if row is None:
            return None
        program = _decoded("programs", row, self._program)
        return replace(program, swaps=self._swaps(athlete_id, row.id))

    def add_swap(self, athlete_id: int, program_id: int, swap: ProgramSwap) -> ProgramSwap:
        mine = select(programs.c.id).where(
            programs.c.id == program_id, programs.c.athlete_id == athlete_id
        )
        values = {
            "athlete_id": athlete_id,
            "program_id": program_id,
            "from_exercise": swap.from_exercise,
            "to_exercise": swap.to_exercise,
            "effective_on": swap.effective_on,
            "carried": None if swap.carried is None else json.dumps(_known_json(swap.carried)),
            "created_at": _now(),
        }
        with storage_errors("store the swap"):
            if self._connection.execute(mine).first() is None:
                raise NotFound(f"No program with id {program_id}.", {"program_id": program_id})
            result = self._connection.execute(program_swaps.insert().values(values))
        return replace(swap, swap_id=_new_id(result))

    def _swaps(self, athlete_id: int, program_id: int) -> tuple[ProgramSwap, ...]:
        values = {"athlete_id": athlete_id, "program_id": program_id}
        with storage_errors("read the program's swaps"), reading_rows("program_swaps"):
            rows = self._connection.execute(_PROGRAM_SWAPS, values).all()
        return tuple(_decoded("program_swaps", row, _swap) for row in rows)

    def _options_and_known(
        self, row: Row[Any]
    ) -> tuple[tuple[tuple[str, str], ...], tuple[KnownSet, ...]]:
        try:
            options = tuple((str(k), str(v)) for k, v in json.loads(row.plan_options))
            known = tuple(KnownSet(**k) for k in json.loads(row.known))
        except (TypeError, ValueError) as error:
            raise StorageError(
                f"The stored program {row.id} is damaged ({error}); start a new program.",
                {"program_id": row.id},
            ) from None
        return options, known

    def _document(self, athlete_id: int, program_id: int) -> str:
        values = {"athlete_id": athlete_id, "program_id": program_id}
        with storage_errors("read the current program"), reading_rows("programs"):
            return str(self._connection.execute(_PROGRAM_DOCUMENT, values).scalar_one())

    def _program(self, row: Row[Any]) -> RunningProgram:
        options, known = self._options_and_known(row)
        return RunningProgram(
            athlete_id=row.athlete_id,
            started_on=row.started_on,
            plan=self._decoded.stored(
                (row.id, row.created_at, row.plan_format, options),
                lambda: self._document(row.athlete_id, row.id),
            ),
            plan_options=options,
            known=known,
            program_id=row.id,
        )


class SqlSetRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add_entry(self, entry: LogEntry) -> LogEntry:
        # a savepoint: a failure part way leaves nothing of the entry, and the transaction usable
        _check_same_day(entry)
        action = f"log {len(entry.sets)} set(s) of {entry.exercise}"
        with storage_errors(action), self._connection.begin_nested():
            result = self._connection.execute(_INSERT_ENTRY, _entry_values(entry))
            entry_id = _new_id(result)
            if entry.sets:
                self._connection.execute(
                    _INSERT_SETS, [_set_values(s, entry_id, entry.athlete_id) for s in entry.sets]
                )
                self._merge_records(entry.athlete_id, entry.sets)
        return replace(entry, entry_id=entry_id)

    def _merge_records(self, athlete_id: int, sets: Sequence[LoggedSet]) -> None:
        """Fold new sets into the kept records. The bests are taken in SQL (not read, then
        written), so two workers logging the same exercise at once cannot lose one."""
        # in one order everywhere: two workers updating the same rows lock them alike (no deadlock)
        groups = _record_groups(sets)
        for group in sorted(groups, key=_group_order):
            members = groups[group]
            exercise, set_type, range_done, reps, rir = group
            loads = [s.load_kg for s in members if s.load_kg is not None]
            added = [s.added_kg for s in members if s.added_kg is not None]
            seconds = [s.seconds for s in members if s.seconds is not None]
            days = [s.performed_on for s in members]
            values = {
                "r_athlete_id": athlete_id,
                "r_exercise": exercise,
                "r_set_type": set_type,
                "r_range_done": range_done,
                "r_reps": reps,
                "r_rir": rir,
                "new_load_kg": max(loads, default=None),
                "new_added_kg": max(added, default=None),
                "new_sets": len(members),
                "new_sets_with_added": len(added),
                "new_seconds": max(seconds, default=None),
                "new_first_on": min(days),
                "new_last_on": max(days),
            }
            if self._connection.execute(_MERGE_RECORD, values).rowcount == 0:
                self._connection.execute(_INSERT_RECORD, values)

    def _exercises_of_entry(self, athlete_id: int, entry_id: int) -> list[str]:
        return list(
            self._connection.execute(
                select(logged_sets.c.exercise)
                .where(logged_sets.c.entry_id == entry_id, logged_sets.c.athlete_id == athlete_id)
                .distinct()
            ).scalars()
        )

    def add_entries(self, athlete_id: int, entries: Sequence[LogEntry]) -> int:
        if not entries:
            return 0
        if any(e.athlete_id != athlete_id for e in entries):
            raise StorageError("Every entry of a bulk write must belong to the one athlete.")
        for entry in entries:
            _check_same_day(entry)
        with storage_errors(f"store {len(entries)} entries"), self._connection.begin_nested():
            ids = self._insert_entries(entries)
            set_rows = [
                _set_row(one, entry_id, athlete_id)
                for entry_id, entry in zip(ids, entries, strict=True)
                for one in entry.sets
            ]
            if set_rows:
                # plain tuples straight to the driver's executemany: per-row parameter
                # processing was most of an import's time (no column here needs a type's help)
                mark = "?" if self._connection.dialect.paramstyle == "qmark" else "%s"
                columns = ", ".join(_SET_COLUMNS)
                marks = ", ".join([mark] * len(_SET_COLUMNS))
                self._connection.exec_driver_sql(
                    f"INSERT INTO {logged_sets.name} ({columns}) VALUES ({marks})", set_rows
                )
                _rebuild_records(
                    self._connection, athlete_id, {s.exercise for e in entries for s in e.sets}
                )
        return len(set_rows)

    def _insert_entries(self, entries: Sequence[LogEntry]) -> list[int]:
        """The new entries' ids in the order given. Entries with distinct idempotency keys (an
        import) go in as multi-row INSERT ... RETURNING statements, ids matched by key; others
        one statement each (RETURNING in parameter order is row by row on SQLite)."""
        keys = [e.idempotency_key for e in entries]
        rows = [_entry_values(e) for e in entries]
        if None not in keys and len(set(keys)) == len(keys):
            result = self._connection.execute(
                log_entries.insert().returning(log_entries.c.id, log_entries.c.idempotency_key),
                rows,
            )
            by_key = {key: entry_id for entry_id, key in result}
            return [by_key[key] for key in keys]
        result = self._connection.execute(
            log_entries.insert().returning(log_entries.c.id, sort_by_parameter_order=True), rows
        )
        return [row[0] for row in result]

    def known_keys(self, athlete_id: int, keys: Collection[str]) -> set[str]:
        wanted = list(dict.fromkeys(keys))
        found: set[str] = set()
        with storage_errors("read idempotency keys"):
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                found.update(
                    self._connection.execute(
                        select(log_entries.c.idempotency_key).where(
                            log_entries.c.athlete_id == athlete_id,
                            log_entries.c.idempotency_key.in_(chunk),
                        )
                    ).scalars()
                )
        return found

    def repoint(self, athlete_id: int, from_exercise: str, to_exercise: str) -> int:
        with storage_errors(f"move the sets of {from_exercise}"), self._connection.begin_nested():
            self._connection.execute(
                update(log_entries)
                .where(
                    log_entries.c.athlete_id == athlete_id,
                    log_entries.c.exercise == from_exercise,
                )
                .values(exercise=to_exercise)
            )
            moved = self._connection.execute(
                update(logged_sets)
                .where(
                    logged_sets.c.athlete_id == athlete_id,
                    logged_sets.c.exercise == from_exercise,
                )
                .values(exercise=to_exercise)
            )
            _rebuild_records(self._connection, athlete_id, (from_exercise, to_exercise))
        return int(moved.rowcount)

    def entries_on(self, athlete_id: int, days: Collection[date]) -> list[LogEntry]:
        wanted = sorted(set(days))
        found: list[LogEntry] = []
        for start in range(0, len(wanted), 500):
            query = (
                select(log_entries)
                .where(
                    log_entries.c.athlete_id == athlete_id,
                    log_entries.c.performed_on.in_(wanted[start : start + 500]),
                )
                .order_by(log_entries.c.performed_on, log_entries.c.id)
            )
            found.extend(self._with_sets(query))
        return found

    def exercises_in_use(self, athlete_id: int, exercises: Collection[str]) -> set[str]:
        wanted = list(dict.fromkeys(exercises))
        found: set[str] = set()
        with storage_errors("read which exercises are in use"):
            for start in range(0, len(wanted), 500):
                found.update(
                    self._connection.execute(
                        select(log_entries.c.exercise)
                        .where(
                            log_entries.c.athlete_id == athlete_id,
                            log_entries.c.exercise.in_(wanted[start : start + 500]),
                        )
                        .distinct()
                    ).scalars()
                )
        return found

    def entry_by_key(self, athlete_id: int, idempotency_key: str) -> LogEntry | None:
        values = {"athlete_id": athlete_id, "idempotency_key": idempotency_key}
        found = self._with_sets(_ENTRY_BY_KEY, values)
        return found[0] if found else None

    def record_candidates(self, athlete_id: int, exercise: str, until: date) -> list[LoggedSet]:
        parameters = {"athlete_id": athlete_id, "exercise": exercise, "until": until}
        with storage_errors("read personal records"), reading_rows("exercise_records"):
            kept = self._connection.execute(_KEPT_RECORDS, parameters).all()
            if all(row.last_on <= until for row in kept):
                return _record_candidates(exercise, kept)
        # a day before the exercise's last logged one: only the sets up to it count
        with storage_errors("read personal records"), reading_rows("logged_sets"):
            rows = self._connection.execute(_RECORD_CANDIDATES, parameters).all()
            return _record_candidates(exercise, rows)

    def exposure_days(self, athlete_id: int, exercise: str, since: date, until: date) -> list[date]:
        parameters = {
            "athlete_id": athlete_id,
            "exercise": exercise,
            "since": since,
            "until": until,
        }
        with storage_errors("read logged sets"), reading_rows("logged_sets"):
            return list(self._connection.execute(_EXPOSURE_DAYS, parameters).scalars())

    def sets_of_last_day(self, athlete_id: int, since: date, until: date) -> list[LoggedSet]:
        parameters = {"athlete_id": athlete_id, "since": since, "until": until}
        with storage_errors("read logged sets"), reading_rows("logged_sets"):
            rows = self._connection.execute(_SETS_OF_LAST_DAY, parameters)
            return [_decoded_set(row) for row in rows]

    def sets_for(
        self,
        athlete_id: int,
        exercises: Sequence[str] | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> list[LoggedSet]:
        if exercises is not None and not exercises:
            return []
        query = _sets_query(exercises is not None, since is not None, until is not None)
        parameters: dict[str, Any] = {"athlete_id": athlete_id, "since": since, "until": until}
        if exercises is not None:
            parameters["exercises"] = list(exercises)
        with storage_errors("read logged sets"), reading_rows("logged_sets"):
            return [_decoded_set(row) for row in self._connection.execute(query, parameters)]

    def entries(self, athlete_id: int, since: date | None = None) -> list[LogEntry]:
        query = (
            select(log_entries)
            .where(log_entries.c.athlete_id == athlete_id)
            .order_by(log_entries.c.performed_on, log_entries.c.logged_at, log_entries.c.id)
        )
        if since is not None:
            query = query.where(log_entries.c.performed_on >= since)
        return self._with_sets(query)

    def entries_page(
        self,
        athlete_id: int,
        window: Window,
        *,
        exercise: str | None = None,
        since: date | None = None,
    ) -> list[LogEntry]:
        query = (
            select(log_entries)
            .where(*_entry_filters(athlete_id, exercise, since))
            .order_by(log_entries.c.performed_on, log_entries.c.logged_at, log_entries.c.id)
            .limit(window.limit)
            .offset(window.offset)
        )
        return self._with_sets(query)

    def count_entries(
        self, athlete_id: int, *, exercise: str | None = None, since: date | None = None
    ) -> int:
        query = (
            select(func.count())
            .select_from(log_entries)
            .where(*_entry_filters(athlete_id, exercise, since))
        )
        with storage_errors("count log entries"):
            return int(self._connection.execute(query).scalar_one())

    def last_entry(self, athlete_id: int) -> LogEntry | None:
        query = (
            select(log_entries)
            .where(log_entries.c.athlete_id == athlete_id)
            .order_by(log_entries.c.logged_at.desc(), log_entries.c.id.desc())
            .limit(1)
        )
        found = self._with_sets(query)
        return found[0] if found else None

    def last_logged_on(self, athlete_id: int) -> date | None:
        with storage_errors("read the last log entry"), reading_rows("log_entries"):
            day: date | None = self._connection.execute(
                _LAST_LOGGED_ON, {"athlete_id": athlete_id}
            ).scalar()
        return day

    def delete_entry(self, athlete_id: int, entry_id: int) -> None:
        with storage_errors("delete the log entry"), self._connection.begin_nested():
            exercises = self._exercises_of_entry(athlete_id, entry_id)
            # the sets go with it (ON DELETE CASCADE)
            result = self._connection.execute(
                delete(log_entries).where(
                    log_entries.c.id == entry_id, log_entries.c.athlete_id == athlete_id
                )
            )
            _rebuild_records(self._connection, athlete_id, exercises)
        if result.rowcount == 0:
            raise NotFound(f"No log entry with id {entry_id}.", {"entry_id": entry_id})

    def entry(self, athlete_id: int, entry_id: int) -> LogEntry | None:
        query = select(log_entries).where(
            log_entries.c.id == entry_id, log_entries.c.athlete_id == athlete_id
        )
        found = self._with_sets(query)
        return found[0] if found else None

    def replace_set(self, athlete_id: int, entry_id: int, logged: LoggedSet) -> None:
        values = _set_values(logged, entry_id, athlete_id)
        for fixed in ("entry_id", "athlete_id", "exercise", "performed_on", "position"):
            del values[fixed]
        with storage_errors("change the set"), self._connection.begin_nested():
            result = self._connection.execute(
                update(logged_sets)
                .where(
                    logged_sets.c.entry_id == entry_id,
                    logged_sets.c.athlete_id == athlete_id,
                    logged_sets.c.position == logged.position,
                )
                .values(values)
            )
            if result.rowcount:
                _rebuild_records(
                    self._connection, athlete_id, self._exercises_of_entry(athlete_id, entry_id)
                )
        if result.rowcount == 0:
            raise NotFound(
                f"No set {logged.position} in log entry {entry_id}.",
                {"entry_id": entry_id, "position": logged.position},
            )

    def _with_sets(
        self, query: Select[Any], values: dict[str, Any] | None = None
    ) -> list[LogEntry]:
        with storage_errors("read log entries"), reading_rows("log_entries"):
            rows = self._connection.execute(query, values or {}).all()
            ids = [row.id for row in rows]
            sets: dict[int, list[LoggedSet]] = {entry_id: [] for entry_id in ids}
            for chunk_start in range(0, len(ids), 500):
                chunk = ids[chunk_start : chunk_start + 500]
                set_rows = self._connection.execute(_SETS_OF_ENTRIES, {"entry_ids": chunk})
                for set_row in set_rows:
                    sets[set_row.entry_id].append(_decoded_set(set_row))
        return [
            LogEntry(
                athlete_id=row.athlete_id,
                exercise=row.exercise,
                performed_on=row.performed_on,
                logged_at=row.logged_at,
                sets=tuple(sets[row.id]),
                entry_id=row.id,
                source=row.source,
                idempotency_key=row.idempotency_key,
                started_at=None if row.started_at is None else _instant(row.started_at),
                workout=row.workout,
                import_batch_id=row.import_batch_id,
            )
            for row in rows
        ]


def _entry_filters(
    athlete_id: int, exercise: str | None, since: date | None
) -> list[ColumnElement[bool]]:
    filters = [log_entries.c.athlete_id == athlete_id]
    if exercise is not None:
        filters.append(log_entries.c.exercise == exercise)
    if since is not None:
        filters.append(log_entries.c.performed_on >= since)
    return filters


class SqlImportRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(self, record: ImportRecord) -> ImportRecord:
        values = {
            "athlete_id": record.athlete_id,
            "source": record.source,
            "dialect": record.dialect,
            "file_name": record.file_name,
            "imported_at": record.imported_at,
            "rows_read": record.rows_read,
            "entries_imported": record.entries_imported,
            "sets_imported": record.sets_imported,
            "sets_duplicate": record.sets_duplicate,
            "rows_skipped": record.rows_skipped,
        }
        with storage_errors("record the import"), self._connection.begin_nested():
            result = self._connection.execute(import_batches.insert().values(values))
        return replace(record, batch_id=_new_id(result))

    def get(self, athlete_id: int, batch_id: int) -> ImportRecord:
        query = select(import_batches).where(
            import_batches.c.id == batch_id, import_batches.c.athlete_id == athlete_id
        )
        with storage_errors("read the import"):
            row = self._connection.execute(query).first()
        if row is None:
            raise NotFound(f"No import batch {batch_id}.", {"batch_id": batch_id})
        return _import_record(row)

    def for_athlete(self, athlete_id: int) -> list[ImportRecord]:
        query = (
            select(import_batches)
            .where(import_batches.c.athlete_id == athlete_id)
            .order_by(import_batches.c.imported_at, import_batches.c.id)
        )
        with storage_errors("read the imports"):
            return [_import_record(row) for row in self._connection.execute(query)]

    def page(self, athlete_id: int, window: Window) -> list[ImportRecord]:
        query = (
            select(import_batches)
            .where(import_batches.c.athlete_id == athlete_id)
            .order_by(import_batches.c.imported_at, import_batches.c.id)
            .limit(window.limit)
            .offset(window.offset)
        )
        with storage_errors("read the imports"):
            return [_import_record(row) for row in self._connection.execute(query)]

    def count(self, athlete_id: int) -> int:
        query = (
            select(func.count())
            .select_from(import_batches)
            .where(import_batches.c.athlete_id == athlete_id)
        )
        with storage_errors("count the imports"):
            return int(self._connection.execute(query).scalar_one())

    def delete(self, athlete_id: int, batch_id: int) -> None:
        with storage_errors("undo the import"), self._connection.begin_nested():
            exercises = self._connection.execute(
                select(log_entries.c.exercise)
                .where(
                    log_entries.c.import_batch_id == batch_id,
                    log_entries.c.athlete_id == athlete_id,
                )
                .distinct()
            ).scalars()
            touched = set(exercises)
            # its entries go with it, and their sets with them (ON DELETE CASCADE)
            result = self._connection.execute(
                delete(import_batches).where(
                    import_batches.c.id == batch_id, import_batches.c.athlete_id == athlete_id
                )
            )
            _rebuild_records(self._connection, athlete_id, touched)
        if result.rowcount == 0:
            raise NotFound(f"No import batch {batch_id}.", {"batch_id": batch_id})

    def add_preview(self, preview: ImportPreview) -> None:
        values = {
            "id": preview.preview_id,
            "athlete_id": preview.athlete_id,
            "created_at": preview.created_at,
            "file_name": preview.file_name,
            "source": preview.source,
            "units": preview.units,
            "overrides": json.dumps(dict(preview.overrides)),
            "content": preview.content,
            "content_sha256": preview.content_sha256,
        }
        with storage_errors("keep the uploaded file"), self._connection.begin_nested():
            self._connection.execute(import_previews.insert().values(values))

    def preview(self, athlete_id: int, preview_id: str) -> ImportPreview:
        query = select(import_previews).where(
            import_previews.c.id == preview_id, import_previews.c.athlete_id == athlete_id
        )
        with storage_errors("read the import preview"):
            row = self._connection.execute(query).first()
        if row is None:
            raise NotFound(
                "No such import preview: it was confirmed already or has expired. Upload the "
                "file again.",
                {"preview_id": preview_id},
            )
        return ImportPreview(
            preview_id=row.id,
            athlete_id=row.athlete_id,
            created_at=row.created_at,
            file_name=row.file_name,
            source=row.source,
            units=row.units,
            overrides=tuple(sorted(json.loads(row.overrides).items())),
            content=bytes(row.content),
            content_sha256=row.content_sha256,
        )

    def delete_preview(self, athlete_id: int, preview_id: str) -> None:
        with storage_errors("forget the import preview"):
            self._connection.execute(
                delete(import_previews).where(
                    import_previews.c.id == preview_id, import_previews.c.athlete_id == athlete_id
                )
            )

    def prune_previews(self, athlete_id: int, before: datetime) -> int:
        with storage_errors("forget old import previews"):
            result = self._connection.execute(
                delete(import_previews).where(
                    import_previews.c.athlete_id == athlete_id,
                    import_previews.c.created_at < before,
                )
            )
        return int(result.rowcount)

    def remember_mapping(self, athlete_id: int, name_key: str, slug: str) -> None:
        values = {"athlete_id": athlete_id, "name_key": name_key[:200], "slug": slug}
        with storage_errors("remember the exercise mapping"):
            self._connection.execute(
                _upsert(self._connection, exercise_mappings, values, ("athlete_id", "name_key"))
            )

    def mappings(self, athlete_id: int) -> dict[str, str]:
        query = select(exercise_mappings.c.name_key, exercise_mappings.c.slug).where(
            exercise_mappings.c.athlete_id == athlete_id
        )
        with storage_errors("read the exercise mappings"):
            return {str(row[0]): str(row[1]) for row in self._connection.execute(query)}


class SqlOwnExerciseRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(self, exercise: OwnExercise) -> OwnExercise:
        values = {
            "athlete_id": exercise.athlete_id,
            "slug": exercise.slug,
            "name": exercise.name,
            "pattern": exercise.movement.value,
            "muscles": json.dumps([[m.value, c] for m, c in exercise.muscles]),
            "spinal_load": exercise.spinal_load.value,
            "source_name": exercise.source_name,
            "import_batch_id": exercise.import_batch_id,
        }
        try:
            with storage_errors(f"add exercise '{exercise.slug}'"), self._connection.begin_nested():
                result = self._connection.execute(athlete_exercises.insert().values(values))
        except Conflict as error:
            raise Conflict(
                f"You already have an exercise '{exercise.slug}'.", {"slug": exercise.slug}
            ) from error
        return replace(exercise, exercise_id=_new_id(result))

    def for_athlete(self, athlete_id: int) -> list[OwnExercise]:
        query = (
            select(athlete_exercises)
            .where(athlete_exercises.c.athlete_id == athlete_id)
            .order_by(athlete_exercises.c.slug)
        )
        with storage_errors("read your exercises"):
            return [
                OwnExercise(
                    athlete_id=row.athlete_id,
                    slug=row.slug,
                    name=row.name,
                    movement=Movement(row.pattern),
                    muscles=tuple((Muscle(m), float(c)) for m, c in json.loads(row.muscles)),
                    spinal_load=SpinalLoad(row.spinal_load),
                    source_name=row.source_name,
                    exercise_id=row.id,
                    import_batch_id=row.import_batch_id,
                )
                for row in self._connection.execute(query)
            ]

    def delete(self, athlete_id: int, slug: str) -> None:
        with storage_errors(f"delete exercise '{slug}'"):
            result = self._connection.execute(
                delete(athlete_exercises).where(
                    athlete_exercises.c.athlete_id == athlete_id, athlete_exercises.c.slug == slug
                )
            )
        if result.rowcount == 0:
            raise NotFound(f"You have no exercise '{slug}'.", {"slug": slug})


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
            "leg_symptoms": check_in.leg_symptoms,
        }
        with storage_errors("store the check-in"):
            self._connection.execute(
                _upsert(self._connection, check_ins, values, ("athlete_id", "checked_on"))
            )

    def recent(self, athlete_id: int, until: date, days: int) -> list[CheckIn]:
        since = date.fromordinal(until.toordinal() - days)
        parameters = {"athlete_id": athlete_id, "since": since, "until": until}
        with storage_errors("read check-ins"), reading_rows("check_ins"):
            return [
                _decoded("check_ins", row, _check_in)
                for row in self._connection.execute(_RECENT_CHECK_INS, parameters)
            ]

    def recent_page(self, athlete_id: int, until: date, days: int, window: Window) -> list[CheckIn]:
        since = date.fromordinal(until.toordinal() - days)
        parameters = {"athlete_id": athlete_id, "since": since, "until": until}
        query = _RECENT_CHECK_INS.limit(window.limit).offset(window.offset)
        with storage_errors("read check-ins"), reading_rows("check_ins"):
            return [
                _decoded("check_ins", row, _check_in)
                for row in self._connection.execute(query, parameters)
            ]

    def count_recent(self, athlete_id: int, until: date, days: int) -> int:
        since = date.fromordinal(until.toordinal() - days)
        query = (
            select(func.count())
            .select_from(check_ins)
            .where(
                check_ins.c.athlete_id == athlete_id,
                check_ins.c.checked_on > since,
                check_ins.c.checked_on <= until,
            )
        )
        with storage_errors("count check-ins"):
            return int(self._connection.execute(query).scalar_one())


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
        query = _PERFORMED if since is None else _PERFORMED_SINCE
        values = {"athlete_id": athlete_id, "since": since}
        with storage_errors("read performed sessions"), reading_rows("performed_sessions"):
            return [
                PerformedSession(
                    athlete_id=row.athlete_id,
                    on=row.performed_on,
                    session_rpe=row.session_rpe,
                    duration_min=row.duration_min,
                )
                for row in self._connection.execute(query, values)
            ]

    def training_days(self, athlete_id: int, window: Window) -> list[date]:
        days = _training_days(athlete_id)
        query = (
            select(days.c.day).order_by(days.c.day.desc()).limit(window.limit).offset(window.offset)
        )
        with storage_errors("read the training days"):
            return list(self._connection.execute(query).scalars())

    def count_training_days(self, athlete_id: int) -> int:
        query = select(func.count()).select_from(_training_days(athlete_id))
        with storage_errors("count the training days"):
            return int(self._connection.execute(query).scalar_one())


def _training_days(athlete_id: int) -> Subquery:
    """The distinct days with a log entry or a finished session (UNION drops the repeats)."""
    return union(
        select(log_entries.c.performed_on.label("day")).where(
            log_entries.c.athlete_id == athlete_id
        ),
        select(performed_sessions.c.performed_on.label("day")).where(
            performed_sessions.c.athlete_id == athlete_id
        ),
    ).subquery()


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
        with storage_errors("read test results"), reading_rows("endurance_results"):
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


class SqlTokenRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(self, token: ApiToken) -> ApiToken:
        with storage_errors("store the token"), self._connection.begin_nested():
            result = self._connection.execute(
                api_tokens.insert().values(
                    user_id=token.user_id,
                    name=token.name,
                    token_hash=token.token_hash,
                    prefix=token.prefix,
                    created_at=token.created_at,
                    last_used_at=token.last_used_at,
                    revoked_at=token.revoked_at,
                )
            )
        return replace(token, token_id=_new_id(result))

    def by_hash(self, token_hash: str) -> ApiToken | None:
        with storage_errors("read a token"):
            row = self._connection.execute(_TOKEN_BY_HASH, {"token_hash": token_hash}).first()
        return None if row is None else _token(row)

    def for_user(self, user_id: int) -> list[ApiToken]:
        query = (
            select(api_tokens)
            .where(api_tokens.c.user_id == user_id, api_tokens.c.revoked_at.is_(None))
            .order_by(api_tokens.c.id)
        )
        with storage_errors("read tokens"):
            return [_token(row) for row in self._connection.execute(query)]

    def revoke(self, user_id: int, token_id: int, revoked_at: datetime) -> bool:
        with storage_errors("revoke the token"):
            result = self._connection.execute(
                update(api_tokens)
                .where(
                    api_tokens.c.id == token_id,
                    api_tokens.c.user_id == user_id,
                    api_tokens.c.revoked_at.is_(None),
                )
                .values(revoked_at=revoked_at)
            )
        return int(result.rowcount) > 0

    def touch(self, token_id: int, used_at: datetime) -> None:
        with storage_errors("record the token's use"):
            self._connection.execute(
                update(api_tokens).where(api_tokens.c.id == token_id).values(last_used_at=used_at)
            )

    def set_calendar_feed(self, athlete_id: int, token_hash: str, created_at: datetime) -> None:
        values = {"athlete_id": athlete_id, "token_hash": token_hash, "created_at": created_at}
        with storage_errors("make the calendar feed"):
            self._connection.execute(
                _upsert(self._connection, calendar_feeds, values, ("athlete_id",))
            )

    def calendar_feed_athlete(self, token_hash: str) -> int | None:
        query = select(calendar_feeds.c.athlete_id).where(calendar_feeds.c.token_hash == token_hash)
        with storage_errors("read the calendar feed"):
            found = self._connection.execute(query).scalar()
        return None if found is None else int(found)

    def calendar_feed_since(self, athlete_id: int) -> datetime | None:
        query = select(calendar_feeds.c.created_at).where(calendar_feeds.c.athlete_id == athlete_id)
        with storage_errors("read the calendar feed"):
            found: datetime | None = self._connection.execute(query).scalar()
        return found

    def revoke_calendar_feed(self, athlete_id: int) -> bool:
        with storage_errors("revoke the calendar feed"):
            result = self._connection.execute(
                delete(calendar_feeds).where(calendar_feeds.c.athlete_id == athlete_id)
            )
        return bool(result.rowcount)


class SqlRateLimitRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def hit(self, key: str, window_start: int) -> int:
        values = {"key": key, "window_start": window_start, "hits": 1}
        statement = _upsert(
            self._connection,
            rate_limits,
            values,
            ("key", "window_start"),
            changes={"hits": rate_limits.c.hits + 1},
        ).returning(rate_limits.c.hits)
        with storage_errors("count the attempt"):
            return int(self._connection.execute(statement).scalar_one())

    def count(self, key: str, window_start: int) -> int:
        with storage_errors("read the attempt count"):
            hits = self._connection.execute(
                _RATE_LIMIT_HITS, {"key": key, "window_start": window_start}
            ).scalar()
        return int(hits or 0)

    def prune(self, before: int) -> int:
        with storage_errors("drop old attempt counts"):
            result = self._connection.execute(
                delete(rate_limits).where(rate_limits.c.window_start < before)
            )
        return int(result.rowcount)


class SqlCommentRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(self, comment: SessionComment) -> SessionComment:
        with storage_errors("store the comment"), self._connection.begin_nested():
            result = self._connection.execute(
                session_comments.insert().values(
                    athlete_id=comment.athlete_id,
                    session_on=comment.on,
                    author_user_id=comment.author_user_id,
                    text=comment.text,
                    created_at=comment.created_at,
                )
            )
        return replace(comment, comment_id=_new_id(result))

    def for_day(self, athlete_id: int, on: date) -> list[SessionComment]:
        query = (
            select(session_comments)
            .where(session_comments.c.athlete_id == athlete_id, session_comments.c.session_on == on)
            .order_by(session_comments.c.created_at, session_comments.c.id)
        )
        with storage_errors("read comments"):
            return [
                SessionComment(
                    athlete_id=row.athlete_id,
                    on=row.session_on,
                    author_user_id=row.author_user_id,
                    text=row.text,
                    created_at=row.created_at,
                    comment_id=row.id,
                )
                for row in self._connection.execute(query)
            ]


class SqlSecretRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def get_or_create(self, name: str, candidate: str) -> str:
        query = select(server_secrets.c.value).where(server_secrets.c.name == name)
        with storage_errors("read the server secret"):
            stored = self._connection.execute(query).scalar()
        if stored is not None:
            return str(stored)
        try:
            with storage_errors("store the server secret"), self._connection.begin_nested():
                self._connection.execute(
                    server_secrets.insert().values(name=name, value=candidate, created_at=_now())
                )
        except Conflict:
            pass  # another worker stored one first: use theirs
        with storage_errors("read the server secret"):
            return str(self._connection.execute(query).scalar_one())


# --- rows <-> domain ---------------------------------------------------------------------------

T = TypeVar("T")


def _decoded(table: str, row: Row[Any], convert: Callable[[Row[Any]], T]) -> T:
    """`convert(row)`, or a StorageError naming the row when it was edited into nonsense."""
    try:
        return convert(row)
    except ROW_DECODING_ERRORS as error:
        raise damaged_row(table, getattr(row, "id", None), error) from error


def _record_candidates(exercise: str, rows: Sequence[Any]) -> list[LoggedSet]:
    """One set per record group holding its bests (kept rows and the aggregate read alike)."""
    candidates: list[LoggedSet] = []
    for row in rows:
        if isinstance(row.load_kg, _NOT_NUMBERS) or isinstance(row.added_kg, _NOT_NUMBERS):
            raise TypeError(f"a load of {exercise} holds text: {row.load_kg!r}")
        base = LoggedSet(
            exercise=exercise,
            performed_on=row.performed_on,
            position=1,
            set_type=SetType(row.set_type),
            load_kg=row.load_kg,
            added_kg=row.added_kg,
            reps=row.reps,
            seconds=row.seconds,
            rir=row.rir,
            range_done=RangeDone(row.range_done),
        )
        candidates.append(base)
        if row.added_kg is not None and row.sets_with_added < row.sets:
            # a NULL added weight is plain bodyweight, which beats any assistance
            candidates.append(replace(base, added_kg=None))
    return candidates


RecordGroup = tuple[str, str, str, int | None, int | None]
"""(exercise, set type, range done, reps, RIR): the sets whose bests one kept record holds"""


def _record_groups(sets: Sequence[LoggedSet]) -> dict[RecordGroup, list[LoggedSet]]:
    groups: dict[RecordGroup, list[LoggedSet]] = {}
    for one in sets:
        key = (one.exercise, one.set_type.value, one.range_done.value, one.reps, one.rir)
        groups.setdefault(key, []).append(one)
    return groups


def _rebuild_records(connection: Connection, athlete_id: int, exercises: Collection[str]) -> None:
    """Recount the kept records of these exercises from their sets (after an edit, a delete,
    a move or a bulk write: rare, so reading the exercise's sets once is fine)."""
    wanted = sorted(set(exercises))
    if not wanted:
        return
    connection.execute(
        delete(exercise_records).where(
            exercise_records.c.athlete_id == athlete_id,
            exercise_records.c.exercise.in_(wanted),
        )
    )
    connection.execute(
        exercise_records.insert().from_select(
            _RECORD_COLUMNS,
            _RECORDS_FROM_SETS.where(
                logged_sets.c.athlete_id == athlete_id, logged_sets.c.exercise.in_(wanted)
            ),
        )
    )


def _group_order(group: RecordGroup) -> tuple[str, str, str, int, int]:
    exercise, set_type, range_done, reps, rir = group
    return (
        exercise,
        set_type,
        range_done,
        -1 if reps is None else reps,
        -1 if rir is None else rir,
    )


def _greater(column: Any, new: ColumnElement[Any]) -> ColumnElement[Any]:
    """The larger of a kept value and a new one, NULL counting as nothing (as MAX does)."""
    return case((or_(column.is_(None), new > column), func.coalesce(new, column)), else_=column)


def _lesser(column: Any, new: ColumnElement[Any]) -> ColumnElement[Any]:
    return case((new < column, new), else_=column)


_SET_COLUMNS = (
    "entry_id",
    "athlete_id",
    "exercise",
    "performed_on",
    "position",
    "set_type",
    "load_kg",
    "added_kg",
    "reps",
    "seconds",
    "rir",
    "range_done",
    "pain",
    "note",
    "distance_m",
    "prescribed_load_kg",
    "prescribed_reps",
    "prescribed_seconds",
    "prescribed_rir",
)
"""the columns a logged set writes (its id is the database's)"""

_SET_ROW = tuple(logged_sets.c[name] for name in ("id", *_SET_COLUMNS))

# statements every logged set runs, built once (building a statement costs as much as running it)
_INSERT_ENTRY = log_entries.insert()
_INSERT_SETS = logged_sets.insert()
_ENTRY_BY_KEY = select(log_entries).where(
    log_entries.c.athlete_id == bindparam("athlete_id"),
    log_entries.c.idempotency_key == bindparam("idempotency_key"),
)
_SETS_OF_ENTRIES = (
    select(*_SET_ROW)
    .where(logged_sets.c.entry_id.in_(bindparam("entry_ids", expanding=True)))
    .order_by(logged_sets.c.entry_id, logged_sets.c.position)
)
_PERFORMED = (
    select(performed_sessions)
    .where(performed_sessions.c.athlete_id == bindparam("athlete_id"))
    .order_by(performed_sessions.c.performed_on)
)
_PERFORMED_SINCE = _PERFORMED.where(performed_sessions.c.performed_on >= bindparam("since"))
"""The columns a set is read with, in the order `_logged_set` unpacks them (a column added to
the table is read once it is added here too)."""

# --- the statements of the hot paths, built once -------------------------------------------------

_ATHLETE_BY_ID = select(athletes).where(athletes.c.id == bindparam("athlete_id"))
_ATHLETES_OF_USER = (
    select(athletes).where(athletes.c.user_id == bindparam("user_id")).order_by(athletes.c.id)
)
_USER_BY_ID = select(users).where(users.c.id == bindparam("user_id"))
_TOKEN_BY_HASH = select(api_tokens).where(api_tokens.c.token_hash == bindparam("token_hash"))
_RATE_LIMIT_HITS = select(rate_limits.c.hits).where(
    rate_limits.c.key == bindparam("key"), rate_limits.c.window_start == bindparam("window_start")
)
# the stored plan (tens of KB) is read only when the decoded-plan cache does not hold it
_CURRENT_PROGRAM = (
    select(*(c for c in programs.c if c.name != "plan_document"))
    .where(programs.c.athlete_id == bindparam("athlete_id"))
    .order_by(programs.c.started_on.desc(), programs.c.id.desc())
    .limit(1)
)
_PROGRAM_DOCUMENT = select(programs.c.plan_document).where(
    programs.c.id == bindparam("program_id"), programs.c.athlete_id == bindparam("athlete_id")
)

# every `today` and `log` reads the current program's swaps
_PROGRAM_SWAPS = (
    select(program_swaps)
    .where(
        program_swaps.c.athlete_id == bindparam("athlete_id"),
        program_swaps.c.program_id == bindparam("program_id"),
    )
    .order_by(program_swaps.c.id)
)

_RECORD_GROUP = (
    logged_sets.c.set_type,
    logged_sets.c.range_done,
    logged_sets.c.reps,
    logged_sets.c.rir,
)
_RECORD_CANDIDATES = (
    select(
        *_RECORD_GROUP,
        func.max(logged_sets.c.load_kg).label("load_kg"),
        func.max(logged_sets.c.added_kg).label("added_kg"),
        func.count().label("sets"),
        func.count(logged_sets.c.added_kg).label("sets_with_added"),
        func.max(logged_sets.c.seconds).label("seconds"),
        func.min(logged_sets.c.performed_on).label("performed_on"),
    )
    .where(
        logged_sets.c.athlete_id == bindparam("athlete_id"),
        logged_sets.c.exercise == bindparam("exercise"),
        logged_sets.c.performed_on <= bindparam("until"),
    )
    .group_by(*_RECORD_GROUP)
)

_RECORDS_FROM_SETS = select(
    logged_sets.c.athlete_id,
    logged_sets.c.exercise,
    *_RECORD_GROUP,
    func.max(logged_sets.c.load_kg),
    func.max(logged_sets.c.added_kg),
    func.count(),
    func.count(logged_sets.c.added_kg),
    func.max(logged_sets.c.seconds),
    func.min(logged_sets.c.performed_on),
    func.max(logged_sets.c.performed_on),
).group_by(logged_sets.c.athlete_id, logged_sets.c.exercise, *_RECORD_GROUP)
"""The kept records recounted from the sets (add a WHERE for the athlete and exercises)"""
_RECORD_COLUMNS = [
    "athlete_id",
    "exercise",
    "set_type",
    "range_done",
    "reps",
    "rir",
    "load_kg",
    "added_kg",
    "sets",
    "sets_with_added",
    "seconds",
    "first_on",
    "last_on",
]

_KEPT_RECORDS = select(
    exercise_records.c.set_type,
    exercise_records.c.range_done,
    exercise_records.c.reps,
    exercise_records.c.rir,
    exercise_records.c.load_kg,
    exercise_records.c.added_kg,
    exercise_records.c.sets,
    exercise_records.c.sets_with_added,
    exercise_records.c.seconds,
    exercise_records.c.first_on.label("performed_on"),
    exercise_records.c.last_on,
).where(
    exercise_records.c.athlete_id == bindparam("athlete_id"),
    exercise_records.c.exercise == bindparam("exercise"),
)

_MERGE_RECORD = (
    update(exercise_records)
    .where(
        exercise_records.c.athlete_id == bindparam("r_athlete_id"),
        exercise_records.c.exercise == bindparam("r_exercise"),
        exercise_records.c.set_type == bindparam("r_set_type"),
        exercise_records.c.range_done == bindparam("r_range_done"),
        exercise_records.c.reps.is_not_distinct_from(bindparam("r_reps", type_=Integer)),
        exercise_records.c.rir.is_not_distinct_from(bindparam("r_rir", type_=Integer)),
    )
    .values(
        load_kg=_greater(exercise_records.c.load_kg, bindparam("new_load_kg", type_=Double)),
        added_kg=_greater(exercise_records.c.added_kg, bindparam("new_added_kg", type_=Double)),
        sets=exercise_records.c.sets + bindparam("new_sets", type_=Integer),
        sets_with_added=exercise_records.c.sets_with_added
        + bindparam("new_sets_with_added", type_=Integer),
        seconds=_greater(exercise_records.c.seconds, bindparam("new_seconds", type_=Integer)),
        first_on=_lesser(exercise_records.c.first_on, bindparam("new_first_on", type_=Date)),
        last_on=_greater(exercise_records.c.last_on, bindparam("new_last_on", type_=Date)),
    )
)

_INSERT_RECORD = exercise_records.insert().values(
    athlete_id=bindparam("r_athlete_id"),
    exercise=bindparam("r_exercise"),
    set_type=bindparam("r_set_type"),
    range_done=bindparam("r_range_done"),
    reps=bindparam("r_reps", type_=Integer),
    rir=bindparam("r_rir", type_=Integer),
    load_kg=bindparam("new_load_kg", type_=Double),
    added_kg=bindparam("new_added_kg", type_=Double),
    sets=bindparam("new_sets", type_=Integer),
    sets_with_added=bindparam("new_sets_with_added", type_=Integer),
    seconds=bindparam("new_seconds", type_=Integer),
    first_on=bindparam("new_first_on", type_=Date),
    last_on=bindparam("new_last_on", type_=Date),
)

_EXPOSURE_DAYS = (
    select(logged_sets.c.performed_on)
    .where(
        logged_sets.c.athlete_id == bindparam("athlete_id"),
        logged_sets.c.exercise == bindparam("exercise"),
        logged_sets.c.performed_on >= bindparam("since", type_=Date),
        logged_sets.c.performed_on <= bindparam("until", type_=Date),
    )
    .distinct()
    .order_by(logged_sets.c.performed_on.desc())
)

_LAST_DAY_WITH_SETS = (
    select(func.max(log_entries.c.performed_on))
    .where(
        log_entries.c.athlete_id == bindparam("athlete_id"),
        log_entries.c.performed_on >= bindparam("since", type_=Date),
        log_entries.c.performed_on <= bindparam("until", type_=Date),
        select(logged_sets.c.id).where(logged_sets.c.entry_id == log_entries.c.id).exists(),
    )
    .scalar_subquery()
)
_SETS_OF_LAST_DAY = (
    select(*_SET_ROW)
    .join(log_entries, log_entries.c.id == logged_sets.c.entry_id)
    .where(
        log_entries.c.athlete_id == bindparam("athlete_id"),
        log_entries.c.performed_on == _LAST_DAY_WITH_SETS,
    )
    # by entry id, not log time: ordering by logged_at led SQLite through the athlete's every entry
    .order_by(logged_sets.c.entry_id, logged_sets.c.position)
)

_LAST_LOGGED_ON = (
    select(log_entries.c.performed_on)
    .where(log_entries.c.athlete_id == bindparam("athlete_id"))
    .order_by(log_entries.c.logged_at.desc(), log_entries.c.id.desc())
    .limit(1)
)

_RECENT_CHECK_INS = (
    select(check_ins)
    .where(
        check_ins.c.athlete_id == bindparam("athlete_id"),
        check_ins.c.checked_on > bindparam("since"),
        check_ins.c.checked_on <= bindparam("until"),
    )
    .order_by(check_ins.c.checked_on)
)


@functools.cache
def _sets_query(by_exercise: bool, has_since: bool, has_until: bool) -> Select[Any]:
    """`sets_for`'s statement for one combination of filters (eight at most, each built once)."""
    athlete_id = bindparam("athlete_id", type_=Integer)
    query = (
        select(*_SET_ROW)
        .join(log_entries, log_entries.c.id == logged_sets.c.entry_id)
        .where(logged_sets.c.athlete_id == athlete_id)
        .order_by(
            logged_sets.c.performed_on,
            log_entries.c.logged_at,
            log_entries.c.id,
            logged_sets.c.position,
        )
    )
    if by_exercise:
        query = query.where(logged_sets.c.exercise.in_(bindparam("exercises", expanding=True)))
    # A window over every exercise is found through the entries' (athlete, day) index: an
    # entry's sets are on its day (`add_entry` checks), so the entries' bounds match the sets'
    # own, and the database reads only the days asked for instead of the whole log.
    by_day = not by_exercise and (has_since or has_until)
    if by_day:
        query = query.where(log_entries.c.athlete_id == athlete_id)
    if has_since:
        since = bindparam("since", type_=Date)
        query = query.where(logged_sets.c.performed_on >= since)
        if by_day:
            query = query.where(log_entries.c.performed_on >= since)
    if has_until:
        until = bindparam("until", type_=Date)
        query = query.where(logged_sets.c.performed_on <= until)
        if by_day:
            query = query.where(log_entries.c.performed_on <= until)
    return query


def _check_same_day(entry: LogEntry) -> None:
    """An entry's sets are on the entry's day: `sets_for` finds a day's sets through it."""
    days = sorted(
        {s.performed_on.isoformat() for s in entry.sets if s.performed_on != entry.performed_on}
    )
    if days:
        raise InputError(
            f"The sets of an entry are on its day ({entry.performed_on.isoformat()}); "
            f"got sets on {', '.join(days)}.",
            {"performed_on": entry.performed_on.isoformat(), "set_days": days},
        )


def _upsert(
    connection: Connection,
    table: Any,
    values: Mapping[str, Any],
    key: tuple[str, ...],
    changes: Mapping[str, Any] | None = None,
) -> Insert:
    """INSERT ... ON CONFLICT (key) DO UPDATE, in the dialect's own words (SQLite, PostgreSQL);
    the update sets `changes`, or else every non-key value."""
    if changes is None:
        changes = {name: value for name, value in values.items() if name not in key}
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql  # imported only when PostgreSQL is in use

        pg = postgresql.insert(table).values(dict(values))
        return pg.on_conflict_do_update(index_elements=list(key), set_=changes)
    from sqlalchemy.dialects import sqlite

    lite = sqlite.insert(table).values(dict(values))
    return lite.on_conflict_do_update(index_elements=list(key), set_=changes)


def _token(row: Row[Any]) -> ApiToken:
    return ApiToken(
        user_id=row.user_id,
        name=row.name,
        token_hash=row.token_hash,
        prefix=row.prefix,
        created_at=row.created_at,
        last_used_at=row.last_used_at,
        revoked_at=row.revoked_at,
        token_id=row.id,
    )


def _new_id(result: CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    if key is None or key[0] is None:
        raise StorageError("The database did not return the id of the new row.")
    return int(key[0])


def _replace_athlete_id(athlete: Athlete, athlete_id: int) -> Athlete:
    return replace(athlete, plates_kg=tuple(athlete.plates_kg), athlete_id=athlete_id)


def _user(row: Row[Any]) -> User:
    return User(
        username=row.username,
        role=Role(row.role),
        display_name=row.display_name,
        password_hash=row.password_hash,
        user_id=row.id,
        session_epoch=row.session_epoch,
    )


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
    plates = json.loads(row.plates_kg)
    if not isinstance(plates, list):
        raise TypeError(f"plates_kg holds {row.plates_kg!r}, not a list of sizes")
    return Athlete(
        name=row.name,
        units=Units(row.units),
        bodyweight_kg=None if row.bodyweight_kg is None else _finite(row.bodyweight_kg),
        plates_kg=tuple(_finite(p) for p in plates),
        bar_kg=_finite(row.bar_kg),
        dumbbell_step_kg=_finite(row.dumbbell_step_kg),
        athlete_id=row.id,
        user_id=row.user_id,
    )


def _finite(value: object) -> float:
    """A stored number; text, NaN or infinity (JSON and SQLite both allow them) is damage."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{value!r} is not a finite number")
    return float(value)


def _duplicate_athlete(name: str) -> Conflict:
    return Conflict(f"You already have an athlete named '{name}'.", {"name": name})


def _swap(row: Row[Any]) -> ProgramSwap:
    carried = None if row.carried is None else KnownSet(**json.loads(row.carried))
    return ProgramSwap(
        from_exercise=row.from_exercise,
        to_exercise=row.to_exercise,
        effective_on=row.effective_on,
        carried=carried,
        swap_id=row.id,
    )


def _known_json(known: KnownSet) -> dict[str, Any]:
    return asdict(known)


def _entry_values(entry: LogEntry) -> dict[str, Any]:
    return {
        "athlete_id": entry.athlete_id,
        "exercise": entry.exercise,
        "performed_on": entry.performed_on,
        "logged_at": entry.logged_at,
        "source": entry.source,
        "idempotency_key": entry.idempotency_key,
        "import_batch_id": entry.import_batch_id,
        "started_at": None if entry.started_at is None else entry.started_at.isoformat(),
        "workout": entry.workout,
    }


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _import_record(row: Row[Any]) -> ImportRecord:
    return ImportRecord(
        athlete_id=row.athlete_id,
        source=row.source,
        dialect=row.dialect,
        file_name=row.file_name,
        imported_at=row.imported_at,
        rows_read=row.rows_read,
        entries_imported=row.entries_imported,
        sets_imported=row.sets_imported,
        sets_duplicate=row.sets_duplicate,
        rows_skipped=row.rows_skipped,
        batch_id=row.id,
    )


def _set_values(logged: LoggedSet, entry_id: int, athlete_id: int) -> dict[str, Any]:
    prescribed = logged.prescribed
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
        "distance_m": logged.distance_m,
        "prescribed_load_kg": None if prescribed is None else prescribed.load_kg,
        "prescribed_reps": None if prescribed is None else prescribed.reps,
        "prescribed_seconds": None if prescribed is None else prescribed.seconds,
        "prescribed_rir": None if prescribed is None else prescribed.rir,
    }


def _set_row(logged: LoggedSet, entry_id: int, athlete_id: int) -> tuple[Any, ...]:
    """`_set_values` as a tuple in `_SET_COLUMNS` order, for the bulk insert."""
    prescribed = logged.prescribed
    return (
        entry_id,
        athlete_id,
        logged.exercise,
        logged.performed_on,
        logged.position,
        logged.set_type.value,
        logged.load_kg,
        logged.added_kg,
        logged.reps,
        logged.seconds,
        logged.rir,
        logged.range_done.value,
        logged.pain,
        logged.note,
        logged.distance_m,
        None if prescribed is None else prescribed.load_kg,
        None if prescribed is None else prescribed.reps,
        None if prescribed is None else prescribed.seconds,
        None if prescribed is None else prescribed.rir,
    )


# Plain dict lookups: `SetType(value)` goes through EnumMeta.__call__, which dominated reading
# a long history (about 40% of `sets_for` on 40,000 rows).
_SET_TYPES = {member.value: member for member in SetType}
_RANGES = {member.value: member for member in RangeDone}


_NOT_NUMBERS = (str, bytes)


def _decoded_set(row: Row[Any]) -> LoggedSet:
    try:
        return _logged_set(row)
    except ROW_DECODING_ERRORS as error:
        raise damaged_row("logged_sets", row.id, error) from error


def _logged_set(row: Sequence[Any]) -> LoggedSet:
    # Unpacked by position (the statements select `_SET_ROW`, in this order): reading 20
    # attributes of a Row by name was half of decoding a long history.
    (
        _,
        _,
        _,
        exercise,
        performed_on,
        position,
        set_type,
        load_kg,
        added_kg,
        reps,
        seconds,
        rir,
        range_done,
        pain,
        note,
        distance_m,
        prescribed_load_kg,
        prescribed_reps,
        prescribed_seconds,
        prescribed_rir,
    ) = row
    # SQLite keeps text typed into a number column as text; it would fail far from here.
    if isinstance(load_kg, _NOT_NUMBERS) or isinstance(added_kg, _NOT_NUMBERS):
        raise TypeError(f"load_kg/added_kg hold {load_kg!r}/{added_kg!r}, not numbers")
    if (
        isinstance(reps, _NOT_NUMBERS)
        or isinstance(seconds, _NOT_NUMBERS)
        or isinstance(rir, _NOT_NUMBERS)
        or isinstance(pain, _NOT_NUMBERS)
    ):
        raise TypeError("reps, seconds, rir or pain holds text, not a number")
    prescribed = (
        None
        if prescribed_load_kg is None
        and prescribed_reps is None
        and prescribed_seconds is None
        and prescribed_rir is None
        else Prescribed(prescribed_load_kg, prescribed_reps, prescribed_seconds, prescribed_rir)
    )
    return LoggedSet(
        exercise,
        performed_on,
        position,
        _SET_TYPES[set_type],
        load_kg,
        added_kg,
        reps,
        seconds,
        rir,
        _RANGES[range_done],
        pain,
        note,
        distance_m,
        prescribed,
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
        leg_symptoms=bool(row.leg_symptoms),
    )

"""In-memory repositories and unit of work for fast service tests (cosmicpython style).

They implement the protocols of `backbone.services.ports` and pass the same contract suite as the
SQL adapters (`tests/integration/test_repository_contract.py`), transactions included: a unit of
work works on a copy of the store and `commit()` publishes it.

    store = FakeStore()
    new_uow = store.unit_of_work          # a UnitOfWorkFactory for the services
    app = Backbone(knowledge=facts, database=store, clock=clock)   # the application over it
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from types import TracebackType
from typing import Self, TypeVar

from backbone.domain.accounts import ApiToken, CoachGrant, SessionComment, User
from backbone.domain.athlete import Athlete
from backbone.domain.endurance import EnduranceResult
from backbone.domain.errors import Conflict, InputError, NotFound, StorageError
from backbone.domain.history import (
    CheckIn,
    ImportPreview,
    ImportRecord,
    LogEntry,
    LoggedSet,
    PerformedSession,
)
from backbone.domain.own_exercise import OwnExercise
from backbone.domain.program import ProgramSwap, RunningProgram
from backbone.services.ports import DatabaseHealth, StoredProgram, Window
from backbone.storage.plan_format import decode_plan, encode_plan


@dataclass
class _Tables:
    users: dict[int, User] = field(default_factory=dict)
    grants: dict[int, CoachGrant] = field(default_factory=dict)
    athletes: dict[int, Athlete] = field(default_factory=dict)
    programs: dict[int, RunningProgram] = field(default_factory=dict)
    entries: dict[int, LogEntry] = field(default_factory=dict)
    check_ins: dict[tuple[int, date], CheckIn] = field(default_factory=dict)
    sessions: dict[tuple[int, date], PerformedSession] = field(default_factory=dict)
    endurance: dict[int, EnduranceResult] = field(default_factory=dict)
    tokens: dict[int, ApiToken] = field(default_factory=dict)
    rate_limits: dict[tuple[str, int], int] = field(default_factory=dict)
    comments: dict[int, SessionComment] = field(default_factory=dict)
    secrets: dict[str, str] = field(default_factory=dict)
    imports: dict[int, ImportRecord] = field(default_factory=dict)
    own_exercises: dict[tuple[int, str], OwnExercise] = field(default_factory=dict)
    previews: dict[str, ImportPreview] = field(default_factory=dict)
    mappings: dict[tuple[int, str], str] = field(default_factory=dict)
    calendar_feeds: dict[int, tuple[str, datetime]] = field(default_factory=dict)
    next_id: dict[str, int] = field(default_factory=dict)

    def new_id(self, table: str) -> int:
        self.next_id[table] = self.next_id.get(table, 0) + 1
        return self.next_id[table]

    def copy(self) -> _Tables:
        """A transaction's working copy: new dicts, the same frozen values."""
        return _Tables(
            **{f.name: copy.copy(getattr(self, f.name)) for f in dataclasses.fields(self)}
        )

    def require_athlete(self, athlete_id: int) -> None:
        if athlete_id not in self.athletes:
            raise NotFound(f"No athlete with id {athlete_id}.", {"athlete_id": athlete_id})


class FakeStore:
    """The committed state that unit-of-work instances share (one "database")."""

    location = "in memory"

    def __init__(self) -> None:
        self.committed = _Tables()
        self.commits = 0

    def unit_of_work(self) -> FakeUnitOfWork:
        return FakeUnitOfWork(self)

    def upgrade(self) -> None:
        """Nothing to migrate in memory."""

    def check(self) -> DatabaseHealth:
        """Memory is never damaged; the fake has no schema revisions."""
        return DatabaseHealth(self.location, (), None, "memory")

    def dispose(self) -> None:
        """No connections to close."""

    def readiness(self) -> str | None:
        """Always ready."""
        return None


class FakeUserRepository:
    def __init__(self, tables: _Tables) -> None:
        self._tables = tables

    def add(self, user: User) -> User:
        if self.by_username(user.username) is not None:
            raise Conflict(f"The username '{user.username}' is taken.", {"username": user.username})
        stored = dataclasses.replace(user, user_id=self._tables.new_id("users"))
        assert stored.user_id is not None
        self._tables.users[stored.user_id] = stored
        return stored

    def get(self, user_id: int) -> User:
        if user_id not in self._tables.users:
            raise NotFound(f"No user with id {user_id}.", {"user_id": user_id})
        return self._tables.users[user_id]

    def by_username(self, username: str) -> User | None:
        return next((u for u in self._tables.users.values() if u.username == username), None)

    def end_sessions(self, user_id: int) -> int:
        user = self.get(user_id)
        self._tables.users[user_id] = dataclasses.replace(
            user, session_epoch=user.session_epoch + 1
        )
        return user.session_epoch + 1


class FakeGrantRepository:
    def __init__(self, tables: _Tables) -> None:
        self._tables = tables

    def grant(self, grant: CoachGrant) -> CoachGrant:
        self._tables.require_athlete(grant.athlete_id)
        if grant.coach_user_id not in self._tables.users:
            raise NotFound(f"No user with id {grant.coach_user_id}.", {})
        self.revoke(grant.athlete_id, grant.coach_user_id, grant.granted_at)
        stored = dataclasses.replace(
            grant,
            granted_at=_utc(grant.granted_at),
            revoked_at=None,
            grant_id=self._tables.new_id("grants"),
        )
        assert stored.grant_id is not None
        self._tables.grants[stored.grant_id] = stored
        return stored

    def revoke(self, athlete_id: int, coach_user_id: int, revoked_at: datetime) -> bool:
        ended = False
        for grant_id, grant in list(self._tables.grants.items()):
            if grant.active and (grant.athlete_id, grant.coach_user_id) == (
                athlete_id,
                coach_user_id,
            ):
                self._tables.grants[grant_id] = dataclasses.replace(
                    grant, revoked_at=_utc(revoked_at)
                )
                ended = True
        return ended

    def for_athlete(self, athlete_id: int) -> list[CoachGrant]:
        return [g for g in self._tables.grants.values() if g.active and g.athlete_id == athlete_id]

    def for_coach(self, coach_user_id: int) -> list[CoachGrant]:
        return [
            g for g in self._tables.grants.values() if g.active and g.coach_user_id == coach_user_id
        ]


class FakeAthleteRepository:
    def __init__(self, tables: _Tables) -> None:
        self._tables = tables

    def add(self, athlete: Athlete) -> Athlete:
        if athlete.user_id is None or athlete.user_id not in self._tables.users:
            raise NotFound("An athlete needs the user who owns it.", {"name": athlete.name})
        if self._same_name(athlete) is not None:
            raise Conflict(
                f"You already have an athlete named '{athlete.name}'.", {"name": athlete.name}
            )
        stored = dataclasses.replace(athlete, athlete_id=self._tables.new_id("athletes"))
        assert stored.athlete_id is not None
        self._tables.athletes[stored.athlete_id] = stored
        return stored

    def get(self, athlete_id: int) -> Athlete:
        self._tables.require_athlete(athlete_id)
        return self._tables.athletes[athlete_id]

    def owned_by(self, user_id: int) -> list[Athlete]:
        return sorted(
            (a for a in self._tables.athletes.values() if a.user_id == user_id),
            key=lambda a: a.athlete_id or 0,
        )

    def _same_name(self, athlete: Athlete) -> Athlete | None:
        return next(
            (
                a
                for a in self._tables.athletes.values()
                if a.user_id == athlete.user_id and a.name == athlete.name
            ),
            None,
        )

    def update(self, athlete: Athlete) -> None:
        if athlete.athlete_id is None or athlete.athlete_id not in self._tables.athletes:
            raise NotFound(
                f"No athlete with id {athlete.athlete_id}.", {"athlete_id": athlete.athlete_id}
            )
        owner = self._tables.athletes[athlete.athlete_id].user_id
        athlete = dataclasses.replace(athlete, user_id=owner)  # the owner never changes
        same_name = self._same_name(athlete)
        if same_name is not None and same_name.athlete_id != athlete.athlete_id:
            raise Conflict(
                f"You already have an athlete named '{athlete.name}'.", {"name": athlete.name}
            )
        self._tables.athletes[athlete.athlete_id] = athlete


class FakeProgramRepository:
    def __init__(self, tables: _Tables) -> None:
        self._tables = tables

    def add(self, program: RunningProgram) -> RunningProgram:
        self._tables.require_athlete(program.athlete_id)
        stored = dataclasses.replace(program, program_id=self._tables.new_id("programs"))
        assert stored.program_id is not None
        self._tables.programs[stored.program_id] = stored
        return stored

    def current(self, athlete_id: int) -> RunningProgram | None:
        mine = [p for p in self._tables.programs.values() if p.athlete_id == athlete_id]
        return max(mine, key=lambda p: (p.started_on, p.program_id or 0), default=None)

    def add_swap(self, athlete_id: int, program_id: int, swap: ProgramSwap) -> ProgramSwap:
        program = self._tables.programs.get(program_id)
        if program is None or program.athlete_id != athlete_id:
            raise NotFound(f"No program with id {program_id}.", {"program_id": program_id})
        stored = dataclasses.replace(swap, swap_id=self._tables.new_id("program_swaps"))
        self._tables.programs[program_id] = dataclasses.replace(
            program, swaps=(*program.swaps, stored)
        )
        return stored

    def stored(self, athlete_id: int) -> list[StoredProgram]:
        mine = sorted(
            (p for p in self._tables.programs.values() if p.athlete_id == athlete_id),
            key=lambda p: (p.started_on, p.program_id or 0),
        )
        found = []
        for program in mine:
            plan_format, document = encode_plan(program.plan)
            found.append(
                StoredProgram(
                    program.athlete_id,
                    program.started_on,
                    program.plan_options,
                    plan_format,
                    document,
                    program.known,
                    program.swaps,
                )
            )
        return found

    def add_stored(self, program: StoredProgram) -> None:
        plan = decode_plan(program.plan_format, program.plan_document, program.plan_options)
        stored = self.add(
            RunningProgram(
                program.athlete_id, program.started_on, plan, program.plan_options, program.known
            )
        )
        assert stored.program_id is not None
        for swap in program.swaps:
            self.add_swap(program.athlete_id, stored.program_id, swap)


class FakeSetRepository:
    def __init__(self, tables: _Tables) -> None:
        self._tables = tables

    def add_entry(self, entry: LogEntry) -> LogEntry:
        self._tables.require_athlete(entry.athlete_id)
        if entry.import_batch_id is not None and entry.import_batch_id not in self._tables.imports:
            raise NotFound(f"No import batch {entry.import_batch_id}.", {})
        days = sorted(
            {s.performed_on.isoformat() for s in entry.sets if s.performed_on != entry.performed_on}
        )
        if days:
            raise InputError(
                "The sets of an entry are on its day.",
                {"performed_on": entry.performed_on.isoformat(), "set_days": days},
            )
        positions = [s.position for s in entry.sets]
        if len(set(positions)) != len(positions):
            raise Conflict("Two sets of one entry share a position.", {"positions": positions})
        if entry.idempotency_key is not None and (
            self.entry_by_key(entry.athlete_id, entry.idempotency_key) is not None
        ):
            raise Conflict("That idempotency key was already used.", {})
        stored = dataclasses.replace(
            entry,
            logged_at=_utc(entry.logged_at),
            sets=tuple(entry.sets),
            entry_id=self._tables.new_id("entries"),
        )
        assert stored.entry_id is not None
        self._tables.entries[stored.entry_id] = stored
        return stored

    def entry_by_key(self, athlete_id: int, idempotency_key: str) -> LogEntry | None:
        return next(
            (
                _sorted_sets(e)
                for e in self._tables.entries.values()
                if e.athlete_id == athlete_id and e.idempotency_key == idempotency_key
            ),
            None,
        )

    def record_candidates(self, athlete_id: int, exercise: str, until: date) -> list[LoggedSet]:
        # every set is a candidate: the PR check's answer is the same, only slower
        return self.sets_for(athlete_id, [exercise], until=until)

    def exposure_days(self, athlete_id: int, exercise: str, since: date, until: date) -> list[date]:
        days = {s.performed_on for s in self.sets_for(athlete_id, [exercise], since, until)}
        return sorted(days, reverse=True)

    def sets_of_last_day(self, athlete_id: int, since: date, until: date) -> list[LoggedSet]:
        window = self.sets_for(athlete_id, since=since, until=until)
        if not window:
            return []
        last_day = max(s.performed_on for s in window)
        return [
            s
            for entry in sorted(self._tables.entries.values(), key=lambda e: e.entry_id or 0)
            if entry.athlete_id == athlete_id and entry.performed_on == last_day
            for s in sorted(entry.sets, key=lambda s: s.position)
        ]

    def sets_for(
        self,
        athlete_id: int,
        exercises: Sequence[str] | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> list[LoggedSet]:
        found = [
            (s.performed_on, e.logged_at, e.entry_id or 0, s.position, s)
            for e in self._tables.entries.values()
            if e.athlete_id == athlete_id
            for s in e.sets
            if (exercises is None or s.exercise in exercises)
            and (since is None or s.performed_on >= since)
            and (until is None or s.performed_on <= until)
        ]
        return [row[-1] for row in sorted(found, key=lambda row: row[:4])]

    def entries(self, athlete_id: int, since: date | None = None) -> list[LogEntry]:
        mine = [
            e
            for e in self._tables.entries.values()
            if e.athlete_id == athlete_id and (since is None or e.performed_on >= since)
        ]
        return [_sorted_sets(e) for e in sorted(mine, key=_entry_order)]

    def entries_page(
        self,
        athlete_id: int,
        window: Window,
        *,
        exercise: str | None = None,
        since: date | None = None,
    ) -> list[LogEntry]:
        return _window(self._filtered(athlete_id, exercise, since), window)

    def count_entries(
        self, athlete_id: int, *, exercise: str | None = None, since: date | None = None
    ) -> int:
        return len(self._filtered(athlete_id, exercise, since))

    def _filtered(
        self, athlete_id: int, exercise: str | None, since: date | None
    ) -> list[LogEntry]:
        return [
            e for e in self.entries(athlete_id, since) if exercise is None or e.exercise == exercise
        ]

    def last_entry(self, athlete_id: int) -> LogEntry | None:
        mine = [e for e in self._tables.entries.values() if e.athlete_id == athlete_id]
        last = max(mine, key=lambda e: (e.logged_at, e.entry_id or 0), default=None)
        return None if last is None else _sorted_sets(last)

    def last_logged_on(self, athlete_id: int) -> date | None:
        last = self.last_entry(athlete_id)
        return None if last is None else last.performed_on

    def delete_entry(self, athlete_id: int, entry_id: int) -> None:
        found = self._tables.entries.get(entry_id)
        if found is None or found.athlete_id != athlete_id:
            raise NotFound(f"No log entry with id {entry_id}.", {"entry_id": entry_id})
        del self._tables.entries[entry_id]

    def entry(self, athlete_id: int, entry_id: int) -> LogEntry | None:
        found = self._tables.entries.get(entry_id)
        if found is None or found.athlete_id != athlete_id:
            return None
        return _sorted_sets(found)

    def replace_set(self, athlete_id: int, entry_id: int, logged: LoggedSet) -> None:
        found = self.entry(athlete_id, entry_id)
        if found is None or all(s.position != logged.position for s in found.sets):
            raise NotFound(
                f"No set {logged.position} in log entry {entry_id}.",
                {"entry_id": entry_id, "position": logged.position},
            )
        kept = dataclasses.replace(logged, exercise=found.exercise, performed_on=found.performed_on)
        self._tables.entries[entry_id] = dataclasses.replace(
            found, sets=tuple(kept if s.position == logged.position else s for s in found.sets)
        )

    def add_entries(self, athlete_id: int, entries: Sequence[LogEntry]) -> int:
        if any(e.athlete_id != athlete_id for e in entries):
            raise StorageError("Every entry of a bulk write must belong to the one athlete.")
        before = dict(self._tables.entries), dict(self._tables.next_id)
        try:
            for entry in entries:
                self.add_entry(entry)
        except Exception:
            self._tables.entries, self._tables.next_id = before  # all or nothing
            raise
        return sum(len(e.sets) for e in entries)

    def known_keys(self, athlete_id: int, keys: Collection[str]) -> set[str]:
        wanted = set(keys)
        return {
            e.idempotency_key
            for e in self._tables.entries.values()
            if e.athlete_id == athlete_id and e.idempotency_key in wanted
        }

    def repoint(self, athlete_id: int, from_exercise: str, to_exercise: str) -> int:
        moved = 0
        for entry_id, entry in list(self._tables.entries.items()):
            if entry.athlete_id != athlete_id:
                continue
            sets = tuple(
                dataclasses.replace(s, exercise=to_exercise) if s.exercise == from_exercise else s
                for s in entry.sets
            )
            moved += sum(1 for s in entry.sets if s.exercise == from_exercise)
            exercise = to_exercise if entry.exercise == from_exercise else entry.exercise
            self._tables.entries[entry_id] = dataclasses.replace(
                entry, exercise=exercise, sets=sets
            )
        return moved

    def entries_on(self, athlete_id: int, days: Collection[date]) -> list[LogEntry]:
        wanted = set(days)
        return [e for e in self.entries(athlete_id) if e.performed_on in wanted]

    def exercises_in_use(self, athlete_id: int, exercises: Collection[str]) -> set[str]:
        wanted = set(exercises)
        return {
            e.exercise
            for e in self._tables.entries.values()
            if e.athlete_id == athlete_id and e.exercise in wanted
        }


class FakeImportRepository:
    def __init__(self, tables: _Tables) -> None:
        self._tables = tables

    def add(self, record: ImportRecord) -> ImportRecord:
        self._tables.require_athlete(record.athlete_id)
        stored = dataclasses.replace(
            record, imported_at=_utc(record.imported_at), batch_id=self._tables.new_id("imports")
        )
        assert stored.batch_id is not None
        self._tables.imports[stored.batch_id] = stored
        return stored

    def get(self, athlete_id: int, batch_id: int) -> ImportRecord:
        found = self._tables.imports.get(batch_id)
        if found is None or found.athlete_id != athlete_id:
            raise NotFound(f"No import batch {batch_id}.", {"batch_id": batch_id})
        return found

    def for_athlete(self, athlete_id: int) -> list[ImportRecord]:
        return sorted(
            (r for r in self._tables.imports.values() if r.athlete_id == athlete_id),
            key=lambda r: (r.imported_at, r.batch_id or 0),
        )

    def page(self, athlete_id: int, window: Window) -> list[ImportRecord]:
        return _window(self.for_athlete(athlete_id), window)

    def count(self, athlete_id: int) -> int:
        return len(self.for_athlete(athlete_id))

    def delete(self, athlete_id: int, batch_id: int) -> None:
        self.get(athlete_id, batch_id)
        del self._tables.imports[batch_id]
        for entry_id, entry in list(self._tables.entries.items()):
            if entry.import_batch_id == batch_id:
                del self._tables.entries[entry_id]

    def add_preview(self, preview: ImportPreview) -> None:
        self._tables.require_athlete(preview.athlete_id)
        if preview.preview_id in self._tables.previews:
            raise Conflict("That preview id is taken.", {})
        self._tables.previews[preview.preview_id] = dataclasses.replace(
            preview, created_at=_utc(preview.created_at)
        )

    def preview(self, athlete_id: int, preview_id: str) -> ImportPreview:
        found = self._tables.previews.get(preview_id)
        if found is None or found.athlete_id != athlete_id:
            raise NotFound("No such import preview.", {"preview_id": preview_id})
        return found

    def delete_preview(self, athlete_id: int, preview_id: str) -> None:
        found = self._tables.previews.get(preview_id)
        if found is not None and found.athlete_id == athlete_id:
            del self._tables.previews[preview_id]

    def prune_previews(self, athlete_id: int, before: datetime) -> int:
        old = [
            key
            for key, p in self._tables.previews.items()
            if p.athlete_id == athlete_id and p.created_at < before
        ]
        for key in old:
            del self._tables.previews[key]
        return len(old)

    def remember_mapping(self, athlete_id: int, name_key: str, slug: str) -> None:
        self._tables.require_athlete(athlete_id)
        self._tables.mappings[(athlete_id, name_key[:200])] = slug

    def mappings(self, athlete_id: int) -> dict[str, str]:
        return {
            key: slug for (owner, key), slug in self._tables.mappings.items() if owner == athlete_id
        }


class FakeOwnExerciseRepository:
    def __init__(self, tables: _Tables) -> None:
        self._tables = tables

    def add(self, exercise: OwnExercise) -> OwnExercise:
        self._tables.require_athlete(exercise.athlete_id)
        key = (exercise.athlete_id, exercise.slug)
        if key in self._tables.own_exercises:
            raise Conflict(f"You already have an exercise '{exercise.slug}'.", {})
        stored = dataclasses.replace(
            exercise,
            muscles=tuple(exercise.muscles),
            exercise_id=self._tables.new_id("own_exercises"),
        )
        self._tables.own_exercises[key] = stored
        return stored

    def for_athlete(self, athlete_id: int) -> list[OwnExercise]:
        return sorted(
            (e for (owner, _), e in self._tables.own_exercises.items() if owner == athlete_id),
            key=lambda e: e.slug,
        )

    def delete(self, athlete_id: int, slug: str) -> None:
        if (athlete_id, slug) not in self._tables.own_exercises:
            raise NotFound(f"You have no exercise '{slug}'.", {"slug": slug})
        del self._tables.own_exercises[(athlete_id, slug)]


Item = TypeVar("Item")


def _window(items: list[Item], window: Window) -> list[Item]:
    return items[window.offset : window.offset + window.limit]


def _utc(at: datetime) -> datetime:
    """As the SQL adapters do: UTC-aware out, a naive datetime refused."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise StorageError(f"Could not store naive datetime {at.isoformat()}: UTC-aware needed.")
    return at.astimezone(UTC)


def _entry_order(entry: LogEntry) -> tuple[date, object, int]:
    return (entry.performed_on, entry.logged_at, entry.entry_id or 0)


def _sorted_sets(entry: LogEntry) -> LogEntry:
    return dataclasses.replace(entry, sets=tuple(sorted(entry.sets, key=lambda s: s.position)))


class FakeCheckInRepository:
    def __init__(self, tables: _Tables) -> None:
        self._tables = tables

    def add(self, check_in: CheckIn) -> None:
        self._tables.require_athlete(check_in.athlete_id)
        at = None if check_in.checked_at is None else _utc(check_in.checked_at)
        self._tables.check_ins[(check_in.athlete_id, check_in.on)] = dataclasses.replace(
            check_in, red_flags=tuple(check_in.red_flags), checked_at=at
        )

    def recent(self, athlete_id: int, until: date, days: int) -> list[CheckIn]:
        since = until - timedelta(days=days)
        return sorted(
            (
                c
                for (owner, on), c in self._tables.check_ins.items()
                if owner == athlete_id and since < on <= until
            ),
            key=lambda c: c.on,
        )

    def recent_page(self, athlete_id: int, until: date, days: int, window: Window) -> list[CheckIn]:
        return _window(self.recent(athlete_id, until, days), window)

    def count_recent(self, athlete_id: int, until: date, days: int) -> int:
        return len(self.recent(athlete_id, until, days))


class FakeSessionRepository:
    def __init__(self, tables: _Tables) -> None:
        self._tables = tables

    def record(self, session: PerformedSession) -> None:
        self._tables.require_athlete(session.athlete_id)
        self._tables.sessions[(session.athlete_id, session.on)] = session

    def performed(self, athlete_id: int, since: date | None = None) -> list[PerformedSession]:
        return sorted(
            (
                s
                for (owner, on), s in self._tables.sessions.items()
                if owner == athlete_id and (since is None or on >= since)
            ),
            key=lambda s: s.on,
        )

    def training_days(self, athlete_id: int, window: Window) -> list[date]:
        return _window(self._days(athlete_id), window)

    def count_training_days(self, athlete_id: int) -> int:
        return len(self._days(athlete_id))

    def _days(self, athlete_id: int) -> list[date]:
        logged = {
            e.performed_on for e in self._tables.entries.values() if e.athlete_id == athlete_id
        }
        finished = {on for owner, on in self._tables.sessions if owner == athlete_id}
        return sorted(logged | finished, reverse=True)


class FakeEnduranceRepository:
    def __init__(self, tables: _Tables) -> None:
        self._tables = tables

    def add(self, result: EnduranceResult) -> EnduranceResult:
        self._tables.require_athlete(result.athlete_id)
        if not result.value >= 0:  # the SQL tables' CHECK (value >= 0)
            raise InputError(
                f"Could not store the {result.test} test result: a value is out of range.",
                {"value": result.value},
            )
        stored = dataclasses.replace(result, result_id=self._tables.new_id("endurance"))
        assert stored.result_id is not None
        self._tables.endurance[stored.result_id] = stored
        return stored

    def results(self, athlete_id: int, since: date | None = None) -> list[EnduranceResult]:
        return sorted(
            (
                r
                for r in self._tables.endurance.values()
                if r.athlete_id == athlete_id and (since is None or r.on >= since)
            ),
            key=lambda r: (r.on, r.result_id or 0),
        )


class FakeTokenRepository:
    def __init__(self, tables: _Tables) -> None:
        self._tables = tables

    def add(self, token: ApiToken) -> ApiToken:
        if token.user_id not in self._tables.users:
            raise NotFound(f"No user with id {token.user_id}.", {})
        if self.by_hash(token.token_hash) is not None:
            raise Conflict("That token already exists.", {})
        stored = dataclasses.replace(
            token, created_at=_utc(token.created_at), token_id=self._tables.new_id("tokens")
        )
        assert stored.token_id is not None
        self._tables.tokens[stored.token_id] = stored
        return stored

    def by_hash(self, token_hash: str) -> ApiToken | None:
        return next((t for t in self._tables.tokens.values() if t.token_hash == token_hash), None)

    def for_user(self, user_id: int) -> list[ApiToken]:
        return sorted(
            (t for t in self._tables.tokens.values() if t.user_id == user_id and t.active),
            key=lambda t: t.token_id or 0,
        )

    def revoke(self, user_id: int, token_id: int, revoked_at: datetime) -> bool:
        found = self._tables.tokens.get(token_id)
        if found is None or found.user_id != user_id or not found.active:
            return False
        self._tables.tokens[token_id] = dataclasses.replace(found, revoked_at=_utc(revoked_at))
        return True

    def touch(self, token_id: int, used_at: datetime) -> None:
        found = self._tables.tokens.get(token_id)
        if found is not None:
            self._tables.tokens[token_id] = dataclasses.replace(found, last_used_at=_utc(used_at))

    def set_calendar_feed(self, athlete_id: int, token_hash: str, created_at: datetime) -> None:
        self._tables.require_athlete(athlete_id)
        self._tables.calendar_feeds[athlete_id] = (token_hash, _utc(created_at))

    def calendar_feed_athlete(self, token_hash: str) -> int | None:
        return next(
            (a for a, (h, _) in self._tables.calendar_feeds.items() if h == token_hash), None
        )

    def calendar_feed_since(self, athlete_id: int) -> datetime | None:
        found = self._tables.calendar_feeds.get(athlete_id)
        return None if found is None else found[1]

    def revoke_calendar_feed(self, athlete_id: int) -> bool:
        return self._tables.calendar_feeds.pop(athlete_id, None) is not None


class FakeRateLimitRepository:
    def __init__(self, tables: _Tables) -> None:
        self._tables = tables

    def hit(self, key: str, window_start: int) -> int:
        hits = self._tables.rate_limits.get((key, window_start), 0) + 1
        self._tables.rate_limits[(key, window_start)] = hits
        return hits

    def count(self, key: str, window_start: int) -> int:
        return self._tables.rate_limits.get((key, window_start), 0)

    def prune(self, before: int) -> int:
        old = [k for k in self._tables.rate_limits if k[1] < before]
        for k in old:
            del self._tables.rate_limits[k]
        return len(old)


class FakeCommentRepository:
    def __init__(self, tables: _Tables) -> None:
        self._tables = tables

    def add(self, comment: SessionComment) -> SessionComment:
        self._tables.require_athlete(comment.athlete_id)
        if comment.author_user_id not in self._tables.users:
            raise NotFound(f"No user with id {comment.author_user_id}.", {})
        stored = dataclasses.replace(
            comment, created_at=_utc(comment.created_at), comment_id=self._tables.new_id("comments")
        )
        assert stored.comment_id is not None
        self._tables.comments[stored.comment_id] = stored
        return stored

    def for_day(self, athlete_id: int, on: date) -> list[SessionComment]:
        return sorted(
            (c for c in self._tables.comments.values() if (c.athlete_id, c.on) == (athlete_id, on)),
            key=lambda c: (c.created_at, c.comment_id or 0),
        )


class FakeSecretRepository:
    def __init__(self, tables: _Tables) -> None:
        self._tables = tables

    def get_or_create(self, name: str, candidate: str) -> str:
        return self._tables.secrets.setdefault(name, candidate)


class FakeUnitOfWork:
    users: FakeUserRepository
    grants: FakeGrantRepository
    athletes: FakeAthleteRepository
    programs: FakeProgramRepository
    sets: FakeSetRepository
    check_ins: FakeCheckInRepository
    sessions: FakeSessionRepository
    endurance: FakeEnduranceRepository
    tokens: FakeTokenRepository
    rate_limits: FakeRateLimitRepository
    comments: FakeCommentRepository
    secrets: FakeSecretRepository
    imports: FakeImportRepository
    own_exercises: FakeOwnExerciseRepository

    def __init__(self, store: FakeStore | None = None) -> None:
        self.store = store if store is not None else FakeStore()
        self._working: _Tables | None = None
        self.committed = False

    def __enter__(self) -> Self:
        self._begin()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._working = None

    def commit(self) -> None:
        if self._working is None:
            raise RuntimeError("commit() outside `with` of the unit of work.")
        self.store.committed = self._working
        self.store.commits += 1
        self.committed = True
        self._begin()

    def rollback(self) -> None:
        self._begin()

    def _begin(self) -> None:
        tables = self.store.committed.copy()
        self._working = tables
        self.users = FakeUserRepository(tables)
        self.grants = FakeGrantRepository(tables)
        self.athletes = FakeAthleteRepository(tables)
        self.programs = FakeProgramRepository(tables)
        self.sets = FakeSetRepository(tables)
        self.check_ins = FakeCheckInRepository(tables)
        self.sessions = FakeSessionRepository(tables)
        self.endurance = FakeEnduranceRepository(tables)
        self.tokens = FakeTokenRepository(tables)
        self.rate_limits = FakeRateLimitRepository(tables)
        self.comments = FakeCommentRepository(tables)
        self.secrets = FakeSecretRepository(tables)
        self.imports = FakeImportRepository(tables)
        self.own_exercises = FakeOwnExerciseRepository(tables)

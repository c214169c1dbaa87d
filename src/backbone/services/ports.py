"""What the services need from the outside world, wired once in `backbone.bootstrap`.

Storage adapters (`backbone.storage`) implement the repository and unit-of-work protocols; the
in-memory fakes in `tests/fakes.py` implement the same ones and pass the same contract tests.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from types import TracebackType
from typing import Protocol, Self

from backbone.domain.accounts import ApiToken, CoachGrant, SessionComment, User
from backbone.domain.athlete import Athlete
from backbone.domain.catalogue import Catalogue
from backbone.domain.endurance import EnduranceResult
from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.history import (
    CheckIn,
    ImportPreview,
    ImportRecord,
    LogEntry,
    LoggedSet,
    PerformedSession,
)
from backbone.domain.own_exercise import OwnExercise
from backbone.domain.planner.model import Solver
from backbone.domain.program import KnownSet, ProgramSwap, RunningProgram


@dataclass(frozen=True, slots=True)
class Window:
    """One page of a list: `limit` items after skipping `offset`, in the list's stable order."""

    limit: int
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Knowledge:
    """The reference data every use case reads: exercises, evidence, and a solver for plans."""

    catalogue: Catalogue
    evidence: EvidenceRegistry
    solve: Solver


class UserRepository(Protocol):
    def add(self, user: User) -> User:
        """Store a new user; returns it with `user_id` set. Duplicate username -> Conflict."""
        ...

    def get(self, user_id: int) -> User:
        """NotFound if absent."""
        ...

    def by_username(self, username: str) -> User | None: ...

    def end_sessions(self, user_id: int) -> int:
        """Bump the user's session epoch (ending every browser session signed before); the new
        epoch. NotFound for an unknown user."""
        ...


class AthleteRepository(Protocol):
    def add(self, athlete: Athlete) -> Athlete:
        """Store a new athlete owned by `athlete.user_id`; returns it with `athlete_id` set.
        A second athlete of the same name for the same user -> Conflict."""
        ...

    def get(self, athlete_id: int) -> Athlete:
        """NotFound if absent."""
        ...

    def owned_by(self, user_id: int) -> list[Athlete]:
        """The athletes a user owns, oldest first."""
        ...

    def update(self, athlete: Athlete) -> None:
        """Replace the stored settings of `athlete.athlete_id` (never its owner); NotFound if absent."""
        ...


class GrantRepository(Protocol):
    def grant(self, grant: CoachGrant) -> CoachGrant:
        """Give a coach access; an active grant of the same coach is replaced (access changed)."""
        ...

    def revoke(self, athlete_id: int, coach_user_id: int, revoked_at: datetime) -> bool:
        """End the coach's active grant on the athlete; False if there was none."""
        ...

    def for_athlete(self, athlete_id: int) -> list[CoachGrant]:
        """The athlete's active grants."""
        ...

    def for_coach(self, coach_user_id: int) -> list[CoachGrant]:
        """The active grants a coach holds, one per athlete."""
        ...


@dataclass(frozen=True, slots=True)
class StoredProgram:
    """A program as storage keeps it, plan document and all: what a backup carries, so a restore
    brings back the plan exactly as it was, whatever today's planner would make of it."""

    athlete_id: int
    started_on: date
    plan_options: tuple[tuple[str, str], ...]
    plan_format: int
    plan_document: str
    known: tuple[KnownSet, ...]
    swaps: tuple[ProgramSwap, ...] = ()
    """the athlete's swaps in it, oldest first"""


class ProgramRepository(Protocol):
    def add(self, program: RunningProgram) -> RunningProgram:
        """Store a program; the newest started one is the athlete's current program."""
        ...

    def current(self, athlete_id: int) -> RunningProgram | None:
        """The newest started program, with its swaps oldest first."""
        ...

    def add_swap(self, athlete_id: int, program_id: int, swap: ProgramSwap) -> ProgramSwap:
        """Store a swap in one of the athlete's programs (NotFound for anyone else's); returns it
        with `swap_id` set."""
        ...

    def stored(self, athlete_id: int) -> list[StoredProgram]:
        """Every program of the athlete as stored, oldest first (by start day, then id)."""
        ...

    def add_stored(self, program: StoredProgram) -> None:
        """Store a program exactly as `stored` gave it (a restore)."""
        ...


class SetRepository(Protocol):
    def add_entry(self, entry: LogEntry) -> LogEntry:
        """Store the entry and all its sets; returns it with `entry_id` set. An entry with the
        idempotency key of a stored one of the same athlete -> Conflict (nothing written); a set
        on another day than its entry -> InputError (a day's sets are found through the entries)."""
        ...

    def entry_by_key(self, athlete_id: int, idempotency_key: str) -> LogEntry | None:
        """The athlete's entry stored with this idempotency key, if any."""
        ...

    def sets_for(
        self,
        athlete_id: int,
        exercises: Sequence[str] | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> list[LoggedSet]:
        """Sets ordered by (performed_on, entry, position); filters optional."""
        ...

    def record_candidates(self, athlete_id: int, exercise: str, until: date) -> list[LoggedSet]:
        """Of the exercise's sets up to `until`, a few that hold every best the PR check compares
        against: per (set type, range, reps, RIR) the heaviest load, the most added weight and
        the longest hold. SQL storage keeps these per group as the sets change, so logging
        reads a few rows however long the history."""
        ...

    def exposure_days(self, athlete_id: int, exercise: str, since: date, until: date) -> list[date]:
        """The days in [since, until] on which the exercise has sets, newest first (read from
        the index: no set is decoded)."""
        ...

    def sets_of_last_day(self, athlete_id: int, since: date, until: date) -> list[LoggedSet]:
        """The sets of the last day in [since, until] that has any (empty when none has), by
        entry id and position: the last session, found through the entries' (athlete, day)
        index however long the log."""
        ...

    def entries(self, athlete_id: int, since: date | None = None) -> list[LogEntry]:
        """Entries ordered by (performed_on, logged_at, entry_id), each with its sets."""
        ...

    def entries_page(
        self,
        athlete_id: int,
        window: Window,
        *,
        exercise: str | None = None,
        since: date | None = None,
    ) -> list[LogEntry]:
        """One window of `entries` (same order), optionally only one exercise's entries."""
        ...

    def count_entries(
        self, athlete_id: int, *, exercise: str | None = None, since: date | None = None
    ) -> int:
        """How many entries `entries_page` pages through with the same filters."""
        ...

    def last_entry(self, athlete_id: int) -> LogEntry | None:
        """The most recently logged entry (by logged_at, then entry_id)."""
        ...

    def last_logged_on(self, athlete_id: int) -> date | None:
        """The day of `last_entry` (one indexed row, no sets)."""
        ...

    def delete_entry(self, athlete_id: int, entry_id: int) -> None:
        """Delete the athlete's entry with its sets; NotFound if the athlete has no such entry."""
        ...

    def entry(self, athlete_id: int, entry_id: int) -> LogEntry | None:
        """The athlete's entry with its sets; None for anyone else's or a missing one."""
        ...

    def replace_set(self, athlete_id: int, entry_id: int, logged: LoggedSet) -> None:
        """Overwrite the set at `logged.position` of the athlete's entry (exercise and day stay
        the entry's); NotFound if the athlete has no such entry or the entry no such set."""

    def add_entries(self, athlete_id: int, entries: Sequence[LogEntry]) -> int:
        """Store many entries of one athlete at once (an import), in a few statements; returns the
        number of sets written. All or nothing; a used idempotency key -> Conflict."""
        ...

    def known_keys(self, athlete_id: int, keys: Collection[str]) -> set[str]:
        """Which of `keys` the athlete's stored entries already use."""
        ...

    def repoint(self, athlete_id: int, from_exercise: str, to_exercise: str) -> int:
        """Move the athlete's entries and sets of one exercise to another; returns sets moved."""
        ...

    def entries_on(self, athlete_id: int, days: Collection[date]) -> list[LogEntry]:
        """The athlete's entries on any of `days`, each with its sets (an import compares them
        with the file's workouts of those days)."""
        ...

    def exercises_in_use(self, athlete_id: int, exercises: Collection[str]) -> set[str]:
        """Which of `exercises` any of the athlete's entries still use."""
        ...


class ImportRepository(Protocol):
    def add(self, record: ImportRecord) -> ImportRecord:
        """Store a batch record; returns it with `batch_id` set."""
        ...

    def get(self, athlete_id: int, batch_id: int) -> ImportRecord:
        """NotFound if the athlete has no such batch."""
        ...

    def for_athlete(self, athlete_id: int) -> list[ImportRecord]:
        """The athlete's imports, oldest first."""
        ...

    def page(self, athlete_id: int, window: Window) -> list[ImportRecord]:
        """One window of `for_athlete` (oldest first, then by batch id)."""
        ...

    def count(self, athlete_id: int) -> int:
        """How many imports the athlete has."""
        ...

    def delete(self, athlete_id: int, batch_id: int) -> None:
        """Delete the batch and every entry it wrote; NotFound if the athlete has no such batch."""
        ...

    def add_preview(self, preview: ImportPreview) -> None:
        """Keep an uploaded file until its preview is confirmed or expires."""
        ...

    def preview(self, athlete_id: int, preview_id: str) -> ImportPreview:
        """The athlete's waiting preview; NotFound for anyone else's, a used or an expired one."""
        ...

    def delete_preview(self, athlete_id: int, preview_id: str) -> None:
        """Forget one preview (confirmed); nothing happens when there is none."""
        ...

    def prune_previews(self, athlete_id: int, before: datetime) -> int:
        """Forget the athlete's previews made before `before`; returns how many."""
        ...

    def remember_mapping(self, athlete_id: int, name_key: str, slug: str) -> None:
        """Later imports read the name (folded by `importers.names.name_key`) as `slug`."""
        ...

    def mappings(self, athlete_id: int) -> dict[str, str]:
        """The athlete's remembered mappings: {name key: slug}."""
        ...


class OwnExerciseRepository(Protocol):
    def add(self, exercise: OwnExercise) -> OwnExercise:
        """Store one of the athlete's own exercises; a slug the athlete already has -> Conflict."""
        ...

    def for_athlete(self, athlete_id: int) -> list[OwnExercise]:
        """The athlete's own exercises, by slug."""
        ...

    def delete(self, athlete_id: int, slug: str) -> None:
        """NotFound if the athlete has no such exercise."""
        ...


class CheckInRepository(Protocol):
    def add(self, check_in: CheckIn) -> None:
        """One check-in per athlete and day: a second one on the same day replaces the first."""
        ...

    def recent(self, athlete_id: int, until: date, days: int) -> list[CheckIn]:
        """Check-ins in (until - days, until], oldest first."""
        ...

    def recent_page(self, athlete_id: int, until: date, days: int, window: Window) -> list[CheckIn]:
        """One window of `recent` (same order)."""
        ...

    def count_recent(self, athlete_id: int, until: date, days: int) -> int:
        """How many check-ins `recent` holds."""
        ...


class SessionRepository(Protocol):
    def record(self, session: PerformedSession) -> None:
        """Upsert by (athlete, day)."""
        ...

    def performed(self, athlete_id: int, since: date | None = None) -> list[PerformedSession]: ...

    def training_days(self, athlete_id: int, window: Window) -> list[date]:
        """One window of the days with a log entry or a finished session, newest first."""
        ...

    def count_training_days(self, athlete_id: int) -> int:
        """How many days have a log entry or a finished session."""
        ...


class EnduranceRepository(Protocol):
    def add(self, result: EnduranceResult) -> EnduranceResult:
        """Store a test result; returns it with `result_id` set. Unknown athlete -> NotFound."""
        ...

    def results(self, athlete_id: int, since: date | None = None) -> list[EnduranceResult]:
        """Results on or after `since` (all without it), oldest first: by `on`, then id."""
        ...


class TokenRepository(Protocol):
    def add(self, token: ApiToken) -> ApiToken:
        """Store a new token; returns it with `token_id` set."""
        ...

    def by_hash(self, token_hash: str) -> ApiToken | None:
        """The token with this hash, revoked or not."""
        ...

    def for_user(self, user_id: int) -> list[ApiToken]:
        """The user's active tokens, oldest first."""
        ...

    def revoke(self, user_id: int, token_id: int, revoked_at: datetime) -> bool:
        """Revoke the user's active token; False if the user has no such active token."""
        ...

    def touch(self, token_id: int, used_at: datetime) -> None:
        """Record when the token was last used."""
        ...

    def set_calendar_feed(self, athlete_id: int, token_hash: str, created_at: datetime) -> None:
        """The athlete's calendar feed secret (its hash), replacing any earlier one."""
        ...

    def calendar_feed_athlete(self, token_hash: str) -> int | None:
        """Whose calendar feed this secret opens (the feed URL carries no other credential)."""
        ...

    def calendar_feed_since(self, athlete_id: int) -> datetime | None:
        """When the athlete's current feed secret was made; None when there is none."""
        ...

    def revoke_calendar_feed(self, athlete_id: int) -> bool:
        """Forget the athlete's feed secret; False when there was none."""
        ...


class RateLimitRepository(Protocol):
    """Attempt counters in fixed windows, kept in the database so every worker shares them."""

    def hit(self, key: str, window_start: int) -> int:
        """Count one attempt for `key` in the window starting at `window_start` (epoch seconds);
        returns the window's count including this one. Atomic under concurrent workers."""
        ...

    def count(self, key: str, window_start: int) -> int:
        """The window's count so far (0 if none)."""
        ...

    def prune(self, before: int) -> int:
        """Drop windows that started before `before`; returns how many rows went."""
        ...


class CommentRepository(Protocol):
    def add(self, comment: SessionComment) -> SessionComment:
        """Store a comment; returns it with `comment_id` set. Unknown athlete -> NotFound."""
        ...

    def for_day(self, athlete_id: int, on: date) -> list[SessionComment]:
        """The comments on the athlete's session of that day, oldest first."""
        ...


class SecretRepository(Protocol):
    def get_or_create(self, name: str, candidate: str) -> str:
        """The stored secret called `name`; stores `candidate` first if there is none. Two
        workers racing both get the one that was stored first."""
        ...


class UnitOfWork(Protocol):
    """One transaction: everything written inside commits together or not at all."""

    users: UserRepository
    athletes: AthleteRepository
    grants: GrantRepository
    programs: ProgramRepository
    sets: SetRepository
    check_ins: CheckInRepository
    sessions: SessionRepository
    endurance: EnduranceRepository
    tokens: TokenRepository
    rate_limits: RateLimitRepository
    comments: CommentRepository
    secrets: SecretRepository
    imports: ImportRepository
    own_exercises: OwnExerciseRepository

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Roll back anything not committed."""
        ...

    def commit(self) -> None: ...


@dataclass(frozen=True, slots=True)
class DatabaseHealth:
    """What `db check` found: problems (empty when the file is whole) and the schema revision."""

    location: str
    problems: tuple[str, ...]
    revision: str | None
    head: str
    newer_than_release: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


class Database(Protocol):
    """Where an application's data lives: hands out units of work."""

    @property
    def location(self) -> str:
        """Where it is, safe to print (passwords masked)."""
        ...

    def unit_of_work(self) -> UnitOfWork: ...

    def upgrade(self) -> None:
        """Create or migrate the schema now (it also happens on first use); a damaged database
        is refused, not migrated."""
        ...

    def check(self) -> DatabaseHealth:
        """Look for damage and read the schema revision, changing nothing."""
        ...

    def dispose(self) -> None:
        """Close its connections."""
        ...

    def readiness(self) -> str | None:
        """None when the database answers and its schema is current; otherwise why not
        (never raises, never migrates: a server's readiness probe)."""
        ...

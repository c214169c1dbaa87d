"""What the services need from the outside world, wired once in `backbone.bootstrap`.

Storage adapters (`backbone.storage`) implement the repository and unit-of-work protocols; the
in-memory fakes in `tests/fakes.py` implement the same ones and pass the same contract tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from types import TracebackType
from typing import Protocol, Self

from backbone.domain.athlete import Athlete
from backbone.domain.catalogue import Catalogue
from backbone.domain.endurance import EnduranceResult
from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.history import CheckIn, LogEntry, LoggedSet, PerformedSession
from backbone.domain.planner.model import Solver
from backbone.domain.program import RunningProgram


@dataclass(frozen=True, slots=True)
class Knowledge:
    """The reference data every use case reads: exercises, evidence, and a solver for plans."""

    catalogue: Catalogue
    evidence: EvidenceRegistry
    solve: Solver


class AthleteRepository(Protocol):
    def add(self, athlete: Athlete) -> Athlete:
        """Store a new athlete; returns it with `athlete_id` set. Duplicate name -> Conflict."""
        ...

    def get(self, athlete_id: int) -> Athlete:
        """NotFound if absent."""
        ...

    def by_name(self, name: str) -> Athlete | None: ...

    def update(self, athlete: Athlete) -> None:
        """Replace the stored fields of `athlete.athlete_id`; NotFound if absent."""
        ...


class ProgramRepository(Protocol):
    def add(self, program: RunningProgram) -> RunningProgram:
        """Store a program; the newest started one is the athlete's current program."""
        ...

    def current(self, athlete_id: int) -> RunningProgram | None: ...


class SetRepository(Protocol):
    def add_entry(self, entry: LogEntry) -> LogEntry:
        """Store the entry and all its sets; returns it with `entry_id` set."""
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

    def entries(self, athlete_id: int, since: date | None = None) -> list[LogEntry]:
        """Entries ordered by (performed_on, logged_at, entry_id), each with its sets."""
        ...

    def last_entry(self, athlete_id: int) -> LogEntry | None:
        """The most recently logged entry (by logged_at, then entry_id)."""
        ...

    def delete_entry(self, entry_id: int) -> None:
        """Delete an entry with its sets; NotFound if absent."""
        ...


class CheckInRepository(Protocol):
    def add(self, check_in: CheckIn) -> None:
        """One check-in per athlete and day: a second one on the same day replaces the first."""
        ...

    def recent(self, athlete_id: int, until: date, days: int) -> list[CheckIn]:
        """Check-ins in (until - days, until], oldest first."""
        ...


class SessionRepository(Protocol):
    def record(self, session: PerformedSession) -> None:
        """Upsert by (athlete, day)."""
        ...

    def performed(self, athlete_id: int, since: date | None = None) -> list[PerformedSession]: ...


class EnduranceRepository(Protocol):
    def add(self, result: EnduranceResult) -> EnduranceResult:
        """Store a test result; returns it with `result_id` set. Unknown athlete -> NotFound."""
        ...

    def results(self, athlete_id: int, since: date | None = None) -> list[EnduranceResult]:
        """Results on or after `since` (all without it), oldest first: by `on`, then id."""
        ...


class UnitOfWork(Protocol):
    """One transaction: everything written inside commits together or not at all."""

    athletes: AthleteRepository
    programs: ProgramRepository
    sets: SetRepository
    check_ins: CheckInRepository
    sessions: SessionRepository
    endurance: EnduranceRepository

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

"""The unit of work over SQLAlchemy: one connection, one transaction at a time.

    with SqlDatabase(engine).unit_of_work() as uow:
        uow.sets.add_entry(entry)
        uow.commit()            # leaving the block without commit rolls back

After `commit()` the unit of work stays usable: the next statement starts a new transaction (the
services read back what they just wrote). On SQLite every transaction begins with BEGIN IMMEDIATE
(see `backbone.storage.engine`), so the lock is taken at the first statement, not at enter.

Threads of one server process take turns before that (`WriteTurns`): a thread that finds the
file's write lock taken would wait in SQLite's busy handler, which sleeps in growing steps (up to
100 ms) instead of waking when the lock is free; waiting on a lock in the process wakes at once.
Another process still waits through the busy timeout, as before.
"""

from __future__ import annotations

import threading
from types import TracebackType
from typing import TYPE_CHECKING, Self

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from backbone.domain.errors import StorageError
from backbone.storage.engine import BUSY_TIMEOUT_MS, database_location, is_read_only
from backbone.storage.errors import storage_errors, translate
from backbone.storage.plan_format import DecodedPlans
from backbone.storage.repositories import (
    SqlAthleteRepository,
    SqlCheckInRepository,
    SqlCommentRepository,
    SqlEnduranceRepository,
    SqlGrantRepository,
    SqlImportRepository,
    SqlOwnExerciseRepository,
    SqlProgramRepository,
    SqlRateLimitRepository,
    SqlSecretRepository,
    SqlSessionRepository,
    SqlSetRepository,
    SqlTokenRepository,
    SqlUserRepository,
)

if TYPE_CHECKING:
    from backbone.services.ports import (
        AthleteRepository,
        CheckInRepository,
        CommentRepository,
        EnduranceRepository,
        GrantRepository,
        ImportRepository,
        OwnExerciseRepository,
        ProgramRepository,
        RateLimitRepository,
        SecretRepository,
        SessionRepository,
        SetRepository,
        TokenRepository,
        UserRepository,
    )


class SqlDatabase:
    """One database for the life of an application: its engine, and the decoded-plan cache its
    units of work share. `unit_of_work` is the factory the services are given."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._decoded_plans = DecodedPlans()
        sqlite_writer = engine.url.get_backend_name() == "sqlite" and not is_read_only(engine)
        self._turns = WriteTurns() if sqlite_writer else None

    def unit_of_work(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.engine, self._decoded_plans, self._turns)

    def dispose(self) -> None:
        self.engine.dispose()

    def readiness(self) -> str | None:
        """None when the database answers and is at the newest schema; otherwise why not."""
        from backbone.domain.errors import BackboneError
        from backbone.storage.migrations import is_at_head

        try:
            current = is_at_head(self.engine)
        except BackboneError:
            return "the database does not answer"
        return None if current else "the database schema is not current"


class WriteTurns:
    """One SQLite file's units of work in this process, one at a time (see the module doc).

    Re-entrant: a thread that opens a second unit of work inside its first is not made to wait
    for itself (SQLite decides, as it did before). A turn not granted within the busy timeout is
    taken anyway, so SQLite reports the lock as it always has."""

    def __init__(self) -> None:
        self._lock = threading.RLock()

    def take(self) -> bool:
        return self._lock.acquire(timeout=BUSY_TIMEOUT_MS / 1000)

    def give_back(self) -> None:
        self._lock.release()


class SqlUnitOfWork:
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

    def __init__(
        self,
        engine: Engine,
        decoded_plans: DecodedPlans | None = None,
        turns: WriteTurns | None = None,
    ) -> None:
        self._engine = engine
        self._decoded_plans = decoded_plans if decoded_plans is not None else DecodedPlans()
        self._turns = turns
        self._has_turn = False
        self._connection: Connection | None = None

    def __enter__(self) -> Self:
        if self._connection is not None:
            raise StorageError("This unit of work is already in use; start a new one.")
        if self._turns is not None:
            self._has_turn = self._turns.take()
        try:
            with storage_errors(f"open the database {database_location(self._engine)}"):
                connection = self._engine.connect()
        except BaseException:
            self._give_back_turn()
            raise
        self._connection = connection
        self.users = SqlUserRepository(connection)
        self.athletes = SqlAthleteRepository(connection)
        self.grants = SqlGrantRepository(connection)
        self.programs = SqlProgramRepository(connection, self._decoded_plans)
        self.sets = SqlSetRepository(connection)
        self.check_ins = SqlCheckInRepository(connection)
        self.sessions = SqlSessionRepository(connection)
        self.endurance = SqlEnduranceRepository(connection)
        self.tokens = SqlTokenRepository(connection)
        self.rate_limits = SqlRateLimitRepository(connection)
        self.comments = SqlCommentRepository(connection)
        self.secrets = SqlSecretRepository(connection)
        self.imports = SqlImportRepository(connection)
        self.own_exercises = SqlOwnExerciseRepository(connection)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        connection, self._connection = self._connection, None
        if connection is None:
            return
        try:
            connection.rollback()
        except SQLAlchemyError as error:
            if exc is None:  # never hide the exception that is already on its way out
                raise translate(error, "roll back") from error
        finally:
            try:
                connection.close()
            finally:
                self._give_back_turn()
        if isinstance(exc, StorageError) and "path" not in exc.details:
            # Say which database failed: with several files (or a server) it is the first question.
            where = database_location(self._engine)
            raise StorageError(
                f"{exc.message} Database: {where}.", {**exc.details, "path": where}
            ) from exc

    def _give_back_turn(self) -> None:
        if self._has_turn and self._turns is not None:
            self._has_turn = False
            self._turns.give_back()

    def commit(self) -> None:
        if self._connection is None:
            raise StorageError("commit() outside `with` of the unit of work.")
        with storage_errors("commit the changes"):
            self._connection.commit()

    def rollback(self) -> None:
        if self._connection is not None:
            with storage_errors("roll back"):
                self._connection.rollback()

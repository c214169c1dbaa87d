"""The unit of work over SQLAlchemy: one connection, one transaction at a time.

    with SqlDatabase(engine).unit_of_work() as uow:
        uow.sets.add_entry(entry)
        uow.commit()            # leaving the block without commit rolls back

After `commit()` the unit of work stays usable: the next statement starts a new transaction (the
services read back what they just wrote). On SQLite every transaction begins with BEGIN IMMEDIATE
(see `backbone.storage.engine`), so the lock is taken at the first statement, not at enter.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Self

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from backbone.domain.errors import StorageError
from backbone.storage.engine import database_location
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

    def unit_of_work(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.engine, self._decoded_plans)

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

    def __init__(self, engine: Engine, decoded_plans: DecodedPlans | None = None) -> None:
        self._engine = engine
        self._decoded_plans = decoded_plans if decoded_plans is not None else DecodedPlans()
        self._connection: Connection | None = None

    def __enter__(self) -> Self:
        if self._connection is not None:
            raise StorageError("This unit of work is already in use; start a new one.")
        with storage_errors(f"open the database {database_location(self._engine)}"):
            connection = self._engine.connect()
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
            connection.close()
        if isinstance(exc, StorageError) and "path" not in exc.details:
            # Say which database failed: with several files (or a server) it is the first question.
            where = database_location(self._engine)
            raise StorageError(
                f"{exc.message} Database: {where}.", {**exc.details, "path": where}
            ) from exc

    def commit(self) -> None:
        if self._connection is None:
            raise StorageError("commit() outside `with` of the unit of work.")
        with storage_errors("commit the changes"):
            self._connection.commit()

    def rollback(self) -> None:
        if self._connection is not None:
            with storage_errors("roll back"):
                self._connection.rollback()

"""Composition root: settings -> knowledge, database and clock -> one `Backbone` application.

    app = build_application(Settings.from_environ(os.environ))

Nothing is cached at module level: each application owns its knowledge and its database (a test
or a bench builds as many as it likes). Both are built lazily, on first use, so a command that
never touches the database (`plan`, `exercises`) never opens it, and one that never plans never
parses the catalogue; the database is migrated on first use, and when its schema is current that
is one read of the version row, without importing Alembic.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from backbone.domain.errors import StorageError
from backbone.domain.planner.model import LinearModel, Solution
from backbone.services.application import Backbone, Clock
from backbone.services.ports import DatabaseHealth, Knowledge, UnitOfWork
from backbone.settings import Settings, redacted

if TYPE_CHECKING:
    from backbone.importers.names import AliasTable
    from backbone.storage.unit_of_work import SqlDatabase


def _solve_with_cpsat(model: LinearModel, *, seed: int) -> Solution:
    # Imported on first solve so commands that never plan (`exercises`, `--help`) skip OR-Tools.
    from backbone.solvers.cpsat import solve_with_cpsat

    return solve_with_cpsat(model, seed=seed)


def load_knowledge(cache_dir: Path | None = None) -> Knowledge:
    """The packaged catalogue and evidence, validated, with the CP-SAT solver."""
    from backbone.data import packaged_knowledge

    catalogue, evidence = packaged_knowledge(cache_dir)
    return Knowledge(catalogue=catalogue, evidence=evidence, solve=_solve_with_cpsat)


def local_clock() -> datetime:
    """Now, in the machine's time zone: its date is the user's today."""
    return datetime.now().astimezone()


class LazyDatabase:
    """The database of one application, opened and migrated on the first unit of work."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._database: SqlDatabase | None = None
        self._lock = threading.Lock()

    @property
    def location(self) -> str:
        """The URL with any password masked, for printing."""
        return redacted(self.url)

    def open(self) -> SqlDatabase:
        with self._lock:
            if self._database is None:
                from backbone.storage.engine import create_backbone_engine
                from backbone.storage.migrations import upgrade_to_head
                from backbone.storage.unit_of_work import SqlDatabase

                engine = create_backbone_engine(self.url)
                try:
                    upgrade_to_head(engine)
                except BaseException:
                    engine.dispose()
                    raise
                self._database = SqlDatabase(engine)
            return self._database

    def unit_of_work(self) -> UnitOfWork:
        return self.open().unit_of_work()

    def upgrade(self) -> None:
        # A migration copies tables: on a damaged file it would spread the damage, or fail half
        # way. Refuse in words instead.
        health = self.check()
        if not health.ok:
            raise StorageError(
                f"The database {health.location} is damaged, so it was not upgraded: "
                f"{health.problems[0]}. Keep a copy of the file and restore your latest backup; "
                "`backbone db check` lists what is wrong.",
                {"path": health.location, "problems": list(health.problems)},
            )
        self.open()

    def readiness(self) -> str | None:
        """None when the database answers and its schema is current (opening it, and so
        migrating it, on first use); otherwise why not. Never raises."""
        from backbone.domain.errors import BackboneError

        try:
            database = self.open()
        except BackboneError:
            return "the database does not answer"
        return database.readiness()

    def check(self) -> DatabaseHealth:
        """Integrity and schema revision, on an engine that never migrates (changes nothing)."""
        from backbone.storage.engine import create_backbone_engine
        from backbone.storage.integrity import check_database

        engine = create_backbone_engine(self.url)
        try:
            return check_database(engine)
        finally:
            engine.dispose()

    def dispose(self) -> None:
        if self._database is not None:
            self._database.dispose()
            self._database = None


def build_application(
    settings: Settings,
    *,
    clock: Clock = local_clock,
    knowledge: Knowledge | None = None,
) -> Backbone:
    """The application on the settings' database; `knowledge` may be shared by several apps
    (tests build many applications over one parsed catalogue)."""
    database = LazyDatabase(settings.database_url)
    loader: Callable[[], Knowledge] = (
        (lambda: knowledge)
        if knowledge is not None
        else (lambda: load_knowledge(settings.cache_dir))
    )
    return Backbone(
        knowledge=loader,
        database=database,
        clock=clock,
        import_aliases=lambda facts: _import_aliases(facts, settings.cache_dir),
    )


def _import_aliases(knowledge: Knowledge, cache_dir: Path | None) -> AliasTable:
    from backbone.data import packaged_import_aliases  # only when something is imported

    return packaged_import_aliases(knowledge.catalogue, cache_dir)

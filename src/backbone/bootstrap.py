"""Composition root: settings, packaged data and adapters wired into what the services need."""

from __future__ import annotations

import os
from functools import cache
from typing import TYPE_CHECKING

from backbone.data import packaged_catalogue, packaged_evidence
from backbone.domain.planner.model import LinearModel, Solution
from backbone.services.ports import Knowledge, UnitOfWork

if TYPE_CHECKING:
    from sqlalchemy import Engine


def _solve_with_cpsat(model: LinearModel, *, seed: int) -> Solution:
    # Imported on first solve so commands that never plan (`exercises`, `--help`) skip OR-Tools.
    from backbone.solvers.cpsat import solve_with_cpsat

    return solve_with_cpsat(model, seed=seed)


@cache
def knowledge() -> Knowledge:
    return Knowledge(
        catalogue=packaged_catalogue(),
        evidence=packaged_evidence(),
        solve=_solve_with_cpsat,
    )


def database_location() -> str:
    """The database in use, from BACKBONE_DATABASE_URL, BACKBONE_DB or the user data directory."""
    from backbone.settings import database_url

    return database_url(os.environ)


@cache
def _engine() -> Engine:
    from backbone.storage.engine import create_backbone_engine
    from backbone.storage.migrations import upgrade_to_head

    engine = create_backbone_engine(database_location())
    upgrade_to_head(engine)
    return engine


def upgrade_database() -> None:
    _engine()


def database_for_display() -> str:
    """The database location with any password masked, for printing."""
    from backbone.settings import redacted

    return redacted(database_location())


def new_unit_of_work() -> UnitOfWork:
    """A fresh transaction on the configured database (migrated on first use)."""
    from backbone.storage.unit_of_work import SqlUnitOfWork

    return SqlUnitOfWork(_engine())

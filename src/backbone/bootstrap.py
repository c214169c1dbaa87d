"""Composition root: packaged data and adapters wired into what the services need."""

from __future__ import annotations

from functools import cache

from backbone.data import packaged_catalogue, packaged_evidence
from backbone.domain.planner.model import LinearModel, Solution
from backbone.services.ports import Knowledge


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

"""What the services need from the outside world, wired once in `backbone.bootstrap`."""

from __future__ import annotations

from dataclasses import dataclass

from backbone.domain.catalogue import Catalogue
from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.planner.model import Solver


@dataclass(frozen=True, slots=True)
class Knowledge:
    """The reference data every use case reads: exercises, evidence, and a solver for plans."""

    catalogue: Catalogue
    evidence: EvidenceRegistry
    solve: Solver

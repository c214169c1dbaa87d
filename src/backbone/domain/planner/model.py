"""A small integer linear model the planner writes and any solver adapter can read.

The planner only states the problem; solving it is a port (`Solver`) so the domain stays free of
third-party code. Every hard constraint carries the rule id it enforces: when nothing satisfies them
all, the solver names the rules in conflict instead of just saying "infeasible".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

Term = tuple[int, int]
"""(coefficient, variable index)"""


@dataclass(frozen=True, slots=True)
class Variable:
    name: str
    lower: int
    upper: int


@dataclass(frozen=True, slots=True)
class Constraint:
    terms: tuple[Term, ...]
    lower: int | None
    upper: int | None
    rule_id: str
    """the evidence rule (or profile limit) this constraint enforces"""


@dataclass
class LinearModel:
    variables: list[Variable] = field(default_factory=list)
    constraints: list[Constraint] = field(default_factory=list)
    objective: list[Term] = field(default_factory=list)

    def new_var(self, name: str, lower: int, upper: int) -> int:
        self.variables.append(Variable(name, lower, upper))
        return len(self.variables) - 1

    def new_bool(self, name: str) -> int:
        return self.new_var(name, 0, 1)

    def add(
        self,
        terms: Iterable[Term],
        *,
        rule_id: str,
        lower: int | None = None,
        upper: int | None = None,
    ) -> None:
        """Require lower <= sum(coefficient * variable) <= upper."""
        self.constraints.append(Constraint(tuple(terms), lower, upper, rule_id))

    def maximize(self, terms: Iterable[Term]) -> None:
        self.objective.extend(terms)


class SolveStatus(StrEnum):
    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Solution:
    status: SolveStatus
    values: tuple[int, ...] = ()
    conflicting_rule_ids: tuple[str, ...] = ()
    """for an infeasible model: a set of rule ids that cannot all hold at once"""

    @property
    def found(self) -> bool:
        return self.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)

    def value(self, variable: int) -> int:
        return self.values[variable]


class Solver(Protocol):
    def __call__(self, model: LinearModel, *, seed: int) -> Solution:
        """Maximise the objective subject to every constraint; deterministic for a given seed."""
        ...

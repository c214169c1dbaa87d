"""A generated plan: a mesocycle of weeks, sessions, blocks and dosed items, each with its reasons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from backbone.domain.athlete import Profile
from backbone.domain.prescription import Reason
from backbone.domain.vocabulary import BlockKind, Day, Muscle


class SessionFocus(StrEnum):
    BACK = "back"
    CORE_MOBILITY = "core_mobility"


@dataclass(frozen=True, slots=True)
class PlanItem:
    exercise: str
    name: str
    sets: int
    reps: tuple[int, int] | None
    seconds: tuple[int, int] | None
    per_side: bool
    rir: int | None
    rest_s: int
    load_hint: str
    why: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    items: tuple[PlanItem, ...]


@dataclass(frozen=True, slots=True)
class Session:
    day: Day
    on: date
    focus: SessionFocus
    est_minutes: float
    blocks: tuple[Block, ...]

    def items(self, kind: BlockKind | None = None) -> tuple[PlanItem, ...]:
        return tuple(i for b in self.blocks if kind is None or b.kind is kind for i in b.items)


@dataclass(frozen=True, slots=True)
class Week:
    number: int
    deload: bool
    starts_on: date
    weekly_sets: tuple[tuple[Muscle, float], ...]
    sessions: tuple[Session, ...]


@dataclass(frozen=True, slots=True)
class PlanWarning:
    code: str
    message: str
    rule_id: str


@dataclass(frozen=True, slots=True)
class Plan:
    profile: Profile
    weeks: tuple[Week, ...]
    warnings: tuple[PlanWarning, ...]

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """Every rule the plan cites, in a stable order."""
        cited = {w.rule_id for w in self.warnings}
        for week in self.weeks:
            for session in week.sessions:
                for item in session.items():
                    cited.update(reason.rule_id for reason in item.why)
        return tuple(sorted(cited))


@dataclass(frozen=True, slots=True)
class KnownSet:
    """A recent set the athlete reports at program start, so loads need no calibration."""

    exercise: str
    load_kg: float | None
    added_kg: float | None
    reps: int | None
    seconds: int | None
    rir: int | None


@dataclass(frozen=True, slots=True)
class ProgramSwap:
    """The athlete swapped one exercise for another in their running program, from a day on.

    Swaps are kept in order and applied to the plan as started (`planner.swap.apply_swaps`), so
    the stored plan stays the planner's own and a swap back restores it exactly."""

    from_exercise: str
    to_exercise: str
    effective_on: date
    """the first session day that has the replacement; earlier sessions keep what they had"""
    carried: KnownSet | None = None
    """the replacement's starting point carried over from the exercise it replaced
    (`progression.carry_over`), or None when the load does not transfer"""
    swap_id: int | None = None


@dataclass(frozen=True, slots=True)
class RunningProgram:
    """A plan an athlete started on a date: the plan as it was when it started, even if a later
    catalogue or planner would now plan differently."""

    athlete_id: int
    started_on: date
    plan: Plan
    plan_options: tuple[tuple[str, str], ...]
    """the plan request as (field, JSON-encoded value) pairs"""
    known: tuple[KnownSet, ...] = ()
    program_id: int | None = None
    swaps: tuple[ProgramSwap, ...] = ()
    """the athlete's swaps, oldest first (`plan` is the plan as started, before them)"""

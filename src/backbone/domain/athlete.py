"""The athlete's planning profile, and the parsing that turns user words into it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from difflib import get_close_matches
from enum import StrEnum
from typing import TypeVar

from backbone.domain.errors import InputError
from backbone.domain.vocabulary import BackPain, Day, Equipment, Goal, Level, OutsideLift

E = TypeVar("E", bound=StrEnum)

DAYS_PER_WEEK_RANGE = (1, 7)
MINUTES_RANGE = (15, 120)
WEEKS_RANGE = (1, 12)
DEFAULT_WEEKS = 5


@dataclass(frozen=True, slots=True)
class Profile:
    days_per_week: int
    minutes_per_session: int
    equipment: frozenset[Equipment]
    level: Level
    goal: Goal
    back_pain: BackPain
    weeks: int
    start_on: date
    on_days: tuple[Day, ...] | None = None
    red_flags: tuple[str, ...] = ()
    excluded: frozenset[str] = frozenset()
    """exercise slugs or aliases the athlete will not do (`--exclude`); checked by the planner"""
    also_training: frozenset[OutsideLift] = frozenset()
    """lifts trained outside this plan (`--also-training`), whose back work is counted"""

    @property
    def available_equipment(self) -> frozenset[Equipment]:
        """What the athlete has; bodyweight is always available."""
        return self.equipment | {Equipment.BODYWEIGHT}


def make_profile(
    *,
    days_per_week: int | None,
    minutes_per_session: int,
    equipment: Iterable[str],
    level: str,
    goal: str,
    back_pain: str,
    weeks: int,
    start_on: date,
    on_days: Iterable[str] | None = None,
    red_flags: Iterable[str] = (),
    exclude: Iterable[str] = (),
    also_training: Iterable[str] = (),
) -> Profile:
    """Validate raw user values; every mistake names the bad value and what is allowed."""
    days = tuple(parse_choice(Day, d, "day") for d in on_days) if on_days is not None else None
    if days is not None:
        repeated = sorted({d.value for d in days if days.count(d) > 1})
        if repeated:
            raise InputError(
                f"the training days list {', '.join(repeated)} more than once.", {"on": repeated}
            )
        days = tuple(sorted(days, key=lambda d: d.weekday))
    if days_per_week is None:
        days_per_week = len(days) if days else 3
    _check_range(days_per_week, DAYS_PER_WEEK_RANGE, "days", "training days per week")
    _check_range(minutes_per_session, MINUTES_RANGE, "minutes", "minutes per session")
    _check_range(weeks, WEEKS_RANGE, "weeks", "weeks in the block")
    if days is not None and len(days) < days_per_week:
        raise InputError(
            f"the training days list {len(days)} day(s) ({', '.join(d.value for d in days)}) "
            f"but {days_per_week} days a week are asked for; list at least {days_per_week} days "
            "or train fewer days a week.",
            {"on": [d.value for d in days], "days": days_per_week},
        )
    return Profile(
        days_per_week=days_per_week,
        minutes_per_session=minutes_per_session,
        equipment=frozenset(parse_choice(Equipment, e, "equipment") for e in equipment),
        level=parse_choice(Level, level, "level"),
        goal=parse_choice(Goal, goal, "goal"),
        back_pain=parse_choice(BackPain, back_pain, "back pain"),
        weeks=weeks,
        start_on=start_on,
        on_days=days,
        red_flags=tuple(red_flags),
        excluded=frozenset(e.strip() for e in exclude if e.strip()),
        also_training=frozenset(
            parse_choice(OutsideLift, OUTSIDE_LIFT_ALIASES.get(_key(a), a), "lift")
            for a in also_training
        ),
    )


OUTSIDE_LIFT_ALIASES = {
    "deadlifts": "deadlift",
    "squats": "squat",
    "back_squat": "squat",
    "front_squat": "squat",
    "bench_press": "bench",
    "press": "overhead_press",
    "ohp": "overhead_press",
    "clean": "olympic",
    "snatch": "olympic",
    "clean_and_jerk": "olympic",
    "rows": "row",
    "pullup": "pull_up",
    "pull_ups": "pull_up",
    "chin_up": "pull_up",
}


def _key(raw: str) -> str:
    return raw.strip().lower().replace("-", "_").replace(" ", "_")


def parse_choice(enum: type[E], raw: str, what: str) -> E:
    """Parse one vocabulary word, forgiving case, dashes and spaces; suggest near misses."""
    key = raw.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return enum(key)
    except ValueError:
        pass
    allowed = [m.value for m in enum]
    suggestions = get_close_matches(key, allowed, n=2, cutoff=0.6)
    hint = f" Did you mean '{suggestions[0]}'?" if suggestions else ""
    raise InputError(
        f"Unknown {what} '{raw}'.{hint} Allowed: {', '.join(allowed)}.",
        {"field": what, "value": raw, "allowed": allowed, "suggestions": suggestions},
    )


def _check_range(value: int, bounds: tuple[int, int], option: str, meaning: str) -> None:
    low, high = bounds
    if not low <= value <= high:
        raise InputError(
            f"{option} must be between {low} and {high} ({meaning}); got {value}.",
            {"field": option, "value": value, "min": low, "max": high},
        )


class Units(StrEnum):
    KG = "kg"
    LB = "lb"


DEFAULT_PLATES_KG = (25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25)
DEFAULT_DUMBBELL_STEP_KG = 2.0


@dataclass(frozen=True, slots=True)
class Athlete:
    """A person who trains: their units, what loads they can make, and their bodyweight."""

    name: str
    units: Units = Units.KG
    bodyweight_kg: float | None = None
    plates_kg: tuple[float, ...] = DEFAULT_PLATES_KG
    """plate sizes available, one of each pair (a barbell load changes by 2 x plate)"""
    bar_kg: float = 20.0
    dumbbell_step_kg: float = DEFAULT_DUMBBELL_STEP_KG
    athlete_id: int | None = None
    user_id: int | None = None
    """the user who owns this athlete's data (backbone.domain.accounts)"""

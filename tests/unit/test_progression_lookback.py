"""The next target is worked out from the history `history_start` keeps (the last block and a
few exposures before it), not the whole log: on long, uneven histories it must be the very same
prescription, reasons and stall advice included, for every progression rule."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from backbone.domain.history import LoggedSet, RangeDone, SetType
from backbone.domain.progression.lookback import history_start
from backbone.domain.vocabulary import Goal, Level
from tests.unit.progression_builders import EVIDENCE, MONDAY, logged, next_for, planned

RULES = [
    # (exercise, level, goal, planned hold): linear, double, RIR, hold time, bodyweight ladder
    ("romanian_deadlift", Level.NOVICE, Goal.STRENGTH, None),
    ("barbell_row", Level.NOVICE, Goal.STRENGTH, None),
    ("chest_supported_row", Level.INTERMEDIATE, Goal.HYPERTROPHY, None),
    ("barbell_row", Level.ADVANCED, Goal.STRENGTH, None),
    ("side_plank", Level.INTERMEDIATE, Goal.HEALTH, (20, 40)),
    ("inverted_row", Level.INTERMEDIATE, Goal.HYPERTROPHY, None),
]


def history(slug: str, seed: int, sessions: int, every_days: int) -> list[LoggedSet]:
    """A long, uneven log: loads that climb, stall and drop, misses, warm-up-only days, pain."""
    rng = random.Random(seed)
    sets: list[LoggedSet] = []
    load = 40.0
    on = MONDAY
    for _ in range(sessions):
        on += timedelta(days=every_days + rng.choice((0, 0, 0, 1, 2, 7)))
        load = max(20.0, load + rng.choice((0.0, 0.0, 2.5, 2.5, 5.0, -5.0, -10.0)))
        position = 1
        if rng.random() < 0.3:
            sets.append(logged(slug, on, position, load / 2, 10, None, set_type=SetType.WARMUP))
            position += 1
            if rng.random() < 0.15:
                continue  # warm-ups only
        for _ in range(rng.choice((2, 3, 4))):
            hold = slug == "side_plank"
            sets.append(
                logged(
                    slug,
                    on,
                    position,
                    None if hold or slug == "inverted_row" else load,
                    None if hold else rng.choice((6, 8, 10, 12, 12)),
                    rng.choice((0, 1, 2, 3, None)),
                    seconds=rng.choice((20, 30, 40, 45)) if hold else None,
                    range_done=RangeDone.PARTIAL if rng.random() < 0.05 else RangeDone.FULL,
                    pain=rng.choice((None, None, None, 2, 5)),
                )
            )
            position += 1
    return sets


def kept(sets: list[LoggedSet]) -> list[LoggedSet]:
    days = sorted({s.performed_on for s in sets}, reverse=True)
    start = history_start(days, EVIDENCE)
    assert start is not None
    return [s for s in sets if s.performed_on >= start]


@pytest.mark.parametrize(("slug", "level", "goal", "seconds"), RULES)
@pytest.mark.parametrize("every_days", [1, 2, 3, 7])
def test_the_kept_history_prescribes_as_the_whole_one(
    slug: str, level: Level, goal: Goal, seconds: tuple[int, int] | None, every_days: int
) -> None:
    plan = planned(slug, reps=None if seconds else (8, 12), seconds=seconds)
    for seed in range(12):
        sets = history(slug, seed, sessions=120, every_days=every_days)
        trimmed = kept(sets)
        assert len(trimmed) < len(sets)
        assert next_for(slug, trimmed, plan, level=level, goal=goal) == next_for(
            slug, sets, plan, level=level, goal=goal
        ), (seed, every_days)


def test_nothing_logged_reads_nothing() -> None:
    assert history_start([], EVIDENCE) is None


def test_a_short_history_is_read_whole() -> None:
    days = [date(2026, 3, 1) - timedelta(days=3 * n) for n in range(5)]
    assert history_start(days, EVIDENCE) == days[-1]

"""Share the week's work between back sessions once the bands are full.

When every weekly band fills before the time box does, top-up stops and one day can hold far more
than another (a 47-minute Monday beside a 31-minute Friday). This pass moves whole accessory
exercises (accessories, and main lifts their session can spare) from the longest back session to
the shortest while that narrows the gap, keeping every
per-session rule the model keeps: the time box, one exercise per pattern in a block, the block's
size and the direct sets a muscle may get in one session (frequency.volume_equated). Weekly sets
do not change. Hinges and high spinal-load lifts stay where the solver spaced them
(recovery.spacing_72h_hinge, safety.spinal_load_gate). Doing this after the solve, not in the
model, keeps the model quick to prove: a balance term there doubled the planner's time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from backbone.domain.athlete import Profile
from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.planner.constraints import (
    MAX_EXERCISES_PER_BLOCK,
    pattern_slot,
    session_direct_sets_max,
)
from backbone.domain.planner.top_up import Placed, placed_s
from backbone.domain.vocabulary import BlockKind, Muscle, Pattern, SpinalLoad
from backbone.domain.volume import PLAN_TARGETS

MOVES_MAX = 6
"""a few moves settle any week; the bound keeps the pass cheap"""


def balance_sessions(
    placed: Sequence[Placed],
    budgets_s: dict[int, int],
    back_sessions: frozenset[int],
    profile: Profile,
    evidence: EvidenceRegistry,
) -> list[Placed]:
    items = list(placed)
    if len(back_sessions) < 2:
        return items
    direct_max = {
        m: session_direct_sets_max(m, len(back_sessions), profile, evidence) for m in PLAN_TARGETS
    }
    for _ in range(MOVES_MAX):
        used = {
            s: sum(placed_s(i, profile) for i in items if i.session == s) for s in back_sessions
        }
        longest = max(sorted(used), key=lambda s: used[s])
        shortest = min(sorted(used), key=lambda s: used[s])
        gap = used[longest] - used[shortest]
        best: tuple[int, int] | None = None
        for index, item in enumerate(items):
            if item.session != longest or not _movable(item, items):
                continue
            moved = replace(item, session=shortest)
            seconds = placed_s(moved, profile)
            if used[shortest] + seconds > budgets_s[shortest]:
                continue
            new_gap = abs((used[longest] - seconds) - (used[shortest] + seconds))
            if new_gap >= gap or not _fits(moved, items, direct_max):
                continue
            if best is None or new_gap < best[0]:
                best = (new_gap, index)
        if best is None:
            return items
        index = best[1]
        items[index] = replace(items[index], session=shortest)
    return items


def _movable(item: Placed, items: list[Placed]) -> bool:
    """Accessories, and main lifts whose session keeps another (select.compound_plus_isolation
    wants a main lift in every back session)."""
    if item.exercise.pattern is Pattern.HINGE or item.exercise.spinal_load is SpinalLoad.HIGH:
        return False
    if item.block is BlockKind.ACCESSORY:
        return True
    if item.block is not BlockKind.MAIN:
        return False
    mains = sum(1 for i in items if i.session == item.session and i.block is BlockKind.MAIN)
    return mains > 1


def _fits(moved: Placed, items: list[Placed], direct_max: dict[Muscle, int]) -> bool:
    there = [i for i in items if i.session == moved.session and i.block is moved.block]
    if len(there) + 1 > MAX_EXERCISES_PER_BLOCK[moved.block]:
        return False
    if any(pattern_slot(i.exercise) == pattern_slot(moved.exercise) for i in there):
        return False
    if any(i.exercise.slug == moved.exercise.slug for i in items if i.session == moved.session):
        return False
    for muscle in PLAN_TARGETS:
        if moved.exercise.credit(muscle) < 1:
            continue
        direct = sum(
            i.sets for i in items if i.session == moved.session and i.exercise.credit(muscle) >= 1
        )
        if direct + moved.sets > direct_max[muscle]:
            return False
    return True

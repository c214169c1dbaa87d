"""Warm-up and cool-down drills for each session (mobility.dynamic_warmup, mobility.cat_camel).

Picked by rule rather than by the solver: every session gets them, and rotating through the
drills by session keeps the week varied while staying deterministic.
"""

from __future__ import annotations

from backbone.domain.athlete import Profile
from backbone.domain.exercise import Exercise
from backbone.domain.planner.candidates import Candidates
from backbone.domain.vocabulary import BackPain, Pattern

LONG_SESSION_MIN = 45


def warmup_drills(candidates: Candidates, profile: Profile, session: int) -> tuple[Exercise, ...]:
    drills: list[Exercise] = []
    spinal = [e for e in candidates.warmup if e.pattern is Pattern.SPINAL_MOBILITY]
    # mobility.cat_camel opens every session; other spinal drills only stand in for it.
    spinal.sort(key=lambda e: ("mobility.cat_camel" not in e.rule_ids, e.slug))
    if spinal:
        drills.append(spinal[0])
    drills += _rotate(candidates.warmup, Pattern.THORACIC_MOBILITY, session, 1)
    if profile.minutes_per_session >= LONG_SESSION_MIN or profile.back_pain is BackPain.CURRENT:
        drills += _rotate(candidates.warmup, Pattern.HIP_MOBILITY, session, 1)
    return tuple(drills)


def cooldown_drills(
    candidates: Candidates, profile: Profile, session: int, exclude: tuple[Exercise, ...]
) -> tuple[Exercise, ...]:
    count = 1
    if profile.minutes_per_session >= LONG_SESSION_MIN or profile.back_pain is BackPain.CURRENT:
        count = 2
    pool = sorted((e for e in candidates.cooldown if e not in exclude), key=lambda e: e.slug)
    if not pool:
        return ()
    picked: list[Exercise] = []
    for offset in range(len(pool)):
        drill = pool[(session + offset) % len(pool)]
        if all(drill.pattern is not p.pattern for p in picked):
            picked.append(drill)
        if len(picked) == count:
            break
    return tuple(picked)


def _rotate(
    pool: tuple[Exercise, ...], pattern: Pattern, session: int, count: int
) -> list[Exercise]:
    matching = sorted((e for e in pool if e.pattern is pattern), key=lambda e: e.slug)
    if not matching:
        return []
    return [matching[(session + i) % len(matching)] for i in range(min(count, len(matching)))]

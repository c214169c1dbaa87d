"""Neighbouring exercises in the catalogue: the next harder variation, or an easier one."""

from __future__ import annotations

from backbone.domain.catalogue import Catalogue
from backbone.domain.exercise import Exercise
from backbone.domain.progression.context import Context
from backbone.domain.vocabulary import Level, SpinalLoad

_SPINE_RANK = {SpinalLoad.LOW: 0, SpinalLoad.MODERATE: 1, SpinalLoad.HIGH: 2}


def spine_rank(load: SpinalLoad) -> int:
    return _SPINE_RANK[load]


def harder(exercise: Exercise, catalogue: Catalogue) -> Exercise | None:
    """The first listed progression the catalogue knows (e.g. assisted -> negative -> pull-up)."""
    for slug in exercise.progressions:
        if slug in catalogue:
            return catalogue.get(slug)
    return None


def easier(exercise: Exercise, catalogue: Catalogue) -> Exercise | None:
    """The first listed regression that loads the spine no more than this exercise does."""
    for slug in exercise.regressions:
        if slug in catalogue:
            candidate = catalogue.get(slug)
            if spine_rank(candidate.spinal_load) <= spine_rank(exercise.spinal_load):
                return candidate
    return None


def sibling(exercise: Exercise, catalogue: Catalogue, level: Level) -> Exercise | None:
    """A variation of the same pattern, no harder on the spine, within the athlete's level."""
    for slug in (*exercise.regressions, *exercise.progressions):
        if slug not in catalogue:
            continue
        candidate = catalogue.get(slug)
        if (
            candidate.pattern is exercise.pattern
            and candidate.measured_by is exercise.measured_by
            and spine_rank(candidate.spinal_load) <= spine_rank(exercise.spinal_load)
            and candidate.level.rank <= level.rank
        ):
            return candidate
    return None


def harder_within(exercise: Exercise, ctx: Context) -> Exercise | None:
    """The first listed progression the athlete has the equipment for."""
    for slug in exercise.progressions:
        if slug in ctx.catalogue:
            candidate = ctx.catalogue.get(slug)
            if ctx.has(candidate.equipment):
                return candidate
    return None


def easier_within(exercise: Exercise, ctx: Context) -> Exercise | None:
    """The first listed regression the athlete has the equipment for, no harder on the spine."""
    for slug in exercise.regressions:
        if slug in ctx.catalogue:
            candidate = ctx.catalogue.get(slug)
            if ctx.has(candidate.equipment) and spine_rank(candidate.spinal_load) <= spine_rank(
                exercise.spinal_load
            ):
                return candidate
    return None

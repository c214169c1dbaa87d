"""e1RM trend per exercise: an ordinary least-squares line through the best e1RM of each
exposure, its standard error, the stall flag (progression.stall) and the PR table.

With points (x_i, y_i), x in weeks since the first point and y the e1RM in kg:

    slope = Sxy / Sxx,  Sxx = sum (x - mean x)^2,  Sxy = sum (x - mean x)(y - mean y)
    stderr = sqrt(SSE / (n - 2) / Sxx),  SSE = sum (y - a - slope x)^2

Two points give a slope but no standard error (n - 2 = 0 degrees of freedom), so the stderr is
None until a third point. An exercise needs two e1RM points to have a trend at all.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from backbone.domain.analytics.hard_sets import find_exercise
from backbone.domain.analytics.model import StrengthTrend
from backbone.domain.athlete import Athlete
from backbone.domain.catalogue import Catalogue
from backbone.domain.exposures import group_exposures
from backbone.domain.history import LoggedSet
from backbone.domain.program import PlanItem
from backbone.domain.progression.context import Context
from backbone.domain.progression.stall import detect_stall
from backbone.domain.strength import PersonalRecord, e1rm_trend, new_records

STALL_RULE = "progression.stall"
DAYS_PER_WEEK = 7.0
MIN_POINTS = 2
STDERR_MIN_POINTS = 3
STALL_PROBE_REPS = (8, 12)
"""detect_stall needs a planned item only to word its suggestion, which is not shown here."""


def least_squares(points: Sequence[tuple[float, float]]) -> tuple[float, float | None]:
    """(slope, standard error of the slope); stderr None below three points."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    if sxx == 0:
        return 0.0, None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in points)
    slope = sxy / sxx
    if n < STDERR_MIN_POINTS:
        return slope, None
    intercept = mean_y - slope * mean_x
    sse = sum((y - intercept - slope * x) ** 2 for x, y in points)
    return slope, math.sqrt(sse / (n - 2) / sxx)


def _by_exercise(sets: Sequence[LoggedSet]) -> dict[str, list[LoggedSet]]:
    grouped: dict[str, list[LoggedSet]] = defaultdict(list)
    for logged in sets:
        grouped[logged.exercise].append(logged)
    return grouped


def strength_trends(
    sets: Sequence[LoggedSet], athlete: Athlete, ctx: Context
) -> tuple[StrengthTrend, ...]:
    trends = []
    for slug, own in sorted(_by_exercise(sets).items()):
        exercise = find_exercise(ctx.catalogue, slug)
        if exercise is None:
            continue
        exposures = group_exposures(own)
        points = e1rm_trend(exposures, exercise, athlete.bodyweight_kg)
        if len(points) < MIN_POINTS:
            continue
        first = points[0][0]
        slope, stderr = least_squares(
            [((on - first).days / DAYS_PER_WEEK, value) for on, value in points]
        )
        probe = PlanItem(slug, exercise.name, 3, STALL_PROBE_REPS, None, False, 2, 120, "", ())
        stalled = detect_stall(exercise, probe, exposures, ctx) is not None
        trends.append(
            StrengthTrend(
                exercise=exercise.slug,
                points=points,
                slope_kg_per_week=round(slope, 3),
                slope_stderr_kg_per_week=None if stderr is None else round(stderr, 3),
                stalled=stalled,
                rule_id=STALL_RULE,
            )
        )
    return tuple(trends)


def records(
    baseline: Sequence[LoggedSet],
    window_sets: Sequence[LoggedSet],
    athlete: Athlete,
    catalogue: Catalogue,
) -> tuple[PersonalRecord, ...]:
    """PRs set inside the window, each against everything logged before the window."""
    before = _by_exercise(baseline)
    found: list[PersonalRecord] = []
    for slug, own in sorted(_by_exercise(window_sets).items()):
        exercise = find_exercise(catalogue, slug)
        if exercise is None:
            continue
        found.extend(new_records(before.get(slug, []), own, exercise, athlete.bodyweight_kg))
    return tuple(found)

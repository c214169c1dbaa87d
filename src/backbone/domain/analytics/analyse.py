"""The analytics entry point: every figure of `backbone stats` from one call over the log.

Pure: `today`, the window length, the log, the plan and the registries are all arguments, so the
same inputs always give the same report.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from backbone.domain.analytics.adherence import adherence
from backbone.domain.analytics.balance import balances
from backbone.domain.analytics.endurance import endurance_ratios, endurance_scores
from backbone.domain.analytics.fatigue import readiness
from backbone.domain.analytics.frequency import muscle_frequency, spacing_violations
from backbone.domain.analytics.hard_sets import hard_sets
from backbone.domain.analytics.model import Analytics, PainLoadWeek
from backbone.domain.analytics.own_sets import OwnExercises
from backbone.domain.analytics.spinal_load import spinal_load_trend, spinal_load_weeks
from backbone.domain.analytics.strength_trend import records, strength_trends
from backbone.domain.analytics.volume import muscle_volume
from backbone.domain.analytics.window import week_start, window_days, window_weeks
from backbone.domain.athlete import Athlete, Profile
from backbone.domain.catalogue import Catalogue
from backbone.domain.endurance import EnduranceResult
from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.history import CheckIn, LoggedSet
from backbone.domain.program import Plan
from backbone.domain.progression.context import Context
from backbone.domain.vocabulary import BackPain, Goal, Level

DEFAULT_LEVEL = Level.NOVICE
DEFAULT_GOAL = Goal.HYPERTROPHY
DEFAULT_BACK_PAIN = BackPain.NONE
"""Without a profile the stall rule is read as for a novice after muscle, like the volume band."""


def pain_vs_load(
    sets: Sequence[LoggedSet],
    check_ins: Sequence[CheckIn],
    weeks: Sequence[date],
    catalogue: Catalogue,
) -> tuple[PainLoadWeek, ...]:
    """Mean check-in back pain and hard-set count per week (None when nobody checked in)."""
    pains: dict[date, list[int]] = {w: [] for w in weeks}
    for check_in in check_ins:
        pains.get(week_start(check_in.on), []).append(check_in.back_pain)
    load = dict.fromkeys(weeks, 0.0)
    for logged, _ in hard_sets(sets, catalogue):
        monday = week_start(logged.performed_on)
        if monday in load:
            load[monday] += 1
    return tuple(
        PainLoadWeek(w, round(sum(pains[w]) / len(pains[w]), 2) if pains[w] else None, load[w])
        for w in weeks
    )


def analyse(
    *,
    today: date,
    weeks: int,
    sets: Sequence[LoggedSet],
    check_ins: Sequence[CheckIn],
    endurance: Sequence[EnduranceResult],
    plan: Plan | None,
    profile: Profile | None,
    athlete: Athlete,
    catalogue: Catalogue,
    evidence: EvidenceRegistry,
    record_baseline: Sequence[LoggedSet] = (),
    own_exercises: OwnExercises | None = None,
) -> Analytics:
    """Analytics over the `weeks` Monday-based weeks ending with the week of `today`.

    `sets` outside the window (or after today) are ignored except by the fatigue score, which
    also reads `record_baseline` so a session just before the window still counts as fatigue.
    `own_exercises` (imported names the catalogue lacks) count in per-muscle volume, the
    spinal-load budget and the push:pull and hinge balances; sets of exercises known to neither
    are left out.
    """
    mondays = window_weeks(today, weeks)
    days = window_days(today, weeks)
    first, last = days[0], min(days[-1], today)
    window = [s for s in sets if first <= s.performed_on <= last]
    baseline = [s for s in record_baseline if s.performed_on < first]
    volume = muscle_volume(window, mondays, profile, catalogue, evidence, own_exercises)
    muscles = tuple(v.muscle for v in volume)
    ctx = Context(
        athlete=athlete,
        level=profile.level if profile else DEFAULT_LEVEL,
        goal=profile.goal if profile else DEFAULT_GOAL,
        back_pain=profile.back_pain if profile else DEFAULT_BACK_PAIN,
        catalogue=catalogue,
        evidence=evidence,
    )
    spinal = spinal_load_weeks(window, mondays, catalogue, own_exercises)
    in_window_check_ins = [c for c in check_ins if first <= c.on <= last]
    return Analytics(
        today=today,
        weeks=weeks,
        has_history=bool(window or baseline),
        volume=volume,
        frequency=muscle_frequency(window, muscles, weeks, catalogue),
        spacing_violations=spacing_violations(window, catalogue, evidence),
        balance=balances(window, catalogue, own_exercises),
        spinal_load=spinal,
        spinal_load_trend=spinal_load_trend(spinal),
        adherence=adherence(plan, window, days, today, catalogue),
        strength=strength_trends(window, athlete, ctx),
        records=records(baseline, window, athlete, catalogue),
        readiness=readiness([*baseline, *window], check_ins, muscles, today, catalogue, evidence),
        endurance=endurance_scores([r for r in endurance if r.on <= today], evidence),
        endurance_ratios=endurance_ratios([r for r in endurance if r.on <= today], evidence),
        pain_vs_load=pain_vs_load(window, in_window_check_ins, mondays, catalogue),
    )

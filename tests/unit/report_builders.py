"""A hand-built `Analytics` value with known numbers, for the report tests and a visual check."""

from __future__ import annotations

from datetime import date, timedelta

from backbone.domain.analytics.model import (
    Adherence,
    Analytics,
    Balance,
    BandStatus,
    EnduranceRatio,
    EnduranceScore,
    MuscleFatigue,
    MuscleFrequency,
    MuscleVolume,
    PainLoadWeek,
    Readiness,
    SpacingViolation,
    SpinalLoadWeek,
    StrengthTrend,
)
from backbone.domain.strength import PersonalRecord
from backbone.domain.vocabulary import Muscle

TODAY = date(2027, 1, 20)  # a Wednesday
WEEKS = 8
FIRST_MONDAY = date(2026, 11, 30)
MONDAYS = tuple(FIRST_MONDAY + timedelta(weeks=i) for i in range(WEEKS))
LATS_WEEKS = (8.0, 9.0, 10.5, 11.0, 12.0, 12.5, 6.0, 13.0)
ERECTOR_WEEKS = (3.0, 3.5, 4.0, 4.0, 4.5, 5.0, 2.0, 5.5)
REAR_DELT_WEEKS = (2.0, 2.0, 2.5, 3.0, 3.0, 3.0, 1.0, 3.0)
HARD_SETS = (30.0, 33.0, 36.0, 38.0, 41.0, 43.0, 20.0, 45.0)
PAIN = (4.0, 3.5, None, 3.0, 2.5, 2.0, 2.0, 1.5)
SPINAL = ((2, 6), (3, 6), (3, 7), (4, 7), (4, 8), (5, 8), (1, 4), (5, 9))


def _volume(muscle: Muscle, weeks: tuple[float, ...], band: tuple[int, int]) -> MuscleVolume:
    mean = sum(weeks[-4:]) / 4
    status = (
        BandStatus.BELOW
        if mean < band[0]
        else BandStatus.ABOVE
        if mean > band[1]
        else BandStatus.INSIDE
    )
    return MuscleVolume(
        muscle=muscle,
        weekly_sets=tuple(zip(MONDAYS, weeks, strict=True)),
        rolling_mean_4w=mean,
        band=band,
        status=status,
        rule_id="volume.weekly_sets_band",
        sources=("schoenfeld2017",),
    )


def _calendar() -> tuple[tuple[date, bool, bool], ...]:
    days = []
    for offset in range((TODAY - FIRST_MONDAY).days + 1):
        day = FIRST_MONDAY + timedelta(days=offset)
        planned = day.weekday() in (0, 2, 4)
        missed = day in (date(2026, 12, 4), date(2027, 1, 4), date(2027, 1, 6))
        extra = day == date(2026, 12, 19)
        days.append((day, planned, (planned and not missed) or extra))
    return tuple(days)


def _trend(exercise: str, start: float, step: float, stalled: bool) -> StrengthTrend:
    points = tuple(
        (FIRST_MONDAY + timedelta(days=2 * i + 7 * (i // 2)), round(start + step * i, 1))
        for i in range(10)
    )
    return StrengthTrend(
        exercise=exercise,
        points=points,
        slope_kg_per_week=0.0 if stalled else step * 2,
        slope_stderr_kg_per_week=0.15,
        stalled=stalled,
        rule_id="progression.stall_detection",
    )


def sample_analytics() -> Analytics:
    calendar = _calendar()
    planned = sum(p for _, p, _ in calendar)
    performed = sum(d for _, _, d in calendar)
    return Analytics(
        today=TODAY,
        weeks=WEEKS,
        has_history=True,
        volume=(
            _volume(Muscle.LATS, LATS_WEEKS, (10, 20)),
            _volume(Muscle.ERECTOR_SPINAE, ERECTOR_WEEKS, (6, 12)),
            _volume(Muscle.REAR_DELTS, REAR_DELT_WEEKS, (4, 12)),
        ),
        frequency=(
            MuscleFrequency(Muscle.LATS, 2.6, "frequency.twice_weekly"),
            MuscleFrequency(Muscle.ERECTOR_SPINAE, 1.9, "frequency.twice_weekly"),
        ),
        spacing_violations=(
            SpacingViolation(date(2026, 12, 19), date(2026, 12, 20), 24, "recovery.spacing_48h"),
        ),
        balance=(
            Balance(
                "horizontal_vs_vertical",
                "horizontal pulls",
                "vertical pulls",
                40.0,
                36.0,
                40 / 36,
                "Horizontal and vertical pulling are balanced.",
                "balance.pull_planes",
            ),
        ),
        spinal_load=tuple(
            SpinalLoadWeek(monday, high, moderate)
            for monday, (high, moderate) in zip(MONDAYS, SPINAL, strict=True)
        ),
        spinal_load_trend="rising",
        adherence=Adherence(
            planned_sessions=planned,
            performed_sessions=performed - 1,
            planned_sets=planned * 14,
            performed_sets=(performed - 1) * 14 - 5,
            calendar=calendar,
        ),
        strength=(
            _trend("chest_supported_row", 60.0, 1.0, stalled=False),
            _trend("romanian_deadlift", 90.0, 0.0, stalled=True),
            _trend("lat_pulldown", 55.0, 0.6, stalled=False),
        ),
        records=(
            PersonalRecord("e1rm", "chest_supported_row", 69.0, None, date(2027, 1, 18), 68.0),
            PersonalRecord("rep_max", "lat_pulldown", 57.5, 8, date(2027, 1, 13), 55.0),
            PersonalRecord("longest_hold", "side_plank", 75.0, None, date(2027, 1, 15), None),
        ),
        readiness=Readiness(
            verdict="ready for back work",
            ready=True,
            fatigue=(MuscleFatigue(Muscle.LATS, 3.2, True),),
            reasons=(),
        ),
        endurance=(
            EnduranceScore(
                "sorensen",
                None,
                118.0,
                date(2027, 1, 10),
                "men 20-39 without back pain: mean 146 s (Biering-Sørensen 1984)",
                "below the population mean",
                "test.sorensen",
            ),
            EnduranceScore(
                "side_bridge",
                "left",
                70.0,
                date(2027, 1, 10),
                "healthy young men: mean 95 s (McGill 1999)",
                "below the mean",
                "test.side_bridge",
            ),
        ),
        endurance_ratios=(
            EnduranceRatio("flexor_to_extensor", 1.1, "below 1.0", False, "test.endurance_ratios"),
        ),
        pain_vs_load=tuple(
            PainLoadWeek(monday, pain, sets)
            for monday, pain, sets in zip(MONDAYS, PAIN, HARD_SETS, strict=True)
        ),
    )


def empty_analytics() -> Analytics:
    return Analytics(
        today=TODAY,
        weeks=WEEKS,
        has_history=False,
        volume=(),
        frequency=(),
        spacing_violations=(),
        balance=(),
        spinal_load=(),
        spinal_load_trend="steady",
        adherence=None,
        strength=(),
        records=(),
        readiness=Readiness("ready for back work", True, (), ()),
        endurance=(),
        endurance_ratios=(),
        pain_vs_load=(),
    )

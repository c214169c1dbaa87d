"""Weekly hard sets per muscle against the evidence band (volume.weekly_sets_band).

Each hard set adds its exercise's catalogue credit to every muscle it trains as a prime mover
(1.0) or synergist (0.5), as the planner counts its bands (volume.fractional_counting; a minor
0.25 is not a hard set for that muscle); a hard set of the athlete's own exercise adds its guessed
muscles' credits the same way. The judged figure is the mean of the last
four weeks of the window (fewer when the window is shorter), current week included: one light or
heavy week should not flip the verdict, and a four-week mean matches a mesocycle's loading weeks.
The band is the planner's band for the athlete's profile (`volume_band`; the erectors' own band
of volume.back_muscle_targets for them); without a profile the novice band is used, the safest
default for someone whose level is unknown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from backbone.domain.analytics.hard_sets import hard_sets
from backbone.domain.analytics.model import BandStatus, MuscleVolume
from backbone.domain.analytics.own_sets import OwnExercises, own_hard_sets
from backbone.domain.analytics.window import week_start
from backbone.domain.athlete import Profile
from backbone.domain.catalogue import Catalogue
from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.history import LoggedSet
from backbone.domain.planner.candidates import TARGETS_RULE, target_band, volume_band
from backbone.domain.vocabulary import Goal, Muscle
from backbone.domain.volume import counted_credit

BAND_RULE = "volume.weekly_sets_band"
HEALTH_RULE = "volume.health_floor"
ROLLING_WEEKS = 4
TARGET_MUSCLES = (
    Muscle.LATS,
    Muscle.RHOMBOIDS,
    Muscle.ERECTOR_SPINAE,
    Muscle.TRAPS_MIDDLE,
    Muscle.REAR_DELTS,
)
"""Always reported, even at zero sets: the muscles the article's back programme is about."""


def weekly_muscle_sets(
    sets: Sequence[LoggedSet],
    catalogue: Catalogue,
    weeks: Sequence[date],
    own: OwnExercises | None = None,
) -> dict[Muscle, dict[date, float]]:
    """Fractional hard sets per muscle per week (Monday), for the given weeks only. The athlete's
    own exercises (from imports) count with their guessed muscles: a row the catalogue lacks
    still trains the lats."""
    wanted = set(weeks)
    totals: dict[Muscle, dict[date, float]] = defaultdict(lambda: dict.fromkeys(weeks, 0.0))
    credited: list[tuple[LoggedSet, tuple[tuple[Muscle, float], ...]]] = [
        (logged, exercise.muscles) for logged, exercise in hard_sets(sets, catalogue)
    ]
    credited += [(logged, mine.muscles) for logged, mine in own_hard_sets(sets, own)]
    for logged, muscles in credited:
        monday = week_start(logged.performed_on)
        if monday not in wanted:
            continue
        for muscle, credit in muscles:
            totals[muscle][monday] += counted_credit(credit)
    return totals


def reported_muscles(per_muscle: dict[Muscle, dict[date, float]]) -> tuple[Muscle, ...]:
    """The back muscles the evidence band is meant for; judging biceps or the core against a
    back-training band would only mislead."""
    return tuple(m for m in Muscle if m in TARGET_MUSCLES)


def band_for(
    profile: Profile | None, evidence: EvidenceRegistry
) -> tuple[tuple[int, int], str, tuple[str, ...]]:
    """(low, high) weekly sets, the rule id that sets them, and that rule's sources."""
    if profile is None:
        band = (
            evidence.integer(BAND_RULE, "novice_sets_min"),
            evidence.integer(BAND_RULE, "novice_sets_max"),
        )
        return band, BAND_RULE, evidence.rule(BAND_RULE).sources
    band = volume_band(profile, evidence)
    if profile.goal is Goal.HEALTH:
        # The numbers still come from the band rule; the health floor is why low volume is fine.
        sources = (*evidence.rule(HEALTH_RULE).sources, *evidence.rule(BAND_RULE).sources)
        return band, HEALTH_RULE, tuple(dict.fromkeys(sources))
    return band, BAND_RULE, evidence.rule(BAND_RULE).sources


def status(value: float, band: tuple[int, int]) -> BandStatus:
    low, high = band
    if value < low:
        return BandStatus.BELOW
    if value > high:
        return BandStatus.ABOVE
    return BandStatus.INSIDE


def muscle_volume(
    sets: Sequence[LoggedSet],
    weeks: Sequence[date],
    profile: Profile | None,
    catalogue: Catalogue,
    evidence: EvidenceRegistry,
    own: OwnExercises | None = None,
) -> tuple[MuscleVolume, ...]:
    per_muscle = weekly_muscle_sets(sets, catalogue, weeks, own)
    shared = band_for(profile, evidence)
    result = []
    for muscle in reported_muscles(per_muscle):
        band, rule_id, sources = shared
        if profile is not None and muscle is Muscle.ERECTOR_SPINAE:
            # the erectors have their own band, as the planner fills it
            band = target_band(muscle, profile, evidence)
            rule_id, sources = TARGETS_RULE, evidence.rule(TARGETS_RULE).sources
        weekly = per_muscle[muscle]
        recent = [weekly[w] for w in weeks[-ROLLING_WEEKS:]]
        mean = round(sum(recent) / len(recent), 2)
        result.append(
            MuscleVolume(
                muscle=muscle,
                weekly_sets=tuple((w, round(weekly[w], 2)) for w in weeks),
                rolling_mean_4w=mean,
                band=band,
                status=status(mean, band),
                rule_id=rule_id,
                sources=sources,
            )
        )
    return tuple(result)

"""What the analytics tell: plain values the stats dashboard and the reports render.

Every figure that judges something carries the rule id it was judged by.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from backbone.domain.prescription import Reason
from backbone.domain.strength import PersonalRecord
from backbone.domain.vocabulary import Muscle


class BandStatus(StrEnum):
    BELOW = "below"
    INSIDE = "inside"
    ABOVE = "above"


@dataclass(frozen=True, slots=True)
class MuscleVolume:
    """Hard sets for one muscle: per week (oldest first) and the rolling 4-week mean."""

    muscle: Muscle
    weekly_sets: tuple[tuple[date, float], ...]
    """(Monday of the week, fractional hard sets)"""
    rolling_mean_4w: float
    band: tuple[int, int]
    status: BandStatus
    rule_id: str
    """volume.weekly_sets_band (or volume.health_floor)"""
    sources: tuple[str, ...]
    """source keys behind the band"""


@dataclass(frozen=True, slots=True)
class MuscleFrequency:
    muscle: Muscle
    sessions_per_week: float
    """mean over the window of days with ≥ 0.5-credit hard sets for this muscle"""
    rule_id: str


@dataclass(frozen=True, slots=True)
class SpacingViolation:
    """Two back sessions closer than 48 h (recovery.spacing_48h)."""

    first_on: date
    second_on: date
    hours_apart: int
    rule_id: str


@dataclass(frozen=True, slots=True)
class Balance:
    name: str
    """"horizontal_vs_vertical", "hinge_vs_back_extension", "left_vs_right", "pull_vs_push\""""
    left_label: str
    right_label: str
    left_sets: float
    right_sets: float
    ratio: float | None
    """left / right; None when right is 0"""
    verdict: str
    """one plain sentence"""
    rule_id: str


@dataclass(frozen=True, slots=True)
class SpinalLoadWeek:
    week_start: date
    high_sets: int
    moderate_sets: int


@dataclass(frozen=True, slots=True)
class Adherence:
    planned_sessions: int
    performed_sessions: int
    planned_sets: int
    performed_sets: int
    calendar: tuple[tuple[date, bool, bool], ...]
    """(day, planned, performed) for every day in the window"""


@dataclass(frozen=True, slots=True)
class StrengthTrend:
    exercise: str
    points: tuple[tuple[date, float], ...]
    """best e1RM (kg) per exposure"""
    slope_kg_per_week: float | None
    slope_stderr_kg_per_week: float | None
    """standard error of the least-squares slope; None with fewer than 3 points"""
    stalled: bool
    rule_id: str


@dataclass(frozen=True, slots=True)
class MuscleFatigue:
    """fatigue = sum over sets of credit × effort × 0.5^(age_h / half_life_h); see analytics docs."""

    muscle: Muscle
    score: float
    ready: bool


@dataclass(frozen=True, slots=True)
class Readiness:
    verdict: str
    """"ready for back work" or a plain reason why not"""
    ready: bool
    fatigue: tuple[MuscleFatigue, ...]
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class EnduranceScore:
    test: str
    side: str | None
    latest_s: float
    on: date
    norm: str
    """the norm as text, with the population it came from, or "no normative source: trend only\""""
    verdict: str
    rule_id: str


@dataclass(frozen=True, slots=True)
class EnduranceRatio:
    name: str
    """"flexor_to_extensor", "right_to_left_side_bridge", "side_bridge_to_extensor\""""
    value: float
    target: str
    in_range: bool
    rule_id: str


@dataclass(frozen=True, slots=True)
class PainLoadWeek:
    """Back pain against training load, for the pain-vs-load chart."""

    week_start: date
    mean_back_pain: float | None
    hard_sets: float


@dataclass(frozen=True, slots=True)
class Analytics:
    today: date
    weeks: int
    """window length in weeks, ending with the week that contains `today`"""
    has_history: bool
    volume: tuple[MuscleVolume, ...]
    frequency: tuple[MuscleFrequency, ...]
    spacing_violations: tuple[SpacingViolation, ...]
    balance: tuple[Balance, ...]
    spinal_load: tuple[SpinalLoadWeek, ...]
    spinal_load_trend: str
    """"rising", "falling" or "steady\""""
    adherence: Adherence | None
    """None without a running program"""
    strength: tuple[StrengthTrend, ...]
    records: tuple[PersonalRecord, ...]
    readiness: Readiness
    endurance: tuple[EnduranceScore, ...]
    endurance_ratios: tuple[EnduranceRatio, ...]
    pain_vs_load: tuple[PainLoadWeek, ...]

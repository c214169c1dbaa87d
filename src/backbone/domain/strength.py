"""Estimated one-rep max (e1RM), personal records and the e1RM trend.

e1RM is a trend line, never a max to test (e1rm.rir_adjusted). The constants below mirror the
e1rm.* and rir.accuracy parameters in evidence.yaml (a unit test keeps them equal); they are
module constants because an e1RM is computed for every logged set and the formula must not change
between two calls in one replay.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from backbone.domain.exercise import Exercise
from backbone.domain.exposures import Exposure
from backbone.domain.history import LoggedSet, RangeDone, SetType
from backbone.domain.loads import LoadKind, body_loaded, load_kind
from backbone.domain.vocabulary import Equipment, Kind, Loadability, MeasuredBy, Pattern

EPLEY_REPS_MAX = 10  # e1rm.epley reps_max: linear formulas are not used beyond 10 reps (REY2006)
EPLEY_DIVISOR = 30  # e1rm.epley reps_divisor
MAYHEW_REPS_MAX = 15  # e1rm.mayhew reps_max
MAYHEW_CONSTANT_PCT = 52.2
MAYHEW_AMPLITUDE_PCT = 41.9
MAYHEW_DECAY_PER_REP = 0.055
RIR_ADJUSTED_RIR_MAX = 4  # e1rm.rir_adjusted rir_max: RIR estimates drift beyond this
RIR_ADJUSTED_RTF_MAX = 12  # e1rm.rir_adjusted reps_to_failure_max
EASY_LOGGED_RIR_ABOVE = 5  # rir.accuracy easy_logged_rir_above: "easy", no e1RM
BACK_EXTENSION_RTF_MAX = 12  # e1rm.exclusions back_extension_reps_to_failure_max
WORK_SET_TYPES = frozenset({SetType.WORKING, SetType.FAILURE, SetType.AMRAP, SetType.DROP})
EPSILON_KG = 1e-6

RECORD_KINDS = ("rep_max", "e1rm", "longest_hold")


def epley_kg(load_kg: float, reps: int) -> float:
    """e1rm.epley: w x (1 + r/30); a single rep is the load itself."""
    return load_kg if reps == 1 else load_kg * (1 + reps / EPLEY_DIVISOR)


def mayhew_kg(load_kg: float, reps: int) -> float:
    """e1rm.mayhew: 100 w / (52.2 + 41.9 e^(-0.055 r)); it bends where Epley's straight line
    overshoots, so it takes over above 10 reps."""
    return (
        100
        * load_kg
        / (MAYHEW_CONSTANT_PCT + MAYHEW_AMPLITUDE_PCT * math.exp(-MAYHEW_DECAY_PER_REP * reps))
    )


def _formula_factor(reps_to_failure: int) -> float:
    if reps_to_failure <= EPLEY_REPS_MAX:
        return epley_kg(1.0, reps_to_failure)
    return mayhew_kg(1.0, reps_to_failure)


_REP_FACTORS = tuple(_formula_factor(rtf) for rtf in range(1, MAYHEW_REPS_MAX + 1))
"""the factors for 1..MAYHEW_REPS_MAX reps to failure, worked out once: the stall rule estimates
every set of a block on each prescription"""


def rep_factor(reps_to_failure: int) -> float | None:
    """e1RM / load for a set taken to `reps_to_failure`; None outside the formulas' range."""
    if reps_to_failure < 1 or reps_to_failure > MAYHEW_REPS_MAX:
        return None
    return _REP_FACTORS[reps_to_failure - 1]


def estimate_1rm_kg(load_kg: float, reps: int, rir: int | None = None) -> float | None:
    """e1RM from one set: Epley up to 10 reps to failure, Mayhew for 11-15.

    With RIR the reps to failure are reps + RIR (e1rm.rir_adjusted), accepted only for RIR <= 4
    and at most 12 reps to failure; otherwise, and for fewer than 1 rep or no load, None.
    """
    if reps < 1 or load_kg <= 0:
        return None
    reps_to_failure = reps
    if rir is not None:
        if rir < 0 or rir > RIR_ADJUSTED_RIR_MAX:
            return None
        reps_to_failure = reps + rir
        if reps_to_failure > RIR_ADJUSTED_RTF_MAX:
            return None
    factor = rep_factor(reps_to_failure)
    return None if factor is None else load_kg * factor


KNOWN_SET_RTF_MAX = 20
"""a reported set (`--known`) may run to about 20 reps to failure; the estimate widens with it"""


@dataclass(frozen=True, slots=True)
class E1rmEstimate:
    e1rm_kg: float
    low_kg: float
    high_kg: float
    reps_to_failure: int


def estimate_known_set(load_kg: float, reps: int, rir: int | None) -> E1rmEstimate | str:
    """e1RM from a set a lifter reports, up to about 20 reps to failure, with its uncertainty
    (about ±3% up to 10 reps, widening by 1% a rep beyond); otherwise why it cannot be used."""
    if load_kg <= 0:
        return "it has no load"
    if reps < 1:
        return "it has no reps"
    if rir is not None and (rir < 0 or rir > RIR_ADJUSTED_RIR_MAX):
        return f"RIR {rir} is too far from failure to judge (0-{RIR_ADJUSTED_RIR_MAX} can be used)"
    rtf = reps + (rir or 0)
    if rtf > KNOWN_SET_RTF_MAX:
        return f"{rtf} reps to failure is beyond the {KNOWN_SET_RTF_MAX} the formulas can read"
    value = epley_kg(load_kg, rtf) if rtf <= EPLEY_REPS_MAX else mayhew_kg(load_kg, rtf)
    spread = 0.03 + 0.01 * max(0, rtf - EPLEY_REPS_MAX)
    return E1rmEstimate(value, value * (1 - spread), value * (1 + spread), rtf)


LOAD_FOR_REPS_RTF_MAX = 30
"""a starting load may be aimed at up to 30 reps to failure (an endurance range at RIR 3); the
Mayhew curve flattens toward its floor there, so the estimate errs light, not heavy"""


def load_for_reps_kg(e1rm_kg: float, reps: int, rir: int | None) -> float | None:
    """The load that leaves `rir` in reserve after `reps`: the e1RM formulas run backwards."""
    rtf = reps + (rir or 0)
    factor = rep_factor(rtf)
    if factor is None and MAYHEW_REPS_MAX < rtf <= LOAD_FOR_REPS_RTF_MAX:
        factor = mayhew_kg(1.0, rtf)
    return None if factor is None else e1rm_kg / factor


def effective_load_kg(
    logged: LoggedSet, exercise: Exercise, bodyweight_kg: float | None
) -> float | None:
    """The weight actually moved: the load, or bodyweight + added weight for bodyweight moves."""
    if body_loaded(exercise):
        if bodyweight_kg is None:
            return None
        return bodyweight_kg + (logged.added_kg or 0.0)
    return logged.load_kg


def set_e1rm_kg(logged: LoggedSet, exercise: Exercise, bodyweight_kg: float | None) -> float | None:
    """e1RM of one logged set, or None when e1rm.exclusions (or rir.accuracy) rule it out.

    Excluded: holds, band exercises (elastic resistance has no fixed load), partial range
    (rom.specificity), warm-ups, logged RIR above 5 ("easy"), and bodyweight moves without a known
    bodyweight; bodyweight back extensions only up to 12 reps to failure.
    """
    if not tracks_e1rm(exercise):
        return None
    return _logged_e1rm_kg(logged, exercise, body_loaded(exercise), bodyweight_kg)


def tracks_e1rm(exercise: Exercise) -> bool:
    """The exclusions that depend on the exercise alone (checked once, not once per set)."""
    if exercise.measured_by is MeasuredBy.SECONDS:
        return False
    if exercise.kind in (Kind.CORE, Kind.MOBILITY) or exercise.loadability is Loadability.FIXED:
        return False  # core drills, mobility and fixed bodyweight stand-ins have no 1RM to track
    return Equipment.BAND not in exercise.equipment and load_kind(exercise) is not LoadKind.BAND


def _logged_e1rm_kg(
    logged: LoggedSet, exercise: Exercise, body: bool, bodyweight_kg: float | None
) -> float | None:
    """`set_e1rm_kg` of an exercise that `tracks_e1rm`, `body` its `body_loaded`: the checks
    that depend on the set."""
    reps = logged.reps
    if reps is None or logged.range_done is not RangeDone.FULL:
        return None
    if logged.set_type not in WORK_SET_TYPES:
        return None
    rir = logged.rir
    if rir is not None and rir > EASY_LOGGED_RIR_ABOVE:
        return None
    if body:
        if (
            exercise.pattern is Pattern.BACK_EXTENSION
            and reps + (rir or 0) > BACK_EXTENSION_RTF_MAX
        ):
            return None
        if bodyweight_kg is None:
            return None
        load: float | None = bodyweight_kg + (logged.added_kg or 0.0)
    else:
        load = logged.load_kg
    if load is None:
        return None
    return estimate_1rm_kg(load, reps, rir)


@dataclass(frozen=True, slots=True)
class PersonalRecord:
    kind: str
    """"rep_max" (heaviest load at a rep count), "e1rm", or "longest_hold" (seconds)"""
    exercise: str
    """catalogue slug"""
    value: float
    """kg (load_kg, or added_kg for bodyweight moves), e1RM kg, or seconds for a hold"""
    reps: int | None
    performed_on: date
    previous: float | None
    """the best before this one; None for a first-ever record"""


def _counted(sets: Iterable[LoggedSet]) -> list[LoggedSet]:
    """Only full-range work sets make records (rom.specificity); drop sets are back-off work."""
    return [
        s
        for s in sets
        if s.range_done is RangeDone.FULL
        and s.set_type in WORK_SET_TYPES
        and s.set_type is not SetType.DROP
    ]


def _record_load(logged: LoggedSet, exercise: Exercise) -> float | None:
    # Bodyweight moves compare added weight, so a change of bodyweight cannot fake a record.
    if body_loaded(exercise):
        return logged.added_kg if logged.added_kg is not None else 0.0
    return logged.load_kg


def new_records(
    before: Sequence[LoggedSet],
    new: Sequence[LoggedSet],
    exercise: Exercise,
    bodyweight_kg: float | None,
) -> tuple[PersonalRecord, ...]:
    """Records set by `new` against `before` (one exercise): rep maxes by rep count, then e1RM,
    then longest hold. First-ever sets count as records with `previous` None."""
    old, fresh = _counted(before), _counted(new)
    records: list[PersonalRecord] = []
    if exercise.measured_by is MeasuredBy.SECONDS:
        holds = [s for s in fresh if s.seconds is not None]
        if holds:
            best = max(holds, key=lambda s: (s.seconds or 0, -s.performed_on.toordinal()))
            previous = max((s.seconds for s in old if s.seconds is not None), default=None)
            if previous is None or (best.seconds or 0) > previous:
                records.append(
                    PersonalRecord(
                        "longest_hold",
                        exercise.slug,
                        float(best.seconds or 0),
                        None,
                        best.performed_on,
                        None if previous is None else float(previous),
                    )
                )
        return tuple(records)
    if Equipment.BAND not in exercise.equipment:
        for reps in sorted({s.reps for s in fresh if s.reps is not None and s.reps >= 1}):
            record = _rep_max(old, fresh, reps, exercise)
            if record is not None:
                records.append(record)
    e1rm_record = _e1rm_record(old, fresh, exercise, bodyweight_kg)
    if e1rm_record is not None:
        records.append(e1rm_record)
    return tuple(records)


def _rep_max(
    old: list[LoggedSet], fresh: list[LoggedSet], reps: int, exercise: Exercise
) -> PersonalRecord | None:
    candidates = [
        (load, s)
        for s in fresh
        if s.reps == reps and (load := _record_load(s, exercise)) is not None
    ]
    if not candidates:
        return None
    load, best = max(candidates, key=lambda c: (c[0], -c[1].performed_on.toordinal()))
    previous = max(
        (v for s in old if s.reps == reps and (v := _record_load(s, exercise)) is not None),
        default=None,
    )
    if previous is not None and load <= previous + EPSILON_KG:
        return None
    return PersonalRecord("rep_max", exercise.slug, load, reps, best.performed_on, previous)


def _e1rm_record(
    old: list[LoggedSet], fresh: list[LoggedSet], exercise: Exercise, bodyweight_kg: float | None
) -> PersonalRecord | None:
    scored = [
        (value, s) for s in fresh if (value := set_e1rm_kg(s, exercise, bodyweight_kg)) is not None
    ]
    if not scored:
        return None
    value, best = max(scored, key=lambda c: (c[0], -c[1].performed_on.toordinal()))
    previous = max(
        (v for s in old if (v := set_e1rm_kg(s, exercise, bodyweight_kg)) is not None),
        default=None,
    )
    if previous is not None and value <= previous + EPSILON_KG:
        return None
    return PersonalRecord(
        "e1rm", exercise.slug, round(value, 2), best.reps, best.performed_on, previous
    )


def best_e1rm_kg(
    exposure: Exposure, exercise: Exercise | None = None, bodyweight_kg: float | None = None
) -> float | None:
    if exercise is None:
        values = [v for s in exposure.sets if (v := _set_value(s, None, None)) is not None]
        return max(values, default=None)
    if not tracks_e1rm(exercise):
        return None
    body = body_loaded(exercise)
    best: float | None = None
    for logged in exposure.sets:
        value = _logged_e1rm_kg(logged, exercise, body, bodyweight_kg)
        if value is not None and (best is None or value > best):
            best = value
    return best


def _set_value(
    logged: LoggedSet, exercise: Exercise | None, bodyweight_kg: float | None
) -> float | None:
    if exercise is not None:
        return set_e1rm_kg(logged, exercise, bodyweight_kg)
    # Without the exercise only the set itself can be checked: external load, full range, work set.
    if (
        logged.load_kg is None
        or logged.reps is None
        or logged.range_done is not RangeDone.FULL
        or logged.set_type not in WORK_SET_TYPES
        or (logged.rir is not None and logged.rir > EASY_LOGGED_RIR_ABOVE)
    ):
        return None
    return estimate_1rm_kg(logged.load_kg, logged.reps, logged.rir)


def e1rm_trend(
    exposures: Sequence[Exposure],
    exercise: Exercise | None = None,
    bodyweight_kg: float | None = None,
) -> tuple[tuple[date, float], ...]:
    """Best e1RM per exposure, oldest first; exposures without a valid e1RM leave no point.

    Pass the exercise (and bodyweight) to apply every exclusion and to score bodyweight moves;
    without it only externally loaded sets are scored.
    """
    points = []
    for exposure in sorted(exposures, key=lambda e: e.performed_on):
        value = best_e1rm_kg(exposure, exercise, bodyweight_kg)
        if value is not None:
            points.append((exposure.performed_on, round(value, 2)))
    return tuple(points)

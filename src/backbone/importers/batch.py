"""What one exported file holds once read: workouts of sets, rows skipped and fields lost.

An `ImportBatch` is a plain value: nothing here knows about athletes, storage or exercise slugs.
The service maps names to the catalogue (`importers.names`), drops sets it already has (by
fingerprint) and writes the rest as one undoable batch.

Loads are kept twice: `load_kg` for the domain, and `load` rounded in the unit the lifter logged
in (`unit`), because a pound lifter's 45 lb arrives from some apps as 20.41168092460379 kg and
only the rounded pound value is stable enough to compare two exports of the same set.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from backbone.domain.athlete import Units
from backbone.domain.history import Prescribed, RangeDone, SetType


class SourceApp(StrEnum):
    STRONG = "strong"
    HEVY = "hevy"
    FITNOTES = "fitnotes"
    FITBOD = "fitbod"
    LIFTOSAUR = "liftosaur"
    BACKBONE = "backbone"
    """Backbone's own CSV export, read back for a round trip"""


class SkipReason(StrEnum):
    """Why a row of the file became no set: shown per kind in the import report."""

    REST_TIMER = "rest_timer"
    """Strong writes the rest timer between sets as a row of its own"""
    NOT_DONE = "planned_not_done"
    """a prescribed set the lifter never completed (Liftosaur)"""
    EMPTY_SET = "empty_set"
    """no reps, time or distance: nothing was done"""
    BLANK_LINE = "blank_line"


@dataclass(frozen=True, slots=True)
class ImportedSet:
    exercise_name: str
    """the name as the source app wrote it"""
    performed_on: date
    started_at: datetime | None
    """the time the file gives for this row (the workout's start in most apps, the set's own time
    in Fitbod): aware when the file gives an offset, naive local wall-clock time when it does not,
    None when the file has dates only"""
    position: int
    """1-based order of the set among this exercise's sets in its workout, counted by the importer
    (files number from 0, from 1, or label warm-ups instead of numbering them)"""
    set_type: SetType
    load_kg: float | None
    load: float | None
    """the load rounded to 0.01 in `unit`: the value the lifter typed"""
    unit: Units
    """the unit the lifter logged loads in"""
    reps: int | None
    seconds: int | None
    distance_m: float | None
    rpe: float | None
    rir: int | None
    """10 - RPE, rounded down to whole reps (RPE 8.5 -> RIR 1: never credit more in reserve)"""
    notes: str
    line: int
    """line of the file the set was read from (its first line, for rows spanning several)"""
    added_kg: float | None = None
    """bodyweight moves: weight added (+) or assistance (-), when the file tells them apart"""
    prescribed: Prescribed | None = None
    superset: str | None = None
    catalogue_slug: str | None = None
    """the catalogue slug when the file names it (Backbone's own CSV)"""
    range_done: RangeDone | None = None
    pain: int | None = None

    @property
    def fingerprint(self) -> str:
        """Stable identity of this set for idempotent re-import.

        Built from what a later export of the same history repeats exactly: the date and time,
        the exercise name, the set's order, the load rounded in the logging unit, reps and
        seconds. Row numbers, notes and RPE are left out: they shift or get edited.
        """
        return set_fingerprints((self,))[0]


def _when(one: ImportedSet) -> str:
    return one.started_at.isoformat() if one.started_at else one.performed_on.isoformat()


def set_fingerprints(sets: Sequence[ImportedSet]) -> tuple[str, ...]:
    """`ImportedSet.fingerprint` of each set, for many at once: the sets of one workout share
    their start time and exercise name, so those are formatted once, not per set (an import of
    100,000 rows spends its time here)."""
    whens: dict[tuple[object, object], str] = {}
    names: dict[str, str] = {}
    found: list[str] = []
    for one in sets:
        # keyed with the zone too: 18:00+00:00 and 19:00+01:00 are equal but written differently
        moment = (one.started_at or one.performed_on, one.started_at and one.started_at.tzinfo)
        when = whens.get(moment)
        if when is None:
            when = whens[moment] = _when(one)
        name = names.get(one.exercise_name)
        if name is None:
            name = names[one.exercise_name] = one.exercise_name.strip().casefold()
        load = "-" if one.load is None else f"{one.load:.2f}{one.unit.value}"
        reps = "-" if one.reps is None else str(one.reps)
        seconds = "-" if one.seconds is None else str(one.seconds)
        key = f"{when}|{name}|{one.position}|{load}|{reps}|{seconds}"
        found.append(hashlib.blake2b(key.encode(), digest_size=10).hexdigest())
    return tuple(found)


def entry_key(fingerprints: Sequence[str], undated_workout: str = "") -> str:
    """An entry's idempotency key from its sets' fingerprints: same sets, same key. A file with
    dates only gives two workouts of one day (a morning and an evening one) the same dates: their
    names, when given, keep the two apart."""
    text = ",".join(fingerprints)
    if undated_workout:
        text += "|" + undated_workout
    return hashlib.blake2b(text.encode(), digest_size=10).hexdigest()


@dataclass(frozen=True, slots=True)
class ImportedEntry:
    """The sets of one exercise within one workout: what the service writes as one log entry."""

    exercise_name: str
    sets: tuple[ImportedSet, ...]

    @property
    def idempotency_key(self) -> str:
        """Same sets, same key: an entry re-read from a newer export is recognised."""
        return entry_key(set_fingerprints(self.sets))


@dataclass(frozen=True, slots=True)
class ImportedWorkout:
    name: str
    performed_on: date
    started_at: datetime | None
    duration_min: float | None
    notes: str
    sets: tuple[ImportedSet, ...]

    def entries(self) -> tuple[ImportedEntry, ...]:
        """Sets grouped per exercise, in the order each exercise first appears."""
        groups: dict[str, list[ImportedSet]] = {}
        for one in self.sets:
            groups.setdefault(one.exercise_name, []).append(one)
        return tuple(ImportedEntry(name, tuple(sets)) for name, sets in groups.items())


@dataclass(frozen=True, slots=True)
class SkippedRows:
    reason: SkipReason
    count: int
    lines: tuple[int, ...]
    """the first few lines skipped for this reason, to point at in the report"""


@dataclass(frozen=True, slots=True)
class LossyNote:
    """A field of the file that Backbone cannot keep exactly as it was."""

    field: str
    note: str
    count: int


@dataclass(frozen=True, slots=True)
class ImportBatch:
    source: SourceApp
    dialect: str
    """the layout recognised, e.g. `strong/unit-per-row (de)`"""
    workouts: tuple[ImportedWorkout, ...]
    """oldest first, whatever order the file used"""
    rows_read: int
    """data rows under the header, blank lines included: sets + skipped, except for layouts
    where one row stands for several sets (Fitbod's old `Sets` column)"""
    skipped: tuple[SkippedRows, ...]
    lossy: tuple[LossyNote, ...]

    @property
    def sets(self) -> tuple[ImportedSet, ...]:
        return tuple(s for w in self.workouts for s in w.sets)

    def iter_sets(self) -> Iterator[ImportedSet]:
        for workout in self.workouts:
            yield from workout.sets

    @property
    def skipped_count(self) -> int:
        return sum(s.count for s in self.skipped)

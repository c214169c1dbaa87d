"""Fitbod's CSV export.

`Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,Note,multiplier`:
one row per set, always in kilograms whatever unit the lifter uses (so a pound lifter's 45 lb
arrives as 20.41168092460379), numbers with leading spaces, and blank lines in the middle.
The older layout `Date,Exercise,Sets,Reps,Weight,isWarmup,Note` has one row per group of
identical sets.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from backbone.domain.athlete import Units
from backbone.domain.errors import InputError
from backbone.domain.history import SetType
from backbone.importers.assemble import BatchBuilder
from backbone.importers.batch import ImportBatch, ImportedSet, SkipReason, SourceApp
from backbone.importers.table import MISSING, Cells, Header, data_rows, find_columns, read_header
from backbone.importers.values import decode_notes, logged_load, read_timestamp

SYNONYMS: Final[dict[str, str]] = {
    "date": "date",
    "exercise": "exercise",
    "sets": "sets",
    "reps": "reps",
    "weight": "weight",
    "weight(kg)": "weight",
    "duration(s)": "seconds",
    "distance(m)": "distance_m",
    "incline": "incline",
    "resistance": "resistance",
    "iswarmup": "warmup",
    "note": "notes",
    "multiplier": "multiplier",
}
MAX_SETS_PER_ROW: Final = 50
_TRUE: Final = frozenset({"true", "1", "yes"})
_FALSE: Final = frozenset({"false", "0", "no", ""})


def recognise(header: Header) -> str | None:
    columns = find_columns(header, SYNONYMS)
    if not {"date", "exercise", "warmup", "reps"} <= columns.keys():
        return None
    return "fitbod/sets-column" if "sets" in columns else "fitbod/row-per-set"


def parse(text: str, *, units: Units | None = None) -> ImportBatch:
    """Every set of a Fitbod export; `units` is the lifter's unit, used to undo the kg rounding."""
    header = read_header(text)
    dialect = recognise(header)
    if dialect is None:
        raise InputError("This is not a Fitbod export: it needs Date, Exercise, Reps, isWarmup.")
    columns = find_columns(header, SYNONYMS)
    builder = BatchBuilder(SourceApp.FITBOD, dialect)

    def column(field: str) -> int:
        return columns.get(field, MISSING)

    c_date, c_exercise, c_sets, c_reps = (
        column("date"),
        column("exercise"),
        column("sets"),
        column("reps"),
    )
    c_weight, c_seconds, c_distance = column("weight"), column("seconds"), column("distance_m")
    c_incline, c_resistance = column("incline"), column("resistance")
    c_warmup, c_notes, c_multiplier = column("warmup"), column("notes"), column("multiplier")
    logged_in = units or Units.KG

    cells = Cells(header)
    times: dict[str, datetime] = {}
    for line, row in data_rows(text, header.delimiter):
        builder.rows_read += 1
        if not any(cell.strip() for cell in row):
            builder.skip(SkipReason.BLANK_LINE, line)
            continue
        cells.load(line, row)
        exercise = cells.require(c_exercise, "exercise")
        when_text = cells.require(c_date, "date")
        started = times.get(when_text)
        if started is None:
            started = read_timestamp(when_text)
            if started is None:
                raise cells.error(c_date, f"{when_text!r} is not a date")
            times[when_text] = started
        has_time = len(when_text) > 10
        # Fitbod stamps rows, not workouts: one day is one workout.
        workout = builder.workout(
            started.date(),
            name="",
            performed_on=started.date(),
            started_at=started if has_time else None,
        )
        warmup_text = cells.text(c_warmup).casefold()
        if warmup_text not in _TRUE and warmup_text not in _FALSE:
            raise cells.error(c_warmup, f"{warmup_text!r} is not true or false")
        set_type = SetType.WARMUP if warmup_text in _TRUE else SetType.WORKING

        reps = cells.whole(c_reps) or None
        seconds_value = cells.number(c_seconds)
        seconds = round(seconds_value) if seconds_value else None
        distance_m = cells.number(c_distance) or None
        if reps is None and seconds is None and distance_m is None:
            builder.skip(SkipReason.EMPTY_SET, line)
            continue
        weight = cells.number(c_weight)
        if weight == 0 and reps is None:
            weight = None
        load, load_kg = (None, None) if weight is None else logged_load(weight, Units.KG, logged_in)
        if (cells.number(c_incline) or 0) or (cells.number(c_resistance) or 0):
            builder.lossy("Incline/Resistance", "cardio machine settings are not kept")
        multiplier = cells.number(c_multiplier)
        if multiplier is not None and multiplier != 1:
            builder.lossy("multiplier", "Fitbod's load multiplier is not kept: load as written")
        times_done = 1
        if c_sets != MISSING:
            times_done = cells.whole(c_sets) or 1
            if not 1 <= times_done <= MAX_SETS_PER_ROW:
                raise cells.error(c_sets, f"{times_done} sets in one row is not plausible")
            if times_done > 1:
                builder.lossy("Sets", "one row stood for several identical sets: expanded")
        notes = decode_notes(cells.text(c_notes))
        for _ in range(times_done):
            workout.sets.append(
                ImportedSet(
                    exercise_name=exercise,
                    performed_on=workout.performed_on,
                    started_at=started if has_time else None,
                    position=workout.next_position(exercise),
                    set_type=set_type,
                    load_kg=load_kg,
                    load=load,
                    unit=logged_in,
                    reps=reps,
                    seconds=seconds,
                    distance_m=distance_m,
                    rpe=None,
                    rir=None,
                    notes=notes,
                    line=line,
                )
            )
    return builder.finish()

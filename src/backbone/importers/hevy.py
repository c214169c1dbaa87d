"""Hevy's CSV export.

`title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,
set_type,weight_kg|weight_lbs,reps,distance_km|distance_miles|distance_meters,duration_seconds,rpe`

- weight in kg or lbs (the column says which); distances in their own unit, independent of it
- start times written in the phone's locale: `7 Apr 2026, 10:14`, `Jun 11, 2026, 1:01 PM`,
  `11 juin 2026, 13:01`...
- RPE in half points (`8.5`); notes with a literal `\\n` for a line break
- newest workout first; exercises in a superset share a `superset_id`
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
from backbone.importers.values import (
    decode_notes,
    logged_load,
    read_locale_datetime,
    read_timestamp,
    rir_from_rpe,
)

SYNONYMS: Final[dict[str, str]] = {
    "title": "title",
    "start_time": "start",
    "end_time": "end",
    "description": "description",
    "exercise_title": "exercise",
    "superset_id": "superset",
    "exercise_notes": "exercise_notes",
    "set_index": "set_index",
    "set_type": "set_type",
    "weight_kg": "weight_kg",
    "weight_lbs": "weight_lb",
    "reps": "reps",
    "distance_km": "distance_km",
    "distance_miles": "distance_mi",
    "distance_meters": "distance_m",
    "duration_seconds": "seconds",
    "rpe": "rpe",
}
_METRES: Final = {"distance_km": 1000.0, "distance_mi": 1609.344, "distance_m": 1.0}
_SET_TYPES: Final = {
    "normal": SetType.WORKING,
    "warmup": SetType.WARMUP,
    "dropset": SetType.DROP,
    "failure": SetType.FAILURE,
}


def recognise(header: Header) -> str | None:
    columns = find_columns(header, SYNONYMS)
    if not {"start", "exercise", "set_type"} <= columns.keys():
        return None
    unit = "lbs" if "weight_lb" in columns else "kg"
    return f"hevy/weight-{unit}"


def parse(text: str, *, units: Units | None = None) -> ImportBatch:
    """Every set of a Hevy export; `units` rounds a pound lifter's `weight_kg` back to pounds."""
    header = read_header(text)
    dialect = recognise(header)
    if dialect is None:
        raise InputError(
            "This is not a Hevy export: it needs start_time, exercise_title and set_type."
        )
    columns = find_columns(header, SYNONYMS)
    builder = BatchBuilder(SourceApp.HEVY, dialect)

    def column(field: str) -> int:
        return columns.get(field, MISSING)

    c_title, c_start, c_end = column("title"), column("start"), column("end")
    c_description, c_exercise = column("description"), column("exercise")
    c_superset, c_exercise_notes = column("superset"), column("exercise_notes")
    c_type, c_reps, c_seconds, c_rpe = (
        column("set_type"),
        column("reps"),
        column("seconds"),
        column("rpe"),
    )
    if "weight_lb" in columns:
        c_weight, file_unit, logged_in = columns["weight_lb"], Units.LB, Units.LB
    else:
        c_weight, file_unit, logged_in = column("weight_kg"), Units.KG, units or Units.KG
    c_distance, metres = MISSING, 1.0
    for field, scale in _METRES.items():
        if field in columns:
            c_distance, metres = columns[field], scale

    cells = Cells(header)
    times: dict[str, datetime] = {}

    def when(column_index: int) -> datetime:
        raw = cells.require(column_index, "time")
        found = times.get(raw)
        if found is None:
            found = read_timestamp(raw) or read_locale_datetime(raw)
            if found is None:
                raise cells.error(column_index, f"{raw!r} is not a date and time")
            times[raw] = found
        return found

    noted: set[tuple[str, str, str]] = set()
    for line, row in data_rows(text, header.delimiter):
        builder.rows_read += 1
        if not any(row):
            builder.skip(SkipReason.BLANK_LINE, line)
            continue
        cells.load(line, row)
        exercise = cells.require(c_exercise, "exercise_title")
        started_at = when(c_start)
        start_text = cells.text(c_start)
        workout = builder.workout(
            (start_text, cells.text(c_title)),
            name=cells.text(c_title),
            performed_on=started_at.date(),
            started_at=started_at,
            notes=decode_notes(cells.text(c_description)),
        )
        if workout.duration_min is None and cells.text(c_end):
            workout.duration_min = round((when(c_end) - started_at).total_seconds() / 60, 2)

        type_text = cells.text(c_type).casefold()
        set_type = _SET_TYPES.get(type_text)
        if set_type is None:
            raise cells.error(c_type, f"{type_text!r} is not normal, warmup, dropset or failure")
        reps = cells.whole(c_reps)
        seconds_value = cells.number(c_seconds)
        seconds = round(seconds_value) if seconds_value else None
        distance_value = cells.number(c_distance)
        distance_m = round(distance_value * metres, 3) if distance_value else None
        if reps is None and seconds is None and distance_m is None:
            builder.skip(SkipReason.EMPTY_SET, line)
            continue
        weight = cells.number(c_weight)
        load, load_kg = (
            (None, None) if weight is None else logged_load(weight, file_unit, logged_in)
        )
        rpe = cells.number(c_rpe)
        if rpe is not None and not 1 <= rpe <= 10:
            raise cells.error(c_rpe, f"RPE {rpe:g} is outside 1-10")
        if rpe is not None and not rpe.is_integer():
            builder.lossy("rpe", "half-point RPE kept; RIR rounded down to whole reps")

        # Hevy repeats an exercise's notes on each of its sets: keep them once, on the first.
        notes = decode_notes(cells.text(c_exercise_notes))
        note_key = (start_text, exercise, notes)
        if notes and note_key in noted:
            notes = ""
        noted.add(note_key)

        workout.sets.append(
            ImportedSet(
                exercise_name=exercise,
                performed_on=workout.performed_on,
                started_at=started_at,
                position=workout.next_position(exercise),
                set_type=set_type,
                load_kg=load_kg,
                load=load,
                unit=logged_in,
                reps=reps,
                seconds=seconds,
                distance_m=distance_m,
                rpe=rpe,
                rir=rir_from_rpe(rpe),
                notes=notes,
                line=line,
                superset=cells.text(c_superset) or None,
            )
        )
    return builder.finish()

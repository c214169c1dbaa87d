"""FitNotes exports: the Android app's two layouts and the iOS app of the same name.

Android: `Date,Exercise,Category,Weight (kgs)|Weight (lbs),Reps,Distance,Distance Unit,Time,Comment`
(older, unit in the header) or `...,Weight,Weight Unit,...` (newer, a unit per row). Dates only, no
times: each day is one workout. Exercise names that contain a comma are sometimes written without
quotes, which shows as a row with more fields than the header: the extra fields are put back
into the name.

iOS: `Date,Exercise Name,Set Number,Weight,Weight Unit,Reps,Distance,Distance Unit,Duration,Notes`
with dates and times, and decimal commas (`"62,5"`) inside the comma-separated file.
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
    metres_per,
    read_clock_s,
    read_duration_s,
    read_timestamp,
    read_weight_unit,
)

SYNONYMS: Final[dict[str, str]] = {
    "date": "date",
    "exercise": "exercise",
    "exercise name": "exercise",
    "category": "category",
    "weight": "weight",
    "weight (kgs)": "weight_kg",
    "weight (kg)": "weight_kg",
    "weight (lbs)": "weight_lb",
    "weight unit": "weight_unit",
    "reps": "reps",
    "distance": "distance",
    "distance unit": "distance_unit",
    "time": "time",
    "duration": "time",
    "comment": "notes",
    "notes": "notes",
    "set number": "set_number",
}


def recognise(header: Header) -> str | None:
    columns = find_columns(header, SYNONYMS)
    if not {"date", "exercise", "reps"} <= columns.keys():
        return None
    if "category" in columns:
        unit = "unit-per-row" if "weight_unit" in columns else "unit-in-header"
        return f"fitnotes/android-{unit}"
    if "set_number" in columns:
        return "fitnotes/ios"
    return None


def parse(text: str, *, units: Units | None = None) -> ImportBatch:
    header = read_header(text)
    dialect = recognise(header)
    if dialect is None:
        raise InputError("This is not a FitNotes export: it needs Date, Exercise and Reps.")
    columns = find_columns(header, SYNONYMS)
    builder = BatchBuilder(SourceApp.FITNOTES, dialect)

    def column(field: str) -> int:
        return columns.get(field, MISSING)

    c_date, c_exercise, c_category = column("date"), column("exercise"), column("category")
    c_weight_unit, c_reps = column("weight_unit"), column("reps")
    c_distance, c_distance_unit = column("distance"), column("distance_unit")
    c_time, c_notes = column("time"), column("notes")
    c_weight, header_unit = column("weight"), None
    if "weight_kg" in columns:
        c_weight, header_unit = columns["weight_kg"], Units.KG
    elif "weight_lb" in columns:
        c_weight, header_unit = columns["weight_lb"], Units.LB
    width = len(header.names)
    # A name's unquoted commas can only be undone when the name is the one free-text column
    # before the others; the comment at the end is free text too, so both cannot be repaired.
    repairable = c_exercise == 1

    cells = Cells(header)
    times: dict[str, datetime] = {}
    categories = 0
    for line, row in data_rows(text, header.delimiter):
        builder.rows_read += 1
        if not any(row):
            builder.skip(SkipReason.BLANK_LINE, line)
            continue
        if len(row) > width:
            if not repairable:
                raise InputError(
                    f"Line {line}: {len(row)} fields where the header has {width}.",
                    {"line": line},
                )
            extra = len(row) - width
            joined = ",".join(row[c_exercise : c_exercise + extra + 1])
            row = [*row[:c_exercise], joined, *row[c_exercise + extra + 1 :]]
            builder.lossy("Exercise", "unquoted commas in the name read as part of the name")
        cells.load(line, row)
        exercise = cells.require(c_exercise, "exercise name")
        when_text = cells.require(c_date, "date")
        started = times.get(when_text)
        if started is None:
            started = read_timestamp(when_text)
            if started is None:
                raise cells.error(c_date, f"{when_text!r} is not a date")
            times[when_text] = started
        has_time = len(when_text) > 10
        workout = builder.workout(
            started.date(),
            name="",
            performed_on=started.date(),
            started_at=started if has_time else None,
        )
        if cells.text(c_category):
            categories += 1

        reps = cells.whole(c_reps) or None
        seconds = _seconds(cells, c_time)
        distance_value = cells.number(c_distance)
        distance_m: float | None = None
        if distance_value:
            unit_text = cells.require(c_distance_unit, "distance unit")
            per = metres_per(unit_text)
            if per is None:
                raise cells.error(c_distance_unit, f"{unit_text!r} is not a distance unit")
            distance_m = round(distance_value * per, 3)
        if reps is None and seconds is None and distance_m is None:
            builder.skip(SkipReason.EMPTY_SET, line)
            continue
        weight = cells.number(c_weight)
        if weight == 0 and reps is None:
            weight = None
        unit = header_unit or units or Units.KG
        if c_weight_unit != MISSING and weight is not None:
            unit_text = cells.require(c_weight_unit, "weight unit")
            found = read_weight_unit(unit_text)
            if found is None:
                raise cells.error(c_weight_unit, f"{unit_text!r} is not kgs or lbs")
            unit = found
        load, load_kg = (None, None) if weight is None else logged_load(weight, unit, unit)
        workout.sets.append(
            ImportedSet(
                exercise_name=exercise,
                performed_on=workout.performed_on,
                started_at=workout.started_at,
                position=workout.next_position(exercise),
                set_type=SetType.WORKING,
                load_kg=load_kg,
                load=load,
                unit=unit,
                reps=reps,
                seconds=seconds,
                distance_m=distance_m,
                rpe=None,
                rir=None,
                notes=decode_notes(cells.text(c_notes)),
                line=line,
            )
        )
    if categories:
        builder.lossy(
            "Category",
            "the body-part category is not kept: the catalogue knows the muscles",
            categories,
        )
    return builder.finish()


def _seconds(cells: Cells, column: int) -> int | None:
    text = cells.text(column)
    if not text:
        return None
    seconds = read_clock_s(text) if ":" in text else read_duration_s(text)
    if seconds is None:
        raise cells.error(column, f"{text!r} is not a time like 0:01:30")
    return seconds or None

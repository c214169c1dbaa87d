"""Liftosaur's CSV export: what the program prescribed next to what was done.

`Workout DateTime,Program,Day Name,Exercise,Is Warmup Set?,Is AMRAP?,Required Reps,
Completed Reps,Required RPE,Completed RPE,Required Weight Value,Required Weight Unit,
Completed Weight Value,Completed Weight Unit`

Both sides are kept (`ImportedSet.prescribed`). A planned set never done has no completed reps:
it is not a set and is skipped as `planned_not_done`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from backbone.domain.athlete import Units
from backbone.domain.errors import InputError
from backbone.domain.history import Prescribed, SetType
from backbone.importers.assemble import BatchBuilder
from backbone.importers.batch import ImportBatch, ImportedSet, SkipReason, SourceApp
from backbone.importers.table import MISSING, Cells, Header, data_rows, find_columns, read_header
from backbone.importers.values import logged_load, read_timestamp, read_weight_unit, rir_from_rpe

SYNONYMS: Final[dict[str, str]] = {
    "workout datetime": "date",
    "program": "program",
    "day name": "day",
    "exercise": "exercise",
    "is warmup set?": "warmup",
    "is amrap?": "amrap",
    "required reps": "required_reps",
    "completed reps": "completed_reps",
    "required rpe": "required_rpe",
    "completed rpe": "completed_rpe",
    "required weight value": "required_weight",
    "required weight unit": "required_unit",
    "completed weight value": "completed_weight",
    "completed weight unit": "completed_unit",
}
_TRUE: Final = frozenset({"1", "true", "yes"})


def recognise(header: Header) -> str | None:
    columns = find_columns(header, SYNONYMS)
    if not {"date", "exercise", "required_reps", "completed_reps"} <= columns.keys():
        return None
    return "liftosaur/prescribed-and-completed"


def parse(text: str, *, units: Units | None = None) -> ImportBatch:
    header = read_header(text)
    dialect = recognise(header)
    if dialect is None:
        raise InputError(
            "This is not a Liftosaur export: it needs Workout DateTime, Exercise, "
            "Required Reps and Completed Reps."
        )
    columns = find_columns(header, SYNONYMS)
    builder = BatchBuilder(SourceApp.LIFTOSAUR, dialect)

    def column(field: str) -> int:
        return columns.get(field, MISSING)

    c_date, c_program, c_day, c_exercise = (
        column("date"),
        column("program"),
        column("day"),
        column("exercise"),
    )
    c_warmup, c_amrap = column("warmup"), column("amrap")
    c_required_reps, c_completed_reps = column("required_reps"), column("completed_reps")
    c_required_rpe, c_completed_rpe = column("required_rpe"), column("completed_rpe")
    c_required_weight, c_required_unit = column("required_weight"), column("required_unit")
    c_completed_weight, c_completed_unit = column("completed_weight"), column("completed_unit")

    cells = Cells(header)
    times: dict[str, datetime] = {}

    def weight(value_column: int, unit_column: int) -> tuple[float | None, float | None, Units]:
        value = cells.number(value_column)
        unit = units or Units.KG
        if value is None:
            return None, None, unit
        unit_text = cells.text(unit_column)
        if unit_text:
            found = read_weight_unit(unit_text)
            if found is None:
                raise cells.error(unit_column, f"{unit_text!r} is not kg or lb")
            unit = found
        load, load_kg = logged_load(value, unit, unit)
        return load, load_kg, unit

    def rpe(column_index: int) -> float | None:
        value = cells.number(column_index)
        if value is not None and not 1 <= value <= 10:
            raise cells.error(column_index, f"RPE {value:g} is outside 1-10")
        return value

    for line, row in data_rows(text, header.delimiter):
        builder.rows_read += 1
        if not any(row):
            builder.skip(SkipReason.BLANK_LINE, line)
            continue
        cells.load(line, row)
        exercise = cells.require(c_exercise, "exercise")
        when_text = cells.require(c_date, "workout date")
        started = times.get(when_text)
        if started is None:
            started = read_timestamp(when_text)
            if started is None:
                raise cells.error(c_date, f"{when_text!r} is not a date and time")
            times[when_text] = started
        program, day = cells.text(c_program), cells.text(c_day)
        workout = builder.workout(
            when_text,
            name=f"{program}: {day}" if program and day else program or day,
            performed_on=started.date(),
            started_at=started,
        )
        completed_reps = cells.whole(c_completed_reps)
        if completed_reps is None:
            builder.skip(SkipReason.NOT_DONE, line)
            continue
        required_load, required_kg, _ = weight(c_required_weight, c_required_unit)
        load, load_kg, unit = weight(c_completed_weight, c_completed_unit)
        if load is None and required_load is not None:
            # Liftosaur leaves the completed weight empty when it was the prescribed one.
            load, load_kg, unit = weight(c_required_weight, c_required_unit)
        if cells.text(c_warmup).casefold() in _TRUE:
            set_type = SetType.WARMUP
        elif cells.text(c_amrap).casefold() in _TRUE:
            set_type = SetType.AMRAP
        else:
            set_type = SetType.WORKING
        done_rpe = rpe(c_completed_rpe)
        if done_rpe is not None and not done_rpe.is_integer():
            builder.lossy("Completed RPE", "half-point RPE kept; RIR rounded down to whole reps")
        workout.sets.append(
            ImportedSet(
                exercise_name=exercise,
                performed_on=workout.performed_on,
                started_at=started,
                position=workout.next_position(exercise),
                set_type=set_type,
                load_kg=load_kg,
                load=load,
                unit=unit,
                reps=completed_reps,
                seconds=None,
                distance_m=None,
                rpe=done_rpe,
                rir=rir_from_rpe(done_rpe),
                notes="",
                line=line,
                prescribed=Prescribed(
                    load_kg=required_kg,
                    reps=cells.whole(c_required_reps),
                    rir=rir_from_rpe(rpe(c_required_rpe)),
                ),
            )
        )
    return builder.finish()

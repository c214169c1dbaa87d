"""Backbone's own CSV export read back (`backbone.exporters.backbone_csv` writes it)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Final

from backbone.domain.athlete import Units
from backbone.domain.errors import InputError
from backbone.domain.history import Prescribed, RangeDone, SetType
from backbone.exporters.backbone_csv import COLUMNS
from backbone.importers.assemble import BatchBuilder
from backbone.importers.batch import ImportBatch, ImportedSet, SkipReason, SourceApp
from backbone.importers.table import Cells, Header, data_rows, read_header
from backbone.importers.values import logged_load, read_weight_unit

_SET_TYPES: Final = {t.value: t for t in SetType}
_RANGES: Final = {r.value: r for r in RangeDone}


def recognise(header: Header) -> str | None:
    return "backbone/csv" if header.keys[: len(COLUMNS)] == COLUMNS else None


def parse(text: str, *, units: Units | None = None) -> ImportBatch:
    """Every set of a Backbone CSV; the file's `unit` column wins over `units`."""
    header = read_header(text)
    dialect = recognise(header)
    if dialect is None:
        raise InputError(f"This is not a Backbone CSV: its header is {','.join(COLUMNS)}.")
    builder = BatchBuilder(SourceApp.BACKBONE, dialect)
    c = {name: index for index, name in enumerate(COLUMNS)}
    cells = Cells(header)
    times: dict[str, datetime] = {}

    def load(column: str, unit: Units) -> tuple[float | None, float | None]:
        value = cells.number(c[column])
        return (None, None) if value is None else logged_load(value, unit, unit)

    def bounded(column: str, low: int, high: int) -> int | None:
        value = cells.whole(c[column])
        if value is not None and not low <= value <= high:
            raise cells.error(c[column], f"{value} is outside {low}-{high}")
        return value

    for line, row in data_rows(text, header.delimiter):
        builder.rows_read += 1
        if not any(row):
            builder.skip(SkipReason.BLANK_LINE, line)
            continue
        cells.load(line, row)
        day_text = cells.require(c["performed_on"], "performed_on date")
        try:
            performed_on = date.fromisoformat(day_text)
        except ValueError:
            raise cells.error(c["performed_on"], f"{day_text!r} is not a date") from None
        when_text = cells.text(c["started_at"])
        started_at: datetime | None = None
        if when_text:
            started_at = times.get(when_text)
            if started_at is None:
                try:
                    started_at = datetime.fromisoformat(when_text)
                except ValueError:
                    raise cells.error(c["started_at"], f"{when_text!r} is not ISO 8601") from None
                times[when_text] = started_at
        workout_name = cells.text(c["workout"])
        workout = builder.workout(
            (when_text or day_text, workout_name),
            name=workout_name,
            performed_on=performed_on,
            started_at=started_at,
        )
        unit_text = cells.require(c["unit"], "unit")
        unit = read_weight_unit(unit_text)
        if unit is None:
            raise cells.error(c["unit"], f"{unit_text!r} is not kg or lb")
        set_type_text = cells.text(c["set_type"])
        set_type = _SET_TYPES.get(set_type_text)
        if set_type is None:
            raise cells.error(c["set_type"], f"{set_type_text!r} is not one of {list(_SET_TYPES)}")
        range_text = cells.text(c["range"]) or RangeDone.FULL.value
        range_done = _RANGES.get(range_text)
        if range_done is None:
            raise cells.error(c["range"], f"{range_text!r} is not full or partial")
        exercise = cells.require(c["exercise"], "exercise slug")
        name = cells.text(c["exercise_name"]) or exercise
        shown, load_kg = load("load", unit)
        added_shown, added_kg = load("added_load", unit)
        _, prescribed_kg = load("prescribed_load", unit)
        prescribed_reps = cells.whole(c["prescribed_reps"])
        prescribed_seconds = cells.whole(c["prescribed_seconds"])
        prescribed_rir = bounded("prescribed_rir", 0, 10)
        prescribed = (
            Prescribed(prescribed_kg, prescribed_reps, prescribed_seconds, prescribed_rir)
            if (prescribed_kg, prescribed_reps, prescribed_seconds, prescribed_rir)
            != (None, None, None, None)
            else None
        )
        workout.sets.append(
            ImportedSet(
                exercise_name=name,
                performed_on=performed_on,
                started_at=started_at,
                position=workout.next_position(name),
                set_type=set_type,
                load_kg=load_kg,
                load=shown if shown is not None else added_shown,
                unit=unit,
                reps=cells.whole(c["reps"]),
                seconds=cells.whole(c["seconds"]),
                distance_m=cells.number(c["distance_m"]),
                rpe=None,
                rir=bounded("rir", 0, 10),
                notes=cells.text(c["notes"]),
                line=line,
                added_kg=added_kg,
                prescribed=prescribed,
                catalogue_slug=exercise,
                range_done=range_done,
                pain=bounded("pain", 0, 10),
            )
        )
    return builder.finish()

"""Strong's CSV export, in every layout it has had.

- comma, no unit anywhere (`Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,...`)
- semicolon with a per-row `Weight Unit` and `Distance Unit` (`kg`/`lbs`, `km`/`mi.`)
- fully quoted semicolon files starting `"Workout #"`, with `Duration (sec)`
- old files with the unit in the column name (`Weight (kg)`, `Distance (mi)`), sets numbered from 0
- recent files without the notes columns
- headers in the app's language (German, French, Chinese) and durations to match (`1h 38m`,
  `57min`, `1小时13分钟`)

One row is one set. The rest timer between sets is a row too (`Set Order` = `Rest Timer`,
`Ruhezeit`...), which is skipped. `Set Order` is a number for working sets or names the kind of
set: `W`/`D`/`F` or `WARM_UP`/`FAILURE`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from backbone.domain.athlete import Units
from backbone.domain.errors import InputError
from backbone.importers.assemble import BatchBuilder
from backbone.importers.batch import ImportBatch, ImportedSet, SkipReason, SourceApp
from backbone.importers.table import (
    MISSING,
    Cells,
    Header,
    data_rows,
    find_columns,
    read_header,
)
from backbone.importers.values import (
    decode_notes,
    logged_load,
    metres_per,
    read_duration_s,
    read_set_type,
    read_timestamp,
    read_weight_unit,
    rir_from_rpe,
)

_HEADERS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "workout #": "workout_no",
        "date": "date",
        "workout name": "workout",
        "duration": "duration",
        "workout duration": "duration",
        "duration (sec)": "duration_s",
        "exercise name": "exercise",
        "set order": "set_order",
        "weight": "weight",
        "weight (kg)": "weight_kg",
        "weight (kgs)": "weight_kg",
        "weight (lb)": "weight_lb",
        "weight (lbs)": "weight_lb",
        "weight unit": "weight_unit",
        "reps": "reps",
        "distance": "distance",
        "distance (km)": "distance_km",
        "distance (mi)": "distance_mi",
        "distance (m)": "distance_m",
        "distance unit": "distance_unit",
        "seconds": "seconds",
        "notes": "notes",
        "workout notes": "workout_notes",
        "rpe": "rpe",
    },
    "de": {
        "training #": "workout_no",
        "datum": "date",
        "trainingsname": "workout",
        "dauer": "duration",
        "übungsname": "exercise",
        "satzreihenfolge": "set_order",
        "gewicht": "weight",
        "gewichtseinheit": "weight_unit",
        "wdh.": "reps",
        "wiederholungen": "reps",
        "distanz": "distance",
        "distanzeinheit": "distance_unit",
        "sekunden": "seconds",
        "notizen": "notes",
        "trainingsnotizen": "workout_notes",
    },
    "fr": {
        "entraînement #": "workout_no",
        "nom de l'entraînement": "workout",
        "durée": "duration",
        "nom de l'exercice": "exercise",
        "ordre des séries": "set_order",
        "poids": "weight",
        "unité de poids": "weight_unit",
        "répétitions": "reps",
        "unité de distance": "distance_unit",
        "secondes": "seconds",
        "notes de l'entraînement": "workout_notes",
    },
    "zh": {
        "日期": "date",
        "训练名称": "workout",
        "时长": "duration",
        "动作名称": "exercise",
        "组序": "set_order",
        "重量": "weight",
        "重量单位": "weight_unit",
        "次数": "reps",
        "距离": "distance",
        "距离单位": "distance_unit",
        "秒": "seconds",
        "备注": "notes",
        "训练备注": "workout_notes",
    },
}
SYNONYMS: Final[dict[str, str]] = {k: v for table in _HEADERS.values() for k, v in table.items()}

# The rest timer's pseudo-row, as each app language names it.
REST_TIMER_WORDS: Final = frozenset(
    {"rest timer", "ruhezeit", "pausentimer", "minuteur de repos", "temps de repos", "休息计时器"}
)

_REQUIRED: Final = ("date", "exercise", "set_order")


def recognise(header: Header) -> str | None:
    """The dialect name when `header` is a Strong export, None otherwise."""
    columns = find_columns(header, SYNONYMS)
    if not all(field in columns for field in _REQUIRED):
        return None
    if "workout_no" in columns:
        layout = "numbered"
    elif "weight_unit" in columns:
        layout = "unit-per-row"
    elif "weight_kg" in columns or "weight_lb" in columns:
        layout = "unit-in-header"
    else:
        layout = "no-unit"
    languages = sorted(
        {lang for lang, table in _HEADERS.items() for k in header.keys if k in table}
    )
    language = next((lang for lang in languages if lang != "en"), "en")
    suffix = "" if "notes" in columns else ", no notes columns"
    delimiter = "semicolon" if header.delimiter == ";" else "comma"
    return f"strong/{layout} ({delimiter}, {language}{suffix})"


def parse(text: str, *, units: Units | None = None) -> ImportBatch:
    """Every set of a Strong export; `units` is the lifter's unit when the file does not say."""
    header = read_header(text)
    dialect = recognise(header)
    if dialect is None:
        raise InputError(
            "This is not a Strong export: it needs the columns Date, Exercise Name and Set Order."
        )
    columns = find_columns(header, SYNONYMS)
    builder = BatchBuilder(SourceApp.STRONG, dialect)

    def column(field: str) -> int:
        return columns.get(field, MISSING)

    c_no, c_date, c_workout = column("workout_no"), column("date"), column("workout")
    c_duration, c_duration_s = column("duration"), column("duration_s")
    c_exercise, c_order = column("exercise"), column("set_order")
    c_weight_unit = column("weight_unit")
    c_reps, c_seconds, c_rpe = column("reps"), column("seconds"), column("rpe")
    c_distance_unit = column("distance_unit")
    c_notes, c_workout_notes = column("notes"), column("workout_notes")

    # Which unit a bare weight is in: the column's name, each row's unit cell, or the lifter's.
    c_weight = column("weight")
    file_unit = units or Units.KG
    if "weight_kg" in columns:
        c_weight, file_unit = columns["weight_kg"], Units.KG
    elif "weight_lb" in columns:
        c_weight, file_unit = columns["weight_lb"], Units.LB
    unit_in_file = c_weight_unit != MISSING or c_weight != column("weight")
    # Old `Weight (kg)` files hold kilograms whatever the lifter used: a pound lifter's loads
    # are rounded back in pounds when the lifter says so.
    logged_in_kg_column = units if "weight_kg" in columns and units is not None else None
    c_distance = column("distance")
    distance_scale = 1000.0 if file_unit is Units.KG else 1609.344
    for field, scale in (("distance_km", 1000.0), ("distance_mi", 1609.344), ("distance_m", 1.0)):
        if field in columns:
            c_distance, distance_scale = columns[field], scale
    distance_unit_known = c_distance_unit != MISSING or c_distance != column("distance")

    cells = Cells(header)
    times: dict[str, datetime] = {}
    for line, row in data_rows(text, header.delimiter):
        builder.rows_read += 1
        if not any(row):
            builder.skip(SkipReason.BLANK_LINE, line)
            continue
        cells.load(line, row)
        exercise = cells.require(c_exercise, "exercise name")
        order = cells.text(c_order)
        if order.casefold() in REST_TIMER_WORDS or exercise.casefold() in REST_TIMER_WORDS:
            builder.skip(SkipReason.REST_TIMER, line)
            continue
        set_type = read_set_type(order)
        if set_type is None:
            raise cells.error(c_order, f"{order!r} is not a set number, W, D, F or a set type")

        when_text = cells.require(c_date, "date")
        started_at = times.get(when_text)
        if started_at is None:
            started_at = read_timestamp(when_text)
            if started_at is None:
                raise cells.error(c_date, f"{when_text!r} is not a date and time")
            times[when_text] = started_at
        workout = builder.workout(
            (cells.text(c_no) or when_text, cells.text(c_workout)),
            name=cells.text(c_workout),
            performed_on=started_at.date(),
            started_at=started_at,
            notes=decode_notes(cells.text(c_workout_notes)),
        )
        if workout.duration_min is None and (c_duration != MISSING or c_duration_s != MISSING):
            workout.duration_min = _duration_min(cells, c_duration, c_duration_s)

        reps = cells.whole(c_reps) or None  # Strong writes 0 for what was not counted
        seconds_value = cells.number(c_seconds)
        seconds = round(seconds_value) if seconds_value else None
        distance_value = cells.number(c_distance)
        distance_m: float | None = None
        if distance_value:
            scale = distance_scale
            if c_distance_unit != MISSING:
                unit_text = cells.require(c_distance_unit, "distance unit")
                per = metres_per(unit_text)
                if per is None:
                    raise cells.error(c_distance_unit, f"{unit_text!r} is not a distance unit")
                scale = per
            elif not distance_unit_known:
                builder.lossy(
                    "Distance",
                    f"no distance unit in the file: read as {'km' if file_unit is Units.KG else 'miles'}",
                )
            distance_m = round(distance_value * scale, 3)
        if reps is None and seconds is None and distance_m is None:
            builder.skip(SkipReason.EMPTY_SET, line)
            continue

        weight = cells.number(c_weight)
        if weight == 0 and reps is None:
            weight = None  # cardio and holds carry a 0 weight that was never lifted
        row_unit = file_unit
        if weight is not None and c_weight_unit != MISSING:
            unit_text = cells.require(c_weight_unit, "weight unit")
            found = read_weight_unit(unit_text)
            if found is None:
                raise cells.error(c_weight_unit, f"{unit_text!r} is not kg or lbs")
            row_unit = found
        elif weight is not None and not unit_in_file and units is None:
            builder.lossy("Weight", "no unit in the file: read as kg (pass --units lb for pounds)")
        logged_in = logged_in_kg_column or row_unit
        load, load_kg = (None, None) if weight is None else logged_load(weight, row_unit, logged_in)

        rpe = cells.number(c_rpe) or None
        if rpe is not None and not 1 <= rpe <= 10:
            raise cells.error(c_rpe, f"RPE {rpe:g} is outside 1-10")
        if rpe is not None and not rpe.is_integer():
            builder.lossy("RPE", "half-point RPE kept; RIR rounded down to whole reps")

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
                notes=decode_notes(cells.text(c_notes)),
                line=line,
            )
        )
    return builder.finish()


def _duration_min(cells: Cells, c_duration: int, c_duration_s: int) -> float | None:
    if c_duration_s != MISSING:
        seconds = cells.number(c_duration_s)
        return None if seconds is None else round(seconds / 60, 2)
    text = cells.text(c_duration)
    if not text:
        return None
    # Strong writes `1h 38m` (or `57min`, `1小时13分钟`); a bare number there counts minutes.
    seconds_total = read_duration_s(text, bare_unit_s=60)
    if seconds_total is None:
        raise cells.error(c_duration, f"{text!r} is not a duration like 1h 38m")
    return round(seconds_total / 60, 2)

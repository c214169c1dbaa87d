"""A Strong-style CSV, the layout most training apps import:

`Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,
Workout Notes,RPE` — comma-separated, loads in the athlete's unit with no unit column (as Strong
writes it), distances in km (mi for pound lifters), warm-up/drop/failure sets as `W`/`D`/`F`,
RIR written back as RPE = 10 - RIR. Timestamps lose their offset: Strong's dates are local.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Final, TextIO

from backbone.domain.athlete import Units
from backbone.domain.history import SetType
from backbone.exporters.numbers import decimal_text, load_in, whole_text
from backbone.exporters.rows import ExportedSet

HEADER: Final = (
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Reps",
    "Distance",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
)
_LABELS: Final = {SetType.WARMUP: "W", SetType.DROP: "D", SetType.FAILURE: "F"}
_METRES_PER_KM: Final = 1000.0
_METRES_PER_MI: Final = 1609.344


def write_strong_csv(sets: Iterable[ExportedSet], out: TextIO, *, units: Units) -> int:
    """Write the header and one row per set; returns the number of sets written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    metres = _METRES_PER_MI if units is Units.LB else _METRES_PER_KM
    working: dict[tuple[object, str, str], int] = {}
    count = 0
    for one in sets:
        when = one.started_at.replace(tzinfo=None) if one.started_at else None
        date_text = when.strftime("%Y-%m-%d %H:%M:%S") if when else f"{one.performed_on} 00:00:00"
        label = _LABELS.get(one.set_type)
        if label is None:  # Strong numbers working sets (and has no AMRAP)
            key = (date_text, one.workout, one.exercise_name)
            working[key] = working.get(key, 0) + 1
            label = str(working[key])
        weight = one.load_kg if one.load_kg is not None else one.added_kg
        writer.writerow(
            (
                date_text,
                one.workout,
                "",
                one.exercise_name,
                label,
                decimal_text(load_in(weight, units)) or "0",
                whole_text(one.reps) or "0",
                decimal_text(one.distance_m / metres, 9) if one.distance_m else "0",
                whole_text(one.seconds) or "0",
                one.notes,
                "",
                "" if one.rir is None else str(10 - one.rir),
            )
        )
        count += 1
    return count

"""Backbone's own CSV: one row per set, lossless for what a set records.

Timestamps are ISO 8601 with their offset; loads are written in the athlete's unit with the unit
in a column of its own (`unit`), so the file reads right in a spreadsheet and back into Backbone
(`backbone.importers.backbone_csv`). Seconds and metres carry their unit in the column name.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Final, TextIO

from backbone.domain.athlete import Units
from backbone.exporters.numbers import decimal_text, load_in, whole_text
from backbone.exporters.rows import ExportedSet

COLUMNS: Final = (
    "started_at",
    "performed_on",
    "workout",
    "exercise",
    "exercise_name",
    "position",
    "set_type",
    "unit",
    "prescribed_load",
    "prescribed_reps",
    "prescribed_seconds",
    "prescribed_rir",
    "load",
    "added_load",
    "reps",
    "seconds",
    "distance_m",
    "rir",
    "range",
    "pain",
    "notes",
)


def write_backbone_csv(sets: Iterable[ExportedSet], out: TextIO, *, units: Units) -> int:
    """Write the header and one row per set; returns the number of sets written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    unit = units.value
    count = 0
    for one in sets:
        prescribed = one.prescribed
        writer.writerow(
            (
                one.started_at.isoformat() if one.started_at is not None else "",
                one.performed_on.isoformat(),
                one.workout,
                one.exercise,
                one.exercise_name,
                one.position,
                one.set_type.value,
                unit,
                decimal_text(load_in(prescribed.load_kg, units)) if prescribed else "",
                whole_text(prescribed.reps) if prescribed else "",
                whole_text(prescribed.seconds) if prescribed else "",
                whole_text(prescribed.rir) if prescribed else "",
                decimal_text(load_in(one.load_kg, units)),
                decimal_text(load_in(one.added_kg, units)),
                whole_text(one.reps),
                whole_text(one.seconds),
                decimal_text(one.distance_m, 3),
                whole_text(one.rir),
                one.range_done.value,
                whole_text(one.pain),
                one.notes,
            )
        )
        count += 1
    return count

"""Personal records and estimated maxes in words: "62.5 kg × 8 (was 60 kg)", "e1RM 80.5 kg"."""

from __future__ import annotations

from backbone.domain.athlete import Units
from backbone.presentation.loads import bodyweight_load, load, number

KINDS = {"rep_max": "rep max", "e1rm": "e1RM", "longest_hold": "longest hold"}


def record_value(kind: str, value: float, units: Units, *, bodyweight_move: bool) -> str:
    """A record's amount: seconds for holds; added weight for bodyweight rep maxes."""
    if kind == "longest_hold":
        return f"{number(value)} s"
    if kind == "rep_max" and bodyweight_move:
        return bodyweight_load(value, units)
    return load(value, units)


def record(
    kind: str,
    value: float,
    reps: int | None,
    previous: float | None,
    units: Units,
    *,
    bodyweight_move: bool,
) -> str:
    """ "rep max: 62.5 kg × 8 (was 60 kg)", "e1RM: 80.5 kg", "longest hold: 45 s"."""
    shown = record_value(kind, value, units, bodyweight_move=bodyweight_move)
    count = f" × {reps}" if reps and kind == "rep_max" else ""
    before = (
        f" (was {record_value(kind, previous, units, bodyweight_move=bodyweight_move)})"
        if previous is not None
        else ""
    )
    return f"{KINDS.get(kind, kind)}: {shown}{count}{before}"


def e1rm(value_kg: float, units: Units) -> str:
    return f"e1RM {load(value_kg, units)}"

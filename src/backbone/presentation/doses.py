"""Doses and targets in words: "3 × 62.5 kg × 8-12 reps @ RIR 2", "2 × 20-30 s"."""

from __future__ import annotations

from collections.abc import Sequence

from backbone.domain.athlete import Units
from backbone.domain.history import LoggedSet, SetType
from backbone.domain.program import PlanItem
from backbone.domain.progression import Prescription, SetTarget
from backbone.presentation.loads import bodyweight_load, load


def amount(reps: tuple[int, int] | None, seconds: tuple[int, int] | None) -> str:
    """ "8-12 reps", "10 reps", "20-30 s", "45 s" (empty when neither is given)."""
    if seconds is not None:
        low, high = seconds
        return f"{low} s" if low == high else f"{low}-{high} s"
    if reps is not None:
        low, high = reps
        return f"{low} reps" if low == high else f"{low}-{high} reps"
    return ""


def target(one: SetTarget, units: Units) -> str:
    """One set to do: "62.5 kg × 8-12 reps @ RIR 2", "bodyweight +5 kg × 6-8 reps"."""
    if one.load_kg is not None:
        weight = f"{load(one.load_kg, units)} × "
    elif one.added_kg is not None:
        weight = f"{bodyweight_load(one.added_kg, units)} × "
    else:
        weight = ""
    effort = f" @ RIR {one.rir}" if one.rir is not None else ""
    return f"{weight}{amount(one.reps, one.seconds)}{effort}"


def targets(prescription: Prescription, units: Units) -> tuple[str, ...]:
    """The prescription's sets, equal neighbours counted once: ("3 × 62.5 kg × 8-12 reps",)."""
    if prescription.calibrate:
        return (f"calibrate: {prescription.instructions}",)
    if not prescription.sets:
        return (prescription.instructions,)
    runs: list[tuple[int, SetTarget]] = []
    for one in prescription.sets:
        if runs and runs[-1][1] == one:
            runs[-1] = (runs[-1][0] + 1, one)
        else:
            runs.append((1, one))
    return tuple(f"{count} × {target(one, units)}" for count, one in runs)


def planned(item: PlanItem) -> str:
    """A plan item's dose: "3 × 8-12 reps @ RIR 2", "2 × 20-30 s per side"."""
    effort = f" @ RIR {item.rir}" if item.rir is not None else ""
    side = " per side" if item.per_side else ""
    return f"{item.sets} × {amount(item.reps, item.seconds)}{side}{effort}"


def logged(one: LoggedSet, units: Units) -> str:
    """A set as done: "62.5 kg × 8 @ RIR 2", "bodyweight × 10", "45 s", "(warm-up)" marked."""
    if one.load_kg is not None:
        weight = f"{load(one.load_kg, units)} × "
    elif one.reps is not None or (one.added_kg or 0.0) != 0.0:
        weight = f"{bodyweight_load(one.added_kg, units)} × "
    else:
        weight = ""
    done = f"{one.seconds} s" if one.seconds is not None else f"{one.reps}"
    effort = f" @ RIR {one.rir}" if one.rir is not None else ""
    kind = "" if one.set_type is SetType.WORKING else f" ({one.set_type.value})"
    partial = " (partial)" if one.range_done.value == "partial" else ""
    return f"{weight}{done}{effort}{kind}{partial}"


def logged_sets(sets: Sequence[LoggedSet], units: Units) -> str:
    return ", ".join(logged(one, units) for one in sets)

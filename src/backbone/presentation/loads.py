"""Loads in the athlete's units: "62.5 kg", "135 lb", "bodyweight +10 kg", "bodyweight -20 lb"."""

from __future__ import annotations

from backbone.domain.athlete import Units
from backbone.domain.loads import kg_to_lb

LB_SHOWN_STEP = 0.5
"""lb loads are shown to the half pound: the smallest plates people own are 1.25 lb pairs"""
KG_SHOWN_STEP = 0.05
"""kg loads are shown to 0.05 kg, enough for 0.25 kg fractional plates (and no float noise)"""


def in_units(load_kg: float, units: Units) -> float:
    """The load in the athlete's units, rounded to what anyone can load."""
    if units is Units.LB:
        return round(kg_to_lb(load_kg) / LB_SHOWN_STEP) * LB_SHOWN_STEP
    return round(round(load_kg / KG_SHOWN_STEP) * KG_SHOWN_STEP, 2)


def number(value: float) -> str:
    """A number without trailing zeros: 62.5, 60, 22.75."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def load(load_kg: float, units: Units) -> str:
    """ "62.5 kg" or "135 lb"."""
    return f"{number(in_units(load_kg, units))} {units.value}"


def signed_load(load_kg: float, units: Units) -> str:
    """ "+10 kg", "-20 lb", for a change or an added weight."""
    value = in_units(load_kg, units)
    sign = "+" if value >= 0 else "-"
    return f"{sign}{number(abs(value))} {units.value}"


def bodyweight_load(added_kg: float | None, units: Units) -> str:
    """ "bodyweight", "bodyweight +10 kg" (weight added) or "bodyweight -20 kg" (assisted)."""
    if added_kg is None or in_units(added_kg, units) == 0:
        return "bodyweight"
    return f"bodyweight {signed_load(added_kg, units)}"

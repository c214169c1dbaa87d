"""Numbers as export files write them: short, exact to the precision that is kept."""

from __future__ import annotations

from backbone.domain.athlete import Units
from backbone.domain.loads import KG_PER_LB


def decimal_text(value: float | None, places: int = 2) -> str:
    """`60`, `62.5`, `20.41`; empty for None. Rounded to `places`, trailing zeros dropped."""
    if value is None:
        return ""
    text = f"{round(value, places) + 0.0:.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def whole_text(value: int | None) -> str:
    return "" if value is None else str(value)


def load_in(kg: float | None, units: Units) -> float | None:
    """A load in the athlete's unit, rounded to 0.01 as importers round it."""
    if kg is None:
        return None
    return round(kg / KG_PER_LB if units is Units.LB else kg, 2)

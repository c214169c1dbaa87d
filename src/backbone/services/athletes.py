"""Use cases: the athlete behind the training log (one per laptop by default, many on a server)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from backbone.domain.athlete import Athlete, Units, parse_choice
from backbone.domain.errors import InputError
from backbone.domain.loads import lb_to_kg
from backbone.services.ports import UnitOfWork

DEFAULT_ATHLETE = "me"
BODYWEIGHT_RANGE_KG = (25.0, 350.0)

UnitOfWorkFactory = Callable[[], UnitOfWork]


def current_athlete(uow: UnitOfWork, name: str = DEFAULT_ATHLETE) -> Athlete:
    """The named athlete, created with defaults the first time (inside the caller's transaction)."""
    found = uow.athletes.by_name(name)
    return found if found is not None else uow.athletes.add(Athlete(name=name))


def update_athlete(
    new_uow: UnitOfWorkFactory,
    *,
    name: str = DEFAULT_ATHLETE,
    units: str | None = None,
    bodyweight: float | None = None,
    plates: Sequence[float] | None = None,
    bar: float | None = None,
    dumbbell_step: float | None = None,
) -> Athlete:
    """Change what is given; numbers are in the athlete's units (after any --units change)."""
    with new_uow() as uow:
        athlete = current_athlete(uow, name)
        if units is not None:
            athlete = replace(athlete, units=parse_choice(Units, units, "units"))
        to_kg = lb_to_kg if athlete.units is Units.LB else float
        if bodyweight is not None:
            weight_kg = to_kg(bodyweight)
            low, high = BODYWEIGHT_RANGE_KG
            if not low <= weight_kg <= high:
                raise InputError(
                    f"Bodyweight {bodyweight:g} {athlete.units.value} is outside "
                    f"{low:g}-{high:g} kg; check the number and the units.",
                    {"field": "bodyweight", "value": bodyweight},
                )
            athlete = replace(athlete, bodyweight_kg=round(weight_kg, 2))
        if plates is not None:
            if not plates or any(p <= 0 or p > 50 for p in plates):
                raise InputError(
                    "Plates must be positive sizes up to 50, e.g. --plates 20,10,5,2.5,1.25.",
                    {"field": "plates", "value": list(plates)},
                )
            athlete = replace(
                athlete, plates_kg=tuple(sorted({round(to_kg(p), 4) for p in plates}, reverse=True))
            )
        if bar is not None:
            if not 0 <= bar <= 50:
                raise InputError("The bar must weigh 0-50.", {"field": "bar", "value": bar})
            athlete = replace(athlete, bar_kg=round(to_kg(bar), 4))
        if dumbbell_step is not None:
            if not 0 < dumbbell_step <= 10:
                raise InputError(
                    "The dumbbell step must be above 0 and at most 10.",
                    {"field": "dumbbell_step", "value": dumbbell_step},
                )
            athlete = replace(athlete, dumbbell_step_kg=round(to_kg(dumbbell_step), 4))
        uow.athletes.update(athlete)
        uow.commit()
        return athlete

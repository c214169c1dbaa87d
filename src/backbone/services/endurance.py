"""Use cases: record a core or back endurance test (evidence section 16), and list the results.

Test names are the part after `test.` in the evidence rule ids; a few everyday names are accepted
too (`biering_sorensen`, `trunk_flexor`, `pull-ups`). Holds are seconds; `pullups` counts reps.
"""

from __future__ import annotations

import math
from datetime import date
from difflib import get_close_matches

from backbone.domain.endurance import EnduranceResult, Side
from backbone.domain.errors import InputError
from backbone.services.accounts import UnitOfWorkFactory
from backbone.services.ports import Knowledge
from backbone.services.views import EnduranceResultDocument

TESTS = (
    "sorensen",
    "mcgill_extensor",
    "mcgill_flexor",
    "side_bridge",
    "plank",
    "dead_hang",
    "pullups",
)
"""the tests a person performs (the ratio and reference-cohort rules are computed, not recorded)"""

ALIASES = {
    "biering_sorensen": "sorensen",
    "trunk_flexor": "mcgill_flexor",
    "pull_ups": "pullups",
}
SIDED = frozenset({"side_bridge"})
COUNTED = frozenset({"pullups"})
"""tests whose value is a count of reps, not seconds"""

MAX_HOLD_S = 600.0
MAX_REPS = 100


def recordable_tests(knowledge: Knowledge) -> tuple[str, ...]:
    """The recordable tests that have a rule in the evidence registry, in a stable order."""
    return tuple(name for name in TESTS if f"test.{name}" in knowledge.evidence)


def resolve_test(raw: str, knowledge: Knowledge) -> str:
    """The canonical test name for what the user typed (case, dashes and spaces forgiven)."""
    key = raw.strip().lower().replace("-", "_").replace(" ", "_").replace("ø", "o")
    key = ALIASES.get(key, key)
    allowed = recordable_tests(knowledge)
    if key in allowed:
        return key
    known = [*allowed, *(alias for alias, name in ALIASES.items() if name in allowed)]
    close = get_close_matches(key, known, n=3, cutoff=0.6)
    suggestions = list(dict.fromkeys(ALIASES.get(name, name) for name in close))
    hint = f" Did you mean '{suggestions[0]}'?" if suggestions else ""
    raise InputError(
        f"Unknown test '{raw}'.{hint} Tests: {', '.join(allowed)}.",
        {"field": "test", "value": raw, "allowed": list(allowed), "suggestions": suggestions},
    )


def record_test(
    athlete_id: int,
    name: str,
    value: float,
    *,
    side: str | None,
    on: date,
    new_uow: UnitOfWorkFactory,
    knowledge: Knowledge,
) -> EnduranceResult:
    """Validate and store one result: seconds held (0 < s <= 600), or reps for pull-ups."""
    test = resolve_test(name, knowledge)
    parsed_side = _side(test, side)
    _check_value(test, value)
    with new_uow() as uow:
        stored = uow.endurance.add(
            EnduranceResult(
                athlete_id=athlete_id,
                test=test,
                value=float(value),
                on=on,
                side=parsed_side,
            )
        )
        uow.commit()
    return stored


def list_tests(new_uow: UnitOfWorkFactory, athlete_id: int) -> list[EnduranceResult]:
    """Every recorded result of the athlete, oldest first."""
    with new_uow() as uow:
        return uow.endurance.results(athlete_id)


def unit_of(test: str) -> str:
    """`reps` for counted tests, `s` for holds."""
    return "reps" if test in COUNTED else "s"


def result_document(result: EnduranceResult) -> EnduranceResultDocument:
    """The JSON body of one result (CLI --json and API alike)."""
    return {
        "test": result.test,
        "side": None if result.side is None else result.side.value,
        "value": int(result.value) if result.test in COUNTED else result.value,
        "date": result.on.isoformat(),
        "id": result.result_id,
    }


def _side(test: str, raw: str | None) -> Side | None:
    if test not in SIDED:
        if raw is not None:
            raise InputError(
                f"A side is only for {', '.join(sorted(SIDED))}; {test} has no side.",
                {"field": "side", "value": raw, "test": test},
            )
        return None
    allowed = [s.value for s in Side]
    if raw is None:
        raise InputError(
            f"{test} is tested on each side: give the side, left or right.",
            {"field": "side", "test": test, "allowed": allowed},
        )
    key = raw.strip().lower()
    if key not in allowed:
        raise InputError(
            f"Unknown side '{raw}': use left or right.",
            {"field": "side", "value": raw, "allowed": allowed},
        )
    return Side(key)


def _check_value(test: str, value: float) -> None:
    if test in COUNTED:
        if not (math.isfinite(value) and value == int(value) and 0 < value <= MAX_REPS):
            raise InputError(
                f"{test} counts whole reps: give a whole number from 1 to {MAX_REPS}; "
                f"got {value:g}.",
                {"field": "value", "value": value, "test": test, "min": 1, "max": MAX_REPS},
            )
        return
    if not (math.isfinite(value) and 0 < value <= MAX_HOLD_S):
        raise InputError(
            f"{test} is a hold in seconds: give more than 0 and at most {MAX_HOLD_S:g}; "
            f"got {value:g}.",
            {"field": "value", "value": value, "test": test, "min": 0, "max": MAX_HOLD_S},
        )

"""Which weekdays carry back sessions, and which only core and mobility (recovery.spacing_48h)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from backbone.domain.errors import InfeasiblePlan
from backbone.domain.vocabulary import Day

MAX_BACK_SESSIONS = 3
DAYS_IN_WEEK = 7


@dataclass(frozen=True, slots=True)
class WeekSchedule:
    back_days: tuple[Day, ...]
    core_days: tuple[Day, ...]
    """extra training days beyond three: core and mobility only"""


def schedule_week(days_per_week: int, on_days: tuple[Day, ...] | None) -> WeekSchedule:
    """Spread back sessions as evenly as possible with a rest day between any two.

    Sunday and the next Monday are 24 h apart, so the week is treated as a circle.
    """
    candidates = on_days if on_days is not None else tuple(Day)
    back_count = min(days_per_week, MAX_BACK_SESSIONS)
    best: tuple[Day, ...] | None = None
    best_key: tuple[int, int] | None = None
    for chosen in combinations(candidates, back_count):
        gaps = _circular_gaps(chosen)
        if min(gaps) < 2:
            continue
        # Prefer the widest smallest gap, then the most even spread; combinations() yields in
        # weekday order, so ties go to the earliest days.
        key = (min(gaps), -max(gaps))
        if best_key is None or key > best_key:
            best, best_key = chosen, key
    if best is None:
        listed = ", ".join(d.value for d in candidates)
        raise InfeasiblePlan(
            f"The days you can train ({listed}) cannot hold {back_count} back sessions at least "
            "48 h apart. Add a day with a rest day in between, or train fewer days a week.",
            {
                "conflicts": [
                    {
                        "rule_id": "recovery.spacing_48h",
                        "text": "back sessions at least 48 h apart",
                    },
                    {"rule_id": "profile.on_days", "text": f"train only on {listed}"},
                ],
                "relax": [
                    "add a training day that is not next to another",
                    "train fewer days a week",
                ],
            },
        )
    rest = [d for d in candidates if d not in best]
    return WeekSchedule(back_days=best, core_days=tuple(rest[: days_per_week - back_count]))


def _circular_gaps(days: tuple[Day, ...]) -> list[int]:
    if len(days) == 1:
        return [DAYS_IN_WEEK]
    indices = [d.weekday for d in days]
    return [
        (indices[(i + 1) % len(indices)] - indices[i]) % DAYS_IN_WEEK for i in range(len(indices))
    ]

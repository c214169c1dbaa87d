"""The analysis window: Monday-based weeks ending with the week that contains `today`.

Weeks start on Monday (ISO weeks) so a week here is the same week the planner schedules.
"""

from __future__ import annotations

from datetime import date, timedelta

from backbone.domain.errors import InputError

DAYS_PER_WEEK = 7


def week_start(day: date) -> date:
    """Monday of the week that contains `day`."""
    return day - timedelta(days=day.weekday())


def window_weeks(today: date, weeks: int) -> tuple[date, ...]:
    """Mondays of the `weeks` weeks ending with the week of `today`, oldest first."""
    if weeks < 1:
        raise InputError(f"weeks must be at least 1; got {weeks}.", {"weeks": weeks})
    last = week_start(today)
    return tuple(last - timedelta(weeks=back) for back in range(weeks - 1, -1, -1))


def window_days(today: date, weeks: int) -> tuple[date, ...]:
    """Every day of the window, Monday of the first week to Sunday of the week of `today`."""
    first = window_weeks(today, weeks)[0]
    return tuple(first + timedelta(days=i) for i in range(weeks * DAYS_PER_WEEK))

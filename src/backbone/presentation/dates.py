"""Dates and durations in words."""

from __future__ import annotations

from datetime import date


def day(on: date) -> str:
    """ "Mon 30 Nov 2026": the weekday matters to someone planning their week."""
    return f"{on:%a} {on.day} {on:%b %Y}"


def minutes(value: float) -> str:
    """ "~33 min": plan estimates are rough, so whole minutes."""
    return f"~{round(value)} min"


def seconds(value: int) -> str:
    """ "90 s", "2 min", "2 min 30 s" for rest times."""
    if value < 120 or (value % 60 and value < 600):
        whole, rest = divmod(value, 60)
        if value < 120:
            return f"{value} s"
        return f"{whole} min {rest} s"
    return f"{value // 60} min"

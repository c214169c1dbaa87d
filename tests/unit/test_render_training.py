"""Exact terminal output of representative screens, on an injected 80-column console."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from rich.console import Console

from backbone.domain.athlete import Athlete, Units
from backbone.domain.history import LogEntry, LoggedSet, SetType
from backbone.domain.loads import lb_to_kg
from backbone.domain.progression import Prescription, SetTarget
from backbone.domain.strength import PersonalRecord
from backbone.interfaces.cli.render_training import (
    render_athlete,
    render_history,
    render_log_result,
)
from backbone.services.training_log import LogResult
from tests.unit.progression_builders import CATALOGUE

DAY = date(2026, 11, 30)
LIFTER = Athlete(name="Sam", units=Units.LB, bodyweight_kg=lb_to_kg(180), athlete_id=1)


def screen() -> tuple[Console, io.StringIO]:
    text = io.StringIO()
    return Console(file=text, width=80, highlight=False, color_system=None), text


def row_set(position: int, load_lb: float, reps: int) -> LoggedSet:
    return LoggedSet("barbell_row", DAY, position, SetType.WORKING, lb_to_kg(load_lb), None, reps, None, 2)  # fmt: skip


def test_a_logged_entry_reads_in_pounds_with_its_pr_and_next_target() -> None:
    sets = (row_set(1, 135, 10), row_set(2, 135, 10))
    entry = LogEntry(1, "barbell_row", DAY, datetime(2026, 11, 30, 18, tzinfo=UTC), sets, 7)
    record = PersonalRecord("rep_max", "barbell_row", lb_to_kg(135), 10, DAY, lb_to_kg(125))
    upcoming = Prescription(
        exercise="barbell_row",
        sets=(SetTarget(lb_to_kg(140), None, (8, 12), None, 2),) * 3,
        calibrate=False,
        instructions="",
        substitute=None,
        stall=None,
        why=(),
    )
    result = LogResult(
        LIFTER, CATALOGUE.get("barbell_row"), entry, (record,), lb_to_kg(180), upcoming
    )
    out, text = screen()
    render_log_result(result, out)
    assert text.getvalue() == (
        "Logged 2 set(s) of Barbell bent-over row on 2026-11-30.\n"
        "PR rep max: 135 lb × 10 (was 125 lb)\n"
        "e1RM 180 lb today\n"
        "Next time:\n"
        "3 × 140 lb × 8-12 reps @ RIR 2\n"
    )


def test_history_lists_sets_in_the_athletes_units() -> None:
    sets = (row_set(1, 135, 10), row_set(2, 140, 8))
    entry = LogEntry(1, "barbell_row", DAY, datetime(2026, 11, 30, 18, tzinfo=UTC), sets, 1)
    out, text = screen()
    render_history([entry], Units.LB, out)
    assert text.getvalue() == (
        "┏━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓\n"
        "┃ date       ┃ exercise    ┃ sets                                    ┃\n"
        "┡━━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩\n"
        "│ 2026-11-30 │ barbell_row │ 135 lb × 10 @ RIR 2, 140 lb × 8 @ RIR 2 │\n"
        "└────────────┴─────────────┴─────────────────────────────────────────┘\n"
    )


def test_the_athlete_screen_shows_settings_in_their_units() -> None:
    athlete = Athlete(
        name="Sam",
        units=Units.LB,
        bodyweight_kg=lb_to_kg(180),
        plates_kg=tuple(lb_to_kg(p) for p in (45, 25, 10, 5, 2.5)),
        bar_kg=lb_to_kg(45),
        dumbbell_step_kg=lb_to_kg(5),
    )
    out, text = screen()
    render_athlete(athlete, out)
    assert text.getvalue() == (
        "name: Sam\n"
        "units: lb\n"
        "bodyweight: 180 lb\n"
        "plates: 45, 25, 10, 5, 2.5 lb\n"
        "bar: 45 lb\n"
        "dumbbell step: 5 lb\n"
    )

"""Exact terminal output of representative screens, on an injected 80-column console."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from rich.console import Console

from backbone.domain.athlete import Athlete, Units
from backbone.domain.history import LogEntry, LoggedSet, SetType
from backbone.domain.loads import lb_to_kg
from backbone.domain.prescription import Reason
from backbone.domain.program import Block, PlanItem, Session, SessionFocus, Week
from backbone.domain.progression import Prescription, SetTarget
from backbone.domain.strength import PersonalRecord
from backbone.domain.vocabulary import BlockKind, Day
from backbone.interfaces.cli.render_training import (
    render_athlete,
    render_history,
    render_log_result,
    render_prescription,
    render_today,
)
from backbone.services.programs import DayInProgram
from backbone.services.training import TodayItem, TodayView
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


def test_the_next_target_shows_each_reason_with_its_rule_id() -> None:
    upcoming = Prescription(
        exercise="barbell_row",
        sets=(SetTarget(lb_to_kg(135), None, (11, 12), None, 2),),
        calibrate=False,
        instructions="",
        substitute=None,
        stall=None,
        why=(Reason("progression.double", "not every set reached 12 reps yet"),),
    )
    out, text = screen()
    render_prescription(CATALOGUE.get("barbell_row"), upcoming, Units.LB, out)
    # the id in brackets was taken as rich markup and vanished, leaving the reason unsourced
    assert "[progression.double] not every set reached 12 reps yet" in text.getvalue()


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


def test_today_on_a_phone_width_terminal_is_one_card_per_exercise() -> None:
    row = CATALOGUE.get("barbell_row")
    planned = PlanItem(
        exercise="barbell_row", name=row.name, sets=3, reps=(8, 12), seconds=None,
        per_side=False, rir=2, rest_s=120, load_hint="", why=(Reason("progression.double", "x"),),
    )  # fmt: skip
    session = Session(Day.MON, DAY, SessionFocus.BACK, 30.0, (Block(BlockKind.MAIN, (planned,)),))
    week = Week(1, False, DAY, (), (session,))
    upcoming = Prescription(
        exercise="barbell_row", sets=(SetTarget(lb_to_kg(135), None, (8, 12), None, 2),) * 3,
        calibrate=False, instructions="", substitute=None, stall=None,
        why=(Reason("progression.double", "x"),),
    )  # fmt: skip
    item = TodayItem(BlockKind.MAIN, planned, row, upcoming)
    view = TodayView(LIFTER, DAY, DayInProgram(DAY, week, session, None), None, (item,))
    out, text = screen()
    render_today(view, Units.LB, out)
    assert text.getvalue() == (
        "Mon 30 Nov 2026 · week 1 · ~30 min\n"
        "\n"
        "MAIN\n"
        "Barbell bent-over row · rest 2 min\n"
        "  3 × 135 lb × 8-12 reps @ RIR 2\n"
        f"  to: {row.cues.range_of_motion.end}\n"
        "  why: progression.double\n"
    )

"""Rich rendering of the training-log commands for people."""

from __future__ import annotations

from rich.table import Table

from backbone.domain.exercise import Exercise
from backbone.domain.history import LogEntry
from backbone.domain.loads import logs_load_kg
from backbone.domain.progression import Prescription, Recovery, SetTarget
from backbone.domain.strength import PersonalRecord
from backbone.interfaces.cli.render import console
from backbone.services.training import TodayView
from backbone.services.training_log import LogResult


def describe_target(target: SetTarget) -> str:
    if target.seconds is not None:
        low, high = target.seconds
        amount = f"{low}s" if low == high else f"{low}-{high}s"
    elif target.reps is not None:
        low, high = target.reps
        amount = f"{low}" if low == high else f"{low}-{high}"
        amount += " reps"
    else:
        amount = ""
    if target.load_kg is not None:
        load = f"{target.load_kg:g} kg × "
    elif target.added_kg is not None:
        load = "bodyweight × " if target.added_kg == 0 else f"bodyweight {target.added_kg:+g} kg × "
    else:
        load = ""
    rir = f" @ RIR {target.rir}" if target.rir is not None else ""
    return f"{load}{amount}{rir}"


def _targets(prescription: Prescription) -> str:
    if prescription.calibrate:
        return "calibrate: " + prescription.instructions
    if not prescription.sets:
        return prescription.instructions
    # Equal consecutive sets print once with a count: "3 × 62.5 kg × 8-12 reps @ RIR 2".
    runs: list[tuple[int, SetTarget]] = []
    for target in prescription.sets:
        if runs and runs[-1][1] == target:
            runs[-1] = (runs[-1][0] + 1, target)
        else:
            runs.append((1, target))
    return "\n".join(f"{count} × {describe_target(target)}" for count, target in runs)


def render_today(view: TodayView) -> None:
    out = console()
    if view.rest_day:
        upcoming = view.day.next_session
        if upcoming is None:
            out.print(f"{view.on}: no session, and the program has no more sessions.")
            out.print("Plan the next block with `backbone program start`.")
        else:
            out.print(f"{view.on}: rest day. Next session: {upcoming.day.value} {upcoming.on}.")
        return
    session = view.day.session
    assert session is not None
    week = view.day.week
    label = f"week {week.number}{' (deload)' if week.deload else ''}" if week else ""
    out.print(f"[bold]{view.on} · {label} · ~{session.est_minutes:g} min[/]")
    if view.recovery and view.recovery.reasons:
        for reason in view.recovery.reasons:
            out.print(f"[yellow]recovery[/] [{reason.rule_id}] {reason.text}")
    table = Table(show_lines=True)
    table.add_column("block", style="dim")
    table.add_column("exercise")
    table.add_column("targets", ratio=3)
    table.add_column("rest")
    table.add_column("range of motion", ratio=2)
    table.add_column("why", style="dim", ratio=2)
    for item in view.items:
        if item.prescription is None:
            planned = item.planned
            dose = describe_target(SetTarget(None, None, planned.reps, planned.seconds, None))
            targets = f"{planned.sets} × {dose}"
            reasons = planned.why
        else:
            targets = _targets(item.prescription)
            if item.prescription.substitute:
                targets = f"swap for {item.prescription.substitute}\n{targets}"
            reasons = item.prescription.why
        cue = f"to: {item.exercise.cues.range_of_motion.end}"
        table.add_row(
            item.block.value,
            item.exercise.name,
            targets,
            f"{item.planned.rest_s}s" if item.planned.rest_s else "",
            cue,
            ", ".join(dict.fromkeys(r.rule_id for r in reasons[:3])),
        )
    out.print(table)


def render_prescription(exercise: Exercise, prescription: Prescription) -> None:
    out = console()
    out.print(f"[bold]{exercise.name}[/] next time:")
    out.print(_targets(prescription))
    if prescription.stall:
        out.print(f"[yellow]stall[/] {prescription.stall.suggestion}")
    for reason in prescription.why:
        out.print(f"  [dim][{reason.rule_id}][/] {reason.text}")


def render_log_result(result: LogResult) -> None:
    out = console()
    entry = result.entry
    out.print(f"Logged {len(entry.sets)} set(s) of {result.exercise.name} on {entry.performed_on}.")
    for record in result.records:
        out.print(f"[green]PR[/] {record.kind.replace('_', ' ')}: {_record_text(record, result)}")
    if result.best_e1rm_kg is not None:
        out.print(f"e1RM today: {result.best_e1rm_kg:.1f} kg")
    if result.next is not None:
        out.print("Next time:")
        out.print(_targets(result.next))


def _record_text(record: PersonalRecord, result: LogResult) -> str:
    def amount(value: float) -> str:
        if record.kind == "longest_hold":
            return f"{value:g} s"
        if record.kind == "rep_max" and not logs_load_kg(result.exercise):
            # Bodyweight rep maxes are stored as the added (or, negative, assisting) load.
            return "bodyweight" if value == 0 else f"bodyweight {value:+g} kg"
        return f"{value:g} kg"

    reps = f" × {record.reps}" if record.reps else ""
    before = f" (was {amount(record.previous)})" if record.previous is not None else ""
    return f"{amount(record.value)}{reps}{before}"


def render_recovery(recovery: Recovery) -> None:
    out = console()
    if recovery.stop:
        verdict = "[red]stop: see a clinician before training[/]"
    elif recovery.deload:
        verdict = "[yellow]deload: cut sets and effort this session[/]"
    elif recovery.hold:
        verdict = "[yellow]hold: repeat last loads, no increases[/]"
    else:
        verdict = "[green]ready for back work[/]"
    out.print(f"Check-in saved. Verdict: {verdict}")
    for reason in recovery.reasons:
        out.print(f"  [dim][{reason.rule_id}][/] {reason.text}")


def render_history(entries: list[LogEntry]) -> None:
    out = console()
    if not entries:
        out.print("The training log is empty. Log a set with `backbone log EXERCISE 60x8@2`.")
        return
    table = Table()
    for column in ("date", "exercise", "sets"):
        table.add_column(column)
    for entry in entries:
        sets = ", ".join(
            describe_target(
                SetTarget(
                    s.load_kg,
                    s.added_kg,
                    (s.reps, s.reps) if s.reps is not None else None,
                    (s.seconds, s.seconds) if s.seconds is not None else None,
                    s.rir,
                )
            )
            + ("" if s.set_type.value == "working" else f" ({s.set_type.value})")
            for s in entry.sets
        )
        table.add_row(entry.performed_on.isoformat(), entry.exercise, sets)
    out.print(table)

"""Rich rendering of the training-log commands for people."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table

from backbone.domain.athlete import Athlete, Units
from backbone.domain.exercise import Exercise
from backbone.domain.history import LogEntry
from backbone.domain.loads import logs_load_kg
from backbone.domain.pain_day import WALK_MINUTES, DayCall, PainDay
from backbone.domain.planner.swap import asked_reason
from backbone.domain.progression import Prescription, Recovery
from backbone.interfaces.cli.terminal import clean
from backbone.presentation import dates, doses, records
from backbone.presentation.loads import load, number
from backbone.services.training import TodayItem, TodayView
from backbone.services.training_log import LogResult


def render_today(view: TodayView, units: Units, out: Console) -> None:
    if view.rest_day:
        upcoming = view.day.next_session
        if upcoming is None:
            out.print(f"{view.on}: no session, and the program has no more sessions.")
            out.print("Plan the next block with `backbone program start`.")
        else:
            out.print(f"{view.on}: rest day. Next session: {upcoming.day.value} {upcoming.on}.")
        if view.recovery is not None and view.recovery.back.call is not DayCall.TRAIN:
            render_back_day(view.recovery.back, out)
        return
    session = view.day.session
    assert session is not None
    week = view.day.week
    label = f"week {week.number}{' (deload)' if week.deload else ''}" if week else ""
    gentle = view.recovery is not None and not view.recovery.back.loaded_back_work
    length = (
        f"no loaded back work: an easy {WALK_MINUTES[0]}-{WALK_MINUTES[1]} min walk and gentle mobility"
        if gentle
        else dates.minutes(session.est_minutes)
    )
    out.print(f"[bold]{dates.day(view.on)} · {label} · {length}[/]")
    if view.recovery and view.recovery.reasons:
        for reason in view.recovery.reasons:
            out.print(f"[yellow]recovery[/] {escape(f'[{reason.rule_id}]')} {escape(reason.text)}")
    if view.recovery is not None and view.recovery.back.call is not DayCall.TRAIN:
        render_back_day(view.recovery.back, out)
    rows = [_today_row(item, units) for item in view.items]
    if out.width < WIDE_TODAY_COLUMNS:
        _today_cards(rows, out)
        return
    table = Table(show_lines=True)
    table.add_column("block", style="dim")
    table.add_column("exercise")
    table.add_column("targets", ratio=3)
    table.add_column("rest")
    table.add_column("range of motion", ratio=2)
    table.add_column("why", style="dim", ratio=2, overflow="fold")  # rule ids stay whole
    for row in rows:
        table.add_row(
            row.block,
            row.name,
            escape(row.targets),
            row.rest,
            escape(row.cue),
            row.why,
        )
    out.print(table)


WIDE_TODAY_COLUMNS = 100
"""below this a six-column table wraps every cell to a few words: a phone-width terminal gets
one card per exercise instead"""


@dataclass(frozen=True, slots=True)
class _TodayRow:
    block: str
    name: str
    targets: str
    rest: str
    cue: str
    why: str


def _today_row(item: TodayItem, units: Units) -> _TodayRow:
    if item.prescription is None:
        targets = doses.planned(item.planned)
        reasons = item.planned.why
    else:
        targets = "\n".join(doses.targets(item.prescription, units))
        if item.prescription.substitute:
            targets = f"swap for {item.prescription.substitute}\n{targets}"
        reasons = item.prescription.why
    asked = asked_reason(item.planned)
    return _TodayRow(
        block=item.block.value,
        name=item.exercise.name if asked is None else f"{item.exercise.name}\n({asked.text})",
        targets=targets,
        rest=dates.seconds(item.planned.rest_s) if item.planned.rest_s else "",
        cue=f"to: {item.exercise.cues.range_of_motion.end}",
        why=", ".join(dict.fromkeys(r.rule_id for r in reasons[:3])),
    )


def _today_cards(rows: list[_TodayRow], out: Console) -> None:
    block = ""
    for row in rows:
        if row.block != block:
            block = row.block
            out.print(f"\n[bold]{block.upper()}[/]")
        rest = f" · rest {row.rest}" if row.rest else ""
        out.print(f"[bold]{escape(row.name)}[/]{rest}")
        for line in row.targets.splitlines():
            out.print(Padding(escape(line), (0, 0, 0, 2), expand=False))
        out.print(Padding(f"[dim]{escape(row.cue)}[/]", (0, 0, 0, 2), expand=False))
        out.print(Padding(f"[dim]why: {row.why}[/]", (0, 0, 0, 2), expand=False))


def render_prescription(
    exercise: Exercise, prescription: Prescription, units: Units, out: Console
) -> None:
    out.print(f"[bold]{exercise.name}[/] next time:")
    if prescription.substitute:
        out.print(f"swap for {escape(prescription.substitute)}")
    for line in doses.targets(prescription, units):
        out.print(escape(line))
    if prescription.stall:
        out.print(f"[yellow]stall[/] {prescription.stall.suggestion}")
    for reason in prescription.why:
        out.print(f"  [dim]{escape(f'[{reason.rule_id}]')}[/] {escape(reason.text)}")


def render_log_result(result: LogResult, out: Console) -> None:
    units = result.athlete.units
    entry = result.entry
    saved = "Already logged" if result.replayed else "Logged"
    out.print(
        f"{saved} {len(entry.sets)} set(s) of {result.exercise.name} on {entry.performed_on}."
    )
    bodyweight_move = not logs_load_kg(result.exercise)
    for record in result.records:
        text = records.record(
            record.kind,
            record.value,
            record.reps,
            record.previous,
            units,
            bodyweight_move=bodyweight_move,
        )
        out.print(f"[green]PR[/] {escape(text)}")
    if result.best_e1rm_kg is not None:
        out.print(f"{records.e1rm(result.best_e1rm_kg, units)} today")
    if result.back_pain_switched is not None:
        out.print(
            f"[yellow]Back pain logged:[/] your program now follows the rules for back pain "
            f"'{result.back_pain_switched}' (planned again from its start; the log is unchanged). "
            "Pain above 5/10 during a set means the next one is easier."
        )
    if result.next is not None:
        out.print("Next time:")
        if result.next.substitute:
            out.print(f"swap for {escape(result.next.substitute)}")
        for line in doses.targets(result.next, units):
            out.print(escape(line))
        # a swap is said in words (the targets are for the substitute); calibration and
        # "not today" already print their instructions as the target line
        if result.next.substitute and result.next.sets and not result.next.calibrate:
            out.print(escape(result.next.instructions))


def render_back_day(back: PainDay, out: Console) -> None:
    """The back's call for today in words: what to do instead, the warning signs, when to get
    help. Shown by `today` and by the check-in that made the call, so the two agree."""
    if back.call is DayCall.REGRESS:
        out.print(
            "[bold yellow]Easier today:[/] lower spinal-load lifts, lighter loads, pain-free range."
        )
    for text in back.advice:
        out.print(escape(text))
    emergency = [q for q in back.red_flag_questions if q.emergency]
    clinician = [q for q in back.red_flag_questions if not q.emergency]
    for heading, questions in (
        ("[bold red]Emergency care today[/] if any of these is new:", emergency),
        ("[bold]See a clinician before training[/] if any of these is new:", clinician),
    ):
        if questions:
            out.print(heading)
            for question in questions:
                out.print(f"  - {escape(question.label)} [dim]({question.name})[/]")
    if back.red_flag_questions:
        out.print("Report one with `backbone checkin ... --red-flag NAME --replace`.")


def render_recovery(recovery: Recovery, out: Console) -> None:
    back = recovery.back
    if recovery.stop:
        verdict = "[red]stop: see a clinician before training[/]"
    elif back.call is DayCall.NO_LOADED_BACK_WORK:
        verdict = "[red]no loaded back work today: walk and do gentle mobility[/]"
    elif back.call is DayCall.REGRESS:
        verdict = "[yellow]regress: lower spinal-load lifts, lighter loads, pain-free range[/]"
    elif recovery.deload:
        verdict = "[yellow]deload: cut sets and effort this session[/]"
    elif recovery.hold:
        verdict = "[yellow]hold: repeat last loads, no increases[/]"
    else:
        verdict = "[green]ready for back work[/]"
    out.print(f"Check-in saved. Verdict: {verdict}")
    for reason in recovery.reasons:
        out.print(f"  [dim]{escape(f'[{reason.rule_id}]')}[/] {escape(reason.text)}")
    if not recovery.stop and back.call is not DayCall.TRAIN:
        render_back_day(back, out)
        out.print("`backbone today` shows today's session with this applied.")


def render_history(entries: list[LogEntry], units: Units, out: Console) -> None:
    if not entries:
        out.print("The training log is empty. Log a set with `backbone log EXERCISE 60x8@2`.")
        return
    table = Table()
    for column in ("date", "exercise", "sets"):
        table.add_column(column)
    for entry in entries:
        # stored text may come from an import or a hand edit: no escapes, no rich markup
        table.add_row(
            entry.performed_on.isoformat(),
            escape(clean(entry.exercise)),
            escape(doses.logged_sets(entry.sets, units)),
        )
    out.print(table)


def render_athlete(athlete: Athlete, out: Console) -> None:
    units = athlete.units
    plates = ", ".join(number(float(load(p, units).split()[0])) for p in athlete.plates_kg)
    out.print(f"name: {escape(clean(athlete.name))}")
    out.print(f"units: {units.value}")
    bodyweight = "not set" if athlete.bodyweight_kg is None else load(athlete.bodyweight_kg, units)
    out.print(f"bodyweight: {bodyweight}")
    out.print(f"plates: {plates} {units.value}")
    out.print(f"bar: {load(athlete.bar_kg, units)}")
    out.print(f"dumbbell step: {load(athlete.dumbbell_step_kg, units)}")

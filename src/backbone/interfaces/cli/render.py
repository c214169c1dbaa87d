"""Rich rendering for people; the only CLI module that imports rich."""

from __future__ import annotations

import os
import sys
from typing import TextIO

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from backbone.domain.evidence import EvidenceRegistry
from backbone.domain.exercise import Exercise
from backbone.domain.planner.candidates import muscle_band
from backbone.domain.program import Plan, PlanItem, Session
from backbone.domain.volume import PLAN_TARGETS

NARROW_WIDTH = 100
"""Below this many columns a session is a list, not a six-column table"""
PIPE_WIDTH = 110
"""Columns used when output goes to a file or pipe, where there is no terminal width to read
(unless COLUMNS says how wide, which rich reads)."""


def console(file: TextIO | None = None) -> Console:
    target = file or sys.stdout
    width = None if target.isatty() or os.environ.get("COLUMNS", "").isdigit() else PIPE_WIDTH
    # emoji off: a note typed as ":fire:" is shown as typed, and rich's emoji table (a few ms
    # of every cold command) is never imported
    return Console(file=target, width=width, highlight=False, soft_wrap=False, emoji=False)


def render_plan(plan: Plan, evidence: EvidenceRegistry, file: TextIO | None = None) -> None:
    out = console(file)
    p = plan.profile
    kit = ", ".join(sorted(e.value for e in p.available_equipment))
    out.print(
        f"[bold]Back plan[/] · {p.days_per_week} day(s) × {p.minutes_per_session} min · "
        f"{p.level.value} · {p.goal.value} · back pain: {p.back_pain.value}\n"
        f"Equipment: {kit} · {p.weeks} week(s) from {p.start_on.isoformat()}"
    )
    bands = {m: muscle_band(m, p, evidence) for m in PLAN_TARGETS}
    for week in plan.weeks:
        label = "deload" if week.deload else "loading"
        # the band beside each total: the figure shown is the one the band judges (prime-mover
        # and synergist sets), so "lats 20 (10-20)" never reads as over the top
        sets = " · ".join(
            f"{m.value} {dict(week.weekly_sets)[m]:g} ({low}-{high})"
            for m, (low, high) in bands.items()
        )
        out.print(
            f"\n[bold underline]Week {week.number}[/] ({label}, from {week.starts_on})\n"
            f"weekly hard sets (band): {sets}",
            soft_wrap=out.width >= NARROW_WIDTH,  # one line to grep when wide or piped
        )
        for session in week.sessions:
            if out.width < NARROW_WIDTH:
                out.print()
                out.print(_session_list(session))
            else:
                out.print(_session_table(session))
    cited = ", ".join(r for r in plan.rule_ids if r in evidence)
    out.print(f"\n[dim]Rules cited: {cited}[/]")
    out.print("[dim]`backbone plan ... --json` shows each item's reasons and the sources.[/]")
    err = console(sys.stderr)
    for warning in plan.warnings:
        err.print(f"[yellow]warning[/] {escape(f'[{warning.rule_id}]')} {escape(warning.message)}")


def _session_title(session: Session) -> str:
    focus = "back" if session.focus.value == "back" else "core + mobility"
    return f"{session.day.value.title()} {session.on.isoformat()} · {focus} · ~{session.est_minutes:g} min"


def _session_list(session: Session) -> Table:
    """A terminal under NARROW_WIDTH columns: each item on a line of its own with its reason
    under it, instead of six columns of a dozen characters each."""
    table = Table(title=_session_title(session), title_justify="left", box=None, show_header=False)
    table.add_column("block", style="dim", no_wrap=True)
    table.add_column("item", ratio=1, overflow="fold")
    for block in session.blocks:
        for index, item in enumerate(block.items):
            rir = "" if item.rir is None else f" @ RIR {item.rir}"
            rest = f" · rest {item.rest_s} s" if item.rest_s else ""
            why = _why(item)
            table.add_row(
                block.kind.value if index == 0 else "",
                f"[bold]{escape(item.name)}[/] {_dose(item)}{rir}{rest}"
                + (f"\n[dim]{why}[/]" if why else ""),
            )
    return table


def _session_table(session: Session) -> Table:
    table = Table(
        title=_session_title(session),
        title_justify="left",
        show_lines=False,
        expand=False,
    )
    table.add_column("block", style="dim")
    table.add_column("exercise")
    table.add_column("dose", justify="right")
    table.add_column("RIR", justify="right")
    table.add_column("rest", justify="right")
    # escaped: "[rule]" alone is rich markup and vanished from the header; folded, not cut with
    # an ellipsis, so a rule id stays whole in a narrow terminal
    table.add_column("why \\[rule]", style="dim", ratio=1, overflow="fold")
    for block in session.blocks:
        for index, item in enumerate(block.items):
            table.add_row(
                block.kind.value if index == 0 else "",
                item.name,
                _dose(item),
                "" if item.rir is None else str(item.rir),
                f"{item.rest_s}s" if item.rest_s else "",
                _why(item),
            )
    return table


def _why(item: PlanItem) -> str:
    """The first reason in words (without the item's name, which the row already shows) and its
    rule; `--json` has every reason."""
    if not item.why:
        return ""
    first = item.why[0]
    return escape(f"{first.text.removeprefix(f'{item.name}: ')} [{first.rule_id}]")


def _dose(item: PlanItem) -> str:
    side = "/side" if item.per_side else ""
    if item.seconds is not None:
        low, high = item.seconds
        amount = f"{low}s" if low == high else f"{low}-{high}s"
    elif item.reps is not None:
        low, high = item.reps
        amount = str(low) if low == high else f"{low}-{high}"
    else:
        amount = "?"
    return f"{item.sets} × {amount}{side}"


def render_exercise_list(found: tuple[Exercise, ...], file: TextIO | None = None) -> None:
    out = console(file)
    if not found:
        out.print("No exercises match these filters.")
        return
    table = Table(title=f"{len(found)} exercise(s)", title_justify="left")
    table.add_column("slug", no_wrap=True)
    for column in ("name", "kind", "pattern", "equipment", "spinal load", "level"):
        table.add_column(column)
    for e in found:
        table.add_row(
            e.slug,
            e.name,
            e.kind.value,
            e.pattern.value,
            ", ".join(sorted(x.value for x in e.equipment)),
            e.spinal_load.value,
            e.level.value,
        )
    out.print(table)


def render_cue_card(exercise: Exercise, file: TextIO | None = None) -> None:
    out = console(file)
    cues = exercise.cues
    muscles = ", ".join(f"{m.value} {c:g}" for m, c in exercise.muscles)
    lines = [
        f"[bold]{exercise.name}[/] ({exercise.slug}) · {exercise.kind.value} · "
        f"{exercise.pattern.value} · spinal load {exercise.spinal_load.value} · "
        f"from {exercise.level.value}",
        f"Equipment: {', '.join(sorted(e.value for e in exercise.equipment))}",
        f"Muscles (credit): {muscles}",
        "",
        "[bold]Setup[/]",
        *(f"  • {line}" for line in cues.setup),
        "[bold]Execution[/]",
        *(f"  • {line}" for line in cues.execution),
        "[bold]Range of motion[/]",
        f"  start: {cues.range_of_motion.start}",
        f"  end:   {cues.range_of_motion.end}",
        "[bold]Common faults[/]",
        *(f"  • {line}" for line in cues.common_faults),
    ]
    if exercise.regressions:
        lines.append(f"Easier: {', '.join(exercise.regressions)}")
    if exercise.progressions:
        lines.append(f"Harder: {', '.join(exercise.progressions)}")
    lines.append(f"[dim]Rules: {', '.join(exercise.rule_ids)}[/]")
    out.print(Panel("\n".join(lines), expand=False))

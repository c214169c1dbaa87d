"""The report's structure: sections with a title, a one-line reading, a chart and tables.

Built from an `Analytics` value and the running plan; rendered by `markdown`, `html` and `pdf`.
With no history yet the report says what to do first instead of drawing empty charts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from backbone.domain.analytics.model import (
    Adherence,
    Analytics,
    BandStatus,
    MuscleVolume,
    PainLoadWeek,
    SpinalLoadWeek,
    StrengthTrend,
)
from backbone.domain.athlete import Athlete, Units
from backbone.domain.program import Plan, PlanItem, Week
from backbone.domain.strength import PersonalRecord
from backbone.domain.vocabulary import BlockKind, Muscle
from backbone.presentation.loads import in_units
from backbone.reports import charts

PLANNED_BLOCKS = (BlockKind.MAIN, BlockKind.ACCESSORY, BlockKind.CORE)
FIRST_STEPS_NO_PROGRAM = (
    "Start a program: choose your training days, minutes per session, equipment, level and "
    "goal, and Backbone plans the block.",
    "After each session, log what you lifted as load x reps @ reps in reserve "
    "(e.g. 60x10@2 60x9@1).",
    "Check in on sleep, back pain and soreness on training days.",
    "Come back for this report after two or three weeks of logging.",
)
FIRST_STEPS_WITH_PROGRAM = (
    "Today's session shows the loads for the day and the reason for each.",
    *FIRST_STEPS_NO_PROGRAM[1:],
)


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    """stable id: volume, strength, pain_load, adherence, spinal_load, balance, endurance,
    records, plan"""
    title: str
    reading: str
    """one plain line: what the chart or table says"""
    chart_svg: str | None
    tables: tuple[Table, ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    title: str
    athlete: str
    generated_on: date
    window_start: date
    window_end: date
    weeks: int
    has_history: bool
    summary: tuple[str, ...]
    """headline lines: readiness, adherence, volume"""
    first_steps: tuple[str, ...]
    """what to do first, when there is no history to report"""
    sections: tuple[Section, ...]

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)


def build_report(analytics: Analytics, plan: Plan | None, athlete: Athlete) -> Report:
    today = analytics.today
    start = today - timedelta(days=today.weekday()) - timedelta(weeks=analytics.weeks - 1)
    plan_section = _plan_section(plan, today)

    def report(
        summary: tuple[str, ...], first_steps: tuple[str, ...], sections: tuple[Section, ...]
    ) -> Report:
        return Report(
            "Back training report",
            athlete.name,
            today,
            start,
            today,
            analytics.weeks,
            analytics.has_history,
            summary,
            first_steps,
            sections,
        )

    if not analytics.has_history:
        steps = FIRST_STEPS_WITH_PROGRAM if plan is not None else FIRST_STEPS_NO_PROGRAM
        return report(
            (
                f"Nothing logged between {start.isoformat()} and {today.isoformat()} yet, "
                "so there is no training to report.",
            ),
            steps,
            (plan_section,) if plan_section is not None else (),
        )
    sections = [
        _volume_section(analytics.volume),
        _strength_section(analytics.strength, athlete.units),
        _pain_section(analytics.pain_vs_load),
        _adherence_section(analytics.adherence),
        _spinal_section(analytics.spinal_load, analytics.spinal_load_trend),
        _balance_section(analytics),
        _endurance_section(analytics),
        _records_section(analytics.records, athlete.units),
    ]
    if plan_section is not None:
        sections.append(plan_section)
    return report(_summary(analytics), (), tuple(sections))


def _summary(analytics: Analytics) -> tuple[str, ...]:
    lines = [f"Readiness today: {analytics.readiness.verdict.rstrip('.')}."]
    if analytics.adherence is not None:
        lines.append(_adherence_line(analytics.adherence))
    inside = sum(v.status is BandStatus.INSIDE for v in analytics.volume)
    if analytics.volume:
        lines.append(
            f"{inside} of {len(analytics.volume)} muscles inside their weekly-sets band "
            "(4-week mean)."
        )
    return tuple(lines)


# --- sections -------------------------------------------------------------------------------


def _volume_section(volume: Sequence[MuscleVolume]) -> Section:
    title = "Weekly hard sets per muscle against the evidence band"
    if not volume:
        return Section("volume", title, "No hard sets counted for any muscle yet.", None)
    below = [_label(v.muscle) for v in volume if v.status is BandStatus.BELOW]
    above = [_label(v.muscle) for v in volume if v.status is BandStatus.ABOVE]
    inside = len(volume) - len(below) - len(above)
    parts = [f"{inside} of {len(volume)} muscles are inside their band"]
    if below:
        parts.append(f"below: {', '.join(below)}")
    if above:
        parts.append(f"above: {', '.join(above)}")
    rows = tuple(
        (
            _label(v.muscle),
            _num(total_sets(v)),
            _num(total_sets(v) / len(v.weekly_sets) if v.weekly_sets else 0.0),
            _num(v.rolling_mean_4w),
            f"{v.band[0]}–{v.band[1]}",
            v.status.value,
            v.rule_id,
        )
        for v in volume
    )
    table = Table(
        (
            "Muscle",
            "Sets in window",
            "Mean / week",
            "Last 4 weeks / week",
            "Band",
            "Status",
            "Rule",
        ),
        rows,
        "Fractional hard sets: a set counts by how much the exercise works the muscle (0–1).",
    )
    return Section(
        "volume", title, "; ".join(parts) + ".", charts.weekly_sets_vs_band(volume), (table,)
    )


def total_sets(volume: MuscleVolume) -> float:
    return sum(sets for _, sets in volume.weekly_sets)


def _in_units(trend: StrengthTrend, units: Units) -> StrengthTrend:
    """The trend with its loads and slopes in the athlete's units."""

    def shown(value: float | None) -> float | None:
        return None if value is None else in_units(value, units) if units is Units.LB else value

    return replace(
        trend,
        points=tuple((on, in_units(value, units)) for on, value in trend.points),
        slope_kg_per_week=shown(trend.slope_kg_per_week),
        slope_stderr_kg_per_week=shown(trend.slope_stderr_kg_per_week),
    )


def _strength_section(trends: Sequence[StrengthTrend], units: Units) -> Section:
    title = "Estimated one-rep max (e1RM) trends"
    unit = units.value
    # loads and slopes shown in the athlete's units from here on (fields keep their kg names)
    plotted = [_in_units(t, units) for t in trends if t.points]
    if not plotted:
        return Section(
            "strength",
            title,
            "No loaded sets with reps yet: e1RM trends start after two sessions of an exercise.",
            None,
        )
    sloped = [t for t in plotted if t.slope_kg_per_week is not None]
    stalled = [t.exercise for t in plotted if t.stalled]
    parts = []
    best = max(sloped, key=lambda t: t.slope_kg_per_week or 0.0, default=None)
    if best is not None and (best.slope_kg_per_week or 0.0) > 0:
        parts.append(
            f"fastest: {_label(best.exercise)} {_signed(best.slope_kg_per_week)} {unit}/week"
        )
    parts.append(f"stalled: {', '.join(map(_label, stalled))}" if stalled else "none stalled")
    rows = tuple(
        (
            _label(t.exercise),
            str(len(t.points)),
            _num(t.points[0][1]),
            _num(t.points[-1][1]),
            _signed(t.points[-1][1] - t.points[0][1]),
            _slope(t),
            "yes" if t.stalled else "no",
            t.rule_id,
        )
        for t in plotted
    )
    table = Table(
        (
            "Exercise",
            "Sessions",
            f"First {unit}",
            f"Latest {unit}",
            f"Change {unit}",
            f"Slope {unit}/week",
            "Stalled",
            "Rule",
        ),
        rows,
    )
    return Section(
        "strength",
        title,
        f"{len(plotted)} exercises tracked; " + "; ".join(parts) + ".",
        charts.strength_trends(plotted, unit),
        (table,),
    )


def _pain_section(weeks: Sequence[PainLoadWeek]) -> Section:
    title = "Back pain against training load"
    if not weeks:
        return Section("pain_load", title, "No weeks to compare yet.", None)
    rated = [w for w in weeks if w.mean_back_pain is not None]
    total = sum(w.hard_sets for w in weeks)
    if not rated:
        reading = (
            f"{_num(total)} hard sets over {len(weeks)} weeks, but no check-ins rated back pain: "
            "a check-in adds it."
        )
    else:
        mean = sum(w.mean_back_pain or 0.0 for w in rated) / len(rated)
        first, last = rated[0].mean_back_pain or 0.0, rated[-1].mean_back_pain or 0.0
        direction = "rose" if last - first >= 1 else "fell" if first - last >= 1 else "held steady"
        reading = (
            f"Back pain averaged {mean:.1f}/10 over {_count(len(rated), 'rated week')} and {direction} "
            f"({first:.1f} → {last:.1f}) while {_num(total)} hard sets were done."
        )
    rows = tuple(
        (
            w.week_start.isoformat(),
            _num(w.hard_sets),
            "–" if w.mean_back_pain is None else f"{w.mean_back_pain:.1f}",
        )
        for w in weeks
    )
    rows += (("Total", _num(total), ""),)
    table = Table(("Week of", "Hard sets", "Mean back pain (0–10)"), rows)
    return Section("pain_load", title, reading, charts.pain_vs_load(weeks), (table,))


def _adherence_line(adherence: Adherence) -> str:
    return (
        f"Adherence: {adherence.performed_sessions} of {adherence.planned_sessions} planned sessions "
        f"({_percent(adherence.performed_sessions, adherence.planned_sessions)}), "
        f"{adherence.performed_sets} of {adherence.planned_sets} planned sets "
        f"({_percent(adherence.performed_sets, adherence.planned_sets)})."
    )


def _adherence_section(adherence: Adherence | None) -> Section:
    title = "Adherence to the plan"
    if adherence is None:
        return Section(
            "adherence",
            title,
            "No running program: nothing planned to compare against until one is started.",
            None,
        )
    missed = sum(planned and not performed for _, planned, performed in adherence.calendar)
    extra = sum(performed and not planned for _, planned, performed in adherence.calendar)
    table = Table(
        ("", "Planned", "Performed", "Share"),
        (
            (
                "Sessions",
                str(adherence.planned_sessions),
                str(adherence.performed_sessions),
                _percent(adherence.performed_sessions, adherence.planned_sessions),
            ),
            (
                "Sets",
                str(adherence.planned_sets),
                str(adherence.performed_sets),
                _percent(adherence.performed_sets, adherence.planned_sets),
            ),
        ),
        f"Missed planned days: {missed}; extra sessions on unplanned days: {extra}.",
    )
    chart = charts.adherence_calendar(adherence.calendar) if adherence.calendar else None
    return Section("adherence", title, _adherence_line(adherence), chart, (table,))


def _spinal_section(weeks: Sequence[SpinalLoadWeek], trend: str) -> Section:
    title = "Spinal load per week"
    if not weeks:
        return Section("spinal_load", title, "No loaded sets yet.", None)
    high = sum(w.high_sets for w in weeks)
    moderate = sum(w.moderate_sets for w in weeks)
    reading = (
        f"Spinal load is {trend}: {high} high-load and {moderate} moderate-load sets "
        f"over {len(weeks)} weeks."
    )
    rows = tuple((w.week_start.isoformat(), str(w.high_sets), str(w.moderate_sets)) for w in weeks)
    rows += (("Total", str(high), str(moderate)),)
    table = Table(("Week of", "High-load sets", "Moderate-load sets"), rows)
    return Section("spinal_load", title, reading, charts.spinal_load_weeks(weeks), (table,))


def _balance_section(analytics: Analytics) -> Section:
    title = "Balance, frequency and recovery spacing"
    tables = []
    if analytics.balance:
        tables.append(
            Table(
                ("Balance", "Sets", "Ratio", "Verdict", "Rule"),
                tuple(
                    (
                        f"{b.left_label} vs {b.right_label}",
                        f"{_num(b.left_sets)} / {_num(b.right_sets)}",
                        "–" if b.ratio is None else f"{b.ratio:.2f}",
                        b.verdict,
                        b.rule_id,
                    )
                    for b in analytics.balance
                ),
            )
        )
    if analytics.frequency:
        tables.append(
            Table(
                ("Muscle", "Sessions / week", "Rule"),
                tuple(
                    (_label(f.muscle), f"{f.sessions_per_week:.1f}", f.rule_id)
                    for f in analytics.frequency
                ),
            )
        )
    if analytics.spacing_violations:
        tables.append(
            Table(
                ("First session", "Second session", "Hours apart", "Rule"),
                tuple(
                    (v.first_on.isoformat(), v.second_on.isoformat(), str(v.hours_apart), v.rule_id)
                    for v in analytics.spacing_violations
                ),
                "Back sessions closer than 48 hours.",
            )
        )
    spacing = (
        f"{_count(len(analytics.spacing_violations), 'pair')} of back sessions closer than 48 h"
        if analytics.spacing_violations
        else "every pair of back sessions at least 48 h apart"
    )
    verdicts = [b.verdict.rstrip(".") for b in analytics.balance[:2]]
    reading = "; ".join([*verdicts, spacing]) + "."
    return Section("balance", title, reading[0].upper() + reading[1:], None, tuple(tables))


def _endurance_section(analytics: Analytics) -> Section:
    title = "Endurance tests against norms"
    if not analytics.endurance:
        return Section(
            "endurance",
            title,
            "No endurance tests recorded yet: a Sørensen hold, side bridges and the flexor "
            "hold give a baseline to compare against published norms.",
            None,
        )
    tables = [
        Table(
            ("Test", "Side", "Result", "On", "Norm", "Verdict", "Rule"),
            tuple(
                (
                    _label(e.test),
                    e.side or "–",
                    _test_value(e.test, e.latest_s),
                    e.on.isoformat(),
                    e.norm,
                    e.verdict,
                    e.rule_id,
                )
                for e in analytics.endurance
            ),
        )
    ]
    if analytics.endurance_ratios:
        tables.append(
            Table(
                ("Ratio", "Value", "Target", "In range", "Rule"),
                tuple(
                    (
                        _label(r.name),
                        f"{r.value:.2f}",
                        r.target,
                        "yes" if r.in_range else "no",
                        r.rule_id,
                    )
                    for r in analytics.endurance_ratios
                ),
            )
        )
    off = [_label(r.name) for r in analytics.endurance_ratios if not r.in_range]
    reading = f"{len(analytics.endurance)} tests on record; " + (
        f"out of range: {', '.join(off)}." if off else "every ratio in range."
    )
    if not analytics.endurance_ratios:
        reading = f"{len(analytics.endurance)} tests on record; {analytics.endurance[0].verdict}"
    return Section("endurance", title, reading, None, tuple(tables))


def _records_section(records: Sequence[PersonalRecord], units: Units) -> Section:
    title = "Personal records"
    if not records:
        return Section("records", title, "No personal records in this window.", None)
    latest = max(records, key=lambda r: r.performed_on)
    reading = (
        f"{len(records)} personal records in the window; the latest: "
        f"{_record_text(latest, units)} "
        f"on {latest.performed_on.isoformat()}."
    )
    rows = tuple(
        (
            r.performed_on.isoformat(),
            _label(r.exercise),
            _label(r.kind),
            _record_text(r, units),
            "first" if r.previous is None else _record_value(r.kind, r.previous, units),
        )
        for r in sorted(records, key=lambda r: (r.performed_on, r.exercise, r.kind))
    )
    table = Table(("On", "Exercise", "Kind", "Record", "Previous best"), rows)
    return Section("records", title, reading, None, (table,))


def _plan_section(plan: Plan | None, today: date) -> Section | None:
    if plan is None:
        return None
    title = "The plan ahead"
    ahead = [w for w in plan.weeks if w.starts_on + timedelta(days=7) > today]
    if not ahead:
        last = plan.weeks[-1].starts_on + timedelta(days=6) if plan.weeks else today
        return Section(
            "plan",
            title,
            f"The running block ended on {last.isoformat()}: time to start the next one.",
            None,
        )
    sessions_per_week = max(len(w.sessions) for w in ahead)
    deloads = [w.number for w in ahead if w.deload]
    reading = (
        f"{len(ahead)} more weeks ({ahead[0].starts_on.isoformat()} to "
        f"{(ahead[-1].starts_on + timedelta(days=6)).isoformat()}), up to {sessions_per_week} "
        "sessions a week"
        + (f"; week {', '.join(map(str, deloads))} is a deload." if deloads else ".")
    )
    rows = tuple(
        (
            f"{week.number}{' (deload)' if week.deload else ''}",
            session.on.isoformat(),
            session.day.value.capitalize(),
            session.focus.value.replace("_", " "),
            "; ".join(_dose(item) for kind in PLANNED_BLOCKS for item in session.items(kind)),
            f"{session.est_minutes:.0f}",
        )
        for week in ahead
        for session in week.sessions
        if session.on >= today
    )
    tables = [Table(("Week", "Date", "Day", "Focus", "Work", "Minutes"), rows)]
    targets = _weekly_targets(ahead)
    if targets is not None:
        tables.append(targets)
    return Section("plan", title, reading, None, tuple(tables))


def _weekly_targets(weeks: Sequence[Week]) -> Table | None:
    muscles = sorted({m for w in weeks for m, _ in w.weekly_sets}, key=list(Muscle).index)
    if not muscles:
        return None
    rows = tuple(
        (_label(m), *(_num(dict(w.weekly_sets).get(m, 0.0)) for w in weeks)) for m in muscles
    )
    return Table(
        ("Muscle", *(f"Week {w.number}" for w in weeks)),
        rows,
        "Planned hard sets per muscle and week.",
    )


# --- wording --------------------------------------------------------------------------------


def _dose(item: PlanItem) -> str:
    if item.reps is not None:
        amount = _range(item.reps)
    elif item.seconds is not None:
        amount = f"{_range(item.seconds)} s"
    else:
        amount = ""
    side = " each side" if item.per_side else ""
    return f"{item.name} {item.sets}×{amount}{side}".strip()


def _range(bounds: tuple[int, int]) -> str:
    low, high = bounds
    return str(low) if low == high else f"{low}–{high}"


def _record_text(record: PersonalRecord, units: Units) -> str:
    text = _record_value(record.kind, record.value, units)
    return f"{text} × {record.reps}" if record.kind == "rep_max" and record.reps else text


def _record_value(kind: str, value: float, units: Units) -> str:
    if kind == "longest_hold":
        return f"{_num(value)} s"
    return f"{_num(in_units(value, units))} {units.value}"


def _test_value(test: str, value: float) -> str:
    return f"{value:.0f} reps" if test == "pullups" else f"{value:.0f} s"


def _label(slug: str) -> str:
    return slug.replace("_", " ")


def _num(value: float) -> str:
    rounded = round(value, 1)
    return f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}"


def _signed(value: float | None) -> str:
    if value is None:
        return "–"
    return f"+{_num(value)}" if value > 0 else _num(value)


def _slope(trend: StrengthTrend) -> str:
    if trend.slope_kg_per_week is None:
        return "–"
    text = f"{trend.slope_kg_per_week:+.2f}"
    if trend.slope_stderr_kg_per_week is not None:
        text += f" ± {trend.slope_stderr_kg_per_week:.2f}"
    return text


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _percent(part: int, whole: int) -> str:
    return "–" if whole == 0 else f"{round(100 * part / whole)}%"

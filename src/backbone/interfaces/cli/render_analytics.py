"""Rich rendering of the analytics dashboard: tables, bars and sparklines."""

from __future__ import annotations

from collections.abc import Sequence

from rich.markup import escape
from rich.table import Table

from backbone.data import packaged_catalogue
from backbone.domain.analytics.model import Analytics, BandStatus
from backbone.domain.loads import logs_load_kg
from backbone.domain.strength import PersonalRecord
from backbone.interfaces.cli.render import console

SPARKS = "▁▂▃▄▅▆▇█"
STATUS_STYLE = {BandStatus.BELOW: "yellow", BandStatus.INSIDE: "green", BandStatus.ABOVE: "red"}


def sparkline(values: Sequence[float]) -> str:
    if not values:
        return ""
    top = max(values)
    if top <= 0:
        return SPARKS[0] * len(values)
    return "".join(SPARKS[min(len(SPARKS) - 1, int(v / top * (len(SPARKS) - 1)))] for v in values)


def render_stats(analytics: Analytics) -> None:
    out = console()
    if not analytics.has_history:
        out.print(
            f"No training logged in the {analytics.weeks} weeks to {analytics.today}. Start with "
            "`backbone program start ...`, then `backbone today` and `backbone log EXERCISE 60x8@2`."
        )
        return
    out.print(f"[bold]Back training, {analytics.weeks} weeks to {analytics.today}[/]")
    readiness = analytics.readiness
    style = "green" if readiness.ready else "yellow"
    out.print(f"Today: [{style}]{readiness.verdict}[/]")
    for reason in readiness.reasons:
        out.print(f"  [dim]{escape(f'[{reason.rule_id}]')}[/] {escape(reason.text)}")

    volume = Table(title="Hard sets per week (fractional credit)", title_justify="left")
    for column in ("muscle", "weekly", "last", "4-wk mean", "band", "status"):
        volume.add_column(column)
    volume.add_column("rule", overflow="fold")  # a rule id is folded, never cut
    for row in analytics.volume:
        weekly = [v for _, v in row.weekly_sets]
        volume.add_row(
            row.muscle.value,
            sparkline(weekly),
            f"{weekly[-1]:g}" if weekly else "",
            f"{row.rolling_mean_4w:.1f}",
            f"{row.band[0]}-{row.band[1]}",
            f"[{STATUS_STYLE[row.status]}]{row.status.value}[/]",
            f"{row.rule_id} ({', '.join(row.sources)})",
        )
    out.print(volume)

    frequency = ", ".join(
        f"{f.muscle.value} {f.sessions_per_week:.1f}×" for f in analytics.frequency
    )
    out.print(f"Sessions per week by muscle: {frequency}")
    if analytics.spacing_violations:
        for v in analytics.spacing_violations:
            out.print(
                f"[yellow]spacing[/] {escape(f'[{v.rule_id}]')} back sessions {v.first_on} and {v.second_on} "
                f"were {v.hours_apart} h apart"
            )
    else:
        out.print("Spacing: every back session was at least 48 h after the one before.")

    balance = Table(title="Balance", title_justify="left")
    for column in ("compare", "sets", "ratio", "reading"):
        balance.add_column(column)
    for b in analytics.balance:
        balance.add_row(
            f"{b.left_label} : {b.right_label}",
            f"{b.left_sets:g} : {b.right_sets:g}",
            "" if b.ratio is None else f"{b.ratio:.2f}",
            b.verdict,
        )
    out.print(balance)

    high = [w.high_sets for w in analytics.spinal_load]
    moderate = [w.moderate_sets for w in analytics.spinal_load]
    out.print(
        f"Spinal load per week: high {sparkline(high)} {high[-1] if high else 0} · moderate "
        f"{sparkline(moderate)} {moderate[-1] if moderate else 0} · {analytics.spinal_load_trend}"
    )
    if analytics.adherence is not None:
        a = analytics.adherence
        out.print(
            f"Adherence: {a.performed_sessions}/{a.planned_sessions} planned sessions, "
            f"{a.performed_sets}/{a.planned_sets} planned sets"
        )

    if analytics.strength:
        strength = Table(title="Strength (e1RM, kg)", title_justify="left")
        for column in ("exercise", "trend", "latest", "kg/week", "stall"):
            strength.add_column(column)
        for trend in analytics.strength:
            points = [v for _, v in trend.points]
            slope = (
                ""
                if trend.slope_kg_per_week is None
                else f"{trend.slope_kg_per_week:+.2f}"
                + (
                    f" ± {trend.slope_stderr_kg_per_week:.2f}"
                    if trend.slope_stderr_kg_per_week is not None
                    else ""
                )
            )
            strength.add_row(
                trend.exercise,
                sparkline(points),
                f"{points[-1]:.1f}" if points else "",
                slope,
                "[yellow]stalled[/]" if trend.stalled else "",
            )
        out.print(strength)
    if analytics.records:
        prs = ", ".join(_record(r) for r in analytics.records[:8])
        out.print(f"PRs: {prs}")
    for score in analytics.endurance:
        side = f" ({score.side})" if score.side else ""
        unit = "" if score.test == "pullups" else " s"
        out.print(
            f"Test {score.test}{side}: {score.latest_s:g}{unit} on {score.on} · {score.verdict}"
        )
    for ratio in analytics.endurance_ratios:
        mark = "ok" if ratio.in_range else "[yellow]out of range[/]"
        out.print(f"Ratio {ratio.name}: {ratio.value:.2f} (target {ratio.target}) {mark}")


def _record(record: PersonalRecord) -> str:
    if record.kind == "longest_hold":
        return f"{record.exercise} hold {record.value:g} s"
    if record.kind == "e1rm":
        return f"{record.exercise} e1RM {record.value:.1f} kg"
    if logs_load_kg(packaged_catalogue().get(record.exercise)):
        return f"{record.exercise} {record.value:g} kg × {record.reps}"
    # bodyweight rep maxes are stored as the added load (0 = bodyweight alone)
    added = "" if record.value == 0 else f" {record.value:+g} kg"
    return f"{record.exercise} bodyweight{added} × {record.reps}"

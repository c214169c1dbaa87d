"""The report's charts as SVG text: the only module that imports matplotlib.

Output is deterministic: the Agg backend, a fixed hash salt per chart (which also keeps the ids
of several inline charts in one page apart), no date in the metadata, and text kept as text.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from backbone.domain.analytics.model import (
    BandStatus,
    MuscleVolume,
    PainLoadWeek,
    SpinalLoadWeek,
    StrengthTrend,
)

INK = "#1f2933"
MUTED = "#7b8794"
GRID = "#e4e7eb"
BAND = "#c6f6d5"
STATUS_COLOURS = {
    BandStatus.BELOW: "#f0b429",
    BandStatus.INSIDE: "#2f855a",
    BandStatus.ABOVE: "#c53030",
}
LINE_COLOURS = ("#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b83280", "#2c7a7b", "#744210")
WIDTH_IN = 7.0
DAY_LABELS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

_STYLE: dict[Any, Any] = {
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": INK,
    "ytick.color": INK,
    "axes.grid": True,
    "grid.color": GRID,
    "grid.linewidth": 0.8,
    "legend.frameon": False,
}


@contextmanager
def _figure(name: str, height_in: float) -> Iterator[Figure]:
    """A figure drawn and saved inside the house style, with this chart's own hash salt."""
    with plt.rc_context({**_STYLE, "svg.hashsalt": f"backbone-{name}"}):
        figure = plt.figure(figsize=(WIDTH_IN, height_in))
        try:
            yield figure
        finally:
            plt.close(figure)


def _svg(figure: Figure, name: str) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = buffer.getvalue()
    # Inline in HTML: drop the XML prolog and doctype, keep the <svg> element.
    start = text.find("<svg")
    svg = text[start:].strip()
    return svg.replace("<svg ", f'<svg class="chart" data-chart="{name}" ', 1)


def _short(day: date) -> str:
    return f"{day.day} {day.strftime('%b')}"


def weekly_sets_vs_band(volume: Sequence[MuscleVolume]) -> str:
    """Per muscle: the 4-week mean of weekly hard sets as a bar, the evidence band shaded behind
    it, and the latest week as a dot."""
    rows = list(reversed(volume))  # first muscle on top
    with _figure("volume", 0.9 + 0.32 * max(len(rows), 1)) as figure:
        axes = figure.add_subplot()
        for y, row in enumerate(rows):
            low, high = row.band
            axes.barh(y, high - low, left=low, height=0.8, color=BAND, zorder=1)
            axes.barh(
                y, row.rolling_mean_4w, height=0.45, color=STATUS_COLOURS[row.status], zorder=2
            )
            if row.weekly_sets:
                axes.plot(row.weekly_sets[-1][1], y, "o", color=INK, markersize=3.5, zorder=3)
        axes.set_yticks(range(len(rows)), [r.muscle.value.replace("_", " ") for r in rows])
        axes.set_xlabel("hard sets per week")
        axes.grid(axis="y", visible=False)
        axes.set_ylim(-0.6, len(rows) - 0.4)
        axes.legend(
            handles=[
                Patch(color=BAND, label="evidence band"),
                Patch(color=STATUS_COLOURS[BandStatus.INSIDE], label="4-week mean, inside"),
                Patch(color=STATUS_COLOURS[BandStatus.BELOW], label="below"),
                Patch(color=STATUS_COLOURS[BandStatus.ABOVE], label="above"),
                Line2D([], [], marker="o", color=INK, linestyle="", label="latest week"),
            ],
            loc="upper center",
            bbox_to_anchor=(0.5, -0.12 if len(rows) > 6 else -0.25),
            ncol=5,
            fontsize=8,
        )
        return _svg(figure, "volume")


def strength_trends(trends: Sequence[StrengthTrend], unit: str = "kg") -> str:
    """Best e1RM per exposure over time, one line per exercise (points already in `unit`)."""
    with _figure("strength", 3.0) as figure:
        axes = figure.add_subplot()
        for index, trend in enumerate(trends):
            days = [d.toordinal() for d, _ in trend.points]
            values = [v for _, v in trend.points]
            colour = LINE_COLOURS[index % len(LINE_COLOURS)]
            label = trend.exercise.replace("_", " ") + (" (stalled)" if trend.stalled else "")
            axes.plot(
                days,
                values,
                marker="o",
                markersize=3,
                linewidth=1.5,
                color=colour,
                label=label,
                linestyle="--" if trend.stalled else "-",
            )
        axes.set_ylabel(f"e1RM ({unit})")
        _date_axis(axes, sorted({d for t in trends for d, _ in t.points}))
        axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
        return _svg(figure, "strength")


def pain_vs_load(weeks: Sequence[PainLoadWeek]) -> str:
    """Weekly hard sets as bars (left axis) and mean back pain 0-10 as a line (right axis)."""
    with _figure("pain_load", 2.8) as figure:
        axes = figure.add_subplot()
        x = list(range(len(weeks)))
        axes.bar(x, [w.hard_sets for w in weeks], color="#a3bffa", width=0.6, label="hard sets")
        axes.set_ylabel("hard sets per week")
        axes.set_xticks(x, [_short(w.week_start) for w in weeks])
        axes.grid(axis="x", visible=False)
        pain = figure.gca().twinx()
        pain.spines["right"].set_visible(True)
        points = [(i, w.mean_back_pain) for i, w in zip(x, weeks, strict=True)]
        known = [(i, p) for i, p in points if p is not None]
        pain.plot(
            [i for i, _ in known],
            [p for _, p in known],
            color="#c53030",
            marker="o",
            markersize=4,
            linewidth=1.8,
            label="back pain (0-10)",
        )
        pain.set_ylim(0, 10)
        pain.set_ylabel("mean back pain (0-10)", color="#c53030")
        pain.grid(visible=False)
        handles = axes.get_legend_handles_labels()[0] + pain.get_legend_handles_labels()[0]
        axes.legend(handles=handles, loc="upper left", fontsize=8)
        return _svg(figure, "pain_load")


def adherence_calendar(calendar: Sequence[tuple[date, bool, bool]]) -> str:
    """A calendar grid, one row per week and one column per weekday: done as planned, missed,
    extra (unplanned) and rest days."""
    first = calendar[0][0] - timedelta(days=calendar[0][0].weekday()) if calendar else date.min
    weeks = ((calendar[-1][0] - first).days // 7 + 1) if calendar else 1
    # 0 outside the window, 1 rest, 2 extra session, 3 missed, 4 done as planned
    grid = [[0] * 7 for _ in range(weeks)]
    for day, planned, performed in calendar:
        grid[(day - first).days // 7][day.weekday()] = 1 + 2 * planned + performed
    colours = ListedColormap(["#ffffff", "#edf2f7", "#90cdf4", "#fc8181", "#38a169"])
    with _figure("adherence", 0.8 + 0.3 * weeks) as figure:
        axes = figure.add_subplot()
        axes.pcolormesh(grid, cmap=colours, vmin=0, vmax=4, edgecolors="white", linewidth=2)
        axes.set_xticks([i + 0.5 for i in range(7)], DAY_LABELS)
        axes.xaxis.tick_top()
        axes.set_yticks(
            [i + 0.5 for i in range(weeks)],
            [f"week of {_short(first + timedelta(weeks=i))}" for i in range(weeks)],
        )
        axes.invert_yaxis()
        axes.tick_params(length=0)
        axes.grid(visible=False)
        for side in ("left", "bottom"):
            axes.spines[side].set_visible(False)
        axes.set_aspect("equal")
        axes.legend(
            handles=[
                Patch(color="#38a169", label="done as planned"),
                Patch(color="#fc8181", label="planned, missed"),
                Patch(color="#90cdf4", label="extra session"),
                Patch(color="#edf2f7", label="rest day"),
            ],
            loc="upper left",
            bbox_to_anchor=(1.04, 1.0),
            fontsize=8,
        )
        return _svg(figure, "adherence")


def spinal_load_weeks(weeks: Sequence[SpinalLoadWeek]) -> str:
    """Stacked weekly bars: sets of high and moderate spinal load."""
    with _figure("spinal_load", 2.4) as figure:
        axes = figure.add_subplot()
        x = list(range(len(weeks)))
        high = [w.high_sets for w in weeks]
        moderate = [w.moderate_sets for w in weeks]
        axes.bar(x, moderate, width=0.6, color="#f6ad55", label="moderate spinal load")
        axes.bar(x, high, width=0.6, bottom=moderate, color="#c53030", label="high spinal load")
        axes.set_xticks(x, [_short(w.week_start) for w in weeks])
        axes.set_ylabel("sets per week")
        axes.grid(axis="x", visible=False)
        axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
        return _svg(figure, "spinal_load")


def _date_axis(axes: Any, days: Sequence[date]) -> None:
    """Date ticks (x values are ordinals): at most seven, first and last included."""
    if not days:
        return
    step = max(1, -(-(len(days) - 1) // 6))
    ticks = list(days[::step])
    if ticks[-1] != days[-1]:
        # keep the last day; drop a tick too close to it for both labels to fit
        if len(ticks) > 1 and (days[-1] - ticks[-1]).days * 6 < (days[-1] - days[0]).days:
            ticks.pop()
        ticks.append(days[-1])
    axes.set_xticks([d.toordinal() for d in ticks], [_short(d) for d in ticks])

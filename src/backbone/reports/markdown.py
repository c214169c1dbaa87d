"""The report as Markdown: readings and tables. Charts live in the HTML and PDF reports (a
Markdown viewer cannot be trusted to show inline SVG), so each chart is named, not drawn."""

from __future__ import annotations

from backbone.reports.document import Report, Section, Table


def render_markdown(report: Report) -> str:
    lines = [
        f"# {report.title}: {report.athlete}",
        "",
        f"{report.weeks} weeks, {report.window_start.isoformat()} to "
        f"{report.window_end.isoformat()}.",
        "",
    ]
    lines += [f"- {line}" for line in report.summary]
    if report.first_steps:
        lines += ["", "## What to do first", ""]
        lines += [f"{n}. {step}" for n, step in enumerate(report.first_steps, 1)]
    for section in report.sections:
        lines += ["", *_section(section)]
    return "\n".join(lines) + "\n"


def _section(section: Section) -> list[str]:
    lines = [f"## {section.title}", "", f"**Reading:** {section.reading}"]
    if section.chart_svg is not None:
        lines += ["", "_(Chart in the HTML and PDF versions of this report.)_"]
    for table in section.tables:
        lines += ["", *_table(table)]
    return lines


def _table(table: Table) -> list[str]:
    lines = [_row(table.columns), _row(tuple("---" for _ in table.columns))]
    lines += [_row(row) for row in table.rows]
    if table.caption:
        lines += ["", f"_{table.caption}_"]
    return lines


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

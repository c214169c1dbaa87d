"""The report as one self-contained HTML page: inline CSS, inline SVG charts, nothing fetched."""

from __future__ import annotations

import re
from html import escape

from backbone.reports.document import Report, Section, Table

CSS = """
@page { size: A4; margin: 14mm 12mm 16mm 12mm;
  @bottom-right { content: "page " counter(page) " of " counter(pages); font-size: 8pt;
    color: #7b8794; } }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #1f2933;
  font-size: 10pt; line-height: 1.4; max-width: 52rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 18pt; margin: 0 0 0.2rem; }
h2 { font-size: 13pt; margin: 0 0 0.3rem; color: #243b53; }
.window { color: #52606d; margin: 0 0 0.8rem; }
.summary { background: #f0f4f8; border-radius: 6px; padding: 0.6rem 0.9rem; margin: 0 0 1rem; }
.summary p { margin: 0.15rem 0; }
section { margin: 0 0 1.2rem; }
h2, .reading { break-after: avoid; }
.reading { margin: 0 0 0.5rem; font-weight: 600; }
figure { margin: 0 0 0.5rem; break-inside: avoid; }
svg.chart { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; margin: 0 0 0.4rem; font-size: 8.5pt; }
th, td { text-align: left; padding: 0.2rem 0.4rem; border-bottom: 1px solid #e4e7eb;
  vertical-align: top; }
th { background: #f5f7fa; font-weight: 600; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
caption { caption-side: bottom; text-align: left; color: #52606d; font-size: 8pt;
  padding-top: 0.2rem; }
ol.first-steps li { margin: 0.3rem 0; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; background: #f0f4f8;
  padding: 0 0.2rem; border-radius: 3px; }
footer { color: #7b8794; font-size: 8pt; margin-top: 1.5rem; }
"""
NUMBER = re.compile(r"^([+\-]?\d[\d.,]*(–\d+)?( ± [\d.]+)?%?|–|)$")
BREAK_AFTER = re.compile(r"(?<=[._])(?=[a-z])")
CODE = re.compile(r"`([^`]+)`")


def render_html(report: Report) -> str:
    title = f"{report.title}: {report.athlete}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="window">{report.weeks} weeks, {report.window_start.isoformat()} to '
        f"{report.window_end.isoformat()}</p>",
        '<div class="summary">',
        *(f"<p>{_text(line)}</p>" for line in report.summary),
        "</div>",
        "</header>",
    ]
    if report.first_steps:
        parts += [
            '<section id="first-steps">',
            "<h2>What to do first</h2>",
            '<ol class="first-steps">',
            *(f"<li>{_text(step)}</li>" for step in report.first_steps),
            "</ol>",
            "</section>",
        ]
    parts += [_section(section) for section in report.sections]
    parts += [
        f"<footer>Made by Backbone on {report.generated_on.isoformat()}. Each judgement names the "
        "rule of Backbone's evidence registry it was made by.</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _section(section: Section) -> str:
    parts = [
        f'<section id="{escape(section.key)}">',
        f"<h2>{escape(section.title)}</h2>",
        f'<p class="reading">{_text(section.reading)}</p>',
    ]
    if section.chart_svg is not None:
        parts.append(f"<figure>{section.chart_svg}</figure>")
    parts += [_table(table) for table in section.tables]
    parts.append("</section>")
    return "\n".join(parts)


def _table(table: Table) -> str:
    """Columns whose every cell is a number (or a dash) are right-aligned, heading included."""
    numeric = [
        any(row[i] for row in table.rows) and all(NUMBER.match(row[i]) for row in table.rows)
        for i in range(len(table.columns))
    ]
    head = "".join(_cell(c, num, "th") for c, num in zip(table.columns, numeric, strict=True))
    rows = "\n".join(
        "<tr>" + "".join(_cell(c, num) for c, num in zip(row, numeric, strict=True)) + "</tr>"
        for row in table.rows
    )
    caption = f"<caption>{_text(table.caption)}</caption>" if table.caption else ""
    return f"<table>{caption}<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody></table>"


def _cell(cell: str, numeric: bool, tag: str = "td") -> str:
    css = ' class="num"' if numeric else ""
    # rule ids (volume.weekly_sets_band) may wrap after a dot or underscore, nowhere else
    text = escape(cell) if numeric else BREAK_AFTER.sub("<wbr>", escape(cell))
    return f"<{tag}{css}>{text}</{tag}>"


def _text(text: str) -> str:
    """Escape, then show `commands` as code."""
    return CODE.sub(r"<code>\1</code>", escape(text))

"""`backbone report`: the shareable report for a coach or physio, as Markdown, HTML or PDF."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import click

from backbone.domain.errors import InputError
from backbone.interfaces.cli.errors import handle_errors
from backbone.interfaces.cli.params import DATE

SINCE = re.compile(r"^\s*(\d{1,3})\s*w\s*$", re.IGNORECASE)


def parse_since(text: str) -> int:
    """'8w' -> 8 weeks. Only weeks: the report's window is whole training weeks."""
    found = SINCE.match(text)
    if found is None:
        raise InputError(
            f"Cannot read --since '{text}'. Give a number of weeks, e.g. 8w or 12w.",
            {"field": "since", "value": text},
        )
    return int(found.group(1))


def default_pdf_name(on: date) -> str:
    return f"backbone-report-{on.isoformat()}.pdf"


@click.command()
@click.option(
    "--since", default="8w", show_default=True, help="How far back, in weeks: 4w, 8w, 12w..."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "pdf", "md"]),
    default="md",
    show_default=True,
    help="md and html print to stdout unless --out is given.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Write to this file (never over an existing file or the database). PDF without --out "
    "goes to backbone-report-YYYY-MM-DD.pdf here.",
)
@click.option(
    "--force", is_flag=True, help="Replace the --out file if it exists (never the database)."
)
@click.option(
    "--date", "on", type=DATE, default=None, help="Report as of this day [default: today]."
)
@handle_errors()
def report(since: str, fmt: str, out: Path | None, force: bool, on: date | None) -> None:
    """A self-contained report to send to a coach or physio: weekly sets per muscle against the
    evidence bands, e1RM trends, back pain against load, adherence, endurance tests, PRs and the
    plan ahead, each chart with a one-line reading."""
    from backbone.interfaces.cli.app import application, local_athlete_id
    from backbone.services.reporting import render_report

    weeks = parse_since(since)
    app = application()
    today = on if on else app.today_on()
    body = render_report(app.build_report(local_athlete_id(), weeks, today), fmt)
    if out is None and isinstance(body, bytes):
        out = Path(default_pdf_name(today))
    if out is None:
        click.echo(body, nl=False)
        return
    from backbone.interfaces.cli.out_file import write_out_file
    from backbone.settings import sqlite_path

    database = sqlite_path(app.database.location)
    content = body if isinstance(body, bytes) else body.encode("utf-8")
    write_out_file(out, content, force=force, protected=() if database is None else (database,))
    click.echo(f"Report written to {out}.", err=True)


COMMANDS = (report,)

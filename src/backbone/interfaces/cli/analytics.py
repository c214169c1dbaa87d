"""`backbone stats`: the terminal dashboard of the analytics."""

from __future__ import annotations

import json
from datetime import date

import click

from backbone.interfaces.cli.errors import JsonErrorsCommand, handle_errors
from backbone.interfaces.cli.params import DATE, WHOLE


@click.command(cls=JsonErrorsCommand)
@click.option(
    "--weeks", type=WHOLE, default=8, show_default=True, help="Weeks to look back (1-104)."
)
@click.option(
    "--date", "on", type=DATE, default=None, help="Judge as of this day [default: today]."
)
@click.option("--json", "as_json", is_flag=True, help="Print every figure as JSON.")
@handle_errors()
def stats(weeks: int, on: date | None, as_json: bool) -> None:
    """Volume per muscle vs the evidence band, balance, spinal load, adherence, strength trends,
    readiness and endurance tests."""
    from backbone.interfaces.cli.app import application, day, local_athlete_id
    from backbone.services.analytics import analytics_document

    result = application().stats(local_athlete_id(), weeks, day(on))
    if as_json:
        click.echo(json.dumps(analytics_document(result), indent=2, ensure_ascii=False))
        return
    from backbone.interfaces.cli.render_analytics import render_stats

    render_stats(result)


COMMANDS = (stats,)

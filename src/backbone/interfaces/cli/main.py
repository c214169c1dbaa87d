"""`backbone`: the command group. Each command parses, calls one service and renders."""

from __future__ import annotations

import json
from typing import Any

import click

from backbone import __version__
from backbone.interfaces.cli.analytics import COMMANDS as ANALYTICS_COMMANDS
from backbone.interfaces.cli.endurance import COMMANDS as ENDURANCE_COMMANDS
from backbone.interfaces.cli.errors import JsonErrorsCommand, handle_errors
from backbone.interfaces.cli.options import plan_options, plan_request, split_commas
from backbone.interfaces.cli.reporting import COMMANDS as REPORT_COMMANDS
from backbone.interfaces.cli.server import COMMANDS as SERVER_COMMANDS
from backbone.interfaces.cli.swap import COMMANDS as SWAP_COMMANDS
from backbone.interfaces.cli.terminal import BackboneGroup
from backbone.interfaces.cli.training import COMMANDS, program
from backbone.interfaces.cli.transfer import COMMANDS as TRANSFER_COMMANDS
from backbone.interfaces.cli.transfer import program_ics


@click.group(cls=BackboneGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="backbone")
def cli() -> None:
    """Backbone: an evidence-based back-strength coach.

    Plans 2-3 back sessions a week that fit your days, minutes, equipment, level, goal and back,
    and explains every choice with a rule id from the evidence registry.
    """


@cli.command(
    cls=JsonErrorsCommand, short_help="Plan a block of back training: loading weeks, then a deload."
)
@plan_options
@click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON.")
@handle_errors()
def plan(as_json: bool, **options: Any) -> None:
    """Generate a mesocycle of back training: loading weeks, then a deload week."""
    from backbone.interfaces.cli.app import application
    from backbone.services.documents import plan_document

    app = application()
    result = app.plan(plan_request(options))
    if as_json:
        body = plan_document(result, app.knowledge.evidence)
        click.echo(json.dumps(body, indent=2, ensure_ascii=False))
        return
    from backbone.interfaces.cli.render import render_plan

    render_plan(result, app.knowledge.evidence)


@cli.group(
    invoke_without_command=True, short_help="List exercises; `exercises show SLUG` for a cue card."
)
@click.option(
    "--pattern", default=None, help="Movement pattern, e.g. vertical_pull, hinge, anti_rotation."
)
@click.option(
    "--equipment", multiple=True, help="Only exercises doable with these items (comma-separated)."
)
@click.option("--muscle", default=None, help="Only exercises that train this muscle, e.g. lats.")
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
@click.pass_context
@handle_errors()
def exercises(
    ctx: click.Context,
    pattern: str | None,
    equipment: tuple[str, ...],
    muscle: str | None,
    as_json: bool,
) -> None:
    """List the exercise catalogue, optionally filtered; `exercises show SLUG` for a cue card."""
    if ctx.invoked_subcommand is not None:
        return
    from backbone.interfaces.cli.app import application
    from backbone.services.documents import exercise_document

    found = application().find_exercises(
        pattern=pattern, equipment=split_commas(equipment) or None, muscle=muscle
    )
    if as_json:
        click.echo(json.dumps([exercise_document(e) for e in found], indent=2, ensure_ascii=False))
        return
    from backbone.interfaces.cli.render import render_exercise_list

    render_exercise_list(found)


@exercises.command("show", cls=JsonErrorsCommand)
@click.argument("slug")
@click.option("--json", "as_json", is_flag=True, help="Print the cue card as JSON.")
@handle_errors()
def show_exercise(slug: str, as_json: bool) -> None:
    """Show the cue card of one exercise (slug, alias or name)."""
    from backbone.interfaces.cli.app import application
    from backbone.services.documents import exercise_document

    exercise = application().cue_card(slug)
    if as_json:
        click.echo(json.dumps(exercise_document(exercise), indent=2, ensure_ascii=False))
        return
    from backbone.interfaces.cli.render import render_cue_card

    render_cue_card(exercise)


for command in (
    *COMMANDS,
    *ANALYTICS_COMMANDS,
    *ENDURANCE_COMMANDS,
    *REPORT_COMMANDS,
    *SERVER_COMMANDS,
    *SWAP_COMMANDS,
    *TRANSFER_COMMANDS,
):
    cli.add_command(command)
program.add_command(program_ics)


def main() -> None:
    cli()

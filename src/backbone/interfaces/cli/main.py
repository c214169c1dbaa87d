"""`backbone`: the command group. Each command parses, calls one service and renders."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import click

from backbone import __version__
from backbone.interfaces.cli.errors import JsonErrorsCommand, handle_errors
from backbone.interfaces.cli.options import RedFlagOption, split_commas


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="backbone")
def cli() -> None:
    """Backbone: an evidence-based back-strength coach.

    Plans 2-3 back sessions a week that fit your days, minutes, equipment, level, goal and back,
    and explains every choice with a rule id from the evidence registry.
    """


@cli.command(
    cls=JsonErrorsCommand, short_help="Plan a block of back training: loading weeks, then a deload."
)
@click.option(
    "--days",
    type=int,
    default=None,
    help="Training days per week, 1-7 [default: 3, or the number of --on days].",
)
@click.option(
    "--minutes", type=int, default=45, show_default=True, help="Minutes per session, 15-120."
)
@click.option(
    "--equipment",
    multiple=True,
    default=("bodyweight",),
    show_default=True,
    help="What you have, comma-separated (bodyweight is always included): bodyweight, band, "
    "dumbbell, kettlebell, barbell, bench, pullup_bar, cable, machine, back_extension_bench, trx.",
)
@click.option(
    "--level", default="novice", show_default=True, help="novice, intermediate or advanced."
)
@click.option(
    "--goal",
    default="health",
    show_default=True,
    help="strength, hypertrophy, endurance or health.",
)
@click.option("--back-pain", default="none", show_default=True, help="none, history or current.")
@click.option(
    "--red-flag",
    "red_flags",
    multiple=True,
    cls=RedFlagOption,
    help="A warning sign you have now (repeatable). Any red flag stops planning (exit 3).",
)
@click.option("--on", "on_days", default=None, help="Days you can train, e.g. mon,wed,fri.")
@click.option(
    "--weeks",
    type=int,
    default=5,
    show_default=True,
    help="Weeks in the block (1-12); with 2 or more, the last is a deload week.",
)
@click.option(
    "--start",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="First day of week 1 (YYYY-MM-DD) [default: today].",
)
@click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON.")
@handle_errors()
def plan(
    days: int | None,
    minutes: int,
    equipment: tuple[str, ...],
    level: str,
    goal: str,
    back_pain: str,
    red_flags: tuple[str, ...],
    on_days: str | None,
    weeks: int,
    start: Any,
    as_json: bool,
) -> None:
    """Generate a mesocycle of back training: loading weeks, then a deload week."""
    from backbone.bootstrap import knowledge
    from backbone.services.documents import plan_document
    from backbone.services.planning import PlanRequest, plan_training

    request = PlanRequest(
        start_on=start.date() if start else date.today(),
        days_per_week=days,
        minutes_per_session=minutes,
        equipment=split_commas(equipment),
        level=level,
        goal=goal,
        back_pain=back_pain,
        weeks=weeks,
        on_days=split_commas((on_days,)) if on_days is not None else None,
        red_flags=split_commas(red_flags),
    )
    facts = knowledge()
    result = plan_training(request, facts)
    if as_json:
        click.echo(json.dumps(plan_document(result, facts.evidence), indent=2, ensure_ascii=False))
        return
    from backbone.interfaces.cli.render import render_plan

    render_plan(result, facts.evidence)


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
    from backbone.bootstrap import knowledge
    from backbone.services.catalogue import find_exercises
    from backbone.services.documents import exercise_document

    found = find_exercises(
        knowledge(), pattern=pattern, equipment=split_commas(equipment) or None, muscle=muscle
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
    from backbone.bootstrap import knowledge
    from backbone.services.catalogue import cue_card
    from backbone.services.documents import exercise_document

    exercise = cue_card(knowledge(), slug)
    if as_json:
        click.echo(json.dumps(exercise_document(exercise), indent=2, ensure_ascii=False))
        return
    from backbone.interfaces.cli.render import render_cue_card

    render_cue_card(exercise)


def main() -> None:
    cli()

"""Commands for core and back endurance tests: `backbone test record` and `backbone test list`."""

from __future__ import annotations

import json
from datetime import date

import click

from backbone.interfaces.cli.errors import JsonErrorsCommand, handle_errors
from backbone.interfaces.cli.params import DATE, DECIMAL
from backbone.interfaces.cli.terminal import mark_saved


def _echo_json(body: object) -> None:
    click.echo(json.dumps(body, indent=2, ensure_ascii=False))


@click.group("test")
def test_group() -> None:
    """Record and list endurance tests (Sorensen, McGill holds, side bridge, plank, ...)."""


@test_group.command(
    "record",
    cls=JsonErrorsCommand,
    # a negative VALUE reaches the service (and its clear message) instead of "no such option"
    context_settings={"ignore_unknown_options": True},
)
@click.argument("name")
@click.argument("value", type=DECIMAL)
@click.option(
    "--side",
    type=click.Choice(["left", "right"], case_sensitive=False),
    default=None,
    help="Which side (side_bridge only, required there).",
)
@click.option("--date", "on", type=DATE, default=None, help="Day of the test [default: today].")
@click.option("--json", "as_json", is_flag=True, help="Print the stored result as JSON.")
@handle_errors()
def record(name: str, value: float, side: str | None, on: date | None, as_json: bool) -> None:
    """Record one test: seconds held, or reps for pullups.

    NAME is one of: sorensen, mcgill_extensor, mcgill_flexor, side_bridge, plank, dead_hang,
    pullups (also biering_sorensen, trunk_flexor).
    """
    from backbone.interfaces.cli.app import application, day, local_athlete_id
    from backbone.services.endurance import result_document, unit_of

    result = application().record_test(
        local_athlete_id(),
        name,
        value,
        side=None if side is None else side.lower(),
        on=day(on),
    )
    mark_saved(f"The {result.test} result")
    if as_json:
        _echo_json(result_document(result))
        return
    side_text = f" ({result.side.value})" if result.side is not None else ""
    click.echo(
        f"Recorded {result.test}{side_text}: {result.value:g} {unit_of(result.test)} "
        f"on {result.on.isoformat()} (id {result.result_id})."
    )


@test_group.command("list", cls=JsonErrorsCommand)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@handle_errors()
def list_command(as_json: bool) -> None:
    """List every recorded test result, oldest first."""
    from backbone.interfaces.cli.app import application, local_athlete_id
    from backbone.services.endurance import result_document, unit_of

    results = application().list_tests(local_athlete_id())
    if as_json:
        _echo_json([result_document(r) for r in results])
        return
    if not results:
        click.echo("No test results yet. Record one: backbone test record plank 90")
        return
    for result in results:
        name = result.test if result.side is None else f"{result.test} ({result.side.value})"
        click.echo(
            f"{result.on.isoformat()}  {name:<20}  {result.value:>6g} {unit_of(result.test)}"
            f"  (id {result.result_id})"
        )


COMMANDS = (test_group,)

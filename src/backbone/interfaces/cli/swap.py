"""`backbone swap`: list what an exercise of the running program can be swapped for, or swap it."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

import click

from backbone.interfaces.cli.errors import JsonErrorsCommand, handle_errors
from backbone.interfaces.cli.params import DATE
from backbone.interfaces.cli.terminal import mark_saved

if TYPE_CHECKING:
    from backbone.services.swaps import SwapOptionsView, SwapResult


@click.command(cls=JsonErrorsCommand)
@click.argument("exercise")
@click.option("--to", "to", default=None, help="Swap to this exercise (a slug from the list).")
@click.option(
    "--date", "on", type=DATE, default=None, help="The first day to change [default: today]."
)
@click.option("--json", "as_json", is_flag=True, help="Print the options or the swap as JSON.")
@handle_errors()
def swap(exercise: str, to: str | None, on: date | None, as_json: bool) -> None:
    """Swap EXERCISE for the rest of your program: without --to, list the options, best first.

    Options do the same movement with your equipment, level and back; swapping back to what the
    program had is always an option. Your recent sets carry over where the load transfers.
    """
    from backbone.interfaces.cli.app import application, day, local_athlete_id

    app = application()
    if to is None:
        from backbone.services.training_documents import swap_options_document

        view = app.swap_options(local_athlete_id(), exercise, day(on))
        if as_json:
            click.echo(json.dumps(swap_options_document(view), indent=2, ensure_ascii=False))
            return
        _show_options(view)
        return
    from backbone.services.training_documents import swap_document

    result = app.swap_exercise(local_athlete_id(), exercise, to, day(on))
    mark_saved("The swap")
    if as_json:
        click.echo(json.dumps(swap_document(result), indent=2, ensure_ascii=False))
        return
    _show_swap(result)


def _show_options(view: SwapOptionsView) -> None:
    if not view.options:
        click.echo(f"Nothing to swap {view.exercise.name} for with your equipment, level and back.")
        return
    click.echo(f"Swap {view.exercise.name} from {view.from_on.isoformat()} for:")
    for number, option in enumerate(view.options, start=1):
        carries = (
            "your load carries over" if option.carries_over else "the first session finds the load"
        )
        click.echo(f"  {number}. {option.option.exercise}  {option.option.name}")
        click.echo(f"     {option.option.reason}; {carries} [{option.option.rule_id}]")
    click.echo(f"\nSwap with `backbone swap {view.exercise.slug} --to SLUG`.")


def _show_swap(result: SwapResult) -> None:
    from backbone.presentation.doses import logged

    units = result.athlete.units
    click.echo(
        f"Swapped {result.replaced.name} for {result.replacement.name} from "
        f"{result.swap.effective_on.isoformat()} ({result.sessions} sessions)."
    )
    if result.own_history:
        click.echo(f"It continues from your own recent {result.replacement.name} sets.")
    elif result.carried is None:
        click.echo("The first session finds the working load (calibration sets).")
    else:
        click.echo(
            f"Starts from your {result.replaced.name} "
            f"({logged(result.carried.source, units)} on "
            f"{result.carried.source.performed_on.isoformat()})"
            + (f", scaled x{result.carried.factor:g}." if result.carried.factor else ".")
        )
    click.echo(
        f"Swap back with `backbone swap {result.replacement.slug} --to {result.replaced.slug}`."
    )


COMMANDS = (swap,)

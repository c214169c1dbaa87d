"""Option helpers shared by commands."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from backbone.services.planning import PlanRequest

F = TypeVar("F", bound=Callable[..., Any])


def split_commas(values: Iterable[str]) -> list[str]:
    """`--equipment a,b --equipment c` -> [a, b, c]; blanks dropped."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


class RedFlagOption(click.Option):
    """Lists the accepted red-flag names in --help, read from the evidence registry only then."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        record = super().get_help_record(ctx)
        if record is None:
            return None
        from backbone.data import packaged_evidence

        names = ", ".join(flag.name for flag in packaged_evidence().red_flags())
        return record[0], f"{record[1]} Names: {names}."


def plan_options(command: F) -> F:
    """The profile options shared by `plan` and `program start`."""
    decorators = [
        click.option(
            "--days",
            type=int,
            default=None,
            help="Training days per week, 1-7 [default: 3, or the number of --on days].",
        ),
        click.option(
            "--minutes",
            type=int,
            default=45,
            show_default=True,
            help="Minutes per session, 15-120.",
        ),
        click.option(
            "--equipment",
            multiple=True,
            default=("bodyweight",),
            show_default=True,
            help="What you have, comma-separated (bodyweight is always included): bodyweight, band, "
            "dumbbell, kettlebell, barbell, bench, pullup_bar, cable, machine, back_extension_bench, trx.",
        ),
        click.option(
            "--level", default="novice", show_default=True, help="novice, intermediate or advanced."
        ),
        click.option(
            "--goal",
            default="health",
            show_default=True,
            help="strength, hypertrophy, endurance or health.",
        ),
        click.option(
            "--back-pain", default="none", show_default=True, help="none, history or current."
        ),
        click.option(
            "--red-flag",
            "red_flags",
            multiple=True,
            cls=RedFlagOption,
            help="A warning sign you have now (repeatable). Any red flag stops planning (exit 3).",
        ),
        click.option(
            "--exclude",
            "exclude",
            multiple=True,
            help="An exercise you will not do (repeatable; slug or name, see `backbone exercises`).",
        ),
        click.option(
            "--also-training",
            "also_training",
            multiple=True,
            help="Lifts you train outside this plan, comma-separated (squat, deadlift, olympic, "
            "row, pull_up, bench, overhead_press): their back work is counted, not repeated.",
        ),
        click.option("--on", "on_days", default=None, help="Days you can train, e.g. mon,wed,fri."),
        click.option(
            "--weeks",
            type=int,
            default=5,
            show_default=True,
            help="Weeks in the block (1-12); with 2 or more, the last is a deload week.",
        ),
        click.option(
            "--start",
            type=click.DateTime(formats=["%Y-%m-%d"]),
            default=None,
            help="First day of week 1 (YYYY-MM-DD) [default: today].",
        ),
    ]
    for decorate in reversed(decorators):
        command = decorate(command)
    return command


def plan_request(options: dict[str, Any]) -> PlanRequest:
    """Turn the parsed `plan_options` into the service's request (today if no --start)."""
    from backbone.services.planning import PlanRequest

    start = options["start"]
    on_days = options["on_days"]
    return PlanRequest(
        start_on=start.date() if start else date.today(),
        days_per_week=options["days"],
        minutes_per_session=options["minutes"],
        equipment=split_commas(options["equipment"]),
        level=options["level"],
        goal=options["goal"],
        back_pain=options["back_pain"],
        weeks=options["weeks"],
        on_days=split_commas((on_days,)) if on_days is not None else None,
        red_flags=split_commas(options["red_flags"]),
        exclude=split_commas(options["exclude"]),
        also_training=split_commas(options["also_training"]),
    )

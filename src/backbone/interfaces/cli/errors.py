"""The command line's side of `backbone.interfaces.errors`: print the message (or the JSON error
body under --json), add the CLI's own hint, exit with the error's code."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, NoReturn, ParamSpec, TypeVar

import click

from backbone.domain.errors import BackboneError, InputError
from backbone.interfaces.cli.terminal import clean
from backbone.interfaces.errors import EXIT_INPUT, error_body, exit_code

P = ParamSpec("P")
R = TypeVar("R")

NEXT_STEP_HINTS = {
    "start_program": "Start one with `backbone program start` (same options as `backbone plan`).",
    "list_exercises": "See `backbone exercises` for the list.",
    "replace_check_in": "To replace it, run the same command again with --replace.",
}


def _hint(error: BackboneError) -> str | None:
    """The command-line words for what the error says to do: a next step, or the option a
    field came from."""
    step = error.details.get("next_step")
    if isinstance(step, str) and step in NEXT_STEP_HINTS:
        return NEXT_STEP_HINTS[step]
    field = error.details.get("field")
    context = click.get_current_context(silent=True)
    if isinstance(field, str) and context is not None:
        for param in context.command.params:
            if param.name == field and isinstance(param, click.Option):
                return f"(option {max(param.opts, key=len)})"
    return None


def handle_errors(as_json_param: str = "as_json") -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Catch BackboneError: print it (as the JSON error shape under --json) and exit with its code."""

    def decorate(command: Callable[P, R]) -> Callable[P, R]:
        @wraps(command)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return command(*args, **kwargs)
            except BackboneError as error:
                code = exit_code(error)
                if kwargs.get(as_json_param):
                    click.echo(json.dumps(error_body(error), indent=2, ensure_ascii=False))
                else:
                    click.echo(f"error: {clean(error.message)}", err=True)
                    hint = _hint(error)
                    if hint is not None:
                        click.echo(f"  {hint}", err=True)
                    for conflict in error.details.get("conflicts", []):
                        click.echo(
                            f"  conflict [{conflict['rule_id']}] {conflict['text']}", err=True
                        )
                    for step in error.details.get("relax", []):
                        click.echo(f"  - {step}", err=True)
                sys.exit(code)

        return run

    return decorate


class JsonErrorsCommand(click.Command):
    """Under --json, click's own parse errors (a bad --start date, a non-number) print the JSON
    error shape too, instead of click's usage text; without --json they stay click's usual output."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        wants_json = "--json" in args  # read first: parsing consumes `args`
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as error:
            if not wants_json:
                raise
            _exit_with_json(error)


def _exit_with_json(error: click.UsageError) -> NoReturn:
    details: dict[str, Any] = {}
    if isinstance(error, click.BadParameter) and error.param is not None:
        details["field"] = error.param.name
    translated = InputError(error.format_message(), details)
    click.echo(json.dumps(error_body(translated), indent=2, ensure_ascii=False))
    sys.exit(EXIT_INPUT)

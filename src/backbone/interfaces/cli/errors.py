"""Translate the error tree once for the command line: exit codes and one message shape."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, NoReturn, ParamSpec, TypeVar

import click

from backbone.domain.errors import BackboneError, InputError, NotFound, SafetyStop
from backbone.services.documents import error_document

P = ParamSpec("P")
R = TypeVar("R")

EXIT_INPUT = 2
EXIT_SAFETY = 3
EXIT_OTHER = 1
HTTP_STATUS = {
    "input_error": 422,
    "safety_stop": 422,
    "infeasible_plan": 422,
    "not_found": 404,
    "conflict": 409,
    "storage_error": 503,
}


def exit_code(error: BackboneError) -> int:
    if isinstance(error, InputError | NotFound):
        return EXIT_INPUT
    if isinstance(error, SafetyStop):
        return EXIT_SAFETY
    return EXIT_OTHER


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
                    body = error_document(error, HTTP_STATUS.get(error.code, 422))
                    click.echo(json.dumps(body, indent=2, ensure_ascii=False))
                else:
                    click.echo(f"error: {error.message}", err=True)
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
    body = error_document(translated, HTTP_STATUS[translated.code])
    click.echo(json.dumps(body, indent=2, ensure_ascii=False))
    sys.exit(EXIT_INPUT)

"""Translate the error tree once for the command line: exit codes and one message shape."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

import click

from backbone.domain.errors import BackboneError, InputError, NotFound, SafetyStop
from backbone.services.documents import error_document

P = ParamSpec("P")
R = TypeVar("R")

EXIT_INPUT = 2
EXIT_SAFETY = 3
EXIT_OTHER = 1
HTTP_STATUS = {"input_error": 422, "not_found": 404, "conflict": 409, "storage_error": 503}


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
                    for step in error.details.get("relax", []):
                        click.echo(f"  - {step}", err=True)
                sys.exit(code)

        return run

    return decorate

"""The terminal as an untrusted, fallible device: what reaches it is cleaned, and a failure to
write to it is reported in words instead of a traceback.

- Control characters (ANSI escape sequences, bells, carriage returns) in user-supplied text never
  reach the terminal: error messages, click's usage errors and rendered notes/names are cleaned
  (`backbone.domain.inputs.strip_controls`).
- A terminal or pipe that cannot encode a character gets "?" for it (PYTHONIOENCODING=ascii, an
  old Windows console); nothing fails on a character.
- Closed or full standard output (`>&-`, `>/dev/full`, a reader that went away) ends the command
  with exit 1 and one line on standard error. When the command had already saved something, the
  line says so, so nobody runs it again and stores it twice.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any, NoReturn

import click

from backbone.domain.inputs import strip_controls

EXIT_OUTPUT = 1
_SAVED_KEY = "backbone.saved"


def clean(text: str) -> str:
    """User-supplied text made safe to print; newlines kept (multi-line notes, messages)."""
    return strip_controls(text, keep_newlines=True)


def mark_saved(what: str) -> None:
    """Record that the command's data is committed: an output failure now must say so."""
    context = click.get_current_context(silent=True)
    if context is not None:
        context.find_root().meta[_SAVED_KEY] = what


class ClosedOutput(io.TextIOBase):
    """Stands in for a standard output that was closed before start (`>&-`, where Python sets
    sys.stdout to None and click would print nothing without a word): every write fails the way
    writing to a closed descriptor does."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


class BackboneGroup(click.Group):
    """The root command group: cleans click's messages and turns output failures into words."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        with _clean_click_messages():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        with _clean_click_messages():
            try:
                result = super().invoke(ctx)
                # Output still in the buffer fails here, while the context knows what was saved,
                # not at interpreter exit (exit code 120 and an "Exception ignored" trace).
                if sys.stdout is not None:
                    sys.stdout.flush()
            except (OSError, UnicodeEncodeError) as error:
                _output_failed(error, ctx.meta.get(_SAVED_KEY))
            return result

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        _replace_unencodable_characters()
        if sys.stdout is None:
            sys.stdout = ClosedOutput()
        try:
            try:
                return super().main(args, prog_name, complete_var, standalone_mode, **extra)
            finally:
                if sys.stdout is not None:
                    sys.stdout.flush()  # after an error exit, or --help, --version
        except (OSError, UnicodeEncodeError) as error:
            _output_failed(error, None)


@contextmanager
def _clean_click_messages() -> Iterator[None]:
    try:
        yield
    except click.ClickException as error:
        # click types `message` as Final; the same exception (with its context, hint and exit
        # code) is re-raised with the user's text cleaned
        setattr(error, "message", clean(error.message))  # noqa: B010
        raise


def _replace_unencodable_characters() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with suppress(ValueError, OSError):
                reconfigure(errors="replace")


def _output_failed(error: OSError | UnicodeEncodeError, saved: object) -> NoReturn:
    if isinstance(error, UnicodeEncodeError):
        reason = "the terminal cannot show a character; try PYTHONIOENCODING=utf-8"
    elif error.errno == errno.EPIPE:
        reason = "the program reading the output stopped"
    else:
        reason = error.strerror or str(error)
    message = f"error: could not write the output ({reason})."
    if isinstance(saved, str) and saved:
        message += f" {saved} was saved: do not run the command again."
    _silence_stdout()
    with suppress(OSError, ValueError, AttributeError):
        print(message, file=sys.stderr, flush=True)
    sys.exit(EXIT_OUTPUT)


def _silence_stdout() -> None:
    """Point the process's standard output at /dev/null so the interpreter's final flush of what
    is still buffered cannot fail again (the recipe of Python's signal docs for SIGPIPE). Only
    for the real stream: a test runner's captured stdout is left alone."""
    real = sys.__stdout__
    if real is None or sys.stdout is not real:
        return
    with suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, real.fileno())
        os.close(null)

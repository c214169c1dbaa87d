"""Option helpers shared by commands."""

from __future__ import annotations

from collections.abc import Iterable

import click


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

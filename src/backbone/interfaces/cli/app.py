"""The CLI's edge: one application per command, built from the environment, and the laptop's one
local person resolved here (nowhere deeper does anything default to "me")."""

from __future__ import annotations

import os
from datetime import date, datetime
from typing import TYPE_CHECKING

import click

from backbone.services.application import Backbone

if TYPE_CHECKING:
    from rich.console import Console

_APP_KEY = "backbone.application"


def application() -> Backbone:
    """The application of this command invocation (built on first use, closed with it)."""
    root = click.get_current_context().find_root()
    app = root.meta.get(_APP_KEY)
    if app is None:
        from backbone.bootstrap import build_application
        from backbone.settings import Settings

        app = build_application(Settings.from_environ(os.environ))
        root.meta[_APP_KEY] = app
        root.call_on_close(app.database.dispose)
    assert isinstance(app, Backbone)
    return app


def local_athlete_id() -> int:
    """The laptop's athlete (created, with its local user, on first use)."""
    athlete = application().local_athlete()
    assert athlete.athlete_id is not None
    return athlete.athlete_id


def day(value: datetime | None) -> date | None:
    """A --date option's day; None lets the application's clock decide."""
    return value.date() if value is not None else None


def terminal() -> Console:
    """Where people read the output: stdout, as wide as the terminal (110 columns in a pipe)."""
    from backbone.interfaces.cli.render import console

    return console()

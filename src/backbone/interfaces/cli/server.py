"""`backbone serve` (the HTTP API under uvicorn) and `backbone token` / `backbone user` (accounts
from the server's own shell)."""

from __future__ import annotations

import json
import sys

import click

from backbone.interfaces.cli.errors import JsonErrorsCommand, handle_errors


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes; each builds its own application (use PostgreSQL for several).",
)
@handle_errors()
def serve(host: str, port: int, workers: int) -> None:
    """Serve the REST API (docs at /docs) on the configured database."""
    import os

    import uvicorn

    from backbone.bootstrap import build_application
    from backbone.settings import Settings

    # migrate once here, before any worker starts, and fail early on a bad database
    application = build_application(Settings.from_environ(os.environ))
    application.database.upgrade()
    location = application.database.location
    application.database.dispose()
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"Backbone API on http://{shown}:{port}/ (docs: /docs) - database {location}")
    uvicorn.run(
        "backbone.interfaces.api.app:app_factory",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
        server_header=False,
    )


@click.group()
def token() -> None:
    """API tokens for the HTTP API."""


@token.command("create", cls=JsonErrorsCommand)
@click.argument("username")
@click.option("--name", default="cli", show_default=True, help="What the token is for.")
@click.option("--json", "as_json", is_flag=True, help="Print the token as JSON.")
@handle_errors()
def token_create(username: str, name: str, as_json: bool) -> None:
    """Create a token for USERNAME; prints the secret once (send it as `Bearer`)."""
    from backbone.interfaces.cli.app import application
    from backbone.services.auth import token_document

    app = application()
    user = app.user_by_name(username)
    assert user.user_id is not None
    created, secret = app.create_token(user.user_id, name)
    if as_json:
        click.echo(json.dumps(token_document(created, secret), indent=2))
        return
    click.echo(secret)
    click.echo(
        f"Token {created.token_id} ('{created.name}') for {user.username}: shown once.", err=True
    )


@token.command("revoke", cls=JsonErrorsCommand)
@click.argument("username")
@click.argument("token_id", type=int)
@handle_errors()
def token_revoke(username: str, token_id: int) -> None:
    """Revoke token TOKEN_ID of USERNAME."""
    from backbone.interfaces.cli.app import application

    app = application()
    user = app.user_by_name(username)
    assert user.user_id is not None
    app.revoke_token(user.user_id, token_id)
    click.echo(f"Token {token_id} revoked.")


@click.group()
def user() -> None:
    """Server accounts."""


@user.command("create", cls=JsonErrorsCommand)
@click.argument("username")
@click.option(
    "--role", type=click.Choice(["athlete", "coach"]), default="athlete", show_default=True
)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@handle_errors()
def user_create(username: str, role: str, password_stdin: bool) -> None:
    """Create a user who can log in (the password is asked for, or read from stdin)."""
    from backbone.interfaces.cli.app import application

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    created = application().sign_up(username, password, role=role)
    click.echo(f"User {created.username} ({created.role.value}) created, id {created.user_id}.")


COMMANDS = (serve, token, user)

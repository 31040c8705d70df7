"""``rehearse users``: accounts created by an operator."""

from __future__ import annotations

import sys

import typer

from rehearse.accounts.service import AccountService
from rehearse.cli.common import fail, load_settings
from rehearse.errors import RehearseError
from rehearse.runtime import Runtime
from rehearse.store import migrate

app = typer.Typer(help="Manage user accounts.", no_args_is_help=True)


@app.command()
def create(
    email: str = typer.Argument(..., help="The user's e-mail address."),
    name: str = typer.Option("", help="Display name."),
    admin: bool = typer.Option(False, help="Make the user an administrator."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from standard input."
    ),
) -> None:
    """Create a user whose e-mail address counts as confirmed."""
    settings = load_settings()
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    runtime = Runtime(settings)
    runtime.prepare_store()
    if not migrate.is_up_to_date(runtime.database):
        runtime.close()
        raise fail("The database schema is not up to date; run `rehearse db upgrade` first.")
    try:
        with runtime.database.transaction() as session:
            user = AccountService(session, runtime).create_confirmed_user(
                email=email, password=password, display_name=name, is_admin=admin
            )
            user_id = user.id
    except RehearseError as exc:
        raise fail(exc.message) from exc
    finally:
        runtime.close()
    typer.echo(f"Created user {email} ({user_id}).")

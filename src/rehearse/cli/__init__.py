"""The ``rehearse`` command line."""

from __future__ import annotations

import typer

from rehearse import __version__
from rehearse.cli import db, users
from rehearse.cli.analyze import analyze
from rehearse.cli.interview import interview
from rehearse.cli.practise import practise
from rehearse.cli.report import report
from rehearse.cli.serve import serve
from rehearse.cli.worker import worker

app = typer.Typer(
    name="rehearse",
    help="Rehearse: an AI interview coach that runs on your laptop.\n\n"
    "Start with `rehearse serve` and open http://127.0.0.1:8000/docs.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
app.command()(serve)
app.command()(worker)
app.command()(analyze)
app.command()(interview)
app.command()(practise)
app.command()(report)
app.add_typer(db.app, name="db")
app.add_typer(users.app, name="users")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"rehearse {__version__}")
        raise typer.Exit


@app.callback()
def main_options(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Configuration comes from REHEARSE_* environment variables and ./.env."""


def main() -> None:
    app()

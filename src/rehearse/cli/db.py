"""``rehearse db``: schema migrations."""

from __future__ import annotations

import typer

from rehearse.cli.common import load_settings
from rehearse.store import migrate
from rehearse.store.database import Database

app = typer.Typer(help="Database schema migrations.", no_args_is_help=True)


@app.command()
def upgrade(revision: str = typer.Argument("head", help="Revision to migrate to.")) -> None:
    """Apply migrations up to REVISION (the newest by default)."""
    settings = load_settings()
    database = Database(settings.resolved_database_url)
    migrate.upgrade(database, revision)
    typer.echo(f"Database at revision {migrate.current_revision(database)}.")
    database.dispose()


@app.command()
def current() -> None:
    """Print the schema revision of the database and whether it is the newest."""
    settings = load_settings()
    database = Database(settings.resolved_database_url)
    revision = migrate.current_revision(database)
    state = "up to date" if migrate.is_up_to_date(database) else "needs `rehearse db upgrade`"
    typer.echo(f"{revision or 'empty'} ({state})")
    database.dispose()

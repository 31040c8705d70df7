"""``rehearse report SESSION``: a session's report, built offline from the database."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import typer

from rehearse.cli.common import fail, load_settings
from rehearse.interviews.models import InterviewSession
from rehearse.reports.builder import build_report
from rehearse.reports.render.html import render_html
from rehearse.reports.render.pdf import render_pdf
from rehearse.runtime import Runtime

FORMATS = ("pdf", "html", "json")


def report(
    session: str = typer.Argument(..., help="The session's id (from the API or the web app)."),
    output: Path = typer.Option(None, "--output", "-o", help="File to write [default: print]."),
    format: str = typer.Option("pdf", help="pdf, html or json."),
) -> None:
    """Write a session's feedback report: scores with their evidence, moments, recommendations."""
    if format not in FORMATS:
        raise fail(f"--format must be one of {', '.join(FORMATS)}.")
    try:
        session_id = uuid.UUID(session)
    except ValueError as exc:
        raise fail(f"'{session}' is not a session id.") from exc
    runtime = Runtime(load_settings(interactive=True))
    with runtime.database.transaction() as db:
        interview = db.get(InterviewSession, session_id)
        if interview is None:
            raise fail(f"No session {session_id} in {runtime.settings.resolved_database_url}.")
        built = build_report(db, runtime, interview)
    if format == "pdf":
        content: bytes = render_pdf(built)
    elif format == "html":
        content = render_html(built).encode()
    else:
        content = json.dumps(built.to_dict(), indent=2).encode()
    if output is None:
        if format == "pdf":
            raise fail("A PDF cannot be printed to the terminal: give --output FILE.")
        typer.echo(content.decode())
        return
    output.write_bytes(content)
    typer.echo(f"Wrote {output} ({len(content) // 1024} KB).")

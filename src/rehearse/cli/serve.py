"""``rehearse serve``: the web app and API (and, embedded, the job worker)."""

from __future__ import annotations

import typer
import uvicorn

from rehearse.cli.common import load_settings
from rehearse.web.app import create_app


def serve(
    host: str = typer.Option(
        None, help="Address to listen on [default: REHEARSE_HOST or 127.0.0.1]."
    ),
    port: int = typer.Option(None, help="Port to listen on [default: REHEARSE_PORT or 8000]."),
) -> None:
    """Serve Rehearse. Embedded (the default) it also runs the jobs and migrates SQLite on start."""
    settings = load_settings(host=host, port=port)
    app = create_app(settings)
    typer.echo(
        f"Rehearse on http://{settings.host}:{settings.port} "
        f"(API docs at /docs; data in {settings.data_dir}; "
        f"jobs {'on ' + 'Redis' if settings.queue_url else 'in this process'})",
        err=True,
    )
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        log_config=None,
        proxy_headers=True,
        forwarded_allow_ips=settings.forwarded_allow_ips,
        timeout_graceful_shutdown=30,
    )

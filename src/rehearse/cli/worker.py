"""``rehearse worker``: run jobs from the Redis queue, on this or any other machine."""

from __future__ import annotations

import signal
import threading

import prometheus_client
import typer
from sqlalchemy.engine import make_url

from rehearse.cli.common import fail, load_settings
from rehearse.errors import RehearseError
from rehearse.jobs.priority import lower_this_thread
from rehearse.runtime import Runtime
from rehearse.store import migrate


def worker(
    threads: int = typer.Option(
        None, help="Jobs run at once [default: REHEARSE_WORKER_THREADS or 1]."
    ),
) -> None:
    """Take jobs from the Redis queue until stopped (Ctrl-C or SIGTERM finishes the job at hand)."""
    settings = load_settings(worker_threads=threads)
    if not settings.queue_url:
        raise fail(
            "No queue to work on: set REHEARSE_QUEUE_URL=redis://HOST:6379/0. Without it, "
            "`rehearse serve` runs the jobs itself."
        )
    runtime = Runtime(settings)
    if not migrate.is_up_to_date(runtime.database):
        raise fail("The database schema is not up to date; run `rehearse db upgrade` first.")
    try:
        runtime.blobs.check()  # the recordings' folder or bucket, which every analysis reads
    except RehearseError as exc:
        raise fail(exc.message) from exc
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    # Before the job threads start, so they inherit it: an API beside the worker comes first.
    lower_this_thread(settings.job_nice)
    runtime.warm_up(analyses=True)
    runtime.queue.start()
    if settings.worker_metrics_port:
        prometheus_client.start_http_server(settings.worker_metrics_port)
    queue = make_url(settings.queue_url).render_as_string(hide_password=True)
    typer.echo(
        f"Worker taking jobs from {queue} with {settings.worker_threads} thread(s).", err=True
    )
    stop.wait()
    typer.echo("Stopping: finishing the jobs at hand.", err=True)
    runtime.close()

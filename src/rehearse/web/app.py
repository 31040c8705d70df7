"""The FastAPI application: routers, middleware, error handlers and the process lifecycle."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
import structlog
from fastapi import FastAPI

from rehearse import __version__
from rehearse.accounts.endpoints import router as accounts_router
from rehearse.assignments.endpoints import router as assignments_router
from rehearse.config import Settings, get_settings
from rehearse.interviews.endpoints import router as interviews_router
from rehearse.jobs.endpoints import router as jobs_router
from rehearse.observability.logging import configure_logging
from rehearse.organisations.endpoints import router as organisations_router
from rehearse.practice.endpoints import router as practice_router
from rehearse.progress.endpoints import router as progress_router
from rehearse.reports.endpoints import router as reports_router
from rehearse.reviews.endpoints import router as reviews_router
from rehearse.runtime import Runtime
from rehearse.web.admission import Gate, request_slots
from rehearse.web.errors import install_error_handlers
from rehearse.web.health import router as health_router
from rehearse.web.live import router as live_router
from rehearse.web.live_gaze import router as live_gaze_router
from rehearse.web.llm_settings import router as llm_settings_router
from rehearse.web.middleware import BodyLimitMiddleware, RequestContextMiddleware
from rehearse.web.openapi import document_errors
from rehearse.web.pages import install_pages

_log = structlog.get_logger(__name__)
# A plan or a report refused after queueing for ``compute_queue_seconds`` waits a little
# longer than a plain request before it asks again: each one ahead of it takes seconds.
COMPUTE_RETRY_AFTER_SECONDS = 10

DESCRIPTION = """
Rehearse interviews a candidate from their résumé and a job description, analyses their
spoken answers and explains what to fix. Every error has the shape
`{"error": {"code", "message", "details"}, "request_id"}`.

Authenticate API clients with `POST /api/auth/token` and `Authorization: Bearer <token>`;
browsers use `POST /api/auth/login`, which sets an HttpOnly cookie, and send the returned
CSRF token in `X-CSRF-Token` on every write.
"""


def create_app(settings: Settings | None = None, *, run_jobs: bool | None = None) -> FastAPI:
    """Build the app. ``run_jobs`` defaults to running the embedded queue in this process
    when no Redis queue is configured (scaled-out deployments run ``rehearse worker``)."""
    settings = settings or get_settings()
    runtime = Runtime(settings)
    consume = (not settings.queue_url) if run_jobs is None else run_jobs
    gate = Gate(
        request_slots(settings.database_pool_size + settings.database_max_overflow),
        settings.request_queue_seconds,
    )
    cpu = Gate(
        settings.cpu_slots,
        settings.request_queue_seconds,
        busy_with="other sign-ins and uploaded documents",
    )
    compute = Gate(
        settings.compute_slots,
        settings.compute_queue_seconds,
        busy_with="planning interviews and building reports",
        retry_after_seconds=COMPUTE_RETRY_AFTER_SECONDS,
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Every admitted request may need a thread at once, with room for requests that do
        # not touch the database (static files, uploads being spooled).
        threads = anyio.to_thread.current_default_thread_limiter()
        threads.total_tokens = max(threads.total_tokens, gate.slots + compute.slots + 16)
        runtime.warm_up(analyses=consume)
        runtime.prepare_store()
        if consume and runtime.store_is_current():
            runtime.queue.start()
        elif consume:
            _log.error(
                "jobs.not_started",
                reason="The database schema is not up to date; run `rehearse db upgrade` "
                "and restart. /ready reports it until then.",
            )
        try:
            yield
        finally:
            runtime.close()

    app = FastAPI(
        title="Rehearse",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.runtime = runtime
    app.state.database_gate = gate
    app.state.cpu_gate = cpu
    app.state.compute_gate = compute
    install_error_handlers(app)
    app.add_middleware(
        BodyLimitMiddleware,
        upload_limit=settings.max_upload_bytes,
        other_limit=settings.max_json_kb * 1024,
    )
    app.add_middleware(RequestContextMiddleware)
    routers = (
        health_router,
        accounts_router,
        interviews_router,
        reports_router,
        practice_router,
        progress_router,
        jobs_router,
        organisations_router,
        assignments_router,
        reviews_router,
        llm_settings_router,
        live_router,
        live_gaze_router,
    )
    for router in routers:
        app.include_router(router)
    install_pages(app)
    document_errors(app)
    return app


def asgi_app() -> FastAPI:
    """The entry point for ASGI servers: ``uvicorn --factory rehearse.web.app:asgi_app``."""
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_format)
    return create_app(settings)

"""Liveness, readiness and metrics for operators and orchestrators."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from rehearse import __version__
from rehearse.analysis.speech.enhancement import check_installed
from rehearse.analysis.speech.recognition import describe_model
from rehearse.errors import ServiceUnavailable
from rehearse.runtime import Runtime
from rehearse.store import migrate
from rehearse.web.deps import RuntimeDep

router = APIRouter(tags=["operations"])


@router.get("/health", summary="Liveness: the process is up and serving")
def health() -> dict[str, str]:
    return {"status": "ok", "version": __version__}


def _database(runtime: Runtime) -> str:
    revision = migrate.current_revision(runtime.database)  # also proves the database answers
    if revision != migrate.head_revision(runtime.database):
        raise ServiceUnavailable(
            "The database schema is not up to date; run `rehearse db upgrade`."
        )
    return f"{runtime.database.engine.dialect.name}, schema {revision}"


def _blobs(runtime: Runtime) -> str:
    runtime.blobs.check()
    return "writable"


def _queue(runtime: Runtime) -> str:
    runtime.queue.check()
    return runtime.queue.name


def _models(runtime: Runtime) -> str:
    detail = f"speech: {describe_model(runtime.settings.speech_model)}"
    enhancement = runtime.settings.speech_enhancement
    if enhancement == "off":
        return detail
    check_installed()  # a missing package is named here, not in the first analysis
    return f"{detail}; enhancement: DeepFilterNet3 ({enhancement})"


READINESS_CHECKS: dict[str, Callable[[Runtime], str]] = {
    "database": _database,
    "blobs": _blobs,
    "queue": _queue,
    "models": _models,
}


@router.get(
    "/ready",
    summary="Readiness: database, blob store and job queue can all be used now; whether the "
    "models are loaded yet",
    responses={503: {"description": "At least one dependency is not ready"}},
)
def ready(runtime: RuntimeDep) -> JSONResponse:
    checks: dict[str, dict[str, Any]] = {}
    for name, check in READINESS_CHECKS.items():
        try:
            checks[name] = {"status": "ok", "detail": check(runtime)}
        except Exception as exc:
            message = exc.message if isinstance(exc, ServiceUnavailable) else str(exc)
            checks[name] = {"status": "failing", "detail": message}
    healthy = all(check["status"] == "ok" for check in checks.values())
    return JSONResponse(
        {
            "status": "ready" if healthy else "not_ready",
            "checks": checks,
            # Informational: a process whose models are still loading serves already, and
            # loads on first use whatever the warm-up has not reached yet.
            "models": runtime.warmup.state,
        },
        status_code=200 if healthy else 503,
    )


@router.get("/metrics", summary="Prometheus metrics", response_class=Response)
def prometheus_metrics() -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

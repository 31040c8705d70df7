"""Liveness, readiness and metrics."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from rehearse.runtime import Runtime
from rehearse.web.app import create_app
from tests.conftest import make_settings
from tests.support.waiting import GUARD_SECONDS


def test_health_answers(client: TestClient) -> None:
    assert client.get("/health").json()["status"] == "ok"


def test_ready_reports_each_dependency(client: TestClient) -> None:
    response = client.get("/ready")
    assert response.status_code == 200
    checks = response.json()["checks"]
    assert set(checks) == {"database", "blobs", "queue", "models"}
    assert checks["models"]["detail"] == "speech: Whisper base (bundled, offline)"
    assert all(check["status"] == "ok" for check in checks.values())


def test_ready_says_the_models_load_on_first_use_when_warm_up_is_off(client: TestClient) -> None:
    assert client.get("/ready").json()["models"] == "off"


def test_ready_says_when_the_models_are_warm(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    with TestClient(create_app(settings.model_copy(update={"warm_models": True}))) as warming:
        first = warming.get("/ready")
        assert first.status_code == 200  # serving already while the models load
        assert first.json()["models"] in {"warming", "warm"}
        runtime: Runtime = warming.app.state.runtime  # type: ignore[attr-defined]
        assert runtime.warmup.wait(timeout=GUARD_SECONDS)
        after = warming.get("/ready")
        assert (after.status_code, after.json()["models"]) == (200, "warm")
        assert runtime.retriever.prepared  # the first plan does not embed the bank


def test_ready_fails_when_the_schema_is_behind(tmp_path: Path) -> None:
    settings = make_settings(
        tmp_path / "data", f"sqlite:///{tmp_path / 'empty.sqlite3'}", auto_migrate=False
    )
    with TestClient(create_app(settings)) as unmigrated:
        response = unmigrated.get("/ready")
        assert response.status_code == 503
        assert "rehearse db upgrade" in response.json()["checks"]["database"]["detail"]
        assert unmigrated.get("/health").status_code == 200


def test_ready_fails_when_the_database_is_unreachable(tmp_path: Path) -> None:
    settings = make_settings(
        tmp_path / "data", "postgresql+psycopg://nobody@127.0.0.1:1/none", auto_migrate=False
    )
    with TestClient(create_app(settings, run_jobs=False)) as offline:
        response = offline.get("/ready")
    assert response.status_code == 503
    assert response.json()["checks"]["database"]["status"] == "failing"


def test_metrics_count_requests_by_route_template(client: TestClient) -> None:
    client.get("/api/sessions/00000000-0000-0000-0000-000000000000")
    metrics = client.get("/metrics").text
    assert (
        'rehearse_http_requests_total{method="GET",route="/api/sessions/{session_id}",status="401"}'
        in metrics
    )


def test_every_response_carries_a_request_id(client: TestClient) -> None:
    assert len(client.get("/health").headers["x-request-id"]) == 32
    echoed = client.get("/health", headers={"X-Request-ID": "abc-123"})
    assert echoed.headers["x-request-id"] == "abc-123"
    unsafe = client.get("/health", headers={"X-Request-ID": "bad id\n"})
    assert unsafe.headers["x-request-id"] != "bad id\n"


def test_the_openapi_document_describes_the_api(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    assert document["info"]["title"] == "Rehearse"
    assert "/api/auth/token" in document["paths"]
    assert client.get("/docs").status_code == 200


def test_ready_names_the_enhancement_when_it_is_on(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    with TestClient(create_app(settings.model_copy(update={"speech_enhancement": "noisy"}))) as on:
        detail = on.get("/ready").json()["checks"]["models"]["detail"]
    assert detail.endswith("; enhancement: DeepFilterNet3 (noisy)")

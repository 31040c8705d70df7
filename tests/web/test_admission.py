"""Requests queue for the database instead of starving each other of threads and connections."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx2 as httpx
import pytest
from fastapi.testclient import TestClient

from rehearse.errors import ServiceUnavailable
from rehearse.web.admission import Gate
from rehearse.web.app import create_app
from tests.conftest import make_settings, shared_fixture
from tests.support.api import STRONG_PASSWORD, ApiUser, error_code, sign_up
from tests.support.burst import burst
from tests.support.net import free_port
from tests.support.processes import rehearse_env, rehearse_process, wait_for_health
from tests.support.waiting import GUARD_SECONDS


def test_a_full_gate_refuses_after_its_wait_with_a_retry_time() -> None:
    gate = Gate(slots=1, wait_seconds=0.01)

    async def second_request_while_first_holds() -> None:
        async with gate.admitted(), gate.admitted():
            pass

    with pytest.raises(ServiceUnavailable) as refused:
        asyncio.run(second_request_while_first_holds())
    assert refused.value.retry_after_seconds is not None


def test_a_freed_slot_admits_the_next_request() -> None:
    gate = Gate(slots=1, wait_seconds=5)
    order: list[str] = []

    async def two_requests() -> None:
        async def first() -> None:
            async with gate.admitted():
                order.append("first in")
                await asyncio.sleep(0)
                order.append("first out")

        async def second() -> None:
            async with gate.admitted():
                order.append("second in")

        await asyncio.gather(first(), second())

    asyncio.run(two_requests())
    assert order == ["first in", "first out", "second in"]


@contextmanager
def _every_slot_taken(client: TestClient, gate: Gate) -> Iterator[None]:
    """Every slot of ``gate`` held, as by as many requests in progress."""
    assert client.portal is not None
    with ExitStack() as taken:
        for _ in range(gate.slots):
            taken.enter_context(client.portal.wrap_async_context_manager(gate.admitted()))
        yield


def test_a_saturated_server_answers_503_with_retry_after(tmp_path: Path, database_url: str) -> None:
    settings = make_settings(tmp_path / "data", database_url, request_queue_seconds=0.05)
    app = create_app(settings)
    with TestClient(app) as client:
        user = sign_up(client, "ana@example.com")
        with _every_slot_taken(client, app.state.database_gate):
            busy = client.get("/api/me", headers=user.headers)
        assert busy.status_code == 503
        assert error_code(busy) == "service_unavailable"
        assert int(busy.headers["Retry-After"]) >= 1
        assert client.get("/api/me", headers=user.headers).status_code == 200


def _token(base_url: str, email: str) -> str:
    account = {"email": email, "password": STRONG_PASSWORD}
    with httpx.Client(base_url=base_url, timeout=GUARD_SECONDS) as client:
        client.post("/api/auth/signup", json=account)
        token: str = client.post("/api/auth/token", json=account).json()["access_token"]
        return token


@pytest.mark.slow
def test_a_burst_beyond_the_thread_pool_is_served_without_a_stall(
    tmp_path: Path, database_url: str
) -> None:
    """More simultaneous requests than worker threads, with room to queue: before admission,
    threads waiting for connections starved the requests holding them until the pool gave
    up (500s); now every request is served."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    env = rehearse_env(
        data_dir=tmp_path / "data",
        database_url=database_url,
        port=port,
        request_queue_seconds=120,
        database_pool_timeout_seconds=120,
    )
    with rehearse_process(["serve"], env, log) as server:
        wait_for_health(base_url, server, log)
        sent = asyncio.run(burst(base_url, 160, [_token(base_url, "burst@example.com")]))
        statuses = Counter(call.status for call in sent)
    assert statuses == Counter({200: 80, 201: 80}), log.read_text()[-4000:]


def _session_with_a_job(client: TestClient, user: ApiUser) -> str:
    job = shared_fixture("jobs/software_engineer_login_gov.txt").read_text(encoding="utf-8")
    created = client.post(
        "/api/sessions", json={"title": "Plan", "job_description": job}, headers=user.headers
    )
    session_id: str = created.json()["id"]
    return session_id


def test_a_plan_waiting_for_the_cpu_holds_no_database_slot(
    tmp_path: Path, database_url: str
) -> None:
    """With one database slot and the compute turn taken, a plan request queues for the CPU
    while other requests go on being served, and is planned once the turn is free."""
    settings = make_settings(
        tmp_path / "data",
        database_url,
        database_pool_size=5,  # one request slot (4 connections are kept for the rest)
        database_max_overflow=0,
        request_queue_seconds=0.5,
        compute_queue_seconds=30,
    )
    app = create_app(settings)
    with TestClient(app) as client:
        assert app.state.database_gate.slots == 1
        user = sign_up(client, "ana@example.com")
        session_id = _session_with_a_job(client, user)
        assert client.portal is not None
        with ThreadPoolExecutor(1) as background:
            with client.portal.wrap_async_context_manager(app.state.compute_gate.admitted()):
                plan = background.submit(
                    client.post, f"/api/sessions/{session_id}/plan", json={}, headers=user.headers
                )
                time.sleep(1.0)  # it has signed in and now waits for the CPU
                assert not plan.done()
                assert client.get("/api/me", headers=user.headers).status_code == 200
            # The first plan of a process embeds the bank.
            planned = plan.result(timeout=GUARD_SECONDS)
    assert planned.status_code == 200, planned.text
    assert planned.json()["status"] == "ready"


def test_a_plan_that_gets_no_compute_turn_is_refused_with_a_retry_time(
    tmp_path: Path, database_url: str
) -> None:
    settings = make_settings(tmp_path / "data", database_url, compute_queue_seconds=0.05)
    app = create_app(settings)
    with TestClient(app) as client:
        user = sign_up(client, "ana@example.com")
        session_id = _session_with_a_job(client, user)
        assert client.portal is not None
        with client.portal.wrap_async_context_manager(app.state.compute_gate.admitted()):
            busy = client.post(f"/api/sessions/{session_id}/plan", json={}, headers=user.headers)
            report = client.get(f"/api/sessions/{session_id}/report", headers=user.headers)
        assert [busy.status_code, report.status_code] == [503, 503]
        assert int(busy.headers["Retry-After"]) >= 1
        assert "planning interviews" in busy.json()["error"]["message"]
        planned = client.post(f"/api/sessions/{session_id}/plan", json={}, headers=user.headers)
        assert planned.status_code == 200, planned.text


def test_sign_ins_beyond_the_hashing_turns_are_refused_with_a_retry_time(
    tmp_path: Path, database_url: str
) -> None:
    settings = make_settings(tmp_path / "data", database_url, request_queue_seconds=0.05)
    app = create_app(settings)
    with TestClient(app) as client:
        sign_up(client, "ana@example.com")
        credentials = {"email": "ana@example.com", "password": STRONG_PASSWORD}
        with _every_slot_taken(client, app.state.cpu_gate):
            busy = client.post("/api/auth/token", json=credentials)
        assert busy.status_code == 503
        assert int(busy.headers["Retry-After"]) >= 1
        assert client.post("/api/auth/token", json=credentials).status_code == 200

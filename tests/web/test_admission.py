"""Requests queue for the database instead of starving each other of threads and connections."""

from __future__ import annotations

import asyncio
from collections import Counter
from contextlib import ExitStack
from pathlib import Path

import httpx2 as httpx
import pytest
from fastapi.testclient import TestClient

from rehearse.errors import ServiceUnavailable
from rehearse.web.admission import DatabaseGate
from rehearse.web.app import create_app
from tests.conftest import make_settings
from tests.support.api import STRONG_PASSWORD, error_code, sign_up
from tests.support.net import free_port
from tests.support.processes import rehearse_env, rehearse_process, wait_for_health


def test_a_full_gate_refuses_after_its_wait_with_a_retry_time() -> None:
    gate = DatabaseGate(slots=1, wait_seconds=0.01)

    async def second_request_while_first_holds() -> None:
        async with gate.admitted(), gate.admitted():
            pass

    with pytest.raises(ServiceUnavailable) as refused:
        asyncio.run(second_request_while_first_holds())
    assert refused.value.retry_after_seconds is not None


def test_a_freed_slot_admits_the_next_request() -> None:
    gate = DatabaseGate(slots=1, wait_seconds=5)
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


def test_a_saturated_server_answers_503_with_retry_after(tmp_path: Path, database_url: str) -> None:
    settings = make_settings(tmp_path / "data", database_url, request_queue_seconds=0.05)
    app = create_app(settings)
    with TestClient(app) as client:
        user = sign_up(client, "ana@example.com")
        gate: DatabaseGate = app.state.database_gate
        assert client.portal is not None
        with ExitStack() as every_slot_taken:
            for _ in range(gate.slots):
                every_slot_taken.enter_context(
                    client.portal.wrap_async_context_manager(gate.admitted())
                )
            busy = client.get("/api/me", headers=user.headers)
        assert busy.status_code == 503
        assert error_code(busy) == "service_unavailable"
        assert int(busy.headers["Retry-After"]) >= 1
        assert client.get("/api/me", headers=user.headers).status_code == 200


async def _burst(base_url: str, requests: int) -> Counter[int]:
    """``requests`` calls at the same moment, half reads and half writes, by one user."""
    async with httpx.AsyncClient(
        base_url=base_url, timeout=120, limits=httpx.Limits(max_connections=None)
    ) as client:
        email = "burst@example.com"
        await client.post("/api/auth/signup", json={"email": email, "password": STRONG_PASSWORD})
        token = await client.post(
            "/api/auth/token", json={"email": email, "password": STRONG_PASSWORD}
        )
        headers = {"Authorization": f"Bearer {token.json()['access_token']}"}

        async def call(index: int) -> int:
            if index % 2:
                response = await client.get("/api/me", headers=headers)
            else:
                response = await client.post(
                    "/api/sessions", json={"title": f"Burst {index}"}, headers=headers
                )
            return response.status_code

        return Counter(await asyncio.gather(*(call(index) for index in range(requests))))


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
        statuses = asyncio.run(_burst(base_url, 160))
    assert statuses == Counter({200: 80, 201: 80}), log.read_text()[-4000:]

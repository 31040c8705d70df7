"""Admission to the database: never more requests holding it than there are connections.

Routes and dependencies are synchronous, so FastAPI runs them on a shared pool of threads.
If every thread waits for a database connection while the requests that hold the
connections wait for a thread to finish and commit, the server stalls until the pool gives
up. The gate prevents that: a request takes a slot (waiting on the event loop, not on a
thread) before it opens its transaction, and there are fewer slots than connections, so an
admitted request always finds a connection and a thread. A request that cannot get a slot
within ``wait_seconds`` is answered 503 with ``Retry-After``: load is shed with a clear
answer, not a stall.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from rehearse.errors import ServiceUnavailable
from rehearse.store.database import BUSY_RETRY_AFTER_SECONDS

# Connections left for what runs beside the requests: the in-process job worker and its
# heartbeat, the job sweeper, readiness checks and the live meters' sign-in.
RESERVED_CONNECTIONS = 4


def request_slots(connections: int) -> int:
    """How many requests may hold a transaction at once, given the pool's connections."""
    return max(1, connections - RESERVED_CONNECTIONS)


class DatabaseGate:
    """At most ``slots`` requests inside at once; the others queue for ``wait_seconds``."""

    def __init__(self, slots: int, wait_seconds: float) -> None:
        self.slots = slots
        self.wait_seconds = wait_seconds
        self._free = asyncio.Semaphore(slots)

    @asynccontextmanager
    async def admitted(self) -> AsyncIterator[None]:
        """Hold a slot for the block, or raise ServiceUnavailable after ``wait_seconds``."""
        try:
            async with asyncio.timeout(self.wait_seconds):
                await self._free.acquire()
        except TimeoutError as exc:
            raise ServiceUnavailable(
                "The server is busy with other requests. "
                f"Try again in {BUSY_RETRY_AFTER_SECONDS} seconds.",
                retry_after_seconds=BUSY_RETRY_AFTER_SECONDS,
            ) from exc
        try:
            yield
        finally:
            self._free.release()

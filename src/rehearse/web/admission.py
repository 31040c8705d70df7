"""Admission: never more requests at a piece of work than it can serve at once.

Routes and dependencies are synchronous, so FastAPI runs them on a shared pool of threads.
If every thread waits for a database connection while the requests that hold the
connections wait for a thread to finish and commit, the server stalls until the pool gives
up. The database gate prevents that: a request takes a slot (waiting on the event loop, not
on a thread) before it opens its transaction, and there are fewer slots than connections, so
an admitted request always finds a connection and a thread.

CPU-bound work gets gates of its own, taken before the database slot: short work (hashing a
password, about 0.2 s of a core with argon2; reading a résumé) and the long computations of
a plan or a report. With only as many of them at once as the gates have slots, a class
signing up or planning together queues for the CPU instead of slowing down, through the
shared cores and the one interpreter lock, every request already running.

A request that cannot get a slot within a gate's wait is answered 503 with ``Retry-After``:
load is shed with a clear answer, not a stall.
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


class Gate:
    """At most ``slots`` requests inside at once; the others queue for ``wait_seconds``."""

    def __init__(
        self,
        slots: int,
        wait_seconds: float,
        *,
        busy_with: str = "other requests",
        retry_after_seconds: int = BUSY_RETRY_AFTER_SECONDS,
    ) -> None:
        self.slots = slots
        self.wait_seconds = wait_seconds
        self.busy_with = busy_with
        self.retry_after_seconds = retry_after_seconds
        self._free = asyncio.Semaphore(slots)

    @asynccontextmanager
    async def admitted(self) -> AsyncIterator[None]:
        """Hold a slot for the block, or raise ServiceUnavailable after ``wait_seconds``."""
        try:
            async with asyncio.timeout(self.wait_seconds):
                await self._free.acquire()
        except TimeoutError as exc:
            raise ServiceUnavailable(
                f"The server is busy with {self.busy_with}. "
                f"Try again in {self.retry_after_seconds} seconds.",
                retry_after_seconds=self.retry_after_seconds,
            ) from exc
        try:
            yield
        finally:
            self._free.release()

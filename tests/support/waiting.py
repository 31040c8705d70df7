"""Waiting in a test for an event, as long as it takes, under a guard against a hang.

A test waits for what it needs (a job done, a server answering, a mail delivered, a page
shown), never for a set number of seconds: the same test runs on a quiet laptop and beside two
busy processes. The guard only stops a hang and says what was awaited; how fast things are
is measured in bench/, not here.
"""

from __future__ import annotations

import time
from collections.abc import Callable

GUARD_SECONDS = 600.0
GUARD_MS = GUARD_SECONDS * 1000  # Playwright counts in milliseconds


def wait_until(condition: Callable[[], bool], what: str, *, guard: float = GUARD_SECONDS) -> None:
    """Return once ``condition()`` holds; fail naming ``what`` if it never does."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > guard:
            raise AssertionError(f"still waiting for {what} after {guard:.0f} s (a hang guard)")
        time.sleep(0.05)

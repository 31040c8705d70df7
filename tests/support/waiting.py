"""Waiting in a test for an event, as long as it takes, under a guard against a hang.

A test waits for what it needs (a job done, a server answering, a mail delivered, a page
shown), never for a set number of seconds: the same test runs on a quiet laptop and beside two
busy processes. The guard only stops a hang and says what was awaited; how fast things are
is measured in bench/, not here.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import httpx2 as httpx

GUARD_SECONDS = 600.0
GUARD_MS = GUARD_SECONDS * 1000  # Playwright counts in milliseconds


def wait_until(condition: Callable[[], bool], what: str, *, guard: float = GUARD_SECONDS) -> None:
    """Return once ``condition()`` holds; fail naming ``what`` if it never does."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > guard:
            raise AssertionError(f"still waiting for {what} after {guard:.0f} s (a hang guard)")
        time.sleep(0.05)


def wait_for_url(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    """Until ``url`` answers 200 from the server ``process`` runs; fail with its ``log`` if it
    exits first. One client polls: a new one loads the CA certificates, about 20 ms of CPU
    every 50 ms, taken from the server while it starts."""
    with httpx.Client(timeout=1) as probe:

        def answering() -> bool:
            if process.poll() is not None:
                raise AssertionError(f"the server for {url} exited early:\n{log.read_text()}")
            try:
                return probe.get(url).status_code == 200
            except httpx.HTTPError:
                return False

        wait_until(answering, url)

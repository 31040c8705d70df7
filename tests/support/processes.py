"""Rehearse's own commands run as real processes, as an operator would run them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2 as httpx

from tests.support.cache import shared_cache_folder
from tests.support.waiting import wait_until


def rehearse_env(**settings: object) -> dict[str, str]:
    """The environment for a child process: REHEARSE_* variables from ``settings``."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("REHEARSE_")}
    env["REHEARSE_WARM_MODELS"] = "false"  # models load on first use unless a test asks
    env["REHEARSE_JOB_NICE"] = "0"  # as in make_settings: test processes run side by side
    env["REHEARSE_CACHE_DIR"] = str(shared_cache_folder())  # as in make_settings
    env["REHEARSE_LIVE_FINAL_SECONDS"] = "60"  # as in make_settings: the whole transcript
    env["REHEARSE_LLM"] = "off"  # as in make_settings: turned on by the judge's own tests
    env.update({f"REHEARSE_{key.upper()}": str(value) for key, value in settings.items()})
    env["REHEARSE_LOG_FORMAT"] = "json"
    return env


@contextmanager
def rehearse_process(
    args: list[str], env: dict[str, str], log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """Run ``rehearse ARGS``; SIGKILLed on exit if still running (the test may kill it first)."""
    with log.open("ab") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "rehearse", *args],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)


def wait_for_health(base_url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    def healthy() -> bool:
        if process.poll() is not None:
            raise AssertionError(f"rehearse exited early:\n{log.read_text()}")
        try:
            return httpx.get(f"{base_url}/health", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    wait_until(healthy, f"{base_url}/health")

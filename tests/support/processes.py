"""Rehearse's own commands run as an operator would run them: as real processes, or in this
process through the same command line (Typer's runner)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from typer.testing import CliRunner, Result

from rehearse.cli import app
from tests.support.cache import shared_cache_folder
from tests.support.waiting import wait_for_url


def invoke_rehearse(args: list[str], env: dict[str, str], stdin: str = "") -> Result:
    """``rehearse ARGS`` run in this process (Typer's runner), with ``env`` as its
    environment's REHEARSE_* variables (the test process's own log format kept)."""
    unset: dict[str, str | None] = {key: None for key in os.environ if key.startswith("REHEARSE_")}
    variables = {key: value for key, value in env.items() if key.startswith("REHEARSE_")}
    result = CliRunner().invoke(
        app, args, input=stdin, env=unset | variables | {"REHEARSE_LOG_FORMAT": "console"}
    )
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # what a user would have seen as a traceback
    return result


def rehearse_env(**settings: object) -> dict[str, str]:
    """The environment for a child process: REHEARSE_* variables from ``settings``."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("REHEARSE_")}
    env["REHEARSE_WARM_MODELS"] = "false"  # models load on first use unless a test asks
    env["REHEARSE_JOB_NICE"] = "0"  # as in make_settings: test processes run side by side
    env["REHEARSE_CACHE_DIR"] = str(shared_cache_folder())  # as in make_settings
    env["REHEARSE_LIVE_FINAL_SECONDS"] = "60"  # as in make_settings: the whole transcript
    env["REHEARSE_LLM"] = "off"  # as in make_settings: turned on by the judge's own tests
    env["REHEARSE_PASSWORD_HASH_PROFILE"] = "cheapest"  # as in make_settings: 0.1-0.3 s a hash
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
    """Until the ``rehearse serve`` at ``base_url`` answers its health check."""
    wait_for_url(f"{base_url}/health", process, log)

"""A llama.cpp server for the language model, started and watched by Rehearse on the embedded
defaults.

``scripts/lib.sh`` compiles llama.cpp's ``llama-server`` once per machine (from the llama.cpp
sources inside the ``llama-cpp-python`` source package) and puts it in the virtual
environment's ``bin``. ``LocalServer`` runs it on a free loopback port with the bundled model,
with ``SLOTS`` slots of ``CONTEXT_TOKENS`` each; the client sends each system text to a slot of
its own (``slots.py``), so a request reuses the prompt the last one under its system text left.
Scaled out, every worker points ``REHEARSE_LLM_URL`` at one shared server instead and nothing is
started.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import structlog

from rehearse.errors import RehearseError

_log = structlog.get_logger(__name__)
BINARY = "llama-server"
CONTEXT_TOKENS = 4096  # per slot
# The judge's two system texts, and a third for anything else (a rewrite).
SLOTS = 3
NICENESS = 10
_PR_SET_PDEATHSIG = 1  # prctl(2)
_START_SECONDS = 300.0  # loading 1.1 GB from a cold disk on a slow machine
# How long a server whose connection dropped is given to finish exiting: a killed server's
# sockets close before the kernel reports it gone, and a request in that moment found it
# still running and asked it again (seen once in the suite).
_EXIT_SECONDS = 2.0


class JudgeServerFailed(RehearseError):
    """The local llama.cpp server could not be found or started."""

    status_code = 503
    code = "judge_server_failed"


def find_binary() -> Path:
    """``llama-server`` beside this Python (the virtual environment's bin) or on PATH."""
    beside = Path(sys.executable).parent / BINARY
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside
    found = shutil.which(BINARY)
    if found is None:
        raise JudgeServerFailed(
            f"{BINARY} (llama.cpp's server) is not installed: run ./scripts/start, which "
            "builds it once, or set REHEARSE_LLM_URL to a running server."
        )
    return Path(found)


def _as_background_child() -> None:
    """Run in the child before the server starts: as background work (live captions and
    requests come first), and, on Linux, ended when the thread that started it ends, which
    ``LocalServer`` keeps alive until it is closed or the process ends, however it ends, so a
    killed Rehearse leaves no 1.9 GB server behind. Killed, not asked to stop: it keeps
    nothing worth a graceful end, and once one was seen deadlocked in its SIGTERM shutdown,
    deaf to SIGTERM and SIGINT from then on."""
    os.nice(NICENESS)
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LocalServer:
    """One ``llama-server`` child process serving ``model``; started on first use, restarted
    if it died, stopped by ``close``. It is started from a thread of its own, which lives as
    long as this object: the kernel ends the child when the thread that started it ends
    (``_as_background_child``), and the thread that first asks (a warm-up) may be short-lived."""

    def __init__(self, model: Path, *, threads: int | None = None, slots: int = SLOTS) -> None:
        self.model = model
        self.threads = threads or max(1, min(os.cpu_count() or 1, 4))
        self.slots = slots
        self._process: subprocess.Popen[bytes] | None = None
        self._url = ""
        self._lock = threading.Lock()
        self._spawner: ThreadPoolExecutor | None = None

    @property
    def pid(self) -> int | None:
        """The running server's process id; None when it is not running."""
        running = self._process is not None and self._process.poll() is None
        return self._process.pid if running and self._process is not None else None

    def url(self) -> str:
        """The server's OpenAI-compatible base URL, starting it when it is not running."""
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                self._start()
            return self._url

    def connection_lost(self) -> None:
        """A request's connection dropped: if the server is exiting, wait until it is gone,
        so the next request starts another rather than asking it again."""
        with self._lock:
            # Still running after that: the connection dropped for another reason.
            if self._process is not None:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self._process.wait(timeout=_EXIT_SECONDS)

    def _start(self) -> None:
        if self._process is not None:
            _log.warning("llm.server_restarted", exit_code=self._process.returncode)
        port = _free_port()
        command = [
            str(find_binary()), "--model", str(self.model), "--host", "127.0.0.1",
            "--port", str(port), "--ctx-size", str(CONTEXT_TOKENS * self.slots),
            "--parallel", str(self.slots),
            "--threads", str(self.threads), "--threads-batch", str(self.threads),
            "--no-webui", "--log-disable",
        ]  # fmt: skip
        # Without PASSIVE, OpenMP threads spin on idle cores and starve everything else.
        environment = {**os.environ, "OMP_WAIT_POLICY": "PASSIVE"}
        if self._spawner is None:
            self._spawner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="llm-server")
        self._process = self._spawner.submit(
            subprocess.Popen,
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=environment,
            preexec_fn=_as_background_child,  # before exec; takes no locks
        ).result()
        self._url = f"http://127.0.0.1:{port}/v1"
        if self._ready(self._process, port):
            _log.info("llm.server_started", port=port, model=self.model.name)
            return
        self._stop()
        raise JudgeServerFailed(f"{BINARY} did not become ready in {_START_SECONDS:.0f} s.")

    def _ready(self, process: subprocess.Popen[bytes], port: int) -> bool:
        """Whether ``process`` answers its health check on ``port`` within ``_START_SECONDS``;
        ``JudgeServerFailed`` if it exits first. One client asks every time: a new one loads
        the CA certificates, about 20 ms of CPU a poll taken from the server while it loads."""
        deadline = time.monotonic() + _START_SECONDS
        with httpx.Client(timeout=2) as probe:
            while time.monotonic() < deadline:
                if process.poll() is not None:
                    raise JudgeServerFailed(
                        f"{BINARY} exited with code {process.returncode} while loading "
                        f"{self.model}; the file may be damaged (delete it and run "
                        "./scripts/start)."
                    )
                try:
                    if probe.get(f"http://127.0.0.1:{port}/health").status_code == 200:
                        return True
                except httpx.HTTPError:
                    pass
                time.sleep(0.2)
        return False

    def close(self) -> None:
        """Stop the server, if it runs, and the thread that started it."""
        with self._lock:
            self._stop()

    def _stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()  # it keeps nothing worth a graceful end
            self._process.wait()
        self._process = None
        if self._spawner is not None:
            self._spawner.shutdown()
            self._spawner = None

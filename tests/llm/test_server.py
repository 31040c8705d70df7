"""The local llama.cpp server: started on first use, kept while it is in use whichever thread
started it, started again when it died, ended with the process that started it, and a model
file it cannot load reported, not waited on. SmolLM2-135M stands in for the judge's model."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest

from rehearse.llm.client import ChatClient
from rehearse.llm.server import JudgeServerFailed, LocalServer
from tests.support.llama import smollm2
from tests.support.waiting import GUARD_SECONDS, wait_until

pytestmark = pytest.mark.slow


def _healthy(url: str) -> bool:
    return httpx.get(url.removesuffix("/v1") + "/health", timeout=5).status_code == 200


def test_a_server_that_died_is_started_again() -> None:
    server = LocalServer(smollm2(), threads=1)
    try:
        first = server.pid
        assert first is None
        assert _healthy(server.url())
        died = server.pid
        assert died is not None
        os.kill(died, signal.SIGKILL)
        wait_until(lambda: server.pid is None, "the killed server to exit")
        assert _healthy(server.url())
        assert server.pid not in (None, died)
    finally:
        server.close()
    assert server.pid is None


def test_a_killed_server_whose_connection_dropped_is_known_gone_before_the_next_request() -> None:
    """Its sockets close before the kernel reports it gone; a request retried at once found
    it still running and asked it again."""
    server = LocalServer(smollm2(), threads=1)
    try:
        server.url()
        killed = server.pid
        assert killed is not None
        os.kill(killed, signal.SIGKILL)
        server.connection_lost()  # what the client does when its request's connection drops
        assert server.pid is None
        assert _healthy(server.url())
    finally:
        server.close()


def test_a_server_started_for_a_thread_that_has_ended_keeps_serving() -> None:
    """As when a short-lived warm-up thread is the first to ask (``rehearse analyze``)."""
    server = LocalServer(smollm2(), threads=1)
    try:
        asked: list[str] = []
        warm_up = threading.Thread(target=lambda: asked.append(server.url()))
        warm_up.start()
        warm_up.join()
        started = server.pid
        reader = ChatClient(asked[0], "smollm2", timeout_seconds=GUARD_SECONDS)
        assert reader.first_token("Reply yes or no.", "Is water wet?")
        assert server.pid == started
        reader.close()
    finally:
        server.close()


def test_a_model_file_it_cannot_load_is_reported(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.gguf"
    damaged.write_bytes(b"GGUF" + os.urandom(4096))
    with pytest.raises(JudgeServerFailed, match="exited with code"):
        LocalServer(damaged, threads=1).url()


_OWNER = """
import sys
from pathlib import Path
from rehearse.llm.server import LocalServer
server = LocalServer(Path(sys.argv[1]), threads=1)
server.url()
print(server.pid, flush=True)
sys.stdin.read()
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie has ended; only its entry is left
        return stat.read().rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(
    sys.platform != "linux", reason="the server's end is tied to its owner on Linux"
)
def test_a_server_ends_with_the_process_that_started_it_however_that_ends() -> None:
    owner = subprocess.Popen(
        [sys.executable, "-c", _OWNER, str(smollm2())],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert owner.stdout is not None
    said = iter(owner.stdout.readline, b"")
    server_pid = int(next(line for line in said if line.strip().isdigit()))  # past its log
    assert _alive(server_pid)
    owner.kill()  # no close(), no atexit: as when Rehearse is killed
    owner.wait()
    wait_until(lambda: not _alive(server_pid), "the server to end with its owner")

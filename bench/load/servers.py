"""The servers a load benchmark starts on the loopback, as an operator would: ``rehearse``
processes at the normal priority, a throwaway PostgreSQL database, and the suite's Redis."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

# The servers the test suite uses (scripts/lib.sh starts them when they are not running).
POSTGRES = os.environ.get(
    "REHEARSE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REDIS = os.environ.get("REHEARSE_BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")


def _normal_priority() -> None:
    os.setpriority(os.PRIO_PROCESS, 0, 0)


@contextmanager
def rehearse_process(
    args: list[str], env: dict[str, str], log: Path, cores: list[int] | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """``rehearse ARGS`` at the normal priority (on ``cores`` alone, if given) while the block
    runs, its output in ``log``."""

    def prepare() -> None:
        _normal_priority()
        if cores is not None:
            os.sched_setaffinity(0, cores)

    with log.open("ab") as output:
        process = subprocess.Popen(  # noqa: S603 (our own interpreter and code)
            [sys.executable, "-m", "rehearse", *args],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            preexec_fn=prepare,  # noqa: PLW1509 (no threads run the client yet)
        )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()


def wait_healthy(base: str, timeout: float = 120, path: str = "/health") -> None:
    """Until ``base + path`` answers 200 (``/ready``: the database, bucket and Redis too)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}{path}", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{base}{path} did not answer 200 within {timeout:.0f} s")


@contextmanager
def postgres_database() -> Iterator[str]:
    from sqlalchemy import create_engine, text  # noqa: PLC0415
    from sqlalchemy.engine import make_url  # noqa: PLC0415

    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    name = f"rehearse_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

"""Nothing is lost when a process dies mid-job: killed with SIGKILL, the job is finished after.

The job is a real one (the sign-up confirmation e-mail), and the kill happens while it is
half-way through talking to a real SMTP server that holds the first delivery open.
"""

from __future__ import annotations

import signal
from pathlib import Path

import httpx2 as httpx
import pytest

from rehearse.jobs.models import Job, JobStatus
from rehearse.mail.tasks import queue_mail
from rehearse.runtime import Runtime
from rehearse.store.database import Database
from tests.conftest import REDIS_URL, make_settings
from tests.support.api import STRONG_PASSWORD
from tests.support.net import free_port
from tests.support.processes import rehearse_env, rehearse_process, wait_for_health
from tests.support.smtp import smtp_server
from tests.support.waiting import wait_until

pytestmark = pytest.mark.slow


def _only_job(database_url: str) -> Job:
    database = Database(database_url)
    with database.sessions() as session:
        (job,) = session.query(Job).all()
    database.dispose()
    return job


def test_embedded_server_killed_mid_job_finishes_it_after_restart(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    database_url = f"sqlite:///{data_dir / 'rehearse.sqlite3'}"
    log = tmp_path / "serve.log"
    with smtp_server(hold_first=True) as (smtp_port, mailbox):
        env = rehearse_env(
            data_dir=data_dir,
            port=port,
            smtp_host="127.0.0.1",
            smtp_port=smtp_port,
            job_poll_seconds=0.1,
        )
        with rehearse_process(["serve"], env, log) as server:
            wait_for_health(base_url, server, log)
            signup = httpx.post(
                f"{base_url}/api/auth/signup",
                json={"email": "kim@example.com", "password": STRONG_PASSWORD},
            )
            assert signup.status_code == 201
            assert mailbox.receiving.wait(30), "the mail job never reached the SMTP server"
            interrupted = _only_job(database_url)
            assert (interrupted.status, interrupted.attempts) == (JobStatus.RUNNING, 1)
            server.send_signal(signal.SIGKILL)
            server.wait(10)
        mailbox.release.set()

        with rehearse_process(["serve"], env, log) as server:
            wait_for_health(base_url, server, log)
            wait_until(lambda: len(mailbox.delivered) == 1, "the e-mail after restart")
            wait_until(lambda: _only_job(database_url).status is JobStatus.DONE, "the job row")
            finished = _only_job(database_url)
            assert (finished.attempts, finished.error) == (2, "")
            assert '"event": "job.orphaned"' in log.read_text()
            assert mailbox.delivered[0]["To"] == "kim@example.com"
            # The account created before the crash is intact and usable.
            token = httpx.post(
                f"{base_url}/api/auth/token",
                json={"email": "kim@example.com", "password": STRONG_PASSWORD},
            )
            assert token.status_code == 200


@pytest.mark.postgres
@pytest.mark.redis
def test_worker_killed_mid_job_is_replaced_by_another(
    tmp_path: Path, postgres_database: str, redis_namespace: str
) -> None:
    log = tmp_path / "workers.log"
    with smtp_server(hold_first=True) as (smtp_port, mailbox):
        settings = {
            "database_url": postgres_database,
            "queue_url": REDIS_URL,
            "queue_namespace": redis_namespace,
            "data_dir": tmp_path / "data",
            "smtp_host": "127.0.0.1",
            "smtp_port": smtp_port,
            "job_lease_seconds": 2,
        }
        producer = Runtime(make_settings(**settings))  # type: ignore[arg-type]
        with producer.database.transaction() as session:
            queue_mail(
                session,
                producer.queue,
                to="lee@example.com",
                subject="Hello",
                text="A message that must arrive.",
                sender="rehearse@localhost",
            )
        env = rehearse_env(**settings)
        with rehearse_process(["worker"], env, log) as first:
            assert mailbox.receiving.wait(60), f"no worker took the job:\n{log.read_text()}"
            assert _only_job(postgres_database).status is JobStatus.RUNNING
            first.send_signal(signal.SIGKILL)
            first.wait(10)
        mailbox.release.set()
        with rehearse_process(["worker"], env, log):
            wait_until(lambda: len(mailbox.delivered) == 1, "the second worker's delivery")
            wait_until(lambda: _only_job(postgres_database).status is JobStatus.DONE, "the job row")
        producer.close()
    assert _only_job(postgres_database).attempts == 2
    assert mailbox.delivered[0]["To"] == "lee@example.com"
    assert '"event": "job.orphaned"' in log.read_text()

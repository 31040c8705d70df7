"""Scaled out with nothing shared but PostgreSQL, Redis and a bucket: the API and each
``rehearse worker`` have data folders (and temporary folders) of their own, and the recording
travels between them only through a real S3-compatible server."""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from rehearse.analysis.speech.evaluation import word_error_rate, words_of
from rehearse.web.app import create_app
from tests.conftest import REDIS_URL, make_settings
from tests.support.api import ApiUser, sign_up, wait_for_job
from tests.support.processes import rehearse_env, rehearse_process
from tests.support.s3 import Bucket
from tests.support.waiting import wait_until

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis]

SAID = "I led the team that rebuilt our billing system last year."


@dataclass
class Deployment:
    api: TestClient
    user: ApiUser
    shared: dict[str, object]
    """The settings every process has in common: database, queue and bucket."""
    root: Path

    def worker_env(self, name: str) -> tuple[dict[str, str], Path]:
        """A worker's environment with its own data folder and TMPDIR (returned)."""
        temporary = self.root / name / "tmp"
        temporary.mkdir(parents=True)
        env = rehearse_env(**self.shared, data_dir=self.root / name / "data")
        env["TMPDIR"] = str(temporary)
        return env, temporary


@pytest.fixture
def deployment(
    tmp_path: Path, postgres_database: str, redis_namespace: str, bucket: Bucket
) -> Iterator[Deployment]:
    shared: dict[str, object] = {
        "database_url": postgres_database,
        "queue_url": REDIS_URL,
        "queue_namespace": redis_namespace,
        "job_lease_seconds": 2,
        **bucket.settings,
    }
    settings = make_settings(**shared, data_dir=tmp_path / "api" / "data")  # type: ignore[arg-type]
    with TestClient(create_app(settings)) as api:
        yield Deployment(api, sign_up(api, "sam@example.com"), shared, tmp_path)
    assert not (tmp_path / "api" / "data" / "blobs").exists()  # the API kept no file


def _spoken() -> bytes:
    return subprocess.run(["espeak-ng", "--stdout", SAID], check=True, capture_output=True).stdout


def _answer(deployment: Deployment, recording: bytes) -> dict[str, Any]:
    api, headers = deployment.api, deployment.user.headers
    session = api.post("/api/sessions", json={"title": "Billing"}, headers=headers).json()
    question = api.post(
        f"/api/sessions/{session['id']}/questions",
        json={"text": "Tell me about a project you led."},
        headers=headers,
    ).json()
    response = api.post(
        f"/api/sessions/{session['id']}/questions/{question['id']}/answers",
        files={"media": ("answer.wav", recording, "audio/wav")},
        headers=headers,
    )
    assert response.status_code == 201, response.text
    answer: dict[str, Any] = {**response.json(), "session_id": session["id"]}
    return answer


def _downloads(temporary: Path) -> list[Path]:
    return list(temporary.glob("rehearse-blob-*"))


def _assert_analysed_and_served(
    deployment: Deployment, answer: dict[str, Any], data: bytes
) -> None:
    api, headers = deployment.api, deployment.user.headers
    base = f"/api/sessions/{answer['session_id']}"
    stored = api.get(f"{base}/answers/{answer['id']}", headers=headers).json()
    assert stored["status"] == "analysed"
    # The words, not exact ones: int8 decoding of espeak rounds by CPU and thread count (one
    # BLAS thread a worker heard "I left a team that rebuilt our building system last year.").
    assert word_error_rate(SAID, stored["transcript"]) <= 3 / len(words_of(SAID))
    report = api.get(f"{base}/report", headers=headers)
    assert report.status_code == 200, report.text
    (scored,) = report.json()["answers"]
    assert "delivery" in {score["name"] for score in scored["scores"]}
    media = f"{base}/answers/{answer['id']}/media"
    assert api.get(media, headers=headers).content == data
    part = api.get(media, headers={**headers, "Range": "bytes=1000-1999"})
    assert part.status_code == 206
    assert part.headers["content-range"] == f"bytes 1000-1999/{len(data)}"
    assert part.content == data[1000:2000]


def test_a_worker_elsewhere_analyses_an_answer_from_the_bucket(
    deployment: Deployment, bucket: Bucket
) -> None:
    recording = _spoken()
    answer = _answer(deployment, recording)
    assert len(bucket.stored_keys()) == 1
    env, temporary = deployment.worker_env("worker")
    log = deployment.root / "worker.log"
    with rehearse_process(["worker"], env, log):
        job = wait_for_job(deployment.api, deployment.user, str(answer["analysis_job_id"]))
        assert job["status"] == "done", f"{job}\n{log.read_text()}"
    _assert_analysed_and_served(deployment, answer, recording)
    assert _downloads(temporary) == []  # the worker removed its copy
    assert not (deployment.root / "worker" / "data" / "blobs").exists()


def test_a_worker_killed_mid_analysis_is_replaced_and_the_job_finishes_from_the_bucket(
    deployment: Deployment,
) -> None:
    recording = _spoken()
    answer = _answer(deployment, recording)
    job_path = f"/api/jobs/{answer['analysis_job_id']}"
    log = deployment.root / "workers.log"

    first_env, first_tmp = deployment.worker_env("first")
    with rehearse_process(["worker"], first_env, log) as first:
        # Killed once it holds its copy of the recording, during the analysis.
        wait_until(lambda: bool(_downloads(first_tmp)), f"a download:\n{log.read_text()}")
        job = deployment.api.get(job_path, headers=deployment.user.headers).json()
        assert (job["status"], job["attempts"]) == ("running", 1)
        first.send_signal(signal.SIGKILL)
        first.wait(10)

    second_env, second_tmp = deployment.worker_env("second")
    with rehearse_process(["worker"], second_env, log):
        job = wait_for_job(deployment.api, deployment.user, str(answer["analysis_job_id"]))
    assert (job["status"], job["attempts"]) == ("done", 2), log.read_text()
    assert '"event": "job.orphaned"' in log.read_text()
    _assert_analysed_and_served(deployment, answer, recording)
    assert _downloads(second_tmp) == []

"""The content judge's job survives what kills its work: its llama.cpp server killed in the
middle of an answer (started again, the answer judged once), and its worker gone after the
verdict was kept (the job runs again and judges nothing twice). Real store, real job runner;
the server is the product's own, running the bundled model."""

from __future__ import annotations

import os
import signal
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update

from rehearse.feedback.judge.verdict import ContentJudgement
from rehearse.interviews.models import AnalysisResult, QuestionKind
from rehearse.jobs.models import Job, JobStatus
from rehearse.jobs.runner import JobRunner, sweep
from rehearse.jobs.service import enqueue
from rehearse.llm.configured import ConfiguredClient
from rehearse.reports.judging import JUDGE_CONTENT, KIND
from rehearse.runtime import Runtime
from rehearse.store.base import utcnow
from tests.conftest import make_settings
from tests.support.jobs import orphan
from tests.support.judged import judge_on, keep_judgement, story_judgement
from tests.support.llama import bundled_judge_cache
from tests.support.store import answered_question
from tests.support.waiting import wait_until

QUESTION = "What does an index do for a database query?"
POINTS = ("An index lets the database find rows without scanning the whole table",)
SAID = (
    "An index is a sorted structure over a column, so the database finds the matching rows "
    "directly instead of scanning the whole table."
)  # an explanation: judged in about 2 s here, where a story takes 12


def _answer_to_judge(runtime: Runtime) -> tuple[uuid.UUID, uuid.UUID]:
    """A typed answer and its queued judge job: (the answer's id, the job's id)."""
    with runtime.database.transaction() as db:
        asked, answer = answered_question(db, QUESTION, SAID, QuestionKind.TECHNICAL, POINTS)
        payload = {"question_id": str(asked.id)}
        job = enqueue(db, runtime.queue, kind=JUDGE_CONTENT, payload=payload)
        return answer.id, job.id


def _records(runtime: Runtime, answer_id: uuid.UUID) -> list[dict[str, Any]]:
    with runtime.database.sessions() as db:
        found = db.scalars(
            select(AnalysisResult).where(
                AnalysisResult.answer_id == answer_id, AnalysisResult.kind == KIND
            )
        )
        return [record.data for record in found]


def _job(runtime: Runtime, job_id: uuid.UUID) -> Job:
    with runtime.database.sessions() as db:
        return db.get_one(Job, job_id)


def _make_due(runtime: Runtime, job_id: uuid.UUID) -> None:
    with runtime.database.transaction() as db:
        db.execute(update(Job).where(Job.id == job_id).values(run_after=utcnow()))


@pytest.fixture
def own_server(tmp_path: Path, database_url: str) -> Iterator[Runtime]:
    """A runtime whose judge starts its own llama.cpp server with the bundled model, in a
    cache folder of its own: no reading kept by an earlier run spares the server."""
    cache = bundled_judge_cache(tmp_path / "cache")
    runtime = Runtime(make_settings(tmp_path / "data", database_url, llm="on", cache_dir=cache))
    yield runtime
    runtime.close()


def _serving(client: ConfiguredClient, probe: httpx.Client) -> bool:
    """Whether the server the client started is up: the judge's requests, seconds of them,
    follow at once."""
    if client.server_pid is None:
        return False
    try:
        root = client.base_url.rstrip("/").removesuffix("/v1")
        health = probe.get(f"{root}/health")
    except httpx.HTTPError:
        return False
    return health.status_code == 200


@pytest.mark.slow
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the server, not the store
def test_a_judge_server_killed_mid_answer_is_started_again_and_judges_it_once(
    own_server: Runtime,
) -> None:
    runtime = own_server
    client = runtime.content_judge.reader  # type: ignore[union-attr]
    assert isinstance(client, ConfiguredClient)
    answer_id, job_id = _answer_to_judge(runtime)
    ran: list[JobStatus | None] = []
    first = threading.Thread(target=lambda: ran.append(JobRunner(runtime).run(job_id)))
    first.start()
    with httpx.Client(timeout=5) as probe:  # one client polls (wait_for_url says why)
        wait_until(lambda: _serving(client, probe), "the judge's server to start")
    killed = client.server_pid
    assert killed is not None
    os.kill(killed, signal.SIGKILL)
    first.join()
    if ran == [JobStatus.QUEUED]:  # killed in the middle of a request: tried again later
        assert _records(runtime, answer_id) == []  # nothing kept meanwhile
        _make_due(runtime, job_id)
        ran.append(JobRunner(runtime).run(job_id))
    assert ran[-1] is JobStatus.DONE  # between two requests, the next started it again
    assert client.server_pid not in (None, killed)
    (record,) = _records(runtime, answer_id)
    assert record["status"] == "ok"
    assert _job(runtime, job_id).attempts == len(ran)


def test_a_worker_gone_after_keeping_its_verdict_is_not_followed_by_a_second(
    tmp_path: Path, database_url: str
) -> None:
    """Its server is never asked: a second judgement would fail to reach it."""
    runtime = Runtime(judge_on(tmp_path / "data", database_url))
    try:
        answer_id, job_id = _answer_to_judge(runtime)
        kept = story_judgement(71)
        keep_judgement(runtime, [answer_id], kept)  # the dead worker's last act
        with runtime.database.transaction() as db:
            orphan(db, job_id)
        sweep(runtime)
        assert _job(runtime, job_id).status is JobStatus.QUEUED
        assert JobRunner(runtime).run(job_id) is JobStatus.DONE
        assert _job(runtime, job_id).result == {"status": "ok", "cached": True}
        (record,) = _records(runtime, answer_id)
        assert ContentJudgement.from_dict(record["judgement"]) == kept
    finally:
        runtime.close()

"""A user's place in the line of one kind of job, and the time it will take, from job rows."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from rehearse.accounts.models import User
from rehearse.jobs.models import Job, JobStatus
from rehearse.jobs.wait import about, wait_for
from rehearse.runtime import Runtime
from rehearse.store.base import utcnow
from tests.support.api import ApiUser

KIND = "answer.judge_content"
_T0 = utcnow() - timedelta(minutes=10)


def _user(runtime: Runtime) -> uuid.UUID:
    with runtime.database.transaction() as db:
        user = User(email=f"{uuid.uuid4().hex}@example.com", password_hash="x")
        db.add(user)
        db.flush()
        return user.id


def _job(
    runtime: Runtime,
    user_id: uuid.UUID,
    status: JobStatus,
    *,
    at: float,
    ran: tuple[datetime, datetime | None] | None = None,
    kind: str = KIND,
    worker: str = "",
) -> None:
    """A job of ``user_id`` created ``at`` seconds after _T0, started and finished as ``ran``."""
    started, finished = ran or (None, None)
    with runtime.database.transaction() as db:
        db.add(
            Job(
                kind=kind,
                user_id=user_id,
                status=status,
                created_at=_T0 + timedelta(seconds=at),
                started_at=started,
                finished_at=finished,
                worker=worker,
            )
        )


def _took(
    runtime: Runtime,
    user_id: uuid.UUID,
    seconds: float,
    *,
    workers: tuple[str, ...] = ("a",),
    kind: str = KIND,
) -> None:
    """Three finished jobs of ``kind`` for each of ``workers``, each ran ``seconds``, a minute
    ago."""
    end = utcnow() - timedelta(minutes=1)
    for worker in workers * 3:
        ran = (end - timedelta(seconds=seconds), end)
        _job(runtime, user_id, JobStatus.DONE, at=0, ran=ran, worker=worker, kind=kind)


def test_nothing_waits_for_a_user_with_no_unfinished_job(runtime: Runtime) -> None:
    other, user = _user(runtime), _user(runtime)
    _job(runtime, other, JobStatus.QUEUED, at=1)
    _job(runtime, user, JobStatus.DONE, at=2)
    with runtime.database.sessions() as db:
        assert wait_for(db, user, KIND) is None


def test_the_jobs_ahead_are_everyone_s_unfinished_jobs_of_the_kind_made_before(
    runtime: Runtime,
) -> None:
    other, user = _user(runtime), _user(runtime)
    _job(runtime, other, JobStatus.RUNNING, at=1, ran=(utcnow(), None))
    _job(runtime, other, JobStatus.QUEUED, at=2)
    _job(runtime, other, JobStatus.QUEUED, at=3, kind="send_mail")  # another kind's line
    _job(runtime, other, JobStatus.DONE, at=4)  # out of the line
    _job(runtime, user, JobStatus.QUEUED, at=5)
    _job(runtime, user, JobStatus.QUEUED, at=6)
    _job(runtime, other, JobStatus.QUEUED, at=7)  # behind theirs
    with runtime.database.sessions() as db:
        wait = wait_for(db, user, KIND)
    assert wait is not None
    assert (wait.yours, wait.ahead, wait.seconds) == (2, 2, None)  # no recent history: no time
    assert wait.describe() == "2 answers ahead of yours"


def test_the_time_is_the_work_left_in_the_line_up_to_the_user_s_last_job(
    runtime: Runtime,
) -> None:
    other, user = _user(runtime), _user(runtime)
    _took(runtime, other, 10.0)
    _job(runtime, other, JobStatus.RUNNING, at=1, ran=(utcnow() - timedelta(seconds=4), None))
    _job(runtime, other, JobStatus.QUEUED, at=2)
    _job(runtime, user, JobStatus.QUEUED, at=3)
    with runtime.database.sessions() as db:
        wait = wait_for(db, user, KIND)
    assert wait is not None
    assert wait.seconds is not None
    assert wait.ahead == 2
    assert wait.seconds == pytest.approx(6 + 10 + 10, abs=1.0)  # what is left of the running one


def test_jobs_of_other_kinds_in_line_take_their_own_time_but_are_no_answers_ahead(
    runtime: Runtime,
) -> None:
    other, user = _user(runtime), _user(runtime)
    _took(runtime, other, 10.0)
    _took(runtime, other, 4.0, kind="answer.analyze")
    _job(runtime, other, JobStatus.QUEUED, at=1, kind="answer.analyze")
    _job(runtime, other, JobStatus.QUEUED, at=2)
    _job(runtime, other, JobStatus.QUEUED, at=3, kind="send_mail")  # none lately: no time
    _job(runtime, user, JobStatus.QUEUED, at=4)
    with runtime.database.sessions() as db:
        wait = wait_for(db, user, KIND)
    assert wait is not None
    assert wait.ahead == 1
    assert wait.seconds == pytest.approx(4 + 10 + 10, abs=1.0)


def test_jobs_running_side_by_side_share_the_work(runtime: Runtime) -> None:
    other, user = _user(runtime), _user(runtime)
    _took(runtime, other, 10.0)
    for at in (1, 2):
        _job(runtime, other, JobStatus.RUNNING, at=at, ran=(utcnow(), None))
    _job(runtime, user, JobStatus.QUEUED, at=3)
    with runtime.database.sessions() as db:
        wait = wait_for(db, user, KIND)
    assert wait is not None
    assert wait.seconds == pytest.approx((10 + 10 + 10) / 2, abs=1.0)


def test_the_workers_of_the_recent_jobs_share_the_line_when_none_is_running(
    runtime: Runtime,
) -> None:
    other, user = _user(runtime), _user(runtime)
    _took(runtime, other, 10.0, workers=("host:1:a", "host:2:b"))
    for at in (1, 2, 3):
        _job(runtime, user if at == 3 else other, JobStatus.QUEUED, at=at)
    with runtime.database.sessions() as db:
        wait = wait_for(db, user, KIND)
    assert wait is not None
    assert wait.seconds == pytest.approx(3 * 10 / 2, abs=1.0)


def test_a_running_job_past_its_expected_time_still_counts_a_little(runtime: Runtime) -> None:
    user = _user(runtime)
    _took(runtime, user, 10.0)
    _job(runtime, user, JobStatus.RUNNING, at=1, ran=(utcnow() - timedelta(seconds=60), None))
    with runtime.database.sessions() as db:
        wait = wait_for(db, user, KIND)
    assert wait is not None
    assert wait.seconds is not None
    assert 0 < wait.seconds < 10
    assert wait.describe() == f"none ahead of yours, {about(wait.seconds)}"


def test_old_durations_are_not_the_load_now(runtime: Runtime) -> None:
    user = _user(runtime)
    long_ago = utcnow() - timedelta(hours=3)
    _job(runtime, user, JobStatus.DONE, at=0, ran=(long_ago, long_ago + timedelta(seconds=10)))
    _job(runtime, user, JobStatus.QUEUED, at=1)
    with runtime.database.sessions() as db:
        wait = wait_for(db, user, KIND)
    assert wait is not None
    assert wait.seconds is None


@pytest.mark.parametrize(
    ("seconds", "said"),
    [
        (0.4, "about 5 seconds"),
        (12, "about 15 seconds"),
        (54, "about 55 seconds"),
        (61, "about 1 minute"),
        (150, "about 2 minutes"),
    ],
)
def test_a_wait_is_said_as_a_person_says_it(seconds: float, said: str) -> None:
    assert about(seconds) == said


def test_the_api_tells_the_caller_their_place(client: TestClient, alice: ApiUser) -> None:
    runtime: Runtime = client.app.state.runtime  # type: ignore[attr-defined]
    other = _user(runtime)
    _job(runtime, other, JobStatus.QUEUED, at=1)
    _job(runtime, uuid.UUID(alice.user_id), JobStatus.QUEUED, at=2)
    response = client.get(f"/api/jobs/wait?kind={KIND}", headers=alice.headers)
    assert response.status_code == 200, response.text
    assert response.json() == {
        "yours": 1,
        "ahead": 1,
        "seconds": None,
        "text": "1 answer ahead of yours",
    }


def test_the_api_refuses_a_kind_it_does_not_run(client: TestClient, alice: ApiUser) -> None:
    response = client.get("/api/jobs/wait?kind=no.such.kind", headers=alice.headers)
    assert response.status_code == 422


def test_the_api_tells_no_one_signed_out(client: TestClient) -> None:
    assert client.get(f"/api/jobs/wait?kind={KIND}").status_code == 401

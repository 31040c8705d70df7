"""``rehearse practise``: one question of a session practised again from the terminal, on a real
SQLite store, its jobs (analysis, hidden tests, judgement) run by the command itself."""

from __future__ import annotations

import io
import json
import re
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import Result

from rehearse.accounts.service import AccountService
from rehearse.interviewer.coding.problems import problem
from rehearse.interviews.models import Question, QuestionKind
from rehearse.interviews.schemas import QuestionCreate, SessionCreate
from rehearse.interviews.service import InterviewService
from rehearse.jobs.models import Job, JobStatus
from rehearse.practice.schemas import ComparedPublic
from rehearse.practice.service import MAX_ATTEMPTS, PracticeService
from rehearse.runtime import Runtime
from tests.conftest import make_settings
from tests.interviewer.test_problems import NEIGHBOURS_ONLY, SOLUTIONS
from tests.support.api import STRONG_PASSWORD
from tests.support.processes import invoke_rehearse, rehearse_env

# The command, not the store, is under test: the attempts API is tested on both stores.
pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

EMAIL = "ada@example.com"
QUESTION = "How would you make a slow web API endpoint faster?"
FIRST = "I guess I would make it faster somehow, maybe with caching."
AGAIN = (
    "I would profile the endpoint first, find the slow query, add an index and cache the "
    "results in Redis; in my last project that took the p95 from 900 ms to 120 ms."
)


@dataclass
class Store:
    """A real store the command is pointed at, and one of its users."""

    runtime: Runtime
    env: dict[str, str]
    user_id: uuid.UUID

    def practise(self, *args: str) -> Result:
        return invoke_rehearse(["practise", *args], self.env)

    def asked(
        self, *, answer: str | None = None, spoken: bytes | None = None, coding: str = ""
    ) -> tuple[str, str]:
        """A session with one question (the coding problem ``coding``'s, as a coding plan
        stores it), answered in the interview when ``answer`` or ``spoken`` is given."""
        with self.runtime.database.transaction() as db:
            interviews = InterviewService(db, self.runtime, self.user_id)
            interview = interviews.create(SessionCreate(title="Backend"))
            if coding:
                task = problem(coding)
                question = Question(
                    session_id=interview.id, position=1, text=task.prompt, topic=task.topic,
                    kind=QuestionKind.CODING, source=f"coding:{coding}",
                )  # fmt: skip
                db.add(question)
                db.flush()
            else:
                question = interviews.add_question(
                    interview.id, QuestionCreate(text=QUESTION, kind=QuestionKind.TECHNICAL)
                )
            if answer is not None or spoken is not None:
                interviews.record_answer(
                    interview.id,
                    question.id,
                    text=answer or "",
                    media=io.BytesIO(spoken) if spoken is not None else None,
                    filename="answer.wav",
                )
            return str(interview.id), str(question.id)

    def unfinished_jobs(self) -> list[str]:
        with self.runtime.database.transaction() as db:
            unfinished = (JobStatus.QUEUED, JobStatus.RUNNING)
            return list(db.scalars(select(Job.kind).where(Job.status.in_(unfinished))))


def _account(runtime: Runtime, email: str) -> uuid.UUID:
    with runtime.database.transaction() as db:
        user = AccountService(db, runtime).create_confirmed_user(
            email=email, password=STRONG_PASSWORD, display_name=""
        )
        return user.id


@pytest.fixture
def store(tmp_path: Path, database_url: str) -> Iterator[Store]:
    runtime = Runtime(make_settings(tmp_path / "data", database_url))
    env = rehearse_env(data_dir=tmp_path / "data", database_url=database_url)
    yield Store(runtime, env, _account(runtime, EMAIL))
    runtime.close()


def _spoken(text: str) -> bytes:
    return subprocess.run(["espeak-ng", "--stdout", text], check=True, capture_output=True).stdout


def test_a_typed_attempt_is_judged_here_and_compared_with_the_interviews_answer(
    store: Store,
) -> None:
    sid, qid = store.asked(answer=FIRST)
    result = store.practise(sid, qid, "--text", AGAIN)
    assert result.exit_code == 0, result.output
    assert "Against the interview's answer:" in result.stdout
    assert f"Length: {len(FIRST.split())} → {len(AGAIN.split())} words" in result.stdout
    assert "Judging what was said" in result.stderr
    assert "Content: not judged: the judge is turned off" in result.stdout  # and why
    assert store.unfinished_jobs() == []  # the interview's judgement and the attempt's ran


def test_a_spoken_attempt_is_analysed_here_and_its_delivery_compared(
    store: Store, tmp_path: Path
) -> None:
    sid, _ = store.asked(spoken=_spoken("Um, I would, uh, add a cache I guess."))
    recording = tmp_path / "again.wav"
    recording.write_bytes(_spoken("First I would profile the endpoint and find the slow query."))
    result = store.practise(sid, "1", "--recording", str(recording))
    assert result.exit_code == 0, result.output
    assert result.stderr.count("Analysing the recording") == 2  # the interview's, the attempt's
    assert re.search(
        r"Pace: [\d.]+ → [\d.]+ words a minute \((better|worse|about the same)\)", result.stdout
    )
    assert re.search(r"Length: \d+ → \d+ words; [\d.]+ s → [\d.]+ s", result.stdout)


def test_a_coding_attempt_is_compared_by_the_hidden_tests_passed(
    store: Store, tmp_path: Path
) -> None:
    sid, qid = store.asked(answer=NEIGHBOURS_ONLY, coding="two-sum")
    solution = tmp_path / "two_sum.py"
    solution.write_text(SOLUTIONS["two-sum"])
    result = store.practise(sid, qid, "--text-file", str(solution))
    assert result.exit_code == 0, result.output
    total = len(problem("two-sum").tests)
    assert f"Tests passed: {total - 1}/{total} → {total}/{total} (better)" in result.stdout
    assert f"This time your code passed all {total} tests." in result.stdout


def test_json_prints_the_comparison_as_the_api_gives_it(store: Store) -> None:
    sid, qid = store.asked(answer=FIRST)
    result = store.practise(sid, qid, "--text", AGAIN, "--json")
    assert result.exit_code == 0, result.output
    compared = ComparedPublic.model_validate(json.loads(result.stdout))
    assert compared.baseline.words == (len(FIRST.split()), len(AGAIN.split()))
    assert compared.attempts == 1


def test_the_first_attempt_at_a_question_skipped_in_the_interview_is_the_baseline(
    store: Store,
) -> None:
    sid, qid = store.asked()
    result = store.practise(sid, qid, "--text", FIRST)
    assert result.exit_code == 0, result.output
    assert "practise it once more to see what changed" in result.stdout


def test_a_sessions_questions_are_listed_with_their_ids(store: Store) -> None:
    sid, qid = store.asked(answer=FIRST)
    result = store.practise(sid)
    assert result.exit_code == 0, result.output
    assert f"1. {qid}  [technical] (answered)" in result.stdout
    assert QUESTION in result.stdout


def test_the_accounts_sessions_are_listed_with_their_ids(store: Store) -> None:
    sid, _ = store.asked()
    result = store.practise()
    assert result.exit_code == 0, result.output
    assert f"{sid}  " in result.stdout
    assert "Backend (1 question)" in result.stdout


def test_an_unknown_session_says_how_to_list_them(store: Store) -> None:
    result = store.practise(str(uuid.uuid4()), "1", "--text", AGAIN)
    assert result.exit_code == 1
    assert f"for {EMAIL}: list them with `rehearse practise`" in result.stderr


def test_an_unknown_question_says_how_to_list_them(store: Store) -> None:
    sid, _ = store.asked()
    result = store.practise(sid, "7", "--text", AGAIN)
    assert result.exit_code == 1
    assert f"list its questions with `rehearse practise {sid}`" in result.stderr


def test_a_file_that_is_not_a_recording_is_refused_as_analyze_refuses_it(
    store: Store, tmp_path: Path
) -> None:
    sid, qid = store.asked(answer=FIRST)
    document = tmp_path / "notes.pdf"
    document.write_bytes(b"%PDF-1.4 not audio")
    result = store.practise(sid, qid, "--recording", str(document))
    assert result.exit_code == 1
    assert "not an audio or video recording we can read" in result.stderr


def test_attempts_past_the_limit_are_refused_with_what_to_do(store: Store) -> None:
    sid, qid = store.asked(answer=FIRST)
    with store.runtime.database.transaction() as db:
        interviews = InterviewService(db, store.runtime, store.user_id)
        practice = PracticeService(db, store.runtime, interviews)
        for _ in range(MAX_ATTEMPTS):
            practice.practise(uuid.UUID(sid), uuid.UUID(qid), text=AGAIN, media=None)
    result = store.practise(sid, qid, "--text", AGAIN)
    assert result.exit_code == 1
    assert "delete an attempt to practise it again" in result.stderr


def test_a_store_of_several_accounts_asks_whose(store: Store) -> None:
    _account(store.runtime, "grace@example.com")
    result = store.practise()
    assert result.exit_code == 1
    assert "say whose sessions with --user EMAIL" in result.stderr
    assert "has no interview sessions yet" in store.practise("--user", EMAIL).stdout

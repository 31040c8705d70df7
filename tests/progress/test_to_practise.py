"""Questions to practise: across the user's sessions, each question whose latest attempt the
judge found off topic, weak or missing a part, with why and where to practise it.

The judge's verdicts are of the tests' choosing, kept as its job keeps them
(``tests.support.judged``): the list is under test, not the model."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rehearse.accounts.models import User
from rehearse.feedback.judge.verdict import ContentJudgement
from rehearse.interviews import repository
from rehearse.interviews.models import Answer, Question, QuestionKind
from rehearse.interviews.schemas import QuestionCreate, SessionCreate
from rehearse.interviews.service import InterviewService
from rehearse.progress.service import Practising, ProgressService
from rehearse.reports.judging import OFF, PENDING
from rehearse.runtime import Runtime
from tests.support.api import ApiUser
from tests.support.judged import SAID_MISSING, judge_on, keep_judgement, story_judgement

STORY = "Tell me about a time you fixed a slow system."
SAID = "Our nightly report took six hours, so I added an index and it took twenty minutes."


@pytest.fixture
def judging(tmp_path: Path, database_url: str) -> Iterator[Runtime]:
    """A runtime whose content judge is on (its server is never asked: no job runs here)."""
    runtime = Runtime(judge_on(tmp_path / "data", database_url))
    yield runtime
    runtime.close()


class Candidate:
    """One user answering and practising through the real services."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        with runtime.database.transaction() as db:
            user = User(email=f"{uuid.uuid4().hex}@example.com", password_hash="x")
            db.add(user)
            db.flush()
            self.user_id = user.id

    def asked(self, title: str = "Monday") -> Question:
        """A new session of one question, answered in the interview with ``SAID``."""
        with self.runtime.database.transaction() as db:
            interviews = InterviewService(db, self.runtime, self.user_id)
            session = interviews.create(SessionCreate(title=title))
            question = interviews.add_question(
                session.id, QuestionCreate(text=STORY, kind=QuestionKind.BEHAVIOURAL)
            )
            interviews.record_answer(session.id, question.id, text=SAID, media=None)
            return question

    def practised(self, question: Question) -> Answer:
        with self.runtime.database.transaction() as db:
            interviews = InterviewService(db, self.runtime, self.user_id)
            return interviews.record_answer(
                question.session_id, question.id, text=SAID, media=None, practice=True
            )

    def judged(
        self, question: Question, judgement: ContentJudgement, attempt: Answer | None = None
    ) -> None:
        """Keep ``judgement`` of the interview's answer to ``question`` (or of ``attempt``)."""
        with self.runtime.database.transaction() as db:
            answers = (
                [attempt.id] if attempt else [a.id for a in repository.answers_to(db, question.id)]
            )
        keep_judgement(self.runtime, answers, judgement)

    def to_practise(self) -> Practising:
        with self.runtime.database.transaction() as db:
            interviews = InterviewService(db, self.runtime, self.user_id)
            return ProgressService(db, interviews).questions_to_practise()


def test_a_question_whose_answer_missed_a_part_is_listed_with_why_and_where(
    judging: Runtime,
) -> None:
    alice = Candidate(judging)
    question = alice.asked()
    alice.judged(question, story_judgement(70, parts={SAID_MISSING: "missing"}))
    [listed] = alice.to_practise().questions
    assert (listed.question_id, listed.latest, listed.missing) == (
        question.id,
        "interview",
        (SAID_MISSING,),
    )
    assert [r.says for r in listed.reasons] == [f"The story has no {SAID_MISSING}"]
    assert listed.practise == f"/sessions/{question.session_id}/questions/{question.id}/practise"


def test_a_question_practised_to_a_strong_answer_leaves_the_list(judging: Runtime) -> None:
    alice = Candidate(judging)
    question = alice.asked()
    alice.judged(question, story_judgement(30, on_topic=False))
    alice.judged(question, story_judgement(88), alice.practised(question))
    assert alice.to_practise().questions == []


def test_the_latest_practice_attempt_decides_not_the_interview(judging: Runtime) -> None:
    alice = Candidate(judging)
    question = alice.asked()
    alice.judged(question, story_judgement(88))
    alice.judged(question, story_judgement(35), alice.practised(question))
    [listed] = alice.to_practise().questions
    assert (listed.latest, listed.attempts, listed.score) == ("practice", 1, 35)
    assert [r.kind for r in listed.reasons] == ["weak"]


def test_the_weakest_come_first(judging: Runtime) -> None:
    alice = Candidate(judging)
    weak, off = alice.asked("Weak"), alice.asked("Off topic")
    alice.judged(weak, story_judgement(40))
    alice.judged(off, story_judgement(60, on_topic=False))
    listed = alice.to_practise().questions
    assert [(q.session_title, q.score) for q in listed] == [("Off topic", 0), ("Weak", 40)]
    assert [r.says for r in listed[0].reasons] == ["Did not address the question"]


def test_an_attempt_not_judged_yet_is_not_chosen_and_says_so(judging: Runtime) -> None:
    alice = Candidate(judging)
    question = alice.asked()
    alice.judged(question, story_judgement(30))
    alice.practised(question)  # its judgement is still to come
    practising = alice.to_practise()
    assert practising.questions == []
    [waiting] = practising.not_judged
    assert (waiting.latest, waiting.score, waiting.note) == ("practice", None, PENDING)


def test_only_the_users_own_questions_are_listed(judging: Runtime) -> None:
    alice, bob = Candidate(judging), Candidate(judging)
    question = alice.asked()
    alice.judged(question, story_judgement(20))
    assert len(alice.to_practise().questions) == 1
    assert bob.to_practise() == Practising([], [])


def _practise_list(client: TestClient, user: ApiUser) -> dict[str, list[dict[str, object]]]:
    response = client.get("/api/progress/questions-to-practise", headers=user.headers)
    assert response.status_code == 200, response.text
    body: dict[str, list[dict[str, object]]] = response.json()
    return body


def test_with_the_judge_off_nothing_is_chosen_and_the_api_says_why(
    client: TestClient, alice: ApiUser
) -> None:
    h = alice.headers
    sid = client.post("/api/sessions", json={"title": "Monday"}, headers=h).json()["id"]
    qid = client.post(f"/api/sessions/{sid}/questions", json={"text": STORY}, headers=h).json()[
        "id"
    ]
    client.post(f"/api/sessions/{sid}/questions/{qid}/answers", data={"text": SAID}, headers=h)
    body = _practise_list(client, alice)
    assert body["questions"] == []
    [waiting] = body["not_judged"]
    assert (waiting["question_id"], waiting["note"]) == (qid, OFF)
    assert waiting["practise"] == f"/sessions/{sid}/questions/{qid}/practise"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the document, not the store
def test_the_list_is_in_the_openapi_document_with_its_schema(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    answered = document["paths"]["/api/progress/questions-to-practise"]["get"]["responses"]["200"]
    schema = answered["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    assert set(document["components"]["schemas"][schema]["properties"]) == {
        "questions",
        "not_judged",
    }

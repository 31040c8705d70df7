"""A question's practice as the report reads it (reports/practice.py): each attempt with its own
words and scores, the latest compared with the baseline, on the real store with the judge off
(what is read and compared, not the judge, is under test here)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from rehearse.feedback.report import QuestionPractice
from rehearse.interviews.models import Answer, AnswerStatus, Question, QuestionKind
from rehearse.reports.judging import OFF
from rehearse.reports.practice import question_practice
from rehearse.runtime import Runtime
from rehearse.store.base import utcnow
from tests.support.store import answered_question

QUESTION = "How would you make a slow web API endpoint faster?"
FIRST = "I guess I would make it faster somehow, maybe with caching."
AGAIN = "I would profile it first, find the slow query and add an index."
LATEST = (
    "I would profile the endpoint, find the slow query, add an index and cache the results; "
    "in my last project that took the p95 from 900 ms to 120 ms."
)


def _question(db: Session, answered: bool = True) -> Question:
    """A session of one question, answered in the interview (typed) or skipped."""
    question, answer = answered_question(db, QUESTION, FIRST, QuestionKind.TECHNICAL)
    if not answered:
        db.delete(answer)
        db.flush()
    return question


def _practise(db: Session, question: Question, *said: str) -> list[Answer]:
    """Typed attempts at ``question``, a minute apart, in order."""
    start = utcnow()
    attempts = [
        Answer(
            question_id=question.id,
            session_id=question.session_id,
            text=text,
            status=AnswerStatus.ANALYSED,
            practice=True,
            created_at=start + timedelta(minutes=minute),
        )
        for minute, text in enumerate(said)
    ]
    db.add_all(attempts)
    db.flush()
    return attempts


def _practice(db: Session, runtime: Runtime, question: Question) -> QuestionPractice:
    found = question_practice(db, runtime, question)
    assert found is not None
    return found


def test_a_question_never_practised_has_no_practice(runtime: Runtime) -> None:
    with runtime.database.transaction() as db:
        assert question_practice(db, runtime, _question(db)) is None


def test_each_attempt_is_shown_with_its_own_words_oldest_first(runtime: Runtime) -> None:
    with runtime.database.transaction() as db:
        question = _question(db)
        attempts = _practise(db, question, AGAIN, LATEST)
        shown = _practice(db, runtime, question).attempts
    assert [a.number for a in shown] == [1, 2]
    assert [a.answer_id for a in shown] == [str(a.id) for a in attempts]
    assert [a.text for a in shown] == [AGAIN, LATEST]
    assert [a.words for a in shown] == [len(AGAIN.split()), len(LATEST.split())]
    assert [a.delivery for a in shown] == [{}, {}]  # typed: nothing spoken to measure


def test_an_attempt_not_judged_says_why(runtime: Runtime) -> None:
    with runtime.database.transaction() as db:
        question = _question(db)
        _practise(db, question, AGAIN)
        (attempt,) = _practice(db, runtime, question).attempts
    assert attempt.content is None
    assert attempt.note == OFF  # the judge is off in these tests


def test_the_latest_attempt_is_compared_with_the_interviews_answer_and_the_one_before(
    runtime: Runtime,
) -> None:
    with runtime.database.transaction() as db:
        question = _question(db)
        _practise(db, question, AGAIN, LATEST)
        practice = _practice(db, runtime, question)
    assert practice.baseline == "interview"
    assert practice.compared is not None
    assert practice.compared.words == (len(FIRST.split()), len(LATEST.split()))
    assert practice.previous is not None
    assert practice.previous.words == (len(AGAIN.split()), len(LATEST.split()))


def test_a_skipped_question_has_nothing_to_compare_after_one_attempt(runtime: Runtime) -> None:
    with runtime.database.transaction() as db:
        question = _question(db, answered=False)
        _practise(db, question, AGAIN)
        practice = _practice(db, runtime, question)
    assert practice.baseline == "first attempt"
    assert practice.compared is None
    assert len(practice.attempts) == 1


def test_a_skipped_question_is_compared_with_its_first_attempt(runtime: Runtime) -> None:
    with runtime.database.transaction() as db:
        question = _question(db, answered=False)
        _practise(db, question, AGAIN, LATEST)
        practice = _practice(db, runtime, question)
    assert practice.compared is not None
    assert practice.compared.words == (len(AGAIN.split()), len(LATEST.split()))

"""Practice counts toward topic mastery: a judged practice attempt moves its topic's rating as
an interview answer does, once, an off-topic one as a weak answer, one with nothing to score
not at all (the real store, SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid

from rehearse.accounts.models import User
from rehearse.feedback.judge.verdict import ContentJudgement
from rehearse.interviewer.mastery import START
from rehearse.interviews.models import Answer, QuestionKind
from rehearse.interviews.schemas import QuestionCreate, SessionCreate
from rehearse.interviews.service import InterviewService
from rehearse.progress.models import TopicMastery
from rehearse.progress.practice_mastery import count_attempt
from rehearse.progress.repository import mastery_of
from rehearse.runtime import Runtime

TOPIC = "databases"


def _judged(score: float | None, *, on_topic: bool | None = True) -> ContentJudgement:
    return ContentJudgement("a judge", "explanation", score, on_topic, 0.1, (), "")


def _answered(runtime: Runtime, *, practice: bool = True) -> tuple[uuid.UUID, uuid.UUID]:
    """A new user's question in ``TOPIC`` (difficulty 3) and a typed attempt at it (or its
    interview answer): the user's and the attempt's ids."""
    with runtime.database.transaction() as db:
        user = User(email=f"{uuid.uuid4().hex}@example.com", password_hash="x")
        db.add(user)
        db.flush()
        interviews = InterviewService(db, runtime, user.id)
        session = interviews.create(SessionCreate(title="Monday"))
        question = interviews.add_question(
            session.id,
            QuestionCreate(text="What does an index do?", kind=QuestionKind.TECHNICAL, topic=TOPIC),
        )
        answer = interviews.record_answer(
            session.id, question.id, text="It finds rows fast.", media=None, practice=practice
        )
        return user.id, answer.id


def _count(runtime: Runtime, answer_id: uuid.UUID, judgement: ContentJudgement) -> bool:
    with runtime.database.transaction() as db:
        return count_attempt(db, db.get_one(Answer, answer_id), judgement) is not None


def _mastery(runtime: Runtime, user_id: uuid.UUID) -> list[TopicMastery]:
    with runtime.database.transaction() as db:
        rows = list(mastery_of(db, user_id))
        db.expunge_all()
        return rows


def test_a_judged_attempt_moves_its_topics_rating_as_practice(runtime: Runtime) -> None:
    user, attempt = _answered(runtime)
    assert _count(runtime, attempt, _judged(90))
    [row] = _mastery(runtime, user)
    assert (row.topic, row.answers, row.practice_attempts) == (TOPIC, 1, 1)
    assert row.rating > START


def test_an_attempt_counts_once_however_often_its_judgement_comes(runtime: Runtime) -> None:
    user, attempt = _answered(runtime)
    _count(runtime, attempt, _judged(90))
    [before] = _mastery(runtime, user)
    assert not _count(runtime, attempt, _judged(20))  # a retried job, or judged again
    [after] = _mastery(runtime, user)
    assert (after.rating, after.answers, after.practice_attempts) == (before.rating, 1, 1)


def test_an_off_topic_attempt_counts_as_a_weak_answer(runtime: Runtime) -> None:
    user, attempt = _answered(runtime)
    _count(runtime, attempt, _judged(90, on_topic=False))
    [row] = _mastery(runtime, user)
    assert row.rating < START


def test_an_attempt_with_nothing_to_score_is_not_counted(runtime: Runtime) -> None:
    user, attempt = _answered(runtime)
    assert not _count(runtime, attempt, _judged(None, on_topic=None))
    assert _mastery(runtime, user) == []


def test_an_interview_answer_is_counted_by_its_turn_not_here(runtime: Runtime) -> None:
    user, answer = _answered(runtime, practice=False)
    assert not _count(runtime, answer, _judged(90))
    assert _mastery(runtime, user) == []

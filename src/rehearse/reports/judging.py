"""The content judge's verdict on each answered question: judged by a job after every answer
(never in a request, never on the live path), kept with the question's first answer, and read
by the report, which never asks the model itself.

A verdict is keyed by a hash of what the judge read (the question, its key points, the answer
as the judge reads it) and the judge's name, so an unchanged answer is never judged twice and
a follow-up reply, which changes what was said, is judged again. When the judge cannot run
(turned off, its model missing), the stored record says why and how to fix it; a model that
timed out or failed raises, and the queue tries the job again. A planned interview first
queues a warm-up, so its first answer does not wait for the judge to start.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from rehearse.errors import RehearseError
from rehearse.feedback.content.forms import answer_form
from rehearse.feedback.judge.judge import METHOD, JudgeInput, canonical
from rehearse.feedback.judge.points import key_points_for
from rehearse.feedback.judge.verdict import NOT_JUDGED, ContentJudgement, Verdict, not_judged
from rehearse.interviews import repository
from rehearse.interviews.models import AnalysisResult, Answer, Question
from rehearse.jobs.context import JobContext
from rehearse.jobs.queue import JobQueue
from rehearse.jobs.registry import job_handler
from rehearse.jobs.service import enqueue
from rehearse.llm.bundled import JudgeModelMissing
from rehearse.llm.client import PromptTooLong
from rehearse.llm.server import JudgeServerFailed
from rehearse.progress.practice_mastery import count_attempt
from rehearse.reports.refresh import queue_refresh
from rehearse.reports.thread import stored_replies

if TYPE_CHECKING:
    from rehearse.runtime import Runtime

JUDGE_CONTENT = "answer.judge_content"
WARM_UP = "judge.warm_up"
KIND = "content-judge"
OFF = f"{NOT_JUDGED}the judge is turned off (REHEARSE_LLM=off)."
WAS_OFF = (
    f"{NOT_JUDGED}the judge was turned off when this was answered, and an answer is judged "
    "when it is given."
)


def judge_input(db: Session, question: Question, answers: Sequence[Answer]) -> JudgeInput:
    """What the judge reads for ``question``: its text, its key points and all that was said
    in reply to it (follow-up replies included), as the report shows it."""
    said = " ".join(r.said for r in stored_replies(db, answers) if r.said)
    own = [str(point) for point in question.key_points]
    points = key_points_for(question.text, question.kind.value, own)
    return JudgeInput(question.text, points, said, answer_form(question.text, question.kind.value))


def read_key(item: JudgeInput, judge: str) -> str:
    """The hash of what the judge read and who judged."""
    text, _ = canonical(item.answer)
    read = "\n".join([judge, item.question, *item.key_points, "", text])
    return hashlib.sha256(read.encode()).hexdigest()


def queue_judgement(
    session: Session,
    queue: JobQueue,
    question_id: uuid.UUID,
    user_id: uuid.UUID | None,
    attempt_id: uuid.UUID | None = None,
) -> None:
    """Ask for the question's answers to be judged once ``session`` commits; with
    ``attempt_id``, that practice attempt alone."""
    payload = {"question_id": str(question_id)}
    if attempt_id is not None:
        payload["attempt_id"] = str(attempt_id)
    enqueue(session, queue, kind=JUDGE_CONTENT, payload=payload, user_id=user_id)


def queue_warm_up(session: Session, queue: JobQueue, user_id: uuid.UUID | None) -> None:
    """Ask for the judge to be made ready once ``session`` commits: an interview is about to
    start, and its first answer should not wait for the server and its prompts."""
    enqueue(session, queue, kind=WARM_UP, payload={}, user_id=user_id)


def stored_judgement(db: Session, answers: Sequence[Answer]) -> Mapping[str, Any] | None:
    """The record the last judgement of these answers left (``status`` ok, unavailable, off
    or failed); None before any."""
    if not answers:
        return None
    stored = repository.analysis_of(db, answers[0].id, KIND)
    return stored.data if stored is not None else None


PENDING = "Content is being judged; open the report again in a moment for its score."


def content_verdict(
    db: Session, runtime: Runtime, question: Question, answers: Sequence[Answer]
) -> Verdict | None:
    """The judge's verdict on the answers to ``question``; None when the judge is off."""
    judge = runtime.content_judge
    stored = stored_judgement(db, answers)
    if judge is None:
        return None
    if stored is None:
        return Verdict(None, PENDING)
    if stored.get("status") == "off":  # the judge is on now: it was off then
        return Verdict(None, WAS_OFF)
    if stored.get("status") != "ok":
        return Verdict(None, str(stored.get("message") or PENDING))
    judgement = ContentJudgement.from_dict(stored["judgement"])
    if not judges_what_was_said(db, question, answers, stored, judge.name):
        return Verdict(None, PENDING)  # said more since: judged again by its job
    return Verdict(judgement, "")


def judges_what_was_said(
    db: Session,
    question: Question,
    answers: Sequence[Answer],
    stored: Mapping[str, Any],
    judge: str | None = None,
) -> bool:
    """Whether ``stored`` is a judgement of all that is now said in reply to ``question``, by
    ``judge`` or by the judge it names. One by an earlier judge (another model, or METHOD
    before an upgrade) counts under its own name: nothing would judge the same words again."""
    if stored.get("status") != "ok":
        return False
    said = judge_input(db, question, answers)
    names = {ContentJudgement.from_dict(stored["judgement"]).judge}
    if judge is not None:
        names.add(judge)
    return stored.get("read") in {read_key(said, name) for name in names}


def keep_record(db: Session, answer_id: uuid.UUID, data: dict[str, Any]) -> None:
    """Keep the judge's record (``status``; with ``read``, the ``judgement`` or a ``message``)
    with the answer it is kept with, replacing any earlier one."""
    stored = repository.analysis_of(db, answer_id, KIND) or AnalysisResult(
        answer_id=answer_id, kind=KIND
    )
    stored.version, stored.data = METHOD, data
    db.add(stored)


def _judging_stopped(db: Session, payload: dict[str, Any], error: str) -> None:
    """The queue gave up on judging (its worker died on the last attempt): the answer says it
    was not judged, rather than "being judged" for ever. A record the job kept itself (a
    failure, or the judge unavailable or off) stands, and so does a judgement of what is now
    said (another job's); a judgement of earlier words, which would read as pending, does not."""
    question_id = uuid.UUID(payload["question_id"])
    question = db.get(Question, question_id)
    answers = _judged_answers(db, question_id, payload.get("attempt_id"))
    if question is None or not answers:
        return  # deleted meanwhile
    stored = stored_judgement(db, answers)
    if stored is None or (
        stored.get("status") == "ok" and not judges_what_was_said(db, question, answers, stored)
    ):
        keep_record(db, answers[0].id, {"status": "failed", "message": f"{NOT_JUDGED}{error}"})


@job_handler(JUDGE_CONTENT, gave_up=_judging_stopped)
def judge_content(context: JobContext[Runtime]) -> dict[str, Any]:
    """Judge what was said in reply to one question, or in one practice attempt at it, and keep
    the verdict with its (first) answer; a judged attempt counts toward topic mastery."""
    runtime = context.runtime
    question_id = uuid.UUID(context.payload["question_id"])
    attempt_id = context.payload.get("attempt_id")
    judge = runtime.content_judge
    with runtime.database.transaction() as db:
        question = db.get(Question, question_id)
        answers = _judged_answers(db, question_id, attempt_id) if question else []
        if question is None or not answers:
            return {"skipped": "the question or its answers were deleted"}
        item, first = judge_input(db, question, answers), answers[0].id
        if judge is None:
            keep_record(db, first, {"status": "off", "message": OFF})
            return {"status": "off"}
        key = read_key(item, judge.name)
        stored = stored_judgement(db, answers) or {}
    if stored.get("read") == key and stored.get("status") == "ok":
        return {"status": "ok", "cached": True}
    if not item.answer.strip():
        return {"skipped": "nothing was said yet"}
    record: dict[str, Any] = {"read": key}
    judgement = None
    try:
        judgement = judge.apply(item)
        record |= {"status": "ok", "judgement": judgement.to_dict()}
    except (JudgeModelMissing, JudgeServerFailed, PromptTooLong) as exc:  # not for a retry
        record |= {"status": "unavailable", "message": not_judged(exc)}
    except RehearseError as exc:  # a timeout or a failed request: the queue tries again
        if not context.will_retry(exc):  # until then the answer is still being judged
            failed = record | {"status": "failed", "message": not_judged(exc)}
            _store_unless_deleted(runtime, first, failed)
        raise
    _store_unless_deleted(runtime, first, record, judgement)
    return {"status": record["status"]}


def _judged_answers(db: Session, question_id: uuid.UUID, attempt_id: str | None) -> list[Answer]:
    """The interview's answers to the question, or the one practice attempt."""
    if attempt_id is None:
        return list(repository.answers_to(db, question_id))
    attempt = db.get(Answer, uuid.UUID(attempt_id))
    return [attempt] if attempt is not None else []


def _store_unless_deleted(
    runtime: Runtime,
    answer_id: uuid.UUID,
    data: dict[str, Any],
    judgement: ContentJudgement | None = None,
) -> None:
    """Keep the record with the answer, unless it was deleted meanwhile; a practice attempt's
    ``judgement`` counts toward its topic's mastery in the same transaction."""
    with runtime.database.transaction() as db:
        answer = db.get(Answer, answer_id)
        if answer is not None:
            keep_record(db, answer_id, data)
            if judgement is not None:
                count_attempt(db, answer, judgement)
            queue_refresh(db, runtime.queue, answer_id)


@job_handler(WARM_UP)
def warm_up_judge(context: JobContext[Runtime]) -> dict[str, Any]:
    """Start the judge's server and cache its prompts' prefixes before an interview's first
    answer, so that answer is judged in the time any other is. Never retried, since it only
    saves time: a judge that cannot run is reported by the answers' own jobs."""
    judge = context.runtime.content_judge
    if judge is None:
        return {"status": "off"}
    try:
        judge.warm_up()
    except RehearseError as exc:
        return {"status": "unavailable", "message": exc.message}
    return {"status": "ok"}

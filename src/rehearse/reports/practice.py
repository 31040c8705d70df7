"""A question's practice attempts as stored, read once for both the comparison endpoint and the
report: each attempt's words, judgement and speech, the latest attempt set against the
baseline (the interview's answer, or the first attempt at a question skipped in the interview)
and against the attempt before it, and each attempt with its own scores.

The interview's answers and the attempts are read apart (``repository.answers_to`` never
returns an attempt), so practising changes nothing in the interview's own report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from rehearse.feedback.judge.verdict import ContentJudgement
from rehearse.feedback.practice.compare import (
    NO_SPEECH,
    Attempt,
    AttemptComparison,
    CodeChange,
    Graded,
    compare_attempts,
)
from rehearse.feedback.practice.content import counted_score
from rehearse.feedback.practice.delivery import measures_of
from rehearse.feedback.report import (
    HiddenTests,
    HiddenTestsMove,
    MeasureMove,
    PointMove,
    PracticeAttempt,
    PracticeComparison,
    QuestionPractice,
)
from rehearse.interviewer.coding.problems import passed_tests
from rehearse.interviews import repository
from rehearse.interviews.models import Answer, Question
from rehearse.interviews.tasks import VIDEO
from rehearse.jobs.models import Job, JobStatus
from rehearse.reports.judging import OFF, PENDING, content_verdict
from rehearse.reports.thread import StoredReply, stored_replies

if TYPE_CHECKING:
    from rehearse.runtime import Runtime


@dataclass(frozen=True)
class Compared:
    """The latest attempt against the baseline and against the attempt before it."""

    baseline: AttemptComparison
    previous: AttemptComparison | None  # None with fewer than two attempts
    attempts: int
    from_interview: bool  # the baseline is the interview's answer, not the first attempt
    # Why each comparison's content is not judged ("" when both of its attempts were).
    notes: tuple[str, str] = ("", "")


@dataclass(frozen=True)
class _Read:
    """One attempt (or the interview's answers) as the comparison reads it, and why its
    content has no score ("" when it has one)."""

    attempt: Attempt
    note: str


def compared(db: Session, runtime: Runtime, question: Question) -> Compared | None:
    """The latest attempt at ``question`` against the baseline and the one before it; None
    while there is nothing to compare (no attempt, or one at a question the interview
    skipped)."""
    interview = repository.answers_to(db, question.id)
    attempts = repository.attempts_at(db, question.id)

    # With two attempts and no answer in the interview, the first attempt is both the baseline
    # and the one before the latest: it is read once.
    @cache
    def read(attempt: Answer) -> _Read:
        return _read(db, runtime, question, [attempt])

    return _compared(db, runtime, question, interview=interview, attempts=attempts, read=read)


def question_practice(db: Session, runtime: Runtime, question: Question) -> QuestionPractice | None:
    """The report's practice of ``question``: each attempt with its own scores and the
    comparison; None when it was never practised."""
    attempts = list(repository.attempts_at(db, question.id))
    if not attempts:
        return None
    read = {a.id: _read(db, runtime, question, [a]) for a in attempts}
    interview = repository.answers_to(db, question.id)
    found = _compared(
        db, runtime, question, interview=interview, attempts=attempts, read=lambda a: read[a.id]
    )
    return QuestionPractice(
        position=question.position,
        question=question.text,
        question_id=str(question.id),
        attempts=tuple(
            _practice_attempt(number, answer, read[answer.id])
            for number, answer in enumerate(attempts, start=1)
        ),
        baseline="interview" if interview else "first attempt",
        compared=practice_comparison(found.baseline) if found else None,
        previous=practice_comparison(found.previous) if found and found.previous else None,
    )


def _compared(
    db: Session,
    runtime: Runtime,
    question: Question,
    *,
    interview: Sequence[Answer],
    attempts: Sequence[Answer],
    read: Callable[[Answer], _Read],
) -> Compared | None:
    """The latest of ``attempts`` against the baseline (``interview``, the interview's answers
    to the question, or else the first attempt) and the one before it, each attempt read by
    ``read``."""
    if not attempts or (not interview and len(attempts) < 2):
        return None
    baseline = _read(db, runtime, question, interview) if interview else read(attempts[0])
    latest = read(attempts[-1])
    before = read(attempts[-2]) if len(attempts) >= 2 else None
    return Compared(
        compare_attempts(baseline.attempt, latest.attempt),
        compare_attempts(before.attempt, latest.attempt) if before is not None else None,
        len(attempts),
        from_interview=bool(interview),
        notes=(_why(baseline, latest), _why(before, latest) if before is not None else ""),
    )


def _why(*reads: _Read) -> str:
    """Why a comparison's content is not judged: the first of its attempts' notes."""
    return next((r.note for r in reads if r.note), "")


def _read(db: Session, runtime: Runtime, question: Question, answers: Sequence[Answer]) -> _Read:
    """What the comparison reads of ``answers`` (the interview's thread, or one attempt): the
    words, the judge's verdict (or whether it is still being made) and the first recording's
    speech and video analyses (or whether its video is still being analysed); for a coding
    question, the hidden tests its code passed instead of a verdict."""
    replies = stored_replies(db, answers)
    said = " ".join(r.said for r in replies if r.said)
    if (problem_id := question.coding_problem) is not None:
        return _read_code(db, problem_id, answers, replies, said)
    verdict = content_verdict(db, runtime, question, answers)
    judged = verdict.judgement if verdict is not None else None
    # The judge's job skips words that are not there: nothing said, once analysed, is never
    # judged, so it is not waited for.
    coming = bool(said) or any(a.status.analysing for a in answers)
    attempt = Attempt(
        said,
        judged.to_dict() if judged is not None else None,
        replies[0].speech,
        judging=verdict is not None and verdict.note == PENDING and coming,
        video=replies[0].video,
        watching=_watching(db, answers[0]),
    )
    return _Read(attempt, OFF if verdict is None else verdict.note)


CODE = "Code is graded by the problem's hidden tests, not judged."


def _read_code(
    db: Session,
    problem_id: str,
    answers: Sequence[Answer],
    replies: Sequence[StoredReply],
    said: str,
) -> _Read:
    """A coding question's attempt: the hidden tests its latest graded code passed (or whether
    it is still being run) instead of the judge's verdict."""
    graded = next((r.coding for r in reversed(replies) if r.coding is not None), None)
    tests = Graded(*passed_tests(problem_id, graded)) if graded is not None else None
    grading = any(_grading(db, answer) for answer in answers)
    return _Read(Attempt(said, None, replies[0].speech, judging=grading, tests=tests), CODE)


def _grading(db: Session, answer: Answer) -> bool:
    """True while ``answer``'s code is queued or running against the hidden tests."""
    if answer.analysis_job_id is None:
        return False
    job = db.get(Job, answer.analysis_job_id)
    return job is not None and job.status in (JobStatus.QUEUED, JobStatus.RUNNING)


def _watching(db: Session, answer: Answer) -> bool:
    """Whether ``answer``'s video analysis is queued or running."""
    return any(
        row.kind == VIDEO and row.data.get("status") == "pending"
        for row in repository.analyses_of(db, [answer.id])
    )


def _practice_attempt(number: int, answer: Answer, read: _Read) -> PracticeAttempt:
    attempt, speech = read.attempt, read.attempt.speech
    judged = attempt.judgement
    seconds = speech.get("duration_seconds") if speech else None
    return PracticeAttempt(
        number=number,
        answer_id=str(answer.id),
        created_at=answer.created_at.isoformat(timespec="seconds"),
        status=answer.status.value,
        text=attempt.text,
        recorded=answer.media_blob_id is not None,
        words=len(attempt.text.split()),
        duration_seconds=seconds if seconds is not None else answer.duration_seconds,
        content=counted_score(ContentJudgement.from_dict(dict(judged))) if judged else None,
        on_topic=judged.get("on_topic") if judged else None,
        delivery=measures_of(speech) if speech else {},
        note="" if judged else _why_unscored(answer, read),
    )


ANALYSING = "Still being analysed: its words, delivery and content follow."


def _why_unscored(answer: Answer, read: _Read) -> str:
    """Why an attempt's content has no score: nothing said (yet), or the judge's note."""
    if read.attempt.text.strip():
        return read.note
    if answer.status.analysing:
        return ANALYSING
    return answer.error or NO_SPEECH


def practice_comparison(comparison: AttemptComparison) -> PracticeComparison:
    """The comparison as the report carries it."""
    return PracticeComparison(
        lead=comparison.lead,
        points=tuple(
            PointMove(
                p.point, p.is_part, p.before, p.after, p.before_quote, p.after_quote, p.change
            )
            for p in comparison.points
        ),
        content=comparison.content,
        on_topic=comparison.on_topic,
        delivery=tuple(
            MeasureMove(m.name, m.first, m.second, m.change) for m in comparison.delivery
        ),
        words=comparison.words,
        seconds=comparison.seconds,
        judging=comparison.judging,
        watching=comparison.watching,
        tests=_hidden_tests_move(comparison.tests) if comparison.tests is not None else None,
    )


def _hidden_tests_move(tests: CodeChange) -> HiddenTestsMove:
    before, after = tests.before, tests.after
    return HiddenTestsMove(
        HiddenTests(before.passed, before.total),
        HiddenTests(after.passed, after.total),
        tests.change,
    )

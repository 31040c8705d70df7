"""Practice attempts at a session's questions: recorded, analysed and judged like answers but
outside the interview (its conversation and report never see them), and compared.

An attempt is an ``Answer`` marked ``practice``: it has its own recording, transcript, speech
and video analyses and content judgement, stored and replayed as any answer's are, deleted
with its session and exported with the account. The baseline an attempt is compared with is
the interview's own answer to the question, or the first attempt when the question was not
answered in the interview (docs/practice.md).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from sqlalchemy.orm import Session

from rehearse.errors import Conflict
from rehearse.feedback.practice.compare import Attempt, AttemptComparison, compare_attempts
from rehearse.interviews import repository
from rehearse.interviews.models import Answer, Question
from rehearse.interviews.service import InterviewService
from rehearse.interviews.tasks import VIDEO
from rehearse.reports.judging import PENDING, content_verdict
from rehearse.reports.thread import stored_replies

if TYPE_CHECKING:
    from rehearse.runtime import Runtime

MAX_ATTEMPTS = 20  # per question: enough to practise, not a store of recordings


@dataclass(frozen=True)
class Compared:
    """The latest attempt against the baseline and against the attempt before it."""

    baseline: AttemptComparison
    previous: AttemptComparison | None  # None with fewer than two attempts
    attempts: int


class PracticeService:
    def __init__(self, session: Session, runtime: Runtime, interviews: InterviewService) -> None:
        self.db = session
        self.runtime = runtime
        self.interviews = interviews

    def practise(
        self,
        session_id: uuid.UUID,
        question_id: uuid.UUID,
        *,
        text: str,
        media: BinaryIO | None,
        filename: str = "",
    ) -> Answer:
        """Store an attempt (a recording, typed text or both) and queue its analysis and
        judgement; refused past ``MAX_ATTEMPTS``."""
        question = self.interviews.question(session_id, question_id)
        if len(repository.attempts_at(self.db, question.id)) >= MAX_ATTEMPTS:
            raise Conflict(
                f"This question has been practised {MAX_ATTEMPTS} times, the most kept: "
                "delete an attempt to practise it again."
            )
        return self.interviews.record_answer(
            session_id, question_id, text=text, media=media, filename=filename, practice=True
        )

    def attempts(self, session_id: uuid.UUID, question_id: uuid.UUID) -> Sequence[Answer]:
        question = self.interviews.question(session_id, question_id)
        return repository.attempts_at(self.db, question.id)

    def compared(self, session_id: uuid.UUID, question_id: uuid.UUID) -> Compared:
        """The latest attempt against the baseline and the one before it; ``Conflict`` before
        there is an attempt to compare."""
        question = self.interviews.question(session_id, question_id)
        attempts = list(repository.attempts_at(self.db, question.id))
        interview = list(repository.answers_to(self.db, question.id))
        baseline = interview or attempts[:1]
        if not attempts or (not interview and len(attempts) < 2):
            raise Conflict("Practise the question (again) first: there is nothing to compare.")
        latest = self._attempt(question, attempts[-1:])
        previous = None
        if len(attempts) >= 2:
            previous = compare_attempts(self._attempt(question, attempts[-2:-1]), latest)
        return Compared(
            compare_attempts(self._attempt(question, baseline), latest), previous, len(attempts)
        )

    def _attempt(self, question: Question, answers: Sequence[Answer]) -> Attempt:
        """What the comparison reads of ``answers`` (the interview's thread, or one attempt):
        the words, the judge's verdict (or whether it is still being made) and the first
        recording's speech and video analyses (or whether its video is still being
        analysed)."""
        replies = stored_replies(self.db, answers)
        said = " ".join(r.said for r in replies if r.said)
        verdict = content_verdict(self.db, self.runtime, question, answers)
        judged = verdict.judgement if verdict is not None else None
        return Attempt(
            said,
            judged.to_dict() if judged is not None else None,
            replies[0].speech,
            judging=verdict is not None and verdict.note == PENDING,
            video=replies[0].video,
            watching=self._watching(answers[0]),
        )

    def _watching(self, answer: Answer) -> bool:
        """Whether ``answer``'s video analysis is queued or running."""
        return any(
            row.kind == VIDEO and row.data.get("status") == "pending"
            for row in repository.analyses_of(self.db, [answer.id])
        )

"""Practice attempts at a session's questions: recorded, analysed and judged like answers but
outside the interview (its conversation and scores never see them; the report shows them apart,
as practice), and compared.

An attempt is an ``Answer`` marked ``practice``: it has its own recording, transcript, speech
and video analyses and content judgement, stored and replayed as any answer's are, deleted
with its session and exported with the account. The baseline an attempt is compared with is
the interview's own answer to the question, or the first attempt when the question was not
answered in the interview (docs/practice.md).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, BinaryIO

from sqlalchemy.orm import Session

from rehearse.errors import Conflict
from rehearse.interviews import repository
from rehearse.interviews.models import Answer
from rehearse.interviews.service import InterviewService
from rehearse.reports.practice import Compared, compared

if TYPE_CHECKING:
    from rehearse.runtime import Runtime

MAX_ATTEMPTS = 20  # per question: enough to practise, not a store of recordings


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
        """The latest attempt against the baseline and the one before it (read as the report
        reads it, ``reports.practice``); ``Conflict`` before there is an attempt to compare."""
        found = compared(self.db, self.runtime, self.interviews.question(session_id, question_id))
        if found is None:
            raise Conflict("Practise the question (again) first: there is nothing to compare.")
        return found

"""``/api/sessions/{id}/questions/{qid}/attempts``: practise a question again, list the
attempts, and compare the latest with the interview's answer and the attempt before it."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, UploadFile, status
from pydantic import AfterValidator

from rehearse.inputs import check_storable
from rehearse.interviews.endpoints import Interviews
from rehearse.interviews.schemas import AnswerPublic
from rehearse.practice.schemas import ComparedPublic
from rehearse.practice.service import PracticeService
from rehearse.web.deps import RuntimeDep, SessionDep

router = APIRouter(prefix="/api/sessions", tags=["practice"])


async def get_practice(
    session: SessionDep, runtime: RuntimeDep, interviews: Interviews
) -> PracticeService:
    return PracticeService(session, runtime, interviews)


Practice = Annotated[PracticeService, Depends(get_practice)]


@router.post(
    "/{session_id}/questions/{question_id}/attempts",
    status_code=status.HTTP_201_CREATED,
    summary="Practise a question again: a recording, typed text, or both, analysed and judged "
    "on its own, outside the interview",
)
def practise(
    session_id: uuid.UUID,
    question_id: uuid.UUID,
    practice: Practice,
    media: Annotated[UploadFile | None, File()] = None,
    text: Annotated[str, Form(max_length=100_000), AfterValidator(check_storable)] = "",
) -> AnswerPublic:
    attempt = practice.practise(
        session_id,
        question_id,
        text=text,
        media=media.file if media is not None else None,
        filename=(media.filename or "attempt") if media is not None else "",
    )
    return AnswerPublic.model_validate(attempt)


@router.get(
    "/{session_id}/questions/{question_id}/attempts",
    summary="A question's practice attempts, oldest first",
)
def list_attempts(
    session_id: uuid.UUID, question_id: uuid.UUID, practice: Practice
) -> list[AnswerPublic]:
    return [AnswerPublic.model_validate(a) for a in practice.attempts(session_id, question_id)]


@router.get(
    "/{session_id}/questions/{question_id}/comparison",
    summary="What changed: the latest attempt against the interview's answer and against the "
    "attempt before it, point by point, with a coach's lead",
)
def comparison(session_id: uuid.UUID, question_id: uuid.UUID, practice: Practice) -> ComparedPublic:
    return ComparedPublic.model_validate(practice.compared(session_id, question_id))

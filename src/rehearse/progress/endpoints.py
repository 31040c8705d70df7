"""Progress routes: reflections per session, topic mastery, and the overview over sessions."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, status

from rehearse.interviews.endpoints import Interviews
from rehearse.progress.schemas import (
    AnswerResultPublic,
    ProgressPublic,
    QuestionsToPractisePublic,
    QuestionToPractisePublic,
    ReflectionCreate,
    ReflectionPublic,
    SessionProgress,
    TopicMasteryPublic,
    TrendPublic,
)
from rehearse.progress.service import ProgressService
from rehearse.web.deps import SessionDep

router = APIRouter(prefix="/api", tags=["progress"])


async def get_progress(session: SessionDep, interviews: Interviews) -> ProgressService:
    return ProgressService(session, interviews)


Progress = Annotated[ProgressService, Depends(get_progress)]


@router.get("/sessions/{session_id}/reflections", summary="The candidate's notes on a session")
def list_reflections(session_id: uuid.UUID, progress: Progress) -> list[ReflectionPublic]:
    return [ReflectionPublic.model_validate(note) for note in progress.reflections(session_id)]


@router.post(
    "/sessions/{session_id}/reflections",
    status_code=status.HTTP_201_CREATED,
    summary="Write a reflection on a session",
)
def add_reflection(
    session_id: uuid.UUID, body: ReflectionCreate, progress: Progress
) -> ReflectionPublic:
    return ReflectionPublic.model_validate(progress.reflect(session_id, body.text))


@router.delete(
    "/sessions/{session_id}/reflections/{reflection_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a reflection",
)
def delete_reflection(session_id: uuid.UUID, reflection_id: uuid.UUID, progress: Progress) -> None:
    progress.delete_reflection(session_id, reflection_id)


@router.get("/progress/topics", summary="Mastery per topic, carried over between sessions")
def topic_mastery(progress: Progress) -> list[TopicMasteryPublic]:
    return [TopicMasteryPublic.model_validate(row) for row in progress.topic_mastery()]


@router.get(
    "/progress/questions-to-practise",
    summary="Questions to practise again: those whose latest attempt was off topic, weak or "
    "missed a key point or a story's part, with why and the page to practise each",
)
def questions_to_practise(progress: Progress) -> QuestionsToPractisePublic:
    practising = progress.questions_to_practise()
    return QuestionsToPractisePublic(
        questions=[QuestionToPractisePublic.model_validate(q) for q in practising.questions],
        not_judged=[QuestionToPractisePublic.model_validate(q) for q in practising.not_judged],
    )


@router.get(
    "/progress",
    summary="Progress over sessions: trends per competency, best and worst answers, mastery",
)
def progress_overview(progress: Progress) -> ProgressPublic:
    overview = progress.overview()
    return ProgressPublic(
        sessions=[SessionProgress.model_validate(s) for s in overview.sessions],
        trends=[TrendPublic.model_validate(trend) for trend in overview.trends],
        best_answers=[AnswerResultPublic.model_validate(a) for a in overview.best],
        worst_answers=[AnswerResultPublic.model_validate(a) for a in overview.worst],
        topics=[TopicMasteryPublic.model_validate(row) for row in overview.topics],
    )

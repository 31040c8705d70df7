"""Request and response bodies of the progress routes."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from rehearse.inputs import InputModel


class ReflectionCreate(InputModel):
    text: str = Field(min_length=1, max_length=20_000)


class ReflectionPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    session_id: uuid.UUID
    text: str
    coach_response: str
    created_at: datetime


class TopicMasteryPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    topic: str
    rating: float
    answers: int = Field(description="The answers that moved the rating, practice attempts too.")
    practice_attempts: int = Field(description="Of those, the practice attempts.")
    updated_at: datetime


class SessionProgress(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    title: str
    status: str
    when: datetime
    overall: float | None  # from the session's report; None until it has one


class TrendPointPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    session_id: uuid.UUID
    when: datetime
    value: float


class TrendPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    competency: str
    points: list[TrendPointPublic]
    latest: float
    change: float | None  # the latest session against the mean of the (up to) three before
    direction: str  # improving, steady, slipping, or first session


class AnswerResultPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    session_id: uuid.UUID
    session_title: str
    when: datetime
    position: int
    question: str
    topic: str
    overall: float


class ProgressPublic(BaseModel):
    sessions: list[SessionProgress]  # oldest first
    trends: list[TrendPublic]
    best_answers: list[AnswerResultPublic]
    worst_answers: list[AnswerResultPublic]
    topics: list[TopicMasteryPublic]


class ReasonPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    kind: Literal["off topic", "weak", "missing part", "missing point"]
    says: str = Field(description='In a coach\'s words, e.g. "The story has no task".')


class QuestionToPractisePublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    session_id: uuid.UUID
    session_title: str
    question_id: uuid.UUID
    question: str
    topic: str
    position: int
    latest: Literal["interview", "practice"] = Field(
        description="Whose judgement this is: the latest practice attempt's, or (with none) "
        "the interview's answer's."
    )
    attempts: int = Field(description="Practice attempts at the question so far.")
    when: datetime = Field(description="When the latest attempt was given.")
    score: float | None = Field(
        description="The judge's content score of the latest attempt (0 when off topic); "
        "null when it is not judged."
    )
    reasons: list[ReasonPublic] = Field(description="Why to practise it; empty when not judged.")
    missing: list[str] = Field(description="The story parts and key points it missed.")
    note: str = Field(description='Why it is not judged (yet); "" when judged.')
    practise: str = Field(description="The page that practises the question again.")


class QuestionsToPractisePublic(BaseModel):
    questions: list[QuestionToPractisePublic] = Field(
        description="Questions whose latest attempt was off topic, weak or missed a key point "
        "or a story's part, weakest first."
    )
    not_judged: list[QuestionToPractisePublic] = Field(
        description="Questions whose latest attempt the judge has not judged (it is off, still "
        "judging, or could not run): they are listed above once judged, if they need it."
    )

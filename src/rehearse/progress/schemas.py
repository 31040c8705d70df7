"""Request and response bodies of the progress routes."""

from __future__ import annotations

import uuid
from datetime import datetime

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

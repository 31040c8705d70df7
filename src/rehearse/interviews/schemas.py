"""Request and response bodies of the interview routes."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from rehearse.inputs import InputModel
from rehearse.interviews.models import AnswerStatus, InterviewType, QuestionKind, SessionStatus

MAX_JOB_DESCRIPTION = 50_000
MAX_KEY_POINTS = 8  # as many as a bank question has at most
KeyPoint = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


class SessionBase(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    role: str = Field(default="", max_length=200)
    company: str = Field(default="", max_length=200)
    job_description: str = Field(default="", max_length=MAX_JOB_DESCRIPTION)
    interview_type: InterviewType = InterviewType.MIXED
    question_count: int = Field(default=8, ge=1, le=30)


class SessionCreate(SessionBase, InputModel):
    pass


class SessionUpdate(InputModel):
    title: str | None = Field(default=None, min_length=1, max_length=200)
    role: str | None = Field(default=None, max_length=200)
    company: str | None = Field(default=None, max_length=200)
    job_description: str | None = Field(default=None, max_length=MAX_JOB_DESCRIPTION)
    interview_type: InterviewType | None = None
    question_count: int | None = Field(default=None, ge=1, le=30)


class FilePublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    filename: str
    content_type: str
    size: int
    created_at: datetime


class SessionPublic(SessionBase):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    status: SessionStatus
    plan: dict[str, Any]
    resume: FilePublic | None
    created_at: datetime
    updated_at: datetime
    started_at: datetime | None
    completed_at: datetime | None
    gaze_calibration: dict[str, Any] | None = Field(
        description="The candidate's gaze angles when looking at the camera, once calibrated."
    )


class QuestionCreate(InputModel):
    text: str = Field(min_length=1, max_length=5000)
    kind: QuestionKind = QuestionKind.BEHAVIOURAL
    topic: str = Field(default="", max_length=80)
    difficulty: int = Field(default=3, ge=1, le=5)
    key_points: list[KeyPoint] = Field(
        default_factory=list,
        max_length=MAX_KEY_POINTS,
        description="What a strong answer covers, one point each: the content judge checks "
        "the answer against them (none: what a strong answer of the question's form makes).",
    )


class PlanRequest(InputModel):
    interview_type: InterviewType | None = None
    length: int | None = Field(default=None, ge=1, le=30)


class QuestionPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    position: int
    text: str
    kind: QuestionKind
    topic: str
    difficulty: int
    reason: str
    source: str
    key_points: list[Any]
    parent_id: uuid.UUID | None
    created_at: datetime


class AnswerPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    question_id: uuid.UUID
    status: AnswerStatus
    text: str
    transcript: str
    duration_seconds: float | None
    media: FilePublic | None
    analysis_job_id: uuid.UUID | None
    error: str
    practice: bool = Field(description="A practice attempt, outside the interview.")
    created_at: datetime


class TurnPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    move: Literal["follow_up", "clarify", "next", "end"]
    say: str = Field(
        description="What the interviewer says next: a follow-up or the next question."
    )
    reason: str = Field(description="Why the interviewer chose this move.")
    next_question_id: uuid.UUID | None
    quality: float | None = Field(description="A rough 0..1 grade of the answer so far.")
    decided_on: Literal["live", "full"] = Field(
        description="Which words the move was decided on: what the live captions read while "
        "the answer was spoken (its recording was still being analysed), or the full "
        "transcript (or the typed text). A turn is never rewritten afterwards."
    )


class TurnRequest(InputModel):
    live_transcript_id: uuid.UUID | None = Field(
        default=None,
        description="The id the live speech socket gave when the answer ended: the turn is "
        "then decided at once from what the live captions read. Ignored unless that live "
        "transcript is the caller's own, for this answer's question, and not used before.",
    )

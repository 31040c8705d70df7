"""Request and response bodies of the assignment routes."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from rehearse.inputs import InputModel
from rehearse.interviews.models import InterviewType, QuestionKind
from rehearse.interviews.schemas import MAX_JOB_DESCRIPTION, MAX_KEY_POINTS, KeyPoint

MAX_QUESTIONS = 20
MAX_ATTEMPTS = 10
MAX_CRITERIA = 10
MAX_LEVELS = 6


class WrittenQuestion(InputModel):
    text: str = Field(min_length=1, max_length=5000)
    kind: QuestionKind = QuestionKind.BEHAVIOURAL
    topic: str = Field(default="", max_length=80)
    difficulty: int = Field(default=3, ge=1, le=5)
    key_points: list[KeyPoint] = Field(default_factory=list, max_length=MAX_KEY_POINTS)


class FromBank(InputModel):
    source: Literal["bank"]
    topics: list[str] = Field(default_factory=list, max_length=20)
    difficulty: int = Field(default=3, ge=1, le=5)
    count: int = Field(default=5, ge=1, le=MAX_QUESTIONS)


class FromJob(InputModel):
    source: Literal["job"]
    job_description: str = Field(default="", max_length=MAX_JOB_DESCRIPTION)
    interview_type: InterviewType = InterviewType.MIXED
    count: int = Field(default=5, ge=1, le=MAX_QUESTIONS)


class Written(InputModel):
    source: Literal["written"]
    questions: list[WrittenQuestion] = Field(default_factory=list, max_length=MAX_QUESTIONS)


QuestionSource = Annotated[FromBank | FromJob | Written, Field(discriminator="source")]


class RubricLevel(InputModel):
    label: str = Field(min_length=1, max_length=60)
    description: str = Field(default="", max_length=500)


class Criterion(InputModel):
    name: str = Field(min_length=1, max_length=120)
    description: str = Field(default="", max_length=500)
    levels: list[RubricLevel] = Field(
        default_factory=list, max_length=MAX_LEVELS, description="From the lowest level up."
    )


class AssignmentCreate(InputModel):
    title: str = Field(min_length=1, max_length=200)
    instructions: str = Field(default="", max_length=5000)
    role: str = Field(default="", max_length=200)
    questions: QuestionSource
    due_at: datetime = Field(description="When it is due (with its time zone).")
    attempts_allowed: int = Field(default=1, ge=1, le=MAX_ATTEMPTS)
    video_required: bool = False
    rubric: list[Criterion] = Field(default_factory=list, max_length=MAX_CRITERIA)


class AssignmentUpdate(InputModel):
    """What a coach may change once members have started: not the questions or the rubric,
    which their attempts were answered and scored against."""

    title: str | None = Field(default=None, min_length=1, max_length=200)
    instructions: str | None = Field(default=None, max_length=5000)
    due_at: datetime | None = Field(default=None, description="A new due date, in the future.")
    attempts_allowed: int | None = Field(default=None, ge=1, le=MAX_ATTEMPTS)
    video_required: bool | None = None


class AssignmentPublic(BaseModel):
    id: uuid.UUID
    organisation_id: uuid.UUID
    organisation_name: str
    title: str
    instructions: str
    role: str
    interview_type: str
    questions: list[dict[str, Any]]
    due_at: datetime
    attempts_allowed: int
    video_required: bool
    rubric: list[dict[str, Any]]
    created_at: datetime


class AssignmentPage(BaseModel):
    items: list[AssignmentPublic]
    total: int
    offset: int
    limit: int


class MyAssignment(BaseModel):
    """An assignment as its member sees it on the home page: where they stand with it."""

    assignment: AssignmentPublic
    status: Literal["not_started", "in_progress", "done", "late"]
    attempts_used: int
    latest_session_id: uuid.UUID | None


class MyAssignmentPage(BaseModel):
    items: list[MyAssignment]
    total: int
    offset: int
    limit: int


class BankTopic(BaseModel):
    topic: str
    title: str
    area: str

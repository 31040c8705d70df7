"""Request and response bodies of the review routes."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from rehearse.assignments.schemas import AssignmentPublic
from rehearse.inputs import InputModel

VERDICT_PATTERN = r"^(content|point:[1-9][0-9]?|star:[a-z_]{1,30})$"


class CommentCreate(InputModel):
    body: str = Field(min_length=1, max_length=5000)
    at_seconds: float | None = Field(
        default=None,
        ge=0,
        le=24 * 3600,
        description="The moment of the recording it is about, in seconds from its start; "
        "none: the whole answer.",
    )


class CommentPublic(BaseModel):
    id: uuid.UUID
    answer_id: uuid.UUID
    body: str
    at_seconds: float | None
    author_id: uuid.UUID | None
    created_at: datetime


class RubricUpdate(InputModel):
    levels: dict[str, int | None] = Field(
        max_length=20,
        description="Criterion name -> level (1 for its lowest); null clears a criterion's "
        "level. Criteria not named keep theirs.",
    )


class RubricScorePublic(BaseModel):
    criterion: str
    level: int


class FlagCreate(InputModel):
    verdict: str = Field(
        pattern=VERDICT_PATTERN,
        description="Which verdict of the answer's report: 'content' (its content score), "
        "'point:N' (its N-th key point), 'star:PART' (a part of its story).",
    )
    reason: str = Field(default="", max_length=2000)


class FlagPublic(BaseModel):
    id: uuid.UUID
    answer_id: uuid.UUID
    verdict: str
    judged: str = Field(description="What the judge's verdict said when it was flagged.")
    reason: str
    created_at: datetime


class MemberStandingPublic(BaseModel):
    user_id: uuid.UUID
    display_name: str
    email: str
    status: str = Field(description="not_started, in_progress, done or late.")
    attempts: int
    latest_session_id: uuid.UUID | None
    completed_at: datetime | None
    overall: float | None
    scores: dict[str, float | None]
    first_overall: float | None = Field(
        description="The first attempt's overall, when there are more: the member's trend."
    )
    rubric: dict[str, float] = Field(description="The mean level given on each criterion.")


class HardQuestionPublic(BaseModel):
    position: int
    question: str
    answered: int
    content: float | None
    missed: list[tuple[str, int]] = Field(description="Key points, with how many missed each.")
    parts_missing: list[tuple[str, int]]


class ClassViewPublic(BaseModel):
    assignment: AssignmentPublic
    total: int = Field(description="Members of the organisation (its coaches aside).")
    counts: dict[str, int] = Field(description="Members by status.")
    means: dict[str, float] = Field(description="The class's mean overall and competencies.")
    hardest: list[HardQuestionPublic]
    members: list[MemberStandingPublic]
    offset: int
    limit: int

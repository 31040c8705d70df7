"""What the practice endpoints return."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Change = Literal["better", "worse", "same"]


class PointChangePublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    point: str = Field(description="The key point, or the story part's name.")
    is_part: bool = Field(description="A story's part (situation, task, action, result).")
    before: str = Field(description="covered / partly / missing, as the advice may say it.")
    after: str
    before_quote: str
    after_quote: str
    change: Change


class MeasureChangePublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    name: str = Field(
        description='"pace", "fillers", "long pauses", or "eye contact" (a share of the frames '
        "with a face; only when both attempts were filmed)."
    )
    first: float
    second: float
    change: Change | None = Field(description="None: not compared (a noisy recording).")


class GradedPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    passed: int = Field(description="Hidden tests the attempt's code passed.")
    total: int


class CodeChangePublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    before: GradedPublic
    after: GradedPublic
    change: Change | None = Field(
        description="Any change in tests passed is real (no noise margin: the sandbox runs the "
        "same tests each time); null when the problem's tests changed between the attempts."
    )


class ComparisonPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    lead: str = Field(description="What improved, what got worse, what is still missing.")
    points: list[PointChangePublic]
    content: Change | None = Field(description="None when either attempt was not judged.")
    on_topic: tuple[bool | None, bool | None]
    delivery: list[MeasureChangePublic]
    words: tuple[int, int]
    seconds: tuple[float | None, float | None]
    judging: bool = Field(
        description="Either attempt's content is still being judged (a coding question: its "
        "code is still being run against the hidden tests)."
    )
    watching: bool = Field(
        description="Either attempt's video is still being analysed (eye contact comes then)."
    )
    tests: CodeChangePublic | None = Field(
        default=None,
        description="A coding question: the hidden tests passed before and after; null for "
        "other questions and until both attempts' code has run.",
    )


class ComparedPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    baseline: ComparisonPublic = Field(
        description="The latest attempt against the interview's answer (or the first attempt "
        "when the question was not answered in the interview)."
    )
    previous: ComparisonPublic | None = Field(
        description="The latest attempt against the one before it; null with one attempt."
    )
    attempts: int

"""What the judge says of one answer: a content score against the question's key points,
each point covered, partly made or missing with the answer's words that come closest, and
whether the answer addressed the question at all."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

PointStatus = Literal["covered", "partly", "missing"]


@dataclass(frozen=True)
class PointVerdict:
    point: str
    status: PointStatus
    strength: float  # 0..1: the judge's combined evidence that the answer makes the point
    quote: str  # the answer's sentence closest to the point ("" for an empty answer)
    evidence: dict[str, float | None]  # each piece of evidence, for the curious and the tests


@dataclass(frozen=True)
class ContentJudgement:
    judge: str  # the model and the method version, e.g. "qwen2.5-coder-1.5b / judge-1"
    form: str  # the answer's form (content/forms.py): how its key points were judged
    score: float | None  # 0..100; None when nothing could be judged
    on_topic: bool | None  # None for an empty answer
    off_topic_probability: float | None
    points: tuple[PointVerdict, ...]
    note: str  # what limited the judgement (a cut answer, an empty one); empty when nothing

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ContentJudgement:
        points = tuple(PointVerdict(**point) for point in data["points"])
        return cls(**{**data, "points": points})

"""What the judge says of one answer: a content score against the question's key points,
each point covered, partly made or missing with the answer's words that come closest,
whether the answer addressed the question at all, a story's STAR parts, and an example
stronger answer made of the candidate's own words with its gaps marked."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from rehearse.errors import RehearseError

PointStatus = Literal["covered", "partly", "missing"]


def status_of(strength: float, cuts: tuple[float, float]) -> PointStatus:
    """Covered from ``cuts[1]``, partly from ``cuts[0]``, else missing."""
    partly, covered = cuts
    return "covered" if strength >= covered else "partly" if strength >= partly else "missing"


@dataclass(frozen=True)
class PointVerdict:
    point: str
    status: PointStatus
    strength: float  # 0..1: the judge's combined evidence that the answer makes the point
    quote: str  # the answer's sentence closest to the point ("" for an empty answer)
    evidence: dict[str, float | None]  # each piece of evidence, for the curious and the tests


@dataclass(frozen=True)
class ContentJudgement:
    judge: str  # the model and the method version, e.g. "qwen2.5-coder-1.5b / judge-2"
    form: str  # the answer's form (content/forms.py): how its key points were judged
    score: float | None  # 0..100; None when nothing could be judged
    on_topic: bool | None  # None for an empty answer
    off_topic_probability: float | None  # the model's "no" to: about the question asked?
    points: tuple[PointVerdict, ...]
    note: str  # what limited the judgement (a cut answer, an empty one); empty when nothing
    # A story's parts (situation, task, action, result), each judged as a key point whose
    # ``point`` is the part's name; empty for other forms.
    star: tuple[PointVerdict, ...] = ()
    # The answer rebuilt from its own sentences, in the order a strong answer takes, with a
    # bracketed gap where it lacks a point (stronger.py); "" for an empty answer.
    stronger: str = ""
    # The model's "no" to: does the answer tell about the speaker's own experience...?
    # (interview forms only; None for explanations and empty answers)
    not_about_self_probability: float | None = None
    # The model's grade of the whole answer, 1 (poorly) to 5 (very well): the mean of its
    # expected digit over each wording of the question (``grades``, by the wording's name).
    # The score of interview answers (not explanations); None and empty for explanations.
    grade: float | None = None
    grades: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ContentJudgement:
        points = tuple(PointVerdict(**point) for point in data["points"])
        star = tuple(PointVerdict(**part) for part in data.get("star") or ())
        return cls(**{**data, "points": points, "star": star})


@dataclass(frozen=True)
class Verdict:
    """What is shown of the judge for one answer: its judgement, else a note on why there is
    none (yet)."""

    judgement: ContentJudgement | None
    note: str = ""


NOT_JUDGED = "Content was not judged: "  # how every note of an answer not judged begins


def not_judged(error: RehearseError) -> str:
    """The note for an answer the judge could not judge, saying why."""
    return f"{NOT_JUDGED}{error.message}"

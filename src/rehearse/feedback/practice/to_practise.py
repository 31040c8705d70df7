"""Whether a question is worth practising again, and why, from the judge's judgement of its
latest attempt: it did not address the question, its content is weak, or it missed a key
point or a story's part.

"Weak" is the judge's content score (0 when off topic, as in the comparison) in the band every
score is shown in as weak (``feedback.measures.label_for``: below 50). A point or part is
"missed" only as the advice may say it (``advice.said_status``, ``said_point_status``): where
the judge's "missing" is right too rarely it is "partly", which is not a reason on its own. An
attempt with none of these reasons is strong enough to leave the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rehearse.feedback.judge.advice import said_point_status, said_status
from rehearse.feedback.judge.points import STAR_PARTS
from rehearse.feedback.judge.verdict import ContentJudgement
from rehearse.feedback.measures import label_for
from rehearse.feedback.practice.content import counted_score

ReasonKind = Literal["off topic", "weak", "missing part", "missing point"]


@dataclass(frozen=True)
class Reason:
    kind: ReasonKind
    says: str  # in a coach's words: "Did not address the question", "Missed: the result"


@dataclass(frozen=True)
class ToPractise:
    """Why the latest attempt at a question calls for practising it again."""

    reasons: tuple[Reason, ...]
    missing: tuple[str, ...]  # the story parts' names, then the key points, said missing


def to_practise(judgement: ContentJudgement) -> ToPractise | None:
    """Why to practise again the question whose latest attempt the judge judged so; None when
    that attempt is strong enough (on topic, not weak, nothing missing) or could not be
    scored."""
    score = counted_score(judgement)
    if score is None:
        return None
    if judgement.on_topic is False:
        return ToPractise((Reason("off topic", "Did not address the question"),), ())
    stored = judgement.to_dict()  # the advice reads parts and points as stored
    star = stored.get("star") or []
    parts = [str(part["point"]) for part in star if said_status(part) == "missing"]
    told = set(STAR_PARTS.values()) if star else set()
    points = [
        str(point["point"])
        for point in stored.get("points") or []
        if said_point_status(point) == "missing" and point["point"] not in told
    ]
    reasons = [Reason("weak", f"Weak content: {score:.0f} of 100")] if _weak(score) else []
    reasons += [Reason("missing part", f"The story has no {part}") for part in parts]
    reasons += [Reason("missing point", f"Missed: {point.rstrip('.')}") for point in points]
    if not reasons:
        return None
    return ToPractise(tuple(reasons), (*parts, *points))


def _weak(score: float) -> bool:
    return label_for(score) == "weak"

"""An example stronger answer built from the candidate's own words, never from invented ones.

The judge has already found, for each key point (and each STAR part of a story), the
sentence of the answer that makes it or comes nearest. The stronger answer lays those
sentences out in the order a strong answer takes (a story's situation, task, action,
result; then the question's own points) and puts a bracketed gap where the answer lacks a
point: after a sentence that makes it only in part, or alone where it is missing; a story's
result told without a number gets a gap asking for one. A model writing the example would
have to make up the candidate's achievements to fill the gaps; a gap says honestly what is
missing and leaves the facts to the candidate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rehearse.feedback.judge.points import STAR_GAPS, STAR_PARTS
from rehearse.feedback.judge.verdict import PointVerdict

OFF_TOPIC_OPENING = "[one sentence that answers the question asked, directly]"
# A result told without a number ("it got faster") still lacks what a strong story gives.
UNCOUNTED_RESULT = "[the result in numbers: how much, how many, how often]"
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|thousand|million|half|twice|double|triple|percent)\b",
    re.IGNORECASE,
)


def _gap(point: str) -> str:
    return f"[{point.rstrip('.')}]"


def stronger_answer(
    points: Sequence[PointVerdict], star: Sequence[PointVerdict], *, on_topic: bool
) -> str:
    """The candidate's sentences that make each point, in order, with a gap for each point
    made only in part or missing. An answer off the question keeps none of its sentences."""
    parts = [(verdict, STAR_GAPS[verdict.point]) for verdict in star]
    described = set(STAR_PARTS.values()) if star else set()
    parts += [(v, _gap(v.point)) for v in points if v.point not in described]
    if not on_topic:
        return " ".join([OFF_TOPIC_OPENING, *(gap for _, gap in parts)])
    pieces: list[str] = []
    for verdict, gap in parts:
        if verdict.status != "missing" and verdict.quote and verdict.quote not in pieces:
            pieces.append(verdict.quote)
        if verdict.status != "covered":
            pieces.append(gap)
        elif star and verdict.point == "result" and not _NUMBER.search(verdict.quote):
            pieces.append(UNCOUNTED_RESULT)
    return " ".join(pieces)

"""What to work on, led by what the judge found: a question not answered, then the parts of
a story and the key points an answer missed, each in a coach's words with the answer it
comes from."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from rehearse.feedback.judge.points import STAR_GAPS, STAR_PARTS
from rehearse.feedback.judge.story import SAID_AT, missing_is_said
from rehearse.feedback.measures import Score
from rehearse.feedback.overall import competency_weight
from rehearse.feedback.recommendations import CHECK_WEIGHT
from rehearse.feedback.report import AnswerReport, Recommendation

MAX_FINDINGS = 3
# How often the judge's "missing" for a key point was right on the hand-marked answers to the
# open Mohler questions (137 of 171 versions; ``python -m bench.judgement.keypoints --part
# open``, 2026-11-26; the locked questions: 106 of 147). Read against the STAR parts' bar.
KEY_POINTS_MISSING_RIGHT = 0.801
_POINT_TITLES = {
    "missing": "{answer} missed a key point",
    "partly": "{answer} made a key point only in part",
}
_STAR_TITLES = {
    "missing": "{answer}'s story has no {part}",
    "partly": "{answer}'s story says little of its {part}",
}
MAX_RECOMMENDATIONS = 6


def _findings(answers: Sequence[AnswerReport], session: Sequence[Score]) -> list[Recommendation]:
    """Each finding with its gain estimated as the measured recommendations' are: the content
    points it would add to its answer, averaged over the answers, times content's weight."""
    answered = [a for a in answers if a.answered]
    # A coaching-check content score weighs nothing in the overall; its findings rank as the
    # other coaching checks' advice does (``recommendations.CHECK_WEIGHT``).
    weight = competency_weight("content", session) or CHECK_WEIGHT
    share = weight / max(len(answered), 1)
    found = [
        finding
        for answer in answered
        if answer.judgement is not None
        for finding in answer_findings(
            answer.judgement, answer.question, f"Answer {answer.position}", share
        )
    ]
    return sorted(found, key=lambda item: -item.gain)[:MAX_FINDINGS]


def answer_findings(
    judgement: Mapping[str, Any], question: str, answer: str, share: float = 1.0
) -> list[Recommendation]:
    """What the judge found in one answer (``judgement``, as ``ContentJudgement.to_dict``
    gives it), in a coach's words: the question not addressed, else each STAR part and key
    point missed or made only in part. ``answer`` names it in the titles ("Answer 2"); each
    gain is the content points the finding would add, times ``share``."""
    if judgement.get("on_topic") is False:
        return [
            Recommendation(
                0,
                "content",
                f"{answer} did not address its question",
                f"Asked: \u201c{question}\u201d",
                "Answer the question that was asked: open with one sentence that answers "
                "it directly, then give the example that shows it.",
                round(share * (100 - float(judgement.get("score") or 0.0)), 1),
            )
        ]
    found: list[Recommendation] = []
    star = judgement.get("star") or []
    for part in star:
        title = _STAR_TITLES.get(said_status(part))
        if title is not None:
            found.append(
                Recommendation(
                    0,
                    "content",
                    title.format(answer=answer, part=part["point"]),
                    _part_evidence(question, part),
                    f"Tell it in your next story: {STAR_GAPS[part['point']].strip('[]')}.",
                    round(share * 100 * (1 - float(part["strength"])) / len(star), 1),
                )
            )
    points = judgement.get("points") or []
    told = set(STAR_PARTS.values()) if star else set()
    for point in points:
        title = _POINT_TITLES.get(said_point_status(point))
        if title is not None and point["point"] not in told:
            found.append(
                Recommendation(
                    0,
                    "content",
                    title.format(answer=answer),
                    _point_evidence(question, point),
                    f"Make this point in your own words: {point['point']}.",
                    round(share * 100 * (1 - float(point["strength"])) / len(points), 1),
                )
            )
    return found


def said_status(part: Mapping[str, Any]) -> str:
    """A STAR part's verdict as the advice may say it: "missing" only where that verdict is
    right often enough (``story.missing_is_said``), else "partly"."""
    status = str(part.get("status", ""))
    if status == "missing" and not missing_is_said(str(part["point"])):
        return "partly"
    return status


def said_point_status(point: Mapping[str, Any]) -> str:
    """A key point's verdict as the advice may say it: "missing" only while the key points'
    "missing" is right often enough (``KEY_POINTS_MISSING_RIGHT``), else "partly"."""
    status = str(point.get("status", ""))
    return "partly" if status == "missing" and KEY_POINTS_MISSING_RIGHT < SAID_AT else status


def _point_evidence(question: str, point: dict[str, Any]) -> str:
    said = f" The closest you came: \u201c{point['quote']}\u201d" if point.get("quote") else ""
    made = str(point["point"]).rstrip(".")
    return f"A strong answer to \u201c{question}\u201d makes this point: {made}.{said}"


def _part_evidence(question: str, part: dict[str, Any]) -> str:
    said = f" The nearest you came: \u201c{part['quote']}\u201d" if part.get("quote") else ""
    return f"A story told in answer to \u201c{question}\u201d needs its {part['point']}.{said}"


def judged_first(
    answers: Sequence[AnswerReport],
    session: Sequence[Score],
    measured: Sequence[Recommendation],
) -> list[Recommendation]:
    """The judge's findings, then the measured recommendations, numbered again."""
    merged = [*_findings(answers, session), *measured][:MAX_RECOMMENDATIONS]
    return [replace(item, priority=rank) for rank, item in enumerate(merged, start=1)]

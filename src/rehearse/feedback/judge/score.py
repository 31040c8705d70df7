"""The content score the judge gives, explained as every score is: one measurement per key
point (how strongly the answer makes it, with the answer's words that come closest)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rehearse.analysis.bands import Band
from rehearse.feedback.judge.judge import by_terms
from rehearse.feedback.judge.verdict import ContentJudgement
from rehearse.feedback.measures import COACHING_CHECK, Rule, Score, label_for, weighted_score

STRENGTH = Band(1.0, 1.0, 0.0, 1.0)  # 1: the point made fully; 0: not at all
# The locked test part's figure (docs/judgement.md, "The locked part"): graded short answers
# to questions no choice was made on, though the method was changed once after seeing it.
AGREEMENT = (
    "Agrees with human graders at Spearman 0.68 [0.57, 0.76] (0.62 within a question) on "
    "531 graded short answers to 19 questions set aside before anything was chosen (the "
    "method was changed once after a first look at them); the two graders agree with each "
    "other at about 0.6."
)
UNMEASURED = (
    "Not yet measured against people for this kind of question (its key points are qualities "
    "of an answer, judged by the model alone): a coaching check, not a grade."
)
OFF_TOPIC = "The judge found that the answer does not address the question"


def judged_content(judgement: ContentJudgement) -> Score:
    """The judge's content score; ``judgement.score`` must not be None."""
    readings = [
        (
            Rule(
                f"key point: {verdict.point}",
                "strength",
                "made fully",
                STRENGTH,
                1.0,
                f"{verdict.status}; closest words: \u201c{verdict.quote}\u201d"
                if verdict.quote
                else verdict.status,
                f"Make this point: {verdict.point}.",
            ),
            verdict.strength,
        )
        for verdict in judgement.points
    ]
    graded = by_terms(judgement.form)
    evidence = (
        "the mean of three readings of each point: the share of its own terms the answer "
        "uses, its sentence similarity to the answer, and a local language model's "
        "probability that the answer makes it"
        if graded
        else "a local language model's probability that the answer makes each point"
    )
    rests_on = (
        f"The content judge ({judgement.judge}): how strongly the answer makes each key point "
        f"a strong answer makes, from {evidence}."
    )
    if judgement.on_topic is False:
        rests_on = f"{OFF_TOPIC}, so its content counts as weak. {rests_on}"
    score = weighted_score("content", readings, rests_on)
    value = judgement.score
    label = label_for(value) if graded else COACHING_CHECK
    agreement = AGREEMENT if graded else UNMEASURED
    return replace(score, value=value, label=label, agreement=agreement, graded=graded)


def judged_session_content(score: Score, forms: Sequence[str]) -> Score:
    """The session's content score (the mean of its answers') saying how far the judge agrees
    with people: graded when every judged answer was an explanation, else a coaching check."""
    graded = all(by_terms(form) for form in forms)
    label = label_for(score.value) if graded else COACHING_CHECK
    return replace(score, label=label, agreement=AGREEMENT if graded else UNMEASURED, graded=graded)

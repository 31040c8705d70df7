"""The content score the judge gives, explained as every score is: one measurement per key
point (how strongly the answer makes it, with the answer's words that come closest)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rehearse.analysis.bands import Band
from rehearse.feedback.fitted import interview_content_agreement, interview_content_is_graded
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
GRADE_BAND = Band(5.0, 5.0, 1.0, 5.0)  # the model's grade: 5 full marks, 1 none
OFF_TOPIC = "The judge found that the answer does not address the question"
# What to do for a low reading of each wording of the grade (prompts.GRADES).
_GRADE_ADVICE = {
    "answers the question": (
        "Answer the question you were asked directly, then back it with a concrete example of "
        "your own: what you did and what came of it."
    ),
    "an interviewer's rubric": (
        "Give a specific example of what you did yourself, and say what came of it."
    ),
    "specific and concrete": (
        "Name the real details: the project, your part in it, the numbers, the people."
    ),
    "clear and organised": (
        "Lead with your answer in one sentence, then tell the example in order."
    ),
    "the impression it makes": (
        "End on what you achieved or learned and why it matters for this role."
    ),
}


def _grade_rule(name: str) -> Rule:
    """How one wording of the grade is shown: out of 5, with what to do about it."""
    return Rule(
        f"the judge's grade: {name}",
        "of 5",
        "5",
        GRADE_BAND,
        1.0,
        "a local language model's expected grade (docs/judgement.md)",
        _GRADE_ADVICE[name],
    )


def judged_content(judgement: ContentJudgement) -> Score:
    """The judge's content score; ``judgement.score`` must not be None. An explanation's
    rests on its key points; an interview answer's on the model's grade, its key points shown
    beside it with their verdicts and advice but no weight."""
    point_weight = 1.0 if judgement.grade is None else 0.0
    readings = [
        (
            Rule(
                f"key point: {verdict.point}",
                "strength",
                "made fully",
                STRENGTH,
                point_weight,
                f"{verdict.status}; closest words: \u201c{verdict.quote}\u201d"
                if verdict.quote
                else verdict.status,
                f"Make this point: {verdict.point}.",
            ),
            verdict.strength,
        )
        for verdict in judgement.points
    ]
    if judgement.grade is not None:
        grades = judgement.grades or {"answers the question": judgement.grade}
        readings[:0] = [(_grade_rule(name), grade) for name, grade in grades.items()]
        rests_on = (
            f"The content judge ({judgement.judge}): a local language model's grade of the "
            "whole answer, 1 (poorly) to 5 (very well), read from its probabilities of the "
            f"five digits and averaged over {len(grades)} ways of asking; the key points a "
            "strong answer makes are judged beside it, for coaching."
        )
    else:
        evidence = (
            "the mean of three readings of each point: the share of its own terms the answer "
            "uses, its sentence similarity to the answer, and a local language model's "
            "probability that the answer makes it"
            if by_terms(judgement.form)
            else "a local language model's probability that the answer makes each point"
        )
        rests_on = (
            f"The content judge ({judgement.judge}): how strongly the answer makes each key "
            f"point a strong answer makes, from {evidence}."
        )
    if judgement.on_topic is False:
        rests_on = f"{OFF_TOPIC}, so its content counts as weak. {rests_on}"
    score = weighted_score("content", readings, rests_on)
    return _as_agreed(replace(score, value=judgement.score), [judgement.form])


def judged_session_content(score: Score, forms: Sequence[str]) -> Score:
    """The session's content score (the mean of its answers') saying how far the judge agrees
    with people: on graded short answers when every judged answer was an explanation, else on
    rated interviews."""
    return _as_agreed(score, forms)


def _as_agreed(score: Score, forms: Sequence[str]) -> Score:
    """``score`` with the judge's agreement with people for answers of ``forms``, graded or
    a coaching check by it."""
    if all(by_terms(form) for form in forms):
        graded, agreement = True, AGREEMENT
    else:
        graded, agreement = interview_content_is_graded(), interview_content_agreement()
    label = label_for(score.value) if graded else COACHING_CHECK
    return replace(score, label=label, agreement=agreement, graded=graded)

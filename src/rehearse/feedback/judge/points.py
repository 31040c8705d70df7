"""The key points an answer is judged against: the question's own (the bank's ``key_points``,
or what the interviewer wrote when it asked), else what a strong answer of its form makes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rehearse.feedback.content.forms import AnswerForm, answer_form

# The parts of a story (STAR), each as the key point the judge asks about, and the gap an
# example stronger answer leaves where the candidate's own story lacks it.
STAR_PARTS: Mapping[str, str] = {
    "situation": "The situation: where and when it happened, and what was at stake",
    "task": "The task: what the candidate themselves had to achieve or was responsible for",
    "action": "The concrete actions the candidate took themselves",
    "result": "The result, ideally in numbers, and what they learned",
}
STAR_GAPS: Mapping[str, str] = {
    "situation": "[the situation: where and when this happened, and what was at stake]",
    "task": "[your task: what you yourself had to achieve]",
    "action": "[what you did yourself, step by step]",
    "result": "[the result, in numbers, and what you learned]",
}

FORM_POINTS: Mapping[AnswerForm, tuple[str, ...]] = {
    "story": tuple(STAR_PARTS.values()),
    "introduction": (
        "Their background: what they studied or where they have worked",
        "Relevant experience or projects, described concretely",
        "What they want to do next and how it fits the role",
    ),
    "motivation": (
        "Specific reasons for wanting this company or role",
        "How their skills and goals fit the role",
    ),
    "pitch": (
        "Skills and experience that fit the role",
        "A concrete example or result as evidence",
    ),
    "weakness": (
        "A real weakness, named plainly",
        "What they do to improve it, with an example",
    ),
    "explanation": ("A correct and direct answer to the question",),
}


def key_points_for(question: str, kind: str, own: Sequence[str]) -> tuple[str, ...]:
    """``own`` points when the question has any, else its form's."""
    points = tuple(p.strip() for p in own if p.strip())
    return points or FORM_POINTS[answer_form(question, kind)]

"""What the report builder takes from an answer's evaluation (reports/builder.py)."""

from __future__ import annotations

from rehearse.feedback.content.evaluate import evaluate_answer
from rehearse.feedback.content.question import AskedQuestion
from rehearse.interviewer.retrieval.retriever import Retriever
from rehearse.reports.builder import _star


def test_a_self_introduction_reports_its_own_parts_not_star(retriever: Retriever) -> None:
    question = AskedQuestion("Tell me about yourself.", "behavioural", "introduction")
    answer = (
        "I'm a final-year student of mechanical engineering. I grew up in Lyon and started "
        "building robots in high school. Now I'd like to work on control systems."
    )
    parts = _star(evaluate_answer(question, answer, retriever.encoder))
    assert parts == {"present": True, "past": True, "future": True}


def test_a_technical_answer_reports_no_parts(retriever: Retriever) -> None:
    question = AskedQuestion("What does an index do?", "technical", "databases")
    answer = "An index lets the database find rows without reading the whole table."
    assert _star(evaluate_answer(question, answer, retriever.encoder)) == {}

"""What the report builder takes from an answer's evaluation (reports/builder.py)."""

from __future__ import annotations

from dataclasses import asdict

from rehearse.feedback.content.evaluate import evaluate_answer
from rehearse.feedback.content.question import AskedQuestion
from rehearse.interviewer.coding.problems import grade
from rehearse.interviewer.retrieval.retriever import Retriever
from rehearse.reports.builder import _coding_score, _star
from tests.interviewer.test_problems import NEIGHBOURS_ONLY, SOLUTIONS


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


def test_a_coding_answer_is_scored_by_the_share_of_hidden_tests_its_code_passed() -> None:
    stored = asdict(grade("two-sum", NEIGHBOURS_ONLY))  # as the grading job keeps it
    partly = _coding_score("two-sum", stored)
    full = _coding_score("two-sum", asdict(grade("two-sum", SOLUTIONS["two-sum"])))
    assert partly.measurements[0].value == 0.8  # 4 of the 5 hidden tests
    assert full.value == 100

"""The entry point: paired strong and weak answers to bank questions, and edge cases."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from rehearse.feedback.content import VERSION, ContentEvaluation, evaluate_answer
from rehearse.interviewer.retrieval.encoder import TextEncoder
from tests.feedback.content.answers import UNRELATED, Quality, answer, bank_question


def _evaluate(encoder: TextEncoder, question_id: str, quality: Quality) -> ContentEvaluation:
    labelled = answer(question_id, quality)
    return evaluate_answer(labelled.question, labelled.text, encoder)


def test_a_strong_answer_covers_more_key_points(encoder: TextEncoder) -> None:
    strong = _evaluate(encoder, "web-backend-001", "strong")
    weak = _evaluate(encoder, "web-backend-001", "weak")
    assert strong.key_points.covered == 5
    assert weak.key_points.covered == 0
    assert strong.key_points.coverage == 1.0


def test_a_strong_story_has_more_star_parts(encoder: TextEncoder) -> None:
    strong = _evaluate(encoder, "conflict-001", "strong")
    weak = _evaluate(encoder, "conflict-001", "weak")
    assert strong.star.parts_present > weak.star.parts_present


def test_a_strong_story_is_more_specific(encoder: TextEncoder) -> None:
    strong = _evaluate(encoder, "leadership-001", "strong")
    weak = _evaluate(encoder, "leadership-001", "weak")
    assert strong.specificity.index > weak.specificity.index + 0.5


def test_an_off_topic_answer_has_low_relevance(encoder: TextEncoder) -> None:
    question = bank_question("python-002")
    off_topic = evaluate_answer(question, UNRELATED[1], encoder)
    on_topic = _evaluate(encoder, "python-002", "strong")
    assert off_topic.relevance.label == "off topic"
    assert off_topic.relevance.similarity < 0.2
    assert on_topic.relevance.label == "on topic"


def test_star_is_not_applicable_to_a_technical_question(encoder: TextEncoder) -> None:
    evaluation = _evaluate(encoder, "databases-003", "strong")
    assert not evaluation.star.applicable
    assert evaluation.star.parts_present == 0


def test_a_project_question_is_evaluated_as_a_story(encoder: TextEncoder) -> None:
    question = bank_question("leadership-001", kind="project")
    evaluation = evaluate_answer(question, answer("leadership-001", "strong").text, encoder)
    assert evaluation.star.applicable
    assert not evaluation.key_points.judged


def test_role_skills_named_in_the_answer_are_reported(encoder: TextEncoder) -> None:
    labelled = answer("conflict-001", "strong")
    evaluation = evaluate_answer(
        labelled.question, labelled.text, encoder, role_skills=["postgresql", "kafka"]
    )
    assert evaluation.alignment.named == ("postgresql",)
    assert evaluation.alignment.missing == ("kafka",)


@pytest.mark.parametrize("empty", ["", "   \n\t  "])
def test_an_empty_answer_gives_an_empty_evaluation(encoder: TextEncoder, empty: str) -> None:
    question = bank_question("databases-003")
    evaluation = evaluate_answer(question, empty, encoder, role_skills=["postgresql"])
    assert evaluation.sentences == ()
    assert (evaluation.relevance.similarity, evaluation.relevance.label) == (0.0, "off topic")
    assert evaluation.key_points.coverage == 0.0
    assert len(evaluation.key_points.points) == len(question.key_points)
    assert evaluation.specificity.index == 0.0
    assert (evaluation.clarity.words, evaluation.clarity.reading_ease) == (0, None)
    assert evaluation.alignment.named == ()
    assert evaluation.tone.compound == 0.0


def test_an_empty_answer_to_a_story_question_is_valid(encoder: TextEncoder) -> None:
    evaluation = evaluate_answer(bank_question("failure-001"), "", encoder)
    assert evaluation.star.applicable
    assert evaluation.star.parts_present == 0
    assert evaluation.key_points.coverage is None


def test_the_evaluation_is_plain_json(encoder: TextEncoder) -> None:
    evaluation = _evaluate(encoder, "failure-001", "strong")
    data = json.loads(json.dumps(evaluation.to_dict()))
    assert data["version"] == VERSION
    assert data["encoder"] == "all-MiniLM-L6-v2"
    assert data["question"]["kind"] == "behavioural"
    assert data["sentences"][0]["start"] == 0
    assert data["star"]["action"]["present"] is True
    assert set(data) == {
        "version",
        "encoder",
        "question",
        "sentences",
        "relevance",
        "key_points",
        "star",
        "parts",
        "specificity",
        "clarity",
        "alignment",
        "tone",
    }


def test_the_library_imports_nothing_from_the_web_the_store_or_the_jobs() -> None:
    forbidden = (
        "sqlalchemy",
        "fastapi",
        "starlette",
        "rehearse.web",
        "rehearse.store",
        "rehearse.jobs",
        "rehearse.interviews",
        "rehearse.progress",
        "rehearse.reports",
        "rehearse.cli",
    )
    probe = (
        "import sys, rehearse.feedback.content\n"
        f"print(sorted(m for m in sys.modules if m.startswith({forbidden!r})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"

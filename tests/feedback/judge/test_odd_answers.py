"""The content judge on odd answers: empty, one word, endless, another language. What it does
with them does not depend on the model's skill, so the tests' small model (SmolLM2-135M on
llama.cpp's server) stands in for the bundled one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rehearse.feedback.judge.judge import MAX_WORDS, ContentJudge, JudgeInput
from rehearse.interviewer.retrieval.encoder import MiniLMEncoder
from rehearse.llm.client import ChatClient
from tests.support.llama import llama_server

QUESTION = "What is a stack, and in what order does it return its elements?"
POINTS = ("A stack is a collection where the last element pushed is the first one popped (LIFO)",)
GOOD = "A stack returns elements last in, first out: push adds on top and pop removes the top."


@pytest.fixture(scope="module")
def judge() -> Iterator[ContentJudge]:
    with llama_server() as url:
        reader = ChatClient(url, "smollm2")
        yield ContentJudge(reader, MiniLMEncoder())
        reader.close()


def _judged(judge: ContentJudge, answer: str) -> tuple[float, bool]:
    judgement = judge.apply(JudgeInput(QUESTION, POINTS, answer))
    assert judgement.score is not None
    assert judgement.on_topic is not None
    return judgement.score, judgement.on_topic


def test_an_empty_answer_scores_nothing_and_says_so(judge: ContentJudge) -> None:
    judgement = judge.apply(JudgeInput(QUESTION, POINTS, "  \n "))
    assert judgement.score == 0
    assert judgement.on_topic is None
    assert "No answer" in judgement.note
    assert all(point.status == "missing" for point in judgement.points)


def test_a_one_word_answer_is_judged(judge: ContentJudge) -> None:
    score, _ = _judged(judge, "LIFO")
    assert 0 <= score <= 100


def test_an_endless_answer_is_judged_on_its_beginning_and_says_so(judge: ContentJudge) -> None:
    endless = " ".join([GOOD] * (10_000 // len(GOOD.split()) + 1))
    judgement = judge.apply(JudgeInput(QUESTION, POINTS, endless))
    assert judgement.score is not None
    assert f"first {MAX_WORDS} words" in judgement.note


def test_an_answer_in_another_language_gets_a_judgement(judge: ContentJudge) -> None:
    french = "Une pile rend ses éléments dans l'ordre inverse : le dernier entré sort le premier."
    score, _ = _judged(judge, french)
    assert 0 <= score <= 100

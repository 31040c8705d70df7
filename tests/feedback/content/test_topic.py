"""Whether an answer addressed its question (feedback/content/topic.py), with the real
sentence encoder."""

from __future__ import annotations

import pytest

from rehearse.feedback.content.evaluate import evaluate_answer
from rehearse.feedback.content.question import AskedQuestion
from rehearse.feedback.content.topic import is_off_topic
from rehearse.interviewer.retrieval.encoder import TextEncoder
from tests.conftest import shared_fixture

BIRDS = (
    "So there was this bird, a little sparrow, that lived on top of my neighbour's hat. Every "
    "morning the hat went out for a walk and the bird sang to it about the weather. One day "
    "the hat blew away in the wind and the sparrow flew after it across the park, past the "
    "pond and the ducks, until they both landed in a tree."
)
QUESTIONS = {
    "motivation": "What do you know about our company, and what made you apply here?",
    "story": "Tell me about a time you led a team through a hard deadline.",
    "introduction": "Tell me about yourself.",
    "explanation": "How would you design a rate limiter for an API?",
}


@pytest.mark.parametrize("form", sorted(QUESTIONS))
def test_a_story_about_birds_addresses_no_interview_question(
    encoder: TextEncoder, form: str
) -> None:
    if form == "explanation":
        question = AskedQuestion(QUESTIONS[form], "technical", "")
    else:
        question = AskedQuestion(QUESTIONS[form], "behavioural", "")
    assert is_off_topic(evaluate_answer(question, BIRDS, encoder), BIRDS, encoder)


def test_a_plain_self_introduction_is_on_topic(encoder: TextEncoder) -> None:
    # A self-introduction shares few words with "Tell me about yourself" (similarity under
    # the off-topic cut), but it is what interview answers are made of.
    said = (
        "I'm a junior studying chemical engineering, and I'm very interested in energy. Last "
        "summer I interned at a battery start-up, and I'd like to work on storage after I "
        "graduate."
    )
    question = AskedQuestion(QUESTIONS["introduction"], "behavioural", "")
    assert not is_off_topic(evaluate_answer(question, said, encoder), said, encoder)


def _read_aloud() -> list[str]:
    lines = shared_fixture("audio/transcripts.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[1] for line in lines if "\t" in line]


def test_real_recordings_read_aloud_address_no_design_question(encoder: TextEncoder) -> None:
    question = AskedQuestion(QUESTIONS["explanation"], "technical", "")
    said = _read_aloud()
    assert said
    assert all(is_off_topic(evaluate_answer(question, s, encoder), s, encoder) for s in said)

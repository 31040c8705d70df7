"""The shape an answer should take, from the question, and the parts an answer gives
(feedback/content/forms.py)."""

from __future__ import annotations

import pytest

from rehearse.feedback.content.forms import answer_form, detect_parts
from rehearse.feedback.content.sentences import split_sentences


@pytest.mark.parametrize(
    ("question", "form"),
    [
        ("What do you know about our company, and what made you apply here?", "motivation"),
        ("Where would you like your career to be in three to five years?", "motivation"),
        ("What is your greatest weakness?", "weakness"),
        ("If you could change one thing about yourself, what would it be?", "weakness"),
        ("So, tell me about yourself.", "introduction"),
        ("Tell me more about your background.", "introduction"),
        ("Why do you think we should hire you?", "pitch"),
        ("Tell me about a time you demonstrated leadership.", "story"),
        ("Tell me about a time you were demotivated at work. What did you do?", "story"),
    ],
)
def test_behavioural_questions_get_the_form_their_wording_asks_for(
    question: str, form: str
) -> None:
    assert answer_form(question, "behavioural") == form


def test_technical_questions_are_explanations_and_projects_stories() -> None:
    assert answer_form("Why do you use an index here?", "technical") == "explanation"
    assert answer_form("Tell me about yourself and this project.", "project") == "story"


WEAKNESS = (
    "My biggest weakness is public speaking. Last term it cost me marks when I rushed through "
    "a design review. So I joined a speaking club and I now rehearse every talk twice."
)


def _found(answer: str, form: str) -> dict[str, bool]:
    parts = detect_parts(split_sentences(answer), form)  # type: ignore[arg-type]
    return {part.name: part.present for part in parts.parts}


def test_a_complete_weakness_answer_gives_all_three_parts() -> None:
    assert _found(WEAKNESS, "weakness") == {"weakness": True, "cost": True, "remedy": True}


def test_a_weakness_without_a_remedy_misses_the_remedy() -> None:
    found = _found("My biggest weakness is public speaking. I hate it.", "weakness")
    assert found["weakness"]
    assert not found["remedy"]


INTRODUCTION = (
    "I'm a final-year student of mechanical engineering. I grew up in Lyon and started "
    "building robots in high school. Now I'd like to work on control systems, which is why "
    "I applied for this role."
)


def test_a_self_introduction_gives_present_past_and_future() -> None:
    assert _found(INTRODUCTION, "introduction") == {"present": True, "past": True, "future": True}


def test_parts_are_found_without_punctuation_as_in_a_spoken_transcript() -> None:
    spoken = " ".join(INTRODUCTION.replace(".", " ").replace(",", " ").lower().split())
    assert _found(spoken, "introduction") == _found(INTRODUCTION, "introduction")


def test_stories_and_explanations_have_no_form_parts() -> None:
    sentences = split_sentences(WEAKNESS)
    assert detect_parts(sentences, "story").parts == ()
    assert detect_parts(sentences, "explanation").parts == ()

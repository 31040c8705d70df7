"""One answer's scores from its evaluation and its speech (feedback/answer.py)."""

from __future__ import annotations

from rehearse.feedback.answer import score_answer
from rehearse.feedback.content.question import AskedQuestion
from rehearse.feedback.measures import Score
from rehearse.interviewer.retrieval.retriever import Retriever
from tests.feedback.stored_speech import stored_speech

INTRODUCTION = AskedQuestion("Tell me about yourself.", "behavioural", "introduction")
SAID = (
    "I'm a third-year physics student, and I build robots in my spare time. Last year I led "
    "a team of five that built a rover for a national contest. Next I want to work on "
    "control software, which is why I applied here."
)


def _structure(scores: list[Score]) -> Score:
    return next(score for score in scores if score.name == "structure")


def test_a_spoken_answer_s_filled_pauses_enter_its_structure(retriever: Retriever) -> None:
    speech = stored_speech()
    speech["fillers"]["items"] = [{"text": "um", "source": "transcript"}] * 8
    _, scores = score_answer(INTRODUCTION, SAID, retriever.encoder, speech=speech)
    [hesitations] = [m for m in _structure(scores).measurements if m.name == "filled pauses"]
    assert hesitations.value == 8.0  # 8 filled pauses over the speech's 100 words
    assert hesitations.lost > 0


def test_a_typed_answer_s_structure_has_no_hesitations(retriever: Retriever) -> None:
    _, scores = score_answer(INTRODUCTION, SAID, retriever.encoder)
    [hesitations] = [m for m in _structure(scores).measurements if m.name == "filled pauses"]
    assert hesitations.value is None

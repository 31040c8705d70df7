"""The off-topic gate (feedback/content/topic.py) on the rated interviews' real answers: a
real candidate's answer to a real interview question is almost never called off topic."""

from __future__ import annotations

from rehearse.feedback.content.topic import is_off_topic
from tests.bench.validity.conftest import RatedInterviews


def test_the_rated_interviews_answers_are_almost_never_called_off_topic(
    rated_interviews: RatedInterviews,
) -> None:
    encoder = rated_interviews.encoder
    answers = [
        answer
        for interview in rated_interviews.evaluated
        for answer in interview.answers
        if len(answer.text.split()) > 5
    ]
    called = [
        answer.text for answer in answers if is_off_topic(answer.evaluation, answer.text, encoder)
    ]
    assert len(answers) > 300
    assert len(called) <= 3, called  # 2 when the bounds were chosen (docs/scoring.md)

"""Recommendations come biggest gain first, each with its evidence and an action."""

from __future__ import annotations

from rehearse.feedback.delivery import delivery_score
from rehearse.feedback.overall import overall_score, session_score
from rehearse.feedback.recommendations import next_session_goals, recommend
from tests.feedback.stored_speech import stored_speech


def test_the_biggest_gain_comes_first_with_the_answers_as_evidence() -> None:
    answers = [
        (1, [delivery_score(stored_speech(150, 9.0))]),
        (2, [delivery_score(stored_speech(185, 8.0))]),
    ]
    session = [session_score("delivery", [scores[0] for _, scores in answers])]
    recommendations = recommend(session, answers)
    assert [r.priority for r in recommendations] == list(range(1, len(recommendations) + 1))
    assert recommendations[0].title.startswith("Fillers")
    assert "answer 1: 9 per 100 words" in recommendations[0].evidence
    assert recommendations[0].gain >= recommendations[-1].gain
    assert any(r.title.startswith("Pace") for r in recommendations)


def test_goals_name_the_current_value_and_the_target() -> None:
    answers = [(1, [delivery_score(stored_speech(150, 9.0))])]
    session = [session_score("delivery", answers[0][1])]
    [goal, *_] = next_session_goals(session)
    assert goal.startswith("Fillers: from 9 per 100 words to at most 3 per 100 words")


def test_the_session_score_is_the_mean_of_its_answers() -> None:
    scores = [delivery_score(stored_speech(150, 1.0)), delivery_score(stored_speech(200, 8.0))]
    session = session_score("delivery", scores)
    assert session.value is not None
    assert scores[0].value is not None
    assert scores[1].value is not None
    assert session.value == round((scores[0].value + scores[1].value) / 2, 1)
    assert overall_score([session]) is None  # delivery is a coaching check: no grade

"""Recommendations come biggest gain first, each with its evidence and an action."""

from __future__ import annotations

from rehearse.feedback import answer_measures as names
from rehearse.feedback.delivery import delivery_score
from rehearse.feedback.fitted import fitted_score
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


def test_a_fitted_target_no_coach_would_set_explains_its_score_but_is_not_advice() -> None:
    measured = {
        names.SENTENCE_LENGTH: 12.0,  # the best-rated tenth: 29.5 words
        names.RELEVANCE: 0.2,  # 0.62
        names.LIKES: 3.0,  # none: that one a coach says too
        names.FILLED_PAUSES: 0.0,
        names.REPETITIONS: 0.0,
    }
    structure = session_score("structure", [fitted_score("structure", measured, "structure")])
    lost = {m.name for m in structure.measurements if m.lost > 0}
    assert {names.SENTENCE_LENGTH, names.RELEVANCE, names.LIKES} <= lost
    advised = [r.title.split(":")[0] for r in recommend([structure], [(1, [structure])])]
    assert advised == ["'like' as a filler"]
    assert [goal.split(":")[0] for goal in next_session_goals([structure])] == advised

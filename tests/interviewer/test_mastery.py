"""Topic mastery moves like an Elo rating."""

from __future__ import annotations

from rehearse.interviewer.mastery import START, expected_score, update_rating


def test_an_even_match_expects_half() -> None:
    assert expected_score(START, 3) == 0.5


def test_a_good_answer_to_a_hard_question_raises_more_than_to_an_easy_one() -> None:
    assert update_rating(START, 5, 1.0) - START > update_rating(START, 1, 1.0) - START > 0


def test_a_poor_answer_to_an_easy_question_lowers_the_rating_most() -> None:
    assert update_rating(START, 1, 0.0) < update_rating(START, 5, 0.0) < START


def test_repeated_success_climbs_and_settles() -> None:
    rating = START
    for _ in range(30):
        rating = update_rating(rating, 4, 0.9)
    assert 1200 < rating < 1700

import math

import pytest
from bench.judgement.agreement import ranking


def test_agreement_follows_the_grades_when_they_rank_alike() -> None:
    scores = [1, 2, 3, 4, 1, 2, 3, 4]
    agreement = ranking(scores, scores, ["a"] * 4 + ["b"] * 4)
    assert agreement.pooled == pytest.approx(1.0)
    assert agreement.per_question == pytest.approx(1.0)


@pytest.mark.filterwarnings("error")
def test_questions_without_a_ranking_give_no_figure_and_no_warning() -> None:
    agreement = ranking([1, 2, 3, 4, 5, 6], [2, 2, 2, 3, 3, 3], ["a"] * 3 + ["b"] * 3)
    assert math.isnan(agreement.per_question)
    assert all(math.isnan(end) for end in agreement.per_question_interval)
    assert not math.isnan(agreement.pooled)

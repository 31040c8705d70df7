"""The overall score from the competencies (feedback/overall.py)."""

from __future__ import annotations

from rehearse.feedback.measures import Score
from rehearse.feedback.overall import WEIGHTS, overall_score


def _session(values: dict[str, float]) -> list[Score]:
    return [Score(name, value, "", (), "") for name, value in values.items()]


def test_a_better_competency_never_lowers_the_overall() -> None:
    base = dict.fromkeys(WEIGHTS, 50.0)
    before = overall_score(_session(base))
    for name in WEIGHTS:
        after = overall_score(_session({**base, name: 90.0}))
        assert before is not None
        assert after is not None
        assert after >= before


def test_no_weight_is_negative() -> None:
    assert all(weight >= 0 for weight in WEIGHTS.values())


def test_a_typed_session_without_delivery_is_weighed_over_what_was_measured() -> None:
    content, structure = WEIGHTS["content"], WEIGHTS["structure"]
    expected = (content * 60.0 + structure * 80.0) / (content + structure)
    assert overall_score(_session({"content": 60.0, "structure": 80.0})) == round(expected, 1)

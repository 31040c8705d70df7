"""The overall score from the competencies (feedback/overall.py)."""

from __future__ import annotations

from rehearse.feedback.fitted import is_graded
from rehearse.feedback.measures import Score
from rehearse.feedback.overall import WEIGHTS, gated_overall, overall_score


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


def test_only_competencies_checked_against_people_have_a_weight() -> None:
    assert set(WEIGHTS) <= {"structure", "fluency", "content"}
    assert WEIGHTS.get("delivery", 0.0) == 0.0  # never checked against raters: a coaching check


def test_a_coaching_check_weighs_nothing_in_the_overall() -> None:
    # The content score without the judge agrees too weakly with people: a coaching check.
    graded = _session({"structure": 80.0, "fluency": 60.0})
    checked = Score("content", 10.0, "", (), "", graded=is_graded("content"))
    assert not checked.graded
    assert overall_score([*graded, checked]) == overall_score(graded)


def test_a_graded_content_score_weighs_in_the_overall() -> None:
    # The judge's content score of an explanation is graded (docs/judgement.md).
    graded = _session({"structure": 80.0, "fluency": 60.0})
    judged = Score("content", 10.0, "", (), "", graded=True)
    before, after = overall_score(graded), overall_score([*graded, judged])
    assert before is not None
    assert after is not None
    assert after < before


def test_an_answer_off_topic_counts_as_zero_with_the_reason() -> None:
    value, note = gated_overall(80.0, answered=4, off_topic=1)
    assert value == 60.0
    assert "1 of 4 answers did not address their question" in note


def test_a_session_mostly_off_topic_is_not_graded() -> None:
    value, note = gated_overall(90.0, answered=3, off_topic=2)
    assert value is None
    assert note.startswith("Not graded: 2 of 3 answers")


def test_a_session_on_topic_keeps_its_overall() -> None:
    assert gated_overall(72.5, answered=5, off_topic=0) == (72.5, "")

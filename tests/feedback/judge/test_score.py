"""How the judge's content score explains itself (no model: judgements built by hand)."""

from __future__ import annotations

from rehearse.feedback.fitted import interview_content_agreement, interview_content_is_graded
from rehearse.feedback.judge import prompts
from rehearse.feedback.judge.score import judged_content
from rehearse.feedback.judge.verdict import ContentJudgement, PointVerdict

POINT = PointVerdict("what you did", "partly", 0.5, "I led the team.", {})


def _story(grade: float, grades: dict[str, float]) -> ContentJudgement:
    return ContentJudgement(
        "a model / judge-3", "story", 100 * (grade - 1) / 4, True, 0.05, (POINT,), "",
        grade=grade, grades=grades,
    )  # fmt: skip


def test_every_way_of_asking_the_grade_is_shown_with_its_own_advice() -> None:
    grades = {name: 2.0 + i / 2 for i, name in enumerate(prompts.GRADES)}
    score = judged_content(_story(sum(grades.values()) / len(grades), grades))
    shown = {m.name: m for m in score.measurements if m.name.startswith("the judge's grade")}
    assert len(shown) == len(prompts.GRADES)
    assert len({m.advice for m in shown.values()}) == len(prompts.GRADES)
    assert {m.name: m.value for m in shown.values()} == {
        f"the judge's grade: {name}": grade for name, grade in grades.items()
    }


def test_a_judgement_stored_with_one_grade_is_shown_as_that_grade() -> None:
    score = judged_content(_story(3.0, {}))
    shown = [m for m in score.measurements if m.name.startswith("the judge's grade")]
    assert [m.value for m in shown] == [3.0]


def test_an_interview_answers_content_says_how_far_it_agrees_on_rated_interviews() -> None:
    score = judged_content(_story(3.0, {}))
    assert score.agreement == interview_content_agreement()
    assert score.graded == interview_content_is_graded()
    assert "students set aside from every choice" in score.agreement

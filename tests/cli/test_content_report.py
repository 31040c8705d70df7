"""What ``rehearse analyze --question`` prints of the content judge's verdict."""

from __future__ import annotations

from dataclasses import replace

from rehearse.cli.content_report import render_judgement
from rehearse.feedback.judge.points import STAR_PARTS
from rehearse.feedback.judge.verdict import ContentJudgement, PointVerdict

QUESTION = "Why do you want to work for us?"
SAID = "Ask not what your country can do for you."


def _judgement(*, on_topic: bool) -> ContentJudgement:
    point = PointVerdict("Specific reasons for wanting this company", "missing", 0.1, SAID, {})
    stronger = "[one sentence that answers the question asked, directly]"
    return ContentJudgement(
        "a judge / judge-4", "motivation", 12.5, on_topic, 0.2, (point,), "", (), stronger,
        0.4, 1.5, {"answers the question": 1.5},
    )  # fmt: skip


def test_an_answer_off_topic_is_said_to_be_so_with_what_to_do_first() -> None:
    shown = render_judgement(_judgement(on_topic=False), QUESTION)
    assert "Content, judged by a judge / judge-4: 12/100" in shown
    assert "Off topic: the answer does not address the question asked" in shown
    assert "1. The answer did not address its question" in shown


def test_each_key_point_is_shown_with_its_verdict_and_the_answer_s_words() -> None:
    shown = render_judgement(_judgement(on_topic=True), QUESTION).splitlines()
    row = shown.index("    missing  Specific reasons for wanting this company")
    assert shown[row + 1].strip() == f"\u201c{SAID}\u201d"
    assert "1. The answer missed a key point" in "\n".join(shown)


def test_the_grades_and_the_stronger_answer_are_shown() -> None:
    shown = render_judgement(_judgement(on_topic=True), QUESTION)
    assert "1.5  answers the question" in shown
    assert "[one sentence that answers the question asked, directly]" in shown
    assert "Off topic" not in shown


def test_a_story_judged_against_its_parts_shows_them_once() -> None:
    parts = tuple(PointVerdict(name, "covered", 0.9, SAID, {}) for name in STAR_PARTS)
    points = tuple(PointVerdict(point, "covered", 0.9, SAID, {}) for point in STAR_PARTS.values())
    story = replace(_judgement(on_topic=True), form="story", points=points, star=parts)
    shown = render_judgement(story, "Tell me about a time you led.")
    assert "Key points of a strong answer" not in shown
    assert "    covered  result" in shown

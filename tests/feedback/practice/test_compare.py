"""Two attempts side by side: points gained with both quotes, a coding question's hidden tests,
and a lead in a coach's words."""

from __future__ import annotations

from typing import Any

from rehearse.feedback.practice.compare import Attempt, Graded, compare_attempts
from tests.support.judged import DOUBTED_MISSING, SAID_MISSING

POINT = "A prototype simulates portions of the desired product."
TOLD = {
    "situation": "set the scene", "task": "said what you had to achieve",
    "action": "said what you did yourself", "result": "gave the result",
}  # fmt: skip
UNTOLD = {
    "situation": "don't set the scene", "task": "don't say what you had to achieve",
    "action": "don't say what you did yourself", "result": "don't give the result",
}  # fmt: skip


def _judged(
    score: float,
    *,
    parts: dict[str, str] | None = None,
    point: str = "covered",
    on_topic: bool = True,
) -> dict[str, Any]:
    """A judgement as stored (``ContentJudgement.to_dict``), with its parts and one point."""
    star = [
        {"point": name, "status": status, "strength": 0.5, "quote": f"my {name} words",
         "evidence": {}}
        for name, status in (parts or {}).items()
    ]  # fmt: skip
    points = [{"point": POINT, "status": point, "strength": 0.5, "quote": f"{point} words",
               "evidence": {}}]  # fmt: skip
    return {
        "judge": "a judge", "form": "story" if parts else "explanation", "score": score,
        "on_topic": on_topic, "off_topic_probability": 0.1, "points": points, "note": "",
        "star": star,
    }  # fmt: skip


def test_a_part_gained_is_shown_with_both_quotes_and_led_with() -> None:
    part, kept = SAID_MISSING, DOUBTED_MISSING
    first = Attempt("We shipped it.", _judged(40, parts={kept: "covered", part: "missing"}))
    second = Attempt("My job: ship by May.", _judged(75, parts={kept: "covered", part: "covered"}))
    compared = compare_attempts(first, second)
    gained = next(p for p in compared.points if p.point == part)
    assert (gained.before, gained.after, gained.change) == ("missing", "covered", "better")
    assert (gained.before_quote, gained.after_quote) == (f"my {part} words", f"my {part} words")
    assert compared.content == "better"
    assert compared.lead == f"This time you {TOLD[SAID_MISSING]}."


def test_what_is_still_missing_is_said_after_what_improved() -> None:
    gained = DOUBTED_MISSING
    first = Attempt("a", _judged(30, parts={gained: "partly", SAID_MISSING: "missing"}))
    second = Attempt("b", _judged(40, parts={gained: "covered", SAID_MISSING: "missing"}))
    lead = compare_attempts(first, second).lead
    assert lead == f"This time you {TOLD[gained]}; you still {UNTOLD[SAID_MISSING]}."


def test_a_part_whose_missing_is_often_wrong_is_said_as_partly() -> None:
    first = Attempt("a", _judged(30, parts={DOUBTED_MISSING: "missing"}))
    second = Attempt("b", _judged(70, parts={DOUBTED_MISSING: "covered"}))
    doubted = next(p for p in compare_attempts(first, second).points if p.point == DOUBTED_MISSING)
    assert (doubted.before, doubted.after) == ("partly", "covered")


def test_a_key_point_made_this_time_is_named() -> None:
    lead = compare_attempts(Attempt("a", _judged(20, point="partly")),
                            Attempt("b", _judged(80))).lead  # fmt: skip
    assert lead == f"This time you made the point “{POINT.rstrip('.')}”."


def test_an_off_topic_attempt_is_compared_as_such() -> None:
    compared = compare_attempts(
        Attempt("a", _judged(60)), Attempt("b", _judged(60, on_topic=False))
    )
    assert compared.lead == "This attempt did not address the question."
    assert compared.content == "worse"


def test_nothing_changed_beyond_the_noise_is_about_the_same() -> None:
    lead = compare_attempts(Attempt("a", _judged(60)), Attempt("a", _judged(61))).lead
    assert lead.startswith("About the same as before")


def test_an_attempt_not_judged_compares_only_what_was_measured() -> None:
    compared = compare_attempts(
        Attempt("typed answer"), Attempt("another typed answer", _judged(50))
    )
    assert compared.content is None
    assert compared.points == ()
    assert compared.words == (2, 3)
    assert compared.lead.startswith("Nothing could be compared yet")


def test_eye_contact_is_compared_when_both_attempts_were_filmed() -> None:
    def filmed(share: float) -> dict[str, Any]:
        return {"status": "ok", "gaze": {"eye_contact_ratio": share}}

    compared = compare_attempts(
        Attempt("a", _judged(60), video=filmed(0.2)), Attempt("a", _judged(60), video=filmed(0.8))
    )
    eyes = next(m for m in compared.delivery if m.name == "eye contact")
    assert (eyes.first, eyes.second, eyes.change) == (0.2, 0.8, "better")
    assert compared.lead == "This time you looked into the camera more."


def test_code_passing_more_tests_is_better_and_led_with() -> None:
    compared = compare_attempts(
        Attempt("def f(): ...", tests=Graded(2, 5)),
        Attempt("def f(): return 1", tests=Graded(5, 5)),
    )
    assert compared.tests is not None
    assert (compared.tests.before, compared.tests.after) == (Graded(2, 5), Graded(5, 5))
    assert compared.tests.change == "better"
    assert compared.lead == "This time your code passed all 5 tests."


def test_one_test_fewer_is_worse_with_no_noise_margin() -> None:
    compared = compare_attempts(Attempt("a", tests=Graded(4, 5)), Attempt("b", tests=Graded(3, 5)))
    assert compared.tests is not None
    assert compared.tests.change == "worse"
    assert compared.lead == "This time your code passed 3 of 5 tests, 1 fewer than before."


def test_the_same_tests_passed_again_is_the_same() -> None:
    compared = compare_attempts(Attempt("a", tests=Graded(3, 5)), Attempt("b", tests=Graded(3, 5)))
    assert compared.tests is not None
    assert compared.tests.change == "same"
    assert compared.lead == "Your code passed 3 of 5 tests, as before."


def test_code_run_against_changed_tests_is_not_compared() -> None:
    compared = compare_attempts(Attempt("a", tests=Graded(3, 5)), Attempt("b", tests=Graded(6, 6)))
    assert compared.tests is not None
    assert compared.tests.change is None
    assert "not compared" in compared.lead


def test_code_not_yet_run_has_no_tests_to_compare() -> None:
    compared = compare_attempts(Attempt("a", tests=Graded(3, 5)), Attempt("b", judging=True))
    assert compared.tests is None
    assert compared.lead.startswith("Nothing could be compared yet")

"""The class's hardest questions, ranked from report summaries."""

from __future__ import annotations

from typing import Any

from rehearse.reviews.classview import hardest_questions


def _summary(*questions: tuple[float | None, list[str], list[str]]) -> dict[str, Any]:
    return {
        "overall": 50.0,
        "scores": {},
        "questions": [
            {
                "position": position,
                "question": f"Question {position}",
                "answered": content is not None,
                "content": content,
                "missed": missed,
                "parts_missing": parts,
            }
            for position, (content, missed, parts) in enumerate(questions, start=1)
        ],
    }


def test_the_lowest_mean_content_comes_first() -> None:
    ranked = hardest_questions(
        [
            _summary((80.0, [], []), (30.0, ["trade-offs"], ["result"])),
            _summary((60.0, ["scale"], []), (40.0, ["trade-offs"], ["result"])),
        ]
    )
    assert [(q.position, q.content) for q in ranked] == [(2, 35.0), (1, 70.0)]
    assert (ranked[0].missed, ranked[0].parts_missing) == ([("trade-offs", 2)], [("result", 2)])


def test_equal_content_ranks_more_missed_points_first() -> None:
    ranked = hardest_questions([_summary((50.0, ["a"], []), (50.0, ["a", "b", "c"], []))])
    assert [q.position for q in ranked] == [2, 1]


def test_a_question_nobody_answered_comes_last_with_no_content() -> None:
    ranked = hardest_questions([_summary((None, [], []), (20.0, [], []))])
    assert [(q.position, q.answered, q.content) for q in ranked] == [(2, 1, 20.0), (1, 0, None)]

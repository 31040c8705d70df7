"""Trends per competency and the best and worst answers, from sessions' report snapshots."""

from __future__ import annotations

from typing import Any

from rehearse.feedback.progress import best_and_worst, session_result, trends


def _report(sid: str, content: float, answers: list[float]) -> dict[str, Any]:
    return {
        "session_id": sid,
        "title": f"Session {sid}",
        "overall": content,
        "scores": [{"name": "content", "value": content}, {"name": "presence", "value": None}],
        "answers": [
            {"position": i, "question": f"Q{i}", "topic": "sql", "overall": value}
            for i, value in enumerate(answers, start=1)
        ]
        + [{"position": 99, "question": "skipped", "topic": "sql", "overall": None}],
    }


def _sessions(*contents: float) -> list[Any]:
    return [
        session_result(_report(str(i), c, [c]), f"2026-11-{i + 1:02d}")
        for i, c in enumerate(contents)
    ]


def test_a_snapshot_keeps_only_measured_scores_and_answers() -> None:
    result = session_result(_report("a", 70, [60, 80]), "2026-11-01")
    assert result.scores == {"content": 70}
    assert [a.overall for a in result.answers] == [60, 80]


def test_one_session_is_a_first_session() -> None:
    [content, overall] = trends(_sessions(60))
    assert (content.competency, content.direction, content.change) == (
        "content",
        "first session",
        None,
    )
    assert overall.competency == "overall"


def test_a_rise_beyond_noise_is_improving() -> None:
    assert trends(_sessions(50, 55, 60, 70))[0].direction == "improving"


def test_the_latest_is_compared_with_the_three_before() -> None:
    # 90 is long gone: the baseline is mean(50, 50, 50), so the change is +2.
    content = trends(_sessions(90, 50, 50, 50, 52))[0]
    assert (content.change, content.direction) == (2.0, "steady")


def test_a_fall_beyond_noise_is_slipping() -> None:
    assert trends(_sessions(80, 70))[0].direction == "slipping"


def test_best_and_worst_are_the_ends_of_the_ranking() -> None:
    sessions = [session_result(_report("a", 70, [40, 90, 65, 75, 50, 80, 30]), "2026-11-01")]
    best, worst = best_and_worst(sessions, shown=2)
    assert [a.overall for a in best] == [90, 80]
    assert [a.overall for a in worst] == [30, 40]


def test_with_few_answers_best_and_worst_split_them() -> None:
    sessions = [session_result(_report("a", 70, [40, 90, 65]), "2026-11-01")]
    best, worst = best_and_worst(sessions, shown=3)
    assert [a.overall for a in best] == [90, 65]
    assert [a.overall for a in worst] == [40]

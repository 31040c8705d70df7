"""The filler measure's candidates for cross-validation (bench/validity/fillers.py)."""

from __future__ import annotations

from bench.validity.fillers import CANDIDATES, filler_rate, filler_values
from bench.validity.score import EvaluatedAnswer, EvaluatedInterview
from bench.validity.spoken import transcript_speech


def _interview(*answers: str) -> EvaluatedInterview:
    evaluated = (EvaluatedAnswer(None, transcript_speech(text), text) for text in answers)  # type: ignore[arg-type]
    return EvaluatedInterview("p1", tuple(evaluated))


def test_filled_pauses_count_under_every_candidate() -> None:
    interview = _interview("um we built it well")
    assert {filler_rate(interview, markers) for markers, _, _ in CANDIDATES.values()} == {25.0}


def test_a_marker_counts_only_where_the_candidate_keeps_it() -> None:
    interview = _interview("we built it, you know, in a week")
    assert filler_rate(interview, frozenset({"you know"})) == 100 * 1 / 8
    assert filler_rate(interview, frozenset()) == 0.0


def test_the_rate_is_the_mean_over_answers_as_the_report_shows() -> None:
    interview = _interview("um we built it well", "we tested it")
    assert filler_rate(interview, frozenset()) == (25.0 + 0.0) / 2


def test_fewer_fillers_score_higher() -> None:
    values = filler_values([_interview("um uh we built it"), _interview("we built it")])
    assert all(few > many for many, few in values.values())  # type: ignore[operator]


def test_repetitions_count_only_where_the_candidate_counts_them() -> None:
    interview = _interview("I, I built it in a week")
    assert filler_rate(interview, frozenset(), repetitions=True) == 100 * 1 / 7
    assert filler_rate(interview, frozenset()) == 0.0

"""The vocal confidence estimate: open, bounded, and moving the right way with each cue."""

from __future__ import annotations

from rehearse.analysis.speech.confidence import estimate_confidence

GOOD = {
    "pace": 140.0,
    "fillers": 1.0,
    "long pauses": 0.0,
    "loudness steadiness": 5.0,
    "pitch variation": 3.5,
}


def test_a_delivery_inside_every_band_scores_full_marks() -> None:
    estimate = estimate_confidence(GOOD)
    assert estimate.score == 100
    assert estimate.label == "confident"
    assert estimate.rests_on == list(GOOD)


def test_each_cue_reports_its_points() -> None:
    estimate = estimate_confidence({**GOOD, "fillers": 10.0})
    fillers = next(cue for cue in estimate.cues if cue.name == "fillers")
    assert (fillers.score, fillers.points) == (0.0, 0.0)
    assert estimate.score == sum(cue.points for cue in estimate.cues)


def _score(**changes: float) -> float:
    score = estimate_confidence(
        {**GOOD, **{k.replace("_", " "): v for k, v in changes.items()}}
    ).score
    assert score is not None
    return score


def test_more_fillers_never_raise_the_score() -> None:
    scores = [_score(fillers=f) for f in (0, 2, 4, 6, 8, 12)]
    assert scores == sorted(scores, reverse=True)


def test_more_long_pauses_never_raise_the_score() -> None:
    scores = [_score(long_pauses=p) for p in (0, 1, 2, 3, 5)]
    assert scores == sorted(scores, reverse=True)


def test_rushing_and_dragging_both_lose_points() -> None:
    ideal = estimate_confidence(GOOD).score
    assert ideal is not None
    for pace in (80.0, 200.0):
        score = estimate_confidence({**GOOD, "pace": pace}).score
        assert score is not None
        assert score < ideal


def test_a_monotone_voice_loses_points() -> None:
    score = estimate_confidence({**GOOD, "pitch variation": 0.6}).score
    assert score is not None
    assert score < 85


def test_unmeasured_cues_are_left_out_not_zeroed() -> None:
    estimate = estimate_confidence({**GOOD, "pitch variation": None})
    assert estimate.score == 100
    assert "pitch variation" not in estimate.rests_on


def test_nothing_measurable_gives_no_score() -> None:
    assert estimate_confidence({}).score is None

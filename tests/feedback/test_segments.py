"""Moments worth a comment are found in the stored speech analysis and merged."""

from __future__ import annotations

from typing import Any

from rehearse.feedback.segments import moments


def _window(start: float, wpm: float | None) -> dict[str, Any]:
    return {"start": start, "end": start + 5, "words_per_minute": wpm}


def test_neighbouring_fast_windows_become_one_moment() -> None:
    timeline = [_window(0, 140), _window(5, 190), _window(10, 200), _window(15, 150)]
    [fast] = moments({"status": "ok", "timeline": timeline})
    assert (fast.kind, fast.when, fast.what) == ("fast", "0:05-0:15", "195 wpm")
    assert "slow down" in fast.advice


def test_a_long_pause_names_the_words_after_it() -> None:
    words = [
        {"text": "the", "start": 43.2, "end": 43.4},
        {"text": "result", "start": 43.4, "end": 43.9},
    ]
    speech = {"status": "ok", "words": words, "pause_spans": [{"start": 40.1, "end": 43.2}]}
    [pause] = moments(speech)
    assert pause.when == "0:40-0:43"
    assert pause.what == "3.1 s pause before 'the result'"


def test_three_fillers_close_together_make_a_moment_and_two_do_not() -> None:
    items = [{"text": "um", "start": t, "end": t + 0.3} for t in (10.0, 14.0, 20.0, 60.0, 90.0)]
    [cluster] = moments({"status": "ok", "fillers": {"items": items}})
    assert (cluster.kind, cluster.when) == ("fillers", "0:10-0:20")


def test_a_word_said_four_times_is_a_moment_of_repetitions() -> None:
    # "I, I, I, I think": three sayings again, each a repetition at its own moment.
    items = [{"text": "i i", "start": t, "end": t + 0.2} for t in (61.4, 61.9, 62.5)]
    [cluster] = moments({"status": "ok", "repetitions": items})
    assert (cluster.kind, cluster.when, cluster.what) == (
        "repetitions",
        "1:01-1:02",
        "3 repetitions (i i)",
    )

"""Filled pauses per 100 words of a stored speech analysis (feedback/answer_measures.py)."""

from __future__ import annotations

from typing import Any

from rehearse.feedback.answer_measures import FILLED_PAUSES, disfluencies, less_certain


def _speech(words: list[str], fillers: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "status": "ok",
        "words": [{"text": text} for text in words],
        "repetitions": [],
        "fillers": {"items": [{"text": text, "source": source} for text, source in fillers]},
    }


FIFTY_WORDS = ["we", "shipped", "the", "rover", "early"] * 10


def hesitations_per_100_words(speech: dict[str, Any]) -> float | None:
    return disfluencies(speech)[FILLED_PAUSES]


def test_filled_pauses_in_the_transcript_and_the_sound_both_count() -> None:
    speech = _speech(FIFTY_WORDS, [("um", "transcript"), ("(filled pause)", "acoustic")])
    assert hesitations_per_100_words(speech) == 100 * 2 / 50


def test_discourse_markers_are_not_hesitations() -> None:
    speech = _speech(FIFTY_WORDS, [("like", "transcript"), ("you know", "transcript")])
    assert hesitations_per_100_words(speech) == 0.0


def test_filled_pauses_are_not_counted_among_the_words() -> None:
    speech = _speech([*FIFTY_WORDS, "uh"], [("uh", "transcript")])
    assert hesitations_per_100_words(speech) == 100 * 1 / 50


def test_more_filled_pauses_never_lower_the_rate() -> None:
    rates = [
        hesitations_per_100_words(_speech(FIFTY_WORDS, [("um", "transcript")] * count))
        for count in (0, 1, 3, 6)
    ]
    assert rates == sorted(rates)  # type: ignore[type-var]


def test_no_speech_or_no_filler_analysis_is_not_measured() -> None:
    assert hesitations_per_100_words({"status": "no_speech", "words": []}) is None
    assert hesitations_per_100_words({"status": "ok", "words": [{"text": "hi"}]}) is None
    assert hesitations_per_100_words(_speech(["um"], [("um", "transcript")])) is None


def test_a_recording_heard_in_noise_makes_fillers_and_pauses_less_certain() -> None:
    sentence = less_certain({"conditions": ["noisy", "enhanced"]})
    assert "loud background noise and noise removal" in sentence
    assert "fillers and pauses" in sentence


def test_a_clean_recording_adds_no_caveat() -> None:
    assert less_certain({"conditions": []}) == ""
    assert less_certain({}) == ""

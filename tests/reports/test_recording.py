"""What the report reads of a stored speech analysis: its words, each marked as said."""

from __future__ import annotations

from rehearse.reports.recording import timed_words


def test_each_word_said_again_is_marked_in_the_transcript() -> None:
    # "I, I, I think": the analysis marks the second and third "I" as said again.
    speech = {
        "words": [
            {"text": " I,", "start": 0.0, "end": 0.2},
            {"text": " I,", "start": 0.4, "end": 0.6},
            {"text": " I", "start": 0.8, "end": 1.0},
            {"text": " think", "start": 1.0, "end": 1.3},
        ],
        "repetitions": [
            {"text": "i i", "start": 0.4, "end": 0.6, "kind": "repetition"},
            {"text": "i i", "start": 0.8, "end": 1.0, "kind": "repetition"},
        ],
    }
    assert [(w.text, w.repeated) for w in timed_words(speech)] == [
        ("I,", False), ("I,", True), ("I", True), ("think", False),
    ]  # fmt: skip

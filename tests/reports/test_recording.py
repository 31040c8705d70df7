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


def test_a_filler_heard_but_not_written_is_a_word_of_its_own_where_it_was_heard() -> None:
    speech = {
        "words": [
            {"text": " So", "start": 0.0, "end": 0.3},
            {"text": " we", "start": 1.6, "end": 1.8},
            {"text": " shipped.", "start": 1.8, "end": 2.3},
        ],
        "fillers": {
            "items": [
                {"text": "um", "start": 0.5, "end": 1.5, "kind": "filler", "source": "acoustic"}
            ]
        },
    }
    assert [(w.text, w.filler) for w in timed_words(speech)] == [
        ("So", False), ("um", True), ("we", False), ("shipped.", False),
    ]  # fmt: skip


def test_a_filler_whisper_timed_as_no_time_at_all_is_still_marked() -> None:
    speech = {
        "words": [
            {"text": " So", "start": 1.5, "end": 1.82},
            {"text": " um,", "start": 1.82, "end": 1.82},
            {"text": " yes", "start": 1.82, "end": 2.1},
        ],
        "fillers": {"items": [{"text": "um", "start": 1.82, "end": 1.82, "source": "transcript"}]},
    }
    assert [w.text for w in timed_words(speech) if w.filler] == ["um,"]

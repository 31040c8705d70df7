"""Filled pauses in the live meter: steady voiced stretches the transcript does not explain."""

from __future__ import annotations

import numpy as np

from rehearse.analysis.speech.filled_pauses import steady_voiced_stretches, unexplained
from rehearse.analysis.speech.lexicon import Marker
from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.voice import measure_frames
from rehearse.analysis.speech.words import Word
from tests.support.speech import silence, tone

# An "uhhh": a steady 120 Hz voice for 600 ms, between two bursts of other sound.
_UHH = np.concatenate([silence(0.5), tone(120.0, 0.6), silence(0.5)])
_FRAMES = measure_frames(_UHH, [Span(0.0, 1.6)])


def test_a_steady_voiced_stretch_is_found() -> None:
    (stretch,) = steady_voiced_stretches(_FRAMES)
    assert abs(stretch.start - 0.5) < 0.06
    assert abs(stretch.duration - 0.6) < 0.1


def test_a_stretch_between_words_is_a_filled_pause() -> None:
    words = [Word(" so", 0.1, 0.45, 0.9), Word(" yes", 1.15, 1.5, 0.9)]
    (found,) = unexplained(steady_voiced_stretches(_FRAMES), words, [])
    assert abs(found.start - 0.5) < 0.06


def test_a_stretch_a_word_was_stretched_over_is_a_filled_pause() -> None:
    words = [Word(" so", 0.2, 1.1, 0.9)]  # "so" needs ~0.3 s; it was given 0.9 s
    assert len(unexplained(steady_voiced_stretches(_FRAMES), words, [])) == 1


def test_a_stretch_inside_a_long_word_of_normal_length_is_not() -> None:
    words = [Word(" extraordinarily", 0.45, 1.15, 0.9)]
    assert unexplained(steady_voiced_stretches(_FRAMES), words, []) == []


def test_a_filler_already_in_the_transcript_is_not_counted_twice() -> None:
    spoken = [Marker("uh", 0.5, 1.1, "filler")]
    assert unexplained(steady_voiced_stretches(_FRAMES), [Word(" uh", 0.5, 1.1, 0.9)], spoken) == []


def test_a_short_steady_sound_is_not_a_filled_pause() -> None:
    frames = measure_frames(
        np.concatenate([silence(0.5), tone(120.0, 0.15), silence(0.5)]), [Span(0, 1.15)]
    )
    assert steady_voiced_stretches(frames) == []


def test_the_tail_of_a_long_filler_whisper_timed_short_is_not_a_second_filler() -> None:
    spoken = [Marker("um", 0.1, 0.35, "filler")]  # Whisper timed only the start of "ummm"
    words = [Word(" um", 0.1, 0.35, 0.9), Word(" yes", 1.2, 1.5, 0.9)]
    assert unexplained(steady_voiced_stretches(_FRAMES), words, spoken) == []

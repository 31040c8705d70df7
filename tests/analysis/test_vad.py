"""Voice activity finds speech where it is and nothing in silence or noise."""

from __future__ import annotations

import numpy as np

from rehearse.analysis.speech.vad import detect_speech, listening_spans
from tests.support.speech import compose, silence, speak

WHISPERED = "I really do not know how people talk like this"


def test_speech_spans_match_where_speech_was_placed() -> None:
    made = compose(0.5, "We shipped the feature on time.", 1.5, "The customers loved it.", 0.5)
    found = detect_speech(made.samples)
    assert len(found) == 2
    for span, (start, end) in zip(found, made.speech, strict=True):
        assert abs(span.start - start) < 0.1
        assert abs(span.end - end) < 0.1


def test_silence_has_no_speech() -> None:
    assert detect_speech(np.zeros(16_000 * 3, dtype=np.float32)) == []


def test_steady_noise_has_no_speech() -> None:
    noise = np.random.default_rng(7).normal(0, 0.05, 16_000 * 3).astype(np.float32)
    assert detect_speech(noise) == []


def test_a_whispered_onset_the_detector_misses_is_listened_to() -> None:
    # espeak-ng's whisper voice: Silero calls speech only from about "know" on.
    whispered = np.concatenate(
        [silence(0.5), speak(WHISPERED, voice="en-us+whisper"), silence(0.5)]
    )
    speech = detect_speech(whispered)
    (listening,) = listening_spans(whispered, speech)
    assert listening.start <= speech[0].start - 0.5
    assert listening.start >= 0.4


def test_noise_is_not_listened_to() -> None:
    noise = np.random.default_rng(7).normal(0, 0.05, 16_000 * 3).astype(np.float32)
    assert listening_spans(noise, detect_speech(noise)) == []

"""The speech pipeline's words (pipeline.py): recognition, the guard and the merging together,
with the bundled model."""

from __future__ import annotations

from itertools import pairwise

import numpy as np

from rehearse.analysis.audio import load_audio
from rehearse.analysis.speech.decoded import DecodedWindows
from rehearse.analysis.speech.evaluation import word_error_rate, words_of
from rehearse.analysis.speech.lexicon import is_filled_pause
from rehearse.analysis.speech.pipeline import transcribe
from rehearse.analysis.speech.recognition import Recognizer
from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.vad import detect_speech
from rehearse.analysis.speech.words import normalize
from tests.conftest import shared_fixture
from tests.support.speech import compose, raised, telephone


def test_a_clear_sentence_is_transcribed_word_for_word(recognizer: Recognizer) -> None:
    made = compose(0.3, "We moved the billing service to a new database last spring.", 0.3)
    audio = load_audio(made.samples)
    transcript = transcribe(recognizer, audio, detect_speech(audio.samples))
    assert word_error_rate(
        made_text := "We moved the billing service to a new database last spring.", transcript.text
    ) <= 1 / len(words_of(made_text))


def test_word_timings_fall_inside_the_speech(recognizer: Recognizer) -> None:
    made = compose(1.0, "First part.", 2.0, "Second part.", 0.5)
    audio = load_audio(made.samples)
    transcript = transcribe(recognizer, audio, detect_speech(audio.samples))
    second = next(w for w in transcript.words if normalize(w.text) == "second")
    assert made.speech[1][0] - 0.3 <= second.start <= made.speech[1][1]
    assert all(0 <= w.probability <= 1 for w in transcript.words)


def test_a_noisy_recording_is_decoded_in_one_pass_with_its_words(recognizer: Recognizer) -> None:
    text = "We moved the billing service to a new database last spring."
    audio = load_audio(compose(0.3, text, 0.3).samples)
    transcript = transcribe(recognizer, audio, detect_speech(audio.samples), whole=True)
    # Without the prompt espeak's "billing" and "a" come back as "building" and "our" on some
    # CPUs (Intel Xeon, AVX-512) and right on others: two words of slack, not one.
    assert word_error_rate(text, transcript.text) <= 2 / len(words_of(text))
    assert all(0.0 <= w.start <= w.end <= audio.duration for w in transcript.words)


def test_a_short_noisy_recording_is_encoded_once_for_both_its_decodes() -> None:
    audio = load_audio(compose(0.3, "We moved the billing service last spring.", 0.3).samples)
    fresh = Recognizer(threads=2, decoded=DecodedWindows(size=0))
    transcript = transcribe(fresh, audio, detect_speech(audio.samples), whole=True)
    assert fresh.encodes.reads == 1  # the whole decode read the chunk's encoding
    assert transcript.words


def test_a_narrowband_recording_keeps_its_words_and_its_filled_pause(
    recognizer: Recognizer,
) -> None:
    # The words come from the long-form decode; a filled pause it leaves out comes from the
    # prompted chunks (tests/analysis/test_merging.py): either way the "umm" is kept. Spoken
    # at espeak's 160 words a minute, the line's "last spring" read as "lab to bring" or not
    # by a rounding (one bit of the log-mel, OpenBLAS on one thread or two on AVX2); at 130
    # it reads the same under every rounding tried.
    text = "Well, um, we moved the billing service to a new database last spring."
    made = compose(0.3, "Well,", 0.4, "umm", 0.4, text.removeprefix("Well, um, "), 0.3, rate=130)
    audio = load_audio(telephone(made.samples))
    transcript = transcribe(recognizer, audio, detect_speech(audio.samples), whole=True)
    assert word_error_rate(text, transcript.text) <= 2 / len(words_of(text))
    assert any(is_filled_pause(normalize(w.text)) for w in transcript.words)
    assert all(0.0 <= w.start <= w.end <= audio.duration for w in transcript.words)
    assert all(a.end <= b.start + 0.05 for a, b in pairwise(transcript.words))


def test_no_text_is_invented_over_silence(recognizer: Recognizer) -> None:
    audio = load_audio(np.zeros(16_000 * 4, dtype=np.float32))
    assert transcribe(recognizer, audio, [Span(0.5, 3.5)]).words == ()


def test_a_voice_rising_into_falsetto_is_transcribed_to_its_end(recognizer: Recognizer) -> None:
    # A real reader (LibriVox) whose voice goes 9 semitones up and 6 dB down after "leisure":
    # prompted with disfluencies, Whisper ends its decode there; the four seconds of speech
    # no word covers are decoded again, as plain faster-whisper reads them.
    clip = load_audio(shared_fixture("audio/sense_and_sensibility_01_austen_64kb-0870.wav"))
    cut = int(2.62 * 16_000)
    higher = raised(clip.samples[cut:], 9) * np.float32(10 ** (-6 / 20))
    audio = load_audio(np.concatenate([clip.samples[:cut], higher]))
    said = set(words_of(transcribe(recognizer, audio, detect_speech(audio.samples)).text))
    # "how much there might be prudently in his power to do for them": most of it, whatever
    # the CPU's rounding makes of "prudently in his power".
    assert len(said & {"consider", "how", "much", "there", "might", "be", "do", "them"}) >= 5

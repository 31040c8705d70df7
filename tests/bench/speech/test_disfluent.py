"""The disfluent set's construction: words cut where plain's timings agree with the
reference, a phrase said again with an exact reference and the moments of its sayings (the
same sound, or the speaker's other sayings of it), a word begun and said again, and an ending
whispered or raised."""

from __future__ import annotations

import random

import numpy as np
from bench.speech.corpus import SAMPLE_RATE, Samples
from bench.speech.disfluent import (
    Source,
    checked_words,
    cut_between_sounds,
    faded,
    other_takes,
    raised_end,
    repeated,
    restarted,
    whispered_end,
)
from bench.speech.metrics import normalize_words

from rehearse.analysis.audio import load_audio
from rehearse.analysis.speech.level import speech_level_db
from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.voice import measure_frames
from rehearse.analysis.speech.words import Word
from tests.conftest import shared_fixture

REFERENCE = "And so my fellow Americans, ask not what your country can do for you"
# Plain faster-whisper's words on jfk.wav up to 7.4 s, one of them misheard.
PLAIN = [
    (" And", 0.29, 0.52),
    (" so,", 0.52, 0.86),
    (" my", 1.04, 1.18),
    (" fellow", 1.18, 1.54),
    (" Americans,", 1.54, 2.08),
    (" ask", 3.30, 3.74),
    (" knot", 4.00, 4.22),
    (" what", 4.22, 4.38),
    (" your", 5.50, 5.76),
    (" country", 5.76, 6.20),
    (" can", 6.20, 6.60),
    (" do", 6.60, 6.82),
    (" for", 6.82, 7.06),
    (" you,", 7.06, 7.36),
]


# The rest of the speech, where words of its first half are said again.
WHOLE_REFERENCE = f"{REFERENCE}, ask what you can do for your country."
REST = [
    (" ask", 8.19, 8.48),
    (" what", 8.48, 8.74),
    (" you", 8.74, 9.02),
    (" can", 9.02, 9.32),
    (" do", 9.32, 9.54),
    (" for", 9.54, 9.76),
    (" your", 9.76, 9.94),
    (" country.", 9.94, 10.36),
]


def _source(reference: str = REFERENCE, plain: list[tuple[str, float, float]] = PLAIN) -> Source:
    samples = load_audio(shared_fixture("audio/jfk.wav")).samples
    words = [Word(text, start, end, 0.9) for text, start, end in plain]
    return Source("jfk", samples, reference, checked_words(reference, words))


def test_only_words_plain_heard_as_the_reference_says_are_timed() -> None:
    timed = _source().timed
    assert [word.text if word else None for word in timed[:8]] == [
        "and", "so", "my", "fellow", "americans", "ask", None, "what",
    ]  # fmt: skip


def test_a_word_said_three_times_is_spliced_in_with_its_reference() -> None:
    source = _source()
    built = repeated(source, 1, 3, random.Random(1))
    assert built is not None
    said = built.reference.split()
    assert len(said) == len(REFERENCE.split()) + 2
    repeated_word = next(w for i, w in enumerate(said) if said[i + 1 : i + 3] == [w, w])
    assert repeated_word in {"and", "so", "my", "fellow", "americans", "ask", "what"}
    assert len(built.repetitions) == 2
    added = sum(end - start for start, end in built.repetitions)
    assert len(built.samples) > len(source.samples) + added * SAMPLE_RATE * 0.99


def test_a_word_is_said_again_in_the_speakers_other_sayings_of_it() -> None:
    source = _source(WHOLE_REFERENCE, PLAIN + REST)
    built = other_takes(source, [source], random.Random(1))
    assert built is not None
    said, spoken = built.reference.split(), normalize_words(WHOLE_REFERENCE)
    added = len(said) - len(spoken)
    assert 1 <= len(built.repetitions) <= 2
    assert added in (1, 2, 4)
    at = next(i for i, (a, b) in enumerate(zip(said, spoken, strict=False)) if a != b)
    size = added // len(built.repetitions)
    phrase = said[at - size : at]
    assert said[at : at + added] == phrase * len(built.repetitions)
    first = next(w for w in source.timed if w is not None and w.text == phrase[0])
    last = [w for w in source.timed if w is not None and w.start >= first.start][size - 1]
    once = cut_between_sounds(source.samples, first.start, last.end)
    for start, _end in built.repetitions:  # another saying, not a copy of the first
        at_sample = round(start * SAMPLE_RATE)
        assert not np.array_equal(built.samples[at_sample : at_sample + len(once)], once)


def test_a_clip_with_no_word_said_twice_has_no_other_takes() -> None:
    source = _source()
    assert other_takes(source, [source], random.Random(1)) is None


def test_the_fade_leaves_the_start_as_it_was() -> None:
    source = _source()
    built = faded(source, random.Random(1))
    assert built is not None
    assert built.reference == REFERENCE
    start = int(0.2 * SAMPLE_RATE)
    assert (built.samples[:start] == source.samples[:start]).all()
    assert abs(built.samples[-SAMPLE_RATE:]).max() < abs(source.samples[-SAMPLE_RATE:]).max()


def test_a_restart_adds_a_fragment_and_a_pause_and_keeps_the_reference() -> None:
    source = _source()
    (built, *_) = restarted(source, random.Random(1))
    assert built.reference == REFERENCE
    ((start, end),) = built.repetitions
    added = (len(built.samples) - len(source.samples)) / SAMPLE_RATE
    assert 0.05 < added < end - start  # the fragment and the pause, inside the restart
    cut = int(start * SAMPLE_RATE)
    assert (built.samples[:cut] == source.samples[:cut]).all()


def _tail(samples: Samples, seconds: float = 2.0) -> Samples:
    return samples[-int(seconds * SAMPLE_RATE) :]


def _voiced_share(samples: Samples) -> float:
    frames = measure_frames(samples, [Span(0.0, len(samples) / SAMPLE_RATE)])
    return float(np.mean(frames.voiced))


def test_a_whispered_ending_is_quieter_and_has_no_voice() -> None:
    source = _source()
    built = whispered_end(source, random.Random(1))
    assert built is not None
    assert built.reference == REFERENCE
    before, after = _tail(source.samples), _tail(built.samples)
    assert speech_level_db(after) <= speech_level_db(before) - 8
    assert _voiced_share(after) < _voiced_share(before) / 2


def test_a_raised_ending_is_higher_and_as_long() -> None:
    source = _source()
    built = raised_end(source, random.Random(1))
    assert built is not None
    assert len(built.samples) == len(source.samples)
    pitch = [measure_frames(_tail(s), [Span(0.0, 2.0)]) for s in (source.samples, built.samples)]
    before, after = (float(np.median(f.pitch_hz[f.voiced])) for f in pitch)
    assert 12 * np.log2(after / before) >= 6

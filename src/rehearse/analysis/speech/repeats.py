"""Phrases said again and again: kept when the recording holds each saying, cut when it does
not (Whisper looping).

A nervous speaker really says "I, I, I think" or "we we we we shipped it"; Whisper, over
noise or a long hesitation, also writes "er, er, er, er, er" for one sound. Counting words
cannot tell the two apart, so a run of three or more sayings is kept only when the audio
holds every one of them (:class:`Hearing`): the voiced sound under the run, at speech level,
has at least one syllable nucleus (a peak of voiced loudness) per saying. A loop over silence
or noise has none, one drawn-out "uhhh" one, copies squeezed into a few frames too few.

Neither voice activity nor word timings are asked saying by saying: the VAD misses a quick
word said again after a short pause, which the recogniser heard, and Whisper's aligner
squeezes a real saying to no time when several come close together. Nuclei over-count (a
syllable's loudness can peak twice): they bound a run from below, not from above.

A decode that loops is decoded again (recognition.py); a loop left in a transcript is cut
back to two (the last step of the pipeline's guards), and so is one in a live decode, heard
against its buffer, which ends where a decode Whisper itself finds repetitive begins
(streaming.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

import numpy as np

from rehearse.analysis.audio import SAMPLE_RATE, Audio
from rehearse.analysis.speech.hallucinations import SILENCE_BELOW_SPEECH_DB
from rehearse.analysis.speech.level import speech_level_db
from rehearse.analysis.speech.lexicon import MAX_REPEATED_WORDS
from rehearse.analysis.speech.peaks import find_peaks
from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.voice import measure_frames
from rehearse.analysis.speech.words import Word, normalize

_MAX_UNHEARD_REPEATS = 2
# Syllable nuclei as the live meter finds them: voiced loudness peaks 2 dB above their
# surroundings, at least 80 ms apart.
_NUCLEUS_PROMINENCE_DB = 2.0
_NUCLEUS_DISTANCE = 8
# Sound just outside the words' timings is listened to as well: Whisper's are rough.
_AROUND_SECONDS = 0.1
_UNHEARD_DB = -120.0


class Hearing:
    """Answers whether one recording holds each saying of a repeated phrase; ``audio``'s first
    sample was heard at ``start`` seconds of the words' clock (a live decode's buffer)."""

    def __init__(self, audio: Audio, start: float = 0.0) -> None:
        self.audio = audio
        self.start = start

    @cached_property
    def speech_db(self) -> float:
        """The recording's speech level, measured when a run is first listened to: most
        decodes (every live one) have none."""
        return speech_level_db(self.audio.samples)

    def holds(self, sayings: Sequence[Sequence[Word]]) -> bool:
        """True if the voiced sound under the run, at speech level, has at least one syllable
        nucleus for each saying.

        Word timings are not asked one by one: Whisper's aligner squeezes a real saying to
        no time when several come close together, as it does a loop's copies.
        """
        words = [word for saying in sayings for word in saying]
        start, end = words[0].start - _AROUND_SECONDS, words[-1].end + _AROUND_SECONDS
        return self.nuclei(start, end) >= len(sayings)

    def nuclei(self, start: float, end: float) -> int:
        """Syllable nuclei between ``start`` and ``end``: peaks of voiced loudness no quieter
        than speech (SILENCE_BELOW_SPEECH_DB under the recording's speech level, as the
        hallucination guard has it)."""
        samples = self.audio.slice(max(0.0, start - self.start), end - self.start)
        if samples.size == 0:
            return 0
        frames = measure_frames(samples, [Span(0.0, samples.size / SAMPLE_RATE)])
        heard = frames.voiced & (frames.loudness_db >= self.speech_db - SILENCE_BELOW_SPEECH_DB)
        peaks = find_peaks(
            np.where(heard, frames.loudness_db, _UNHEARD_DB),
            distance=_NUCLEUS_DISTANCE,
            min_prominence=_NUCLEUS_PROMINENCE_DB,
        )
        return sum(1 for peak in peaks if heard[peak])


def _repeats(tokens: Sequence[str], index: int, size: int) -> int:
    """How many times the phrase of ``size`` tokens at ``index`` occurs there in a row."""
    phrase = tokens[index : index + size]
    repeats = 1
    while (
        len(phrase) == size
        and tokens[index + repeats * size : index + (repeats + 1) * size] == phrase
    ):
        repeats += 1
    return repeats


def _sayings(words: Sequence[Word], index: int, size: int, repeats: int) -> list[list[Word]]:
    return [list(words[index + n * size : index + (n + 1) * size]) for n in range(repeats)]


def before_the_loop(words: Sequence[Word]) -> list[Word]:
    """What a looping decode read before it began to repeat itself: its words up to the
    first phrase of 1-4 words said twice in a row, which is kept once."""
    tokens = [normalize(word.text) for word in words]
    for index in range(len(tokens)):
        for size in range(1, MAX_REPEATED_WORDS + 1):
            if _repeats(tokens, index, size) > 1:
                return list(words[: index + size])
    return list(words)


def loops(words: Sequence[Word], hearing: Hearing | None = None) -> bool:
    """True if a phrase of 1-4 words is written more than twice in a row and ``hearing`` (if
    given) finds that the recording does not hold every saying of it."""
    tokens = [normalize(word.text) for word in words]
    for size in range(1, MAX_REPEATED_WORDS + 1):
        for index in range(len(tokens)):
            repeats = _repeats(tokens, index, size)
            if repeats > _MAX_UNHEARD_REPEATS and (
                hearing is None or not hearing.holds(_sayings(words, index, size, repeats))
            ):
                return True
    return False


def collapse_repeats(
    words: list[Word], hearing: Hearing | None = None
) -> tuple[list[Word], list[str]]:
    """Cut any phrase of 1-4 words written more than twice in a row back to two times,
    unless ``hearing`` finds every saying of it in the recording (without one, every such
    run is cut); why any words went."""
    dropped: list[str] = []
    for size in range(1, MAX_REPEATED_WORDS + 1):
        tokens = [normalize(word.text) for word in words]
        kept: list[Word] = []
        index = 0
        while index < len(words):
            repeats = _repeats(tokens, index, size)
            if repeats > _MAX_UNHEARD_REPEATS:
                if hearing is not None and hearing.holds(_sayings(words, index, size, repeats)):
                    kept.extend(words[index : index + repeats * size])
                else:
                    kept.extend(words[index : index + _MAX_UNHEARD_REPEATS * size])
                    phrase = " ".join(tokens[index : index + size])
                    dropped.append(f"repetition loop: {phrase!r} x{repeats}")
                index += repeats * size
            else:
                kept.append(words[index])
                index += 1
        words = kept
    return words, dropped

"""Filled pauses ("uhhh", "ummm") found in the sound itself, for the live meter's estimate
while the answer is spoken (``live.py``); the analysis of the whole answer hears them in
Whisper's encoder frames instead (``sounds.py``), which finds more and calls fewer held vowels
fillers (docs/speech-analysis.md).

A filled pause is a sustained, steady voiced sound: a stretch of at least 250 ms of voiced
frames whose pitch and loudness barely move. Ordinary words rarely hold that still for so
long. A steady stretch counts as a filled pause when the transcript does not account for
it: it falls between recognised words, or the recogniser stretched a neighbouring word far
beyond what its syllables need (Whisper's aligner tends to absorb a dropped "uh" into the
word next to it).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from rehearse.analysis.speech.lexicon import Marker
from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.syllables import count_syllables
from rehearse.analysis.speech.voice import HOP_SECONDS, VoiceFrames, semitones
from rehearse.analysis.speech.words import Word, normalize

MIN_SECONDS = 0.25
MAX_SECONDS = 2.0
_PITCH_TOLERANCE_ST = 1.0
_LOUDNESS_TOLERANCE_DB = 4.0
_GAP_SHARE = 0.6
_STRETCH_SHARE = 0.7
_EXCESS_SHARE = 0.8
_SAME_FILLER_SECONDS = 0.3


def expected_word_seconds(word: Word) -> float:
    """A generous duration for a word: 120 ms plus 180 ms per syllable."""
    return 0.12 + 0.18 * count_syllables(normalize(word.text))


def steady_voiced_stretches(frames: VoiceFrames) -> list[Span]:
    """Runs of voiced frames whose pitch stays within a semitone and loudness within 4 dB."""
    stretches: list[Span] = []
    start: int | None = None
    minimum = int(MIN_SECONDS / HOP_SECONDS)

    def close(end: int) -> None:
        if start is not None and end - start >= minimum:
            stretches.append(
                Span(
                    start * HOP_SECONDS,
                    min(end, start + int(MAX_SECONDS / HOP_SECONDS)) * HOP_SECONDS,
                )
            )

    for index in range(len(frames.voiced)):
        if start is not None and frames.voiced[index]:
            pitch = frames.pitch_hz[start : index + 1]
            loud = frames.loudness_db[start : index + 1]
            steady = (
                np.abs(semitones(pitch, float(np.median(pitch)))).max() <= _PITCH_TOLERANCE_ST
                and float(loud.max() - loud.min()) <= 2 * _LOUDNESS_TOLERANCE_DB
            )
            if steady:
                continue
            close(index)
            start = index
        elif frames.voiced[index]:
            start = index
        else:
            close(index)
            start = None
    close(len(frames.voiced))
    return stretches


def _explained_by_words(stretch: Span, words: Sequence[Word]) -> bool:
    overlapping = [word for word in words if Span(word.start, word.end).overlap(stretch) > 0]
    covered = sum(Span(word.start, word.end).overlap(stretch) for word in overlapping)
    if covered <= (1 - _GAP_SHARE) * stretch.duration:
        return False
    for word in overlapping:
        inside = Span(word.start, word.end).overlap(stretch) >= _STRETCH_SHARE * stretch.duration
        excess = (word.end - word.start) - expected_word_seconds(word)
        if inside and excess >= _EXCESS_SHARE * stretch.duration:
            return False
    return True


def _same_moment(stretch: Span, filler: Span) -> bool:
    """Whisper often times only the start of a long "ummm"; the rest is the same filler."""
    return (
        stretch.start < filler.end + _SAME_FILLER_SECONDS
        and filler.start < stretch.end + _SAME_FILLER_SECONDS
    )


def unexplained(
    stretches: Sequence[Span], words: Sequence[Word], transcript_fillers: Sequence[Marker]
) -> list[Span]:
    """The steady voiced ``stretches`` that neither a transcribed filler nor a word explains."""
    return [
        stretch
        for stretch in stretches
        if not any(_same_moment(stretch, Span(f.start, f.end)) for f in transcript_fillers)
        and not _explained_by_words(stretch, words)
    ]

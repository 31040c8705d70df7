"""Live delivery metrics while the candidate speaks: ``LiveSpeechMeter().feed(chunk)``.

Fed about a second of 16 kHz audio at a time, it answers within a few tens of milliseconds,
so a meter can stay under a second behind the voice. It runs no speech recognition itself;
the live captions' words (``streaming.py``) are given to it with ``use_words`` as they come:
- speaking or not: Silero VAD over the new chunk with half a second of context;
- pace: the words recognised so far (fillers left out) over the time from the first to the
  last; until there are any, syllable nuclei, intensity peaks in voiced speech (De Jong &
  Wempe 2009), at 1.5 syllables a word (English average);
- fillers: counted as the analysis counts them (``sounds.disfluencies``): up to where the
  recording has been heard ahead (``use_heard``, the analysis's own windows, decoded while
  the candidate speaks), from those windows' words and the fillers heard in their sound;
  after it, from the captions' words alone;
- pitch and loudness: Welford running statistics, so memory stays constant.
The full analysis after the answer replaces these estimates with measured values.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from rehearse.analysis.audio import SAMPLE_RATE, Samples
from rehearse.analysis.speech.lexicon import lexical_words
from rehearse.analysis.speech.peaks import find_peaks
from rehearse.analysis.speech.pipeline import PreHeard
from rehearse.analysis.speech.sounds import disfluencies
from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.vad import detect_speech
from rehearse.analysis.speech.voice import HOP_SECONDS, VoiceFrames, measure_frames
from rehearse.analysis.speech.words import Word
from rehearse.analysis.stats import RunningStats

CONTEXT_SECONDS = 0.5
SYLLABLES_PER_WORD = 1.5
_PEAK_PROMINENCE_DB = 2.0
_RECENT_SECONDS = 10.0


@dataclass(frozen=True)
class LivePartial:
    elapsed_seconds: float
    speaking: bool
    current_pause_seconds: float
    words_per_minute: float | None
    recent_words_per_minute: float | None
    likely_fillers: int
    pace_from: str  # "words" (the live captions) or "syllables" (before any word is read)
    pitch_mean_hz: float | None
    loudness_mean_dbfs: float | None
    processing_ms: float


class LiveSpeechMeter:
    """Keeps only half a second of audio and a handful of counters between calls."""

    def __init__(self) -> None:
        self._context: Samples = np.zeros(0, dtype=np.float32)
        self._elapsed = 0.0
        self._first_speech: float | None = None
        self._last_speech_end: float | None = None
        self._syllables = 0
        self._recent: list[tuple[float, int]] = []  # (chunk end, syllables in it)
        self._words: Sequence[Word] = ()
        self._heard = PreHeard()
        self._pitch = RunningStats()
        self._loudness = RunningStats()

    def feed(self, chunk: Samples) -> LivePartial:
        started = time.perf_counter()
        chunk = np.asarray(chunk, dtype=np.float32).reshape(-1)
        offset = len(self._context) / SAMPLE_RATE
        window = np.concatenate([self._context, chunk])
        chunk_start = self._elapsed
        self._elapsed += len(chunk) / SAMPLE_RATE
        speech = [s for s in detect_speech(window) if s.end > offset]
        frames = measure_frames(window, speech)
        new = slice(int(offset / HOP_SECONDS), None)
        syllables = self._count_syllables(frames, new)
        self._account(speech, offset, chunk_start, syllables)
        voiced = frames.voiced[new]
        self._pitch.extend(frames.pitch_hz[new][voiced].tolist())
        self._loudness.extend(frames.loudness_db[new][frames.in_speech[new]].tolist())
        self._context = window[-int(CONTEXT_SECONDS * SAMPLE_RATE) :]
        return self._partial((time.perf_counter() - started) * 1000)

    def use_words(self, words: Sequence[Word]) -> None:
        """The captions' words so far (times from the first sample fed), for pace and fillers."""
        self._words = tuple(words)

    def use_heard(self, heard: PreHeard) -> None:
        """The analysis's windows heard so far: fillers up to ``heard.until`` are theirs."""
        self._heard = heard

    def _count_syllables(self, frames: VoiceFrames, new: slice) -> int:
        loudness = np.where(frames.voiced, frames.loudness_db, -120.0)
        peaks = find_peaks(loudness, distance=8, min_prominence=_PEAK_PROMINENCE_DB)
        start = new.start or 0
        return int(sum(1 for peak in peaks if peak >= start and frames.voiced[peak]))

    def _account(
        self, speech: list[Span], offset: float, chunk_start: float, syllables: int
    ) -> None:
        if speech:
            first = chunk_start + max(speech[0].start, offset) - offset
            self._first_speech = first if self._first_speech is None else self._first_speech
            self._last_speech_end = chunk_start + speech[-1].end - offset
        self._syllables += syllables
        self._recent.append((self._elapsed, syllables))
        self._recent = [r for r in self._recent if r[0] > self._elapsed - _RECENT_SECONDS]

    def _pace(self) -> tuple[float | None, float | None]:
        """Words a minute overall and over the last ten seconds: from syllables."""
        talking = (self._last_speech_end or 0) - (self._first_speech or 0)
        rate = (
            self._syllables / SYLLABLES_PER_WORD / talking * 60
            if self._first_speech is not None and talking >= 2.0
            else None
        )
        recent_syllables = sum(r[1] for r in self._recent)
        recent_span = min(_RECENT_SECONDS, talking)
        recent = (
            recent_syllables / SYLLABLES_PER_WORD / recent_span * 60 if recent_span >= 2.0 else None
        )
        return rate, recent

    def _fillers(self) -> int:
        heard = self._heard
        after = [word for word in self._words if word.start >= heard.until]
        return len(disfluencies([*heard.words, *after], heard.sounds).fillers)

    def _partial(self, processing_ms: float) -> LivePartial:
        spoken = lexical_words(self._words)
        from_words = len(spoken) >= 2 and spoken[-1].end - spoken[0].start >= 2.0
        rate, recent = word_pace(spoken) if from_words else self._pace()
        pause = self._elapsed - self._last_speech_end if self._last_speech_end is not None else 0.0
        return LivePartial(
            elapsed_seconds=round(self._elapsed, 3),
            speaking=pause < 0.25 and self._last_speech_end is not None,
            current_pause_seconds=round(max(pause, 0.0), 2),
            words_per_minute=rate,
            recent_words_per_minute=recent,
            likely_fillers=self._fillers(),
            pace_from="words" if from_words else "syllables",
            pitch_mean_hz=self._pitch.mean if self._pitch.count else None,
            loudness_mean_dbfs=self._loudness.mean if self._loudness.count else None,
            processing_ms=round(processing_ms, 1),
        )


def word_pace(words: Sequence[Word]) -> tuple[float | None, float | None]:
    """Words a minute from the first word to the last, and over the last ten seconds."""
    if len(words) < 2:
        return None, None
    talking = words[-1].end - words[0].start
    rate = len(words) / talking * 60 if talking >= 2.0 else None
    since = words[-1].end - _RECENT_SECONDS
    recent_words = [w for w in words if w.start >= since]
    span = words[-1].end - max(since, words[0].start)
    recent = len(recent_words) / span * 60 if span >= 2.0 else None
    return rate, recent

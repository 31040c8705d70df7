"""An answer's recording to timed words, stage by stage; each stage is a module of its own.

1. decode           ``audio.py``           the recording as 16 kHz mono samples (PyAV)
2. level            ``level.py``           brought to a standard speech level; noisy?
                    ``bandwidth.py``       a telephone line?
3. enhancement      ``enhancement.py``     background noise taken out, when the setting asks
4. voice activity   ``vad.py``             where speech is (Silero); ``voice.py`` measures the
                                           voice over it, as recorded
5. recognition      ``recognition.py``     Whisper's decodes: the speech chunk by chunk; a
                                           noisy or telephone recording whole as well
6. guard            ``hallucinations.py``  only the words the recording backs
7. merging          ``merging.py``         the whole decode's words with the chunks' filled
                                           pauses
   (5-6 again)                             speech no kept word touches or covers, decoded
                                           once more where the frames heard no filler
                    ``repeats.py``         loops cut back to two
                    ``merging.py``         every word in time order and inside its speech
8. fillers          ``lexicon.py``         fillers said as words ("um", "you know")
                    ``sounds.py``          and fillers and repeats heard in the encoder's
                                           frames that the transcript does not show

``hear`` runs them in this order; ``analyzer.py`` measures delivery from what it returns.
``prehear`` runs stages 2-5 on a recording still being made (``prehearing.py``), so ``hear``
finds most of its windows decoded when the recording is whole.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rehearse.analysis.audio import Audio, AudioSource, Samples, load_audio
from rehearse.analysis.speech.bandwidth import is_narrowband
from rehearse.analysis.speech.decoded import WindowDecode
from rehearse.analysis.speech.enhancement import Mode, applies
from rehearse.analysis.speech.hallucinations import Guard
from rehearse.analysis.speech.level import is_noisy, level
from rehearse.analysis.speech.merging import in_order, snap_to_speech, with_filled_pauses
from rehearse.analysis.speech.recognition import (
    DISFLUENT_PROMPT,
    MAX_CHUNK_SECONDS,
    Recognizer,
    not_heard_as_fillers,
    plan_chunks,
    uncovered,
    unheard,
)
from rehearse.analysis.speech.repeats import Hearing, collapse_repeats
from rehearse.analysis.speech.sounds import Disfluencies, HeardSounds, disfluencies
from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.vad import detect_speech, listening_spans
from rehearse.analysis.speech.voice import VoiceFrames, measure_frames
from rehearse.analysis.speech.words import Word

ProgressHook = Callable[[float, str], None]
Enhancer = Callable[[Samples], Samples]
# A window ending this close to the end of a recording still being made may yet grow.
SETTLE_SECONDS = 2.0


@dataclass(frozen=True)
class Transcript:
    """The words kept, in order, and what was dropped and why."""

    words: tuple[Word, ...]
    language: str
    model: str
    dropped: tuple[str, ...] = field(default=())
    sounds: HeardSounds = field(default_factory=HeardSounds)  # fillers, repeats heard

    @property
    def text(self) -> str:
        return "".join(word.text for word in self.words).strip()


@dataclass(frozen=True)
class Heard:
    """What the stages made of one recording."""

    audio: Audio  # as recorded: loudness and the voice are measured on it
    speech: list[Span]
    frames: VoiceFrames
    transcript: Transcript
    said: Disfluencies  # fillers and repeats, written and heard
    noisy: bool  # as recorded
    narrowband: bool
    enhanced: bool
    decoded_noisy: bool  # as recognition heard it: after enhancement, the pauses are back
    stage_seconds: dict[str, float]

    @property
    def words(self) -> list[Word]:
        return list(self.transcript.words)


def hear(
    source: AudioSource,
    recognizer: Recognizer,
    *,
    max_seconds: float,
    enhancement: Mode,
    enhancer: Enhancer,
    progress: ProgressHook,
) -> Heard:
    """Stages 1-8 on one recording; ``progress`` hears 0 to 0.9 of the way."""
    laps = _Laps()
    # The first answer of a process loads the speech model while the recording is decoded
    # and its voice measured (recognition waits for it).
    recognizer.start_loading()
    progress(0.0, "decoding")
    audio = load_audio(source, max_seconds=max_seconds)
    laps.lap("decode")
    progress(0.05, "finding speech")
    listened = _listen(audio, enhancement, enhancer, progress)
    heard, speech, listening, whole = (
        listened.heard, listened.speech, listened.listening, listened.whole
    )  # fmt: skip
    laps.lap("vad")
    progress(0.1, "measuring the voice")
    frames = measure_frames(audio.samples, speech)
    laps.lap("voice")
    transcript = transcribe(
        recognizer,
        heard,
        speech,
        listening=listening,
        whole=whole,
        progress=lambda f, stage: progress(0.2 + 0.7 * f, stage),
    )
    laps.lap("recognition")
    return Heard(
        audio=audio,
        speech=speech,
        frames=frames,
        transcript=transcript,
        said=disfluencies(transcript.words, transcript.sounds),
        noisy=listened.noisy,
        narrowband=listened.narrowband,
        enhanced=listened.enhanced,
        decoded_noisy=listened.decoded_noisy,
        stage_seconds=laps.seconds,
    )


@dataclass(frozen=True)
class PreHeard:
    """What the windows of a recording still being made held, from its start to ``until``."""

    words: tuple[Word, ...] = ()
    sounds: HeardSounds = field(default_factory=HeardSounds)
    until: float = 0.0


def prehear(
    audio: Audio,
    recognizer: Recognizer,
    *,
    enhancement: Mode,
    enhancer: Enhancer,
    settle_seconds: float = SETTLE_SECONDS,
) -> PreHeard:
    """Stages 2-5 on the start of a recording still being made: each window of its speech
    that more recording will not change (all but the last, ending ``settle_seconds`` before
    the end) decoded now and kept by the recognizer (``decoded.py``), so that ``hear`` on the
    whole recording reads it instead of decoding it again; the words of those windows and the
    sounds heard in them. Nothing is decoded for a recording decoded whole (noisy or
    narrowband) or cleaned of noise first, which the start does not decide."""
    listened = _listen(audio, enhancement, enhancer, None)
    if listened.enhanced or listened.listening is None:
        return PreHeard()
    windows = plan_chunks(listened.listening, audio.duration)[:-1]
    settled = [w for w in windows if w.end <= audio.duration - settle_seconds]
    decoded = recognizer.decode_windows(listened.heard, settled)
    return PreHeard(
        tuple(word for window in decoded for segment in window.segments for word in segment.words),
        _sounds_of(decoded),
        settled[-1].end if settled else 0.0,
    )


@dataclass(frozen=True)
class _Listened:
    """What stages 2-4 make of a recording: the audio recognition hears, and how to decode it."""

    heard: Audio
    noisy: bool  # as recorded
    narrowband: bool
    enhanced: bool
    decoded_noisy: bool  # as recognition heard it: after enhancement, the pauses are back
    whole: bool  # decoded in one pass (noisy or narrowband), not window by window
    speech: list[Span]
    listening: list[Span] | None  # the windows' spans, when decoded window by window


def _listen(
    audio: Audio, enhancement: Mode, enhancer: Enhancer, progress: ProgressHook | None
) -> _Listened:
    """Stages 2-4: level, noise, voice activity."""
    # Voice activity and recognition hear the recording at a standard level; loudness and the
    # voice are measured on the recording as it is.
    leveled = level(audio).audio
    noisy, narrowband = is_noisy(leveled.samples), is_narrowband(leveled.samples)
    enhanced = applies(enhancement, noisy=noisy)
    if enhanced:
        if progress is not None:
            progress(0.05, "taking out background noise")
        heard = Audio(enhancer(leveled.samples), leveled.truncated, leveled.source_format)
    else:
        heard = leveled
    # What recognition hears decides how it decodes: once the noise is out, the pauses between
    # words can be found by level again.
    decoded_noisy = is_noisy(heard.samples) if enhanced else noisy
    whole = decoded_noisy or narrowband
    speech = detect_speech(heard.samples)
    # Not widened in noise (a noisy recording's faint speech is the noise) nor narrowband
    # (decoded whole).
    listening = None if whole else listening_spans(heard.samples, speech)
    return _Listened(heard, noisy, narrowband, enhanced, decoded_noisy, whole, speech, listening)


def transcribe(
    recognizer: Recognizer,
    audio: Audio,
    speech: Sequence[Span],
    *,
    listening: Sequence[Span] | None = None,
    whole: bool = False,
    progress: ProgressHook | None = None,
) -> Transcript:
    """Stages 5-7: the words spoken in ``speech`` (spans of ``audio``, best levelled by
    ``level.level``), its chunks decoded over ``listening`` (``vad.listening_spans``) when
    given; with ``whole`` (a noisy or narrowband recording), the words of a decode of the
    whole recording in one pass and the filled pauses of the chunks of ``speech``."""
    whole = whole and bool(speech)
    first, second = _halves(progress) if whole else (progress, None)
    decoded = recognizer.decode_speech(audio, _chunked(audio, speech, listening, whole), first)
    chunked = [segment for window in decoded for segment in window.segments]
    sounds = _sounds_of(decoded)
    in_one_pass = recognizer.decode_whole(audio, second) if whole else []
    guard = Guard(audio, speech, DISFLUENT_PROMPT)
    words, dropped = guard.judge(chunked)
    if whole:
        heard, dropped = guard.judge(in_one_pass)
        words = with_filled_pauses(heard, words)
    missed = unheard(speech, words)
    if not whole:
        # Where Whisper ended a chunk's decode early. Not in a noisy recording: its voice
        # activity is everywhere, and a stretch no word covers is as often noise, which a
        # decode of its own fills with invented words.
        missed = sorted([*missed, *uncovered(speech, words)], key=lambda span: span.start)
    missed = not_heard_as_fillers(missed, sounds.fillers)
    more: list[Word] = []
    more_dropped: list[str] = []
    for retried in recognizer.decode_missed(audio, missed, words):
        kept, why = guard.prompted(retried.prompt).judge(retried.segments)
        more += kept
        more_dropped += why
    words, loops = collapse_repeats(
        snap_to_speech(in_order([*words, *more]), speech), Hearing(audio)
    )
    return Transcript(
        tuple(words),
        recognizer.language,
        recognizer.model_name,
        (*dropped, *more_dropped, *loops),
        sounds,
    )


def _chunked(
    audio: Audio, speech: Sequence[Span], listening: Sequence[Span] | None, whole: bool
) -> Sequence[Span]:
    """The spans the chunks are planned over: ``listening`` when given, else ``speech``; for a
    recording decoded whole as well that fits one window, the whole recording, so that its
    whole decode reads the chunk's encoding (``encodes.py``) instead of encoding it again."""
    if whole and audio.duration <= MAX_CHUNK_SECONDS:
        return [Span(0.0, audio.duration)]
    return speech if listening is None else listening


def _sounds_of(decoded: Sequence[WindowDecode]) -> HeardSounds:
    """The sounds heard in each of ``decoded``, together."""
    return HeardSounds(
        tuple(span for window in decoded for span in window.sounds.fillers),
        tuple(span for window in decoded for span in window.sounds.repeats),
    )


def _halves(
    progress: ProgressHook | None,
) -> tuple[ProgressHook | None, ProgressHook | None]:
    """``progress`` split between two decodes of the same recording."""
    if progress is None:
        return None, None
    hook = progress
    return (lambda f, stage: hook(f / 2, stage)), (lambda f, stage: hook(0.5 + f / 2, stage))


class _Laps:
    """Seconds per stage, as the analysis records them."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._clock = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = round(now - self._clock, 3)
        self._clock = now

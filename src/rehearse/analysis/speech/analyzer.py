"""One spoken answer in, every speech measurement out: ``SpeechAnalyzer().apply(source)``.

The recording becomes timed words and fillers through the speech pipeline (``pipeline.py``:
decode, level, enhancement, voice activity, recognition, hallucination guard, merging,
fillers); this module measures delivery from them: pauses, pace, hedges, repetitions,
vocabulary, voice, confidence and the timeline, and says what made the recording hard to
hear. The speech model loads in a thread of its own meanwhile, the first time a process
needs it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from rehearse.analysis.audio import (
    DEFAULT_MAX_SECONDS,
    Audio,
    AudioSource,
    Samples,
)
from rehearse.analysis.speech.confidence import ConfidenceEstimate, estimate_confidence
from rehearse.analysis.speech.enhancement import DeepFilter, Mode
from rehearse.analysis.speech.lexicon import (
    Marker,
    find_hedges,
    find_repetitions,
    lexical_words,
)
from rehearse.analysis.speech.pace import PaceStats, Window, build_timeline, measure_pace
from rehearse.analysis.speech.pauses import (
    LONG_PAUSE_SECONDS,
    PauseStats,
    find_pauses,
    measure_pauses,
)
from rehearse.analysis.speech.pipeline import Heard, hear
from rehearse.analysis.speech.recognition import Recognizer
from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.vad import load_vad, unpadded
from rehearse.analysis.speech.vocabulary import VocabularyStats, measure_vocabulary
from rehearse.analysis.speech.voice import VoiceStats, summarize
from rehearse.analysis.speech.words import Word, normalize, word_spans

# speech-2: levelled input, guards against invented text, batched decoding; speech-3: a
# narrowband recording's words from the long-form decode; speech-4: speech enhancement, a
# noisy recording's filled pauses from the chunked decode; speech-5: fillers and repeats heard
# in Whisper's encoder frames (sounds.py); speech-6: a heard filler written "um"; speech-7:
# speech where a filler was heard not decoded again, a short noisy recording encoded once
VERSION = "speech-7"
_CLIPPED = 0.999
_CLIPPING_WARNING = 0.001
_QUIET_DBFS = -42.0

ProgressHook = Callable[[float, str], None]


@dataclass(frozen=True)
class FillerStats:
    count: int
    per_minute: float
    per_100_words: float
    from_transcript: int
    from_sound: int
    items: list[Marker]


@dataclass(frozen=True)
class SpeechAnalysis:
    version: str
    status: str  # "ok" or "no_speech"
    message: str
    duration_seconds: float
    transcript: str
    words: list[Word]
    pace: PaceStats | None
    pauses: PauseStats | None
    pause_spans: list[Span]
    fillers: FillerStats | None
    hedges: list[Marker]
    repetitions: list[Marker]
    vocabulary: VocabularyStats | None
    voice: VoiceStats | None
    confidence: ConfidenceEstimate | None
    timeline: list[Window]
    warnings: list[str] = field(default_factory=list)
    recognizer: dict[str, Any] = field(default_factory=dict)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    # What the recording was heard through ("noisy", "narrowband", "enhanced": its noise
    # taken out before recognition): each makes the words, fillers and pauses less certain.
    conditions: list[str] = field(default_factory=list)

    @property
    def enhanced(self) -> bool:
        return "enhanced" in self.conditions

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


ENHANCED_NOTE = (
    "Background noise was taken out of the recording before it was transcribed "
    "(DeepFilterNet3): words the noise covered may be missing or wrong."
)


def _quality_warnings(
    audio: Audio, voice: VoiceStats | None, *, noisy: bool, narrowband: bool, enhanced: bool
) -> list[str]:
    warnings = []
    if noisy:
        warnings.append(
            "Loud background noise covers the pauses between words: the transcript is less "
            "accurate, and the pauses and fillers are less certain. Answer somewhere quieter "
            "or closer to the microphone."
        )
    if enhanced:
        warnings.append(ENHANCED_NOTE)
    if narrowband:
        warnings.append(
            "The recording carries nothing above 4 kHz, like a telephone line or a Bluetooth "
            "headset's hands-free microphone: words are harder to recognise. Use the "
            "computer's own microphone or a wired headset."
        )
    clipped = float(np.mean(np.abs(audio.samples) >= _CLIPPED))
    if clipped > _CLIPPING_WARNING:
        warnings.append(
            f"The recording is clipped ({clipped:.1%} of samples at full scale): the microphone "
            "gain is too high, so loudness and voice quality are less reliable."
        )
    if audio.truncated:
        warnings.append(
            "The recording ends early (the file is damaged); only its start was analysed."
        )
    if (
        voice
        and voice.loudness_median_dbfs is not None
        and voice.loudness_median_dbfs < _QUIET_DBFS
    ):
        warnings.append(
            f"The voice is very quiet ({voice.loudness_median_dbfs:.0f} dBFS): move closer to "
            "the microphone; quiet recordings are transcribed less accurately."
        )
    return warnings


class SpeechAnalyzer:
    """Analyses spoken answers; holds the recogniser, so reuse one per process."""

    def __init__(
        self,
        recognizer: Recognizer | None = None,
        *,
        max_seconds: float = DEFAULT_MAX_SECONDS,
        enhancement: Mode = "off",
        enhancer: Callable[[Samples], Samples] | None = None,
    ) -> None:
        self.recognizer = recognizer or Recognizer()
        self.max_seconds = max_seconds
        self.enhancement = enhancement
        self.enhancer = enhancer or DeepFilter()

    def load(self) -> None:
        """Load the voice activity and speech models now rather than in the first analysis."""
        load_vad()
        self.recognizer.load()

    def apply(self, source: AudioSource, *, progress: ProgressHook | None = None) -> SpeechAnalysis:
        """The recording heard and its delivery measured."""
        return self.measure(self.hear(source, progress=progress), progress=progress)

    def hear(self, source: AudioSource, *, progress: ProgressHook | None = None) -> Heard:
        """The recording's words and sounds (``pipeline.hear``); ``progress`` to 0.9."""
        return hear(
            source,
            self.recognizer,
            max_seconds=self.max_seconds,
            enhancement=self.enhancement,
            enhancer=self.enhancer,
            progress=progress or (lambda _fraction, _stage: None),
        )

    def measure(self, heard: Heard, *, progress: ProgressHook | None = None) -> SpeechAnalysis:
        """Delivery measured from what was heard."""
        report = progress or (lambda _fraction, _stage: None)
        started = time.perf_counter()
        audio, speech, frames, words = heard.audio, heard.speech, heard.frames, heard.words
        transcript = heard.transcript
        timings = dict(heard.stage_seconds)
        voice = summarize(frames)
        noisy, narrowband, enhanced = heard.noisy, heard.narrowband, heard.enhanced
        warnings = _quality_warnings(
            audio, voice, noisy=noisy, narrowband=narrowband, enhanced=enhanced
        )
        flags = {"noisy": noisy, "narrowband": narrowband, "enhanced": enhanced}
        conditions = [name for name, present in flags.items() if present]
        recognizer = {
            "model": transcript.model,
            "language": transcript.language,
            "dropped": list(transcript.dropped),
        }
        content = lexical_words(words)
        if not speech or not content:
            report(1.0, "done")
            return SpeechAnalysis(
                VERSION,
                "no_speech",
                "No speech was detected. Check that the microphone works and is not muted, "
                "then answer again.",
                audio.duration,
                "",
                words,
                None,
                None,
                [],
                None,
                [],
                [],
                None,
                voice,
                None,
                [],
                warnings,
                recognizer,
                timings,
                conditions,
            )
        report(0.9, "measuring delivery")
        # In loud background noise the VAD hears speech everywhere; the words know better.
        spoken = word_spans(words) if heard.decoded_noisy else speech
        pauses = find_pauses(spoken if heard.decoded_noisy else unpadded(speech))
        long_pauses = [p for p in pauses if p.duration > LONG_PAUSE_SECONDS]
        fillers = heard.said.fillers
        timeline = build_timeline(
            content,
            fillers=fillers,
            pauses=pauses,
            long_pauses=long_pauses,
            frames=frames,
            duration=audio.duration,
        )
        pace = measure_pace(content, pauses, timeline)
        pause_stats = measure_pauses(spoken, pauses, words[0].start if words else None)
        minutes = max(pace.speaking_seconds, 1e-6) / 60
        filler_stats = FillerStats(
            count=len(fillers),
            per_minute=len(fillers) / minutes,
            per_100_words=100 * len(fillers) / len(content),
            from_transcript=len(heard.said.spoken_fillers),
            from_sound=len(heard.said.heard_fillers),
            items=fillers,
        )
        confidence = estimate_confidence(
            {
                "pace": pace.words_per_minute,
                "fillers": filler_stats.per_100_words,
                "long pauses": len(long_pauses) / minutes,
                "loudness steadiness": voice.loudness_variation_db,
                "pitch variation": voice.pitch_variation_semitones,
            }
        )
        timings["metrics"] = round(time.perf_counter() - started, 3)
        report(1.0, "done")
        return SpeechAnalysis(
            version=VERSION,
            status="ok",
            message="",
            duration_seconds=audio.duration,
            transcript=transcript.text,
            words=words,
            pace=pace,
            pauses=pause_stats,
            pause_spans=pauses,
            fillers=filler_stats,
            hedges=find_hedges(words),
            repetitions=sorted(
                [*find_repetitions(words), *heard.said.heard_repeats],
                key=lambda marker: marker.start,
            ),
            vocabulary=measure_vocabulary([normalize(word.text) for word in content]),
            voice=voice,
            confidence=confidence,
            timeline=timeline,
            warnings=warnings,
            recognizer=recognizer,
            stage_seconds=timings,
            conditions=conditions,
        )

"""Fillers and repeats heard in Whisper's encoder frames (sounds.py): how a reading places
what it hears, how recognition hands it each window's frames, and that sounds which are not
fillers (read speech, music, a cough, a laugh, a sung note, clipping) are not heard as one."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from rehearse.analysis.audio import SAMPLE_RATE, Audio, Samples
from rehearse.analysis.speech.analyzer import SpeechAnalyzer
from rehearse.analysis.speech.decoded import DecodedWindows
from rehearse.analysis.speech.lexicon import Marker
from rehearse.analysis.speech.recognition import Recognizer, plan_chunks
from rehearse.analysis.speech.sounds import (
    FRAME_SECONDS,
    Frames,
    HeardSounds,
    Reading,
    bundled_sounds,
    unwritten,
)
from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.vad import detect_speech
from tests.support.recordings import read_aloud
from tests.support.speech import compose, silence, speak

FIRST_DIMENSION = np.eye(512, dtype=np.float32)[0]


def _frames(count: int, loud: list[tuple[int, int]]) -> Frames:
    frames = np.zeros((count, 512), dtype=np.float32)
    for start, end in loud:
        frames[start:end, 0] = 2.0
    return frames


def test_a_second_above_the_cut_is_heard_at_its_strongest_second() -> None:
    reading = Reading(FIRST_DIMENSION, bias=-1.0, cut=0.0, window=50)
    (heard,) = reading.heard(_frames(300, [(100, 160)]), start=2.0)
    assert heard.start == pytest.approx(2.0 + 100 * FRAME_SECONDS)
    assert heard.duration == pytest.approx(50 * FRAME_SECONDS)


def test_two_sounds_apart_are_heard_as_two() -> None:
    reading = Reading(FIRST_DIMENSION, bias=-1.0, cut=0.0, window=50)
    assert len(reading.heard(_frames(400, [(20, 80), (250, 310)]), start=0.0)) == 2


def test_less_than_a_second_of_sound_hears_nothing() -> None:
    reading = Reading(FIRST_DIMENSION, bias=-1.0, cut=0.0, window=50)
    assert reading.heard(_frames(40, [(0, 40)]), start=0.0) == []


def test_a_sound_the_transcript_already_shows_is_not_counted_twice() -> None:
    written = [Marker("um", 1.9, 2.1, "filler")]
    heard = [Span(1.0, 2.0), Span(5.0, 6.0)]
    assert [m.start for m in unwritten(heard, written, "(filled pause)", "filler")] == [5.0]


def test_the_bundled_readings_read_whisper_base_frames() -> None:
    model = bundled_sounds()
    for reading in (model.filler, model.repeat):
        assert reading.weights.shape == (512,)
        assert reading.window == round(1.0 / FRAME_SECONDS)
        assert np.isfinite(reading.cut)


class _Recorder:
    """Keeps the frames recognition hands over; hears nothing."""

    name = "recorder"

    def __init__(self) -> None:
        self.windows: list[tuple[float, int]] = []

    def hear(self, frames: Frames, start: float) -> HeardSounds:
        self.windows.append((start, len(frames)))
        return HeardSounds(fillers=(Span(start, start + 1.0),))


def test_each_window_is_read_from_its_own_frames_once() -> None:
    spoken = Audio(compose(0.5, "I planned the move in small steps.", 1.0, "It worked.").samples)
    recorder = _Recorder()
    recognizer = Recognizer(threads=2, decoded=DecodedWindows(), sounds=recorder)
    windows = plan_chunks(detect_speech(spoken.samples), spoken.duration)
    decoded = recognizer.decode_speech(spoken, detect_speech(spoken.samples))
    assert recorder.windows == [(w.start, int(w.duration / FRAME_SECONDS)) for w in windows]
    assert [d.sounds.fillers[0].start for d in decoded] == [w.start for w in windows]
    again = recognizer.decode_speech(spoken, detect_speech(spoken.samples))
    assert again == decoded  # read from the decoded windows, sounds and all
    assert len(recorder.windows) == len(windows)


def _heard_fillers(analyzer: SpeechAnalyzer, samples: Samples | bytes) -> list[Marker]:
    result = analyzer.apply(samples)
    return [m for m in (result.fillers.items if result.fillers else []) if m.source == "heard"]


def test_read_speech_gains_no_filler(analyzer: SpeechAnalyzer) -> None:
    assert _heard_fillers(analyzer, read_aloud()) == []  # five of the fixtures' recordings, joined


def _tone(seconds: float, hertz: float, *, vibrato: float = 0.0) -> Samples:
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    pitch = hertz * (1 + vibrato * np.sin(2 * np.pi * 5.5 * t))
    phase = 2 * np.pi * np.cumsum(pitch) / SAMPLE_RATE
    # A sung "ah": its harmonics, those near its first formant (700 Hz) the loudest.
    wave = np.sum(
        [
            np.sin(k * phase) / k * (1 + 3 * np.exp(-(((k * hertz - 700) / 200) ** 2)))
            for k in range(1, 20)
        ],
        axis=0,
    )
    loudest: Samples = (0.3 * wave / np.abs(wave).max()).astype(np.float32)
    return loudest


def _cough(rng: np.random.Generator) -> Samples:
    burst = rng.normal(0, 1, int(0.35 * SAMPLE_RATE)) * np.exp(
        -np.linspace(0, 6, int(0.35 * SAMPLE_RATE))
    )
    cough: Samples = (0.5 * burst / np.abs(burst).max()).astype(np.float32)
    return cough


def _music() -> Samples:
    chord: Samples = np.mean([_tone(3.0, f) for f in (261.6, 329.6, 392.0)], axis=0)
    return chord.astype(np.float32)


NOT_FILLERS: dict[str, Callable[[], Samples]] = {
    "music": _music,
    "a cough": lambda: np.concatenate(
        [
            silence(0.5),
            _cough(np.random.default_rng(1)),
            silence(0.4),
            _cough(np.random.default_rng(2)),
            silence(0.5),
        ]
    ),
    "a laugh": lambda: speak("ha ha ha ha ha!", rate=220),
    "a sung note": lambda: np.concatenate(
        [silence(0.3), _tone(2.5, 220.0, vibrato=0.01), silence(0.3)]
    ),
    # Alone, a recording this short is refused with a message (test_audio.py).
    "0.2 s of speech": lambda: np.concatenate(
        [silence(0.4), speak("I think so.")[: SAMPLE_RATE // 5], silence(0.4)]
    ),
    "clipping": lambda: np.clip(
        speak("I led the migration of our billing service.") * 20, -1, 1
    ).astype(np.float32),
}


@pytest.mark.parametrize("name", list(NOT_FILLERS))
def test_a_sound_that_is_no_filler_is_not_heard_as_one(analyzer: SpeechAnalyzer, name: str) -> None:
    assert _heard_fillers(analyzer, NOT_FILLERS[name]()) == []

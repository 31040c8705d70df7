"""Where the candidate speaks: Silero VAD (the ONNX model bundled with faster-whisper)."""

from __future__ import annotations

import threading

from faster_whisper.vad import VadOptions, get_speech_timestamps, get_vad_model

from rehearse.analysis.audio import SAMPLE_RATE, Samples
from rehearse.analysis.speech.spans import Span

# Pauses of 250 ms and more are what fluency research counts (De Jong & Bosker 2013), so the
# detector must resolve silences shorter than that; a 30 ms pad keeps word edges inside.
PAD_SECONDS = 0.03
_OPTIONS = VadOptions(
    threshold=0.5,
    min_speech_duration_ms=60,
    min_silence_duration_ms=120,
    speech_pad_ms=int(PAD_SECONDS * 1000),
)


_load_lock = threading.Lock()
_loaded = threading.Event()


def load_vad() -> None:
    """Open the Silero model's ONNX session now (once per process, whichever thread asks)."""
    if _loaded.is_set():
        return
    with _load_lock:
        get_vad_model()  # cached by faster-whisper; the lock keeps it to one session
        _loaded.set()


def detect_speech(samples: Samples) -> list[Span]:
    """Speech spans of 16 kHz mono ``samples``, in order."""
    load_vad()
    stamps = get_speech_timestamps(samples, _OPTIONS, sampling_rate=SAMPLE_RATE)
    return [Span(stamp["start"] / SAMPLE_RATE, stamp["end"] / SAMPLE_RATE) for stamp in stamps]


def unpadded(spans: list[Span]) -> list[Span]:
    """The spans without the padding added to keep word edges inside them, so the silences
    between them have their true length (for pause measurement)."""
    return [
        Span(span.start + PAD_SECONDS, span.end - PAD_SECONDS)
        for span in spans
        if span.duration > 2 * PAD_SECONDS
    ]

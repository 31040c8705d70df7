"""Where the candidate speaks: Silero VAD (the ONNX model bundled with faster-whisper)."""

from __future__ import annotations

import threading
from collections.abc import Sequence

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


# Where recognition listens: a whispered or trailing-off stretch scores 0.1-0.5, with dips
# between its words, where a voiced one scores near 1 (Silero began espeak-ng's whispered "I
# really do not know how people talk like this" only at about "know"). What is kept of the
# words heard there is the hallucination guard's to say (hallucinations.py).
_FAINT_OPTIONS = VadOptions(
    threshold=0.25,
    neg_threshold=0.1,
    min_speech_duration_ms=250,
    min_silence_duration_ms=500,
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
    return _spans(samples, _OPTIONS)


def listening_spans(samples: Samples, speech: Sequence[Span]) -> list[Span]:
    """``speech`` (from ``detect_speech``) with its first span begun and its last span ended
    where the fainter speech around them does: an answer's whispered opening or trailing-off
    end, which the detector calls speech only in part. The spans between are left as they
    are: where recognition's windows meet decides what each window reads."""
    if not speech:
        return []
    faint = _spans(samples, _FAINT_OPTIONS)
    first, last = speech[0], speech[-1]
    start = min([first.start, *(f.start for f in faint if f.overlap(first) > 0)])
    end = max([last.end, *(f.end for f in faint if f.overlap(last) > 0)])
    if len(speech) == 1:
        return [Span(start, end)]
    return [Span(start, first.end), *speech[1:-1], Span(last.start, end)]


def _spans(samples: Samples, options: VadOptions) -> list[Span]:
    load_vad()
    stamps = get_speech_timestamps(samples, options, sampling_rate=SAMPLE_RATE)
    return [Span(stamp["start"] / SAMPLE_RATE, stamp["end"] / SAMPLE_RATE) for stamp in stamps]


def unpadded(spans: list[Span]) -> list[Span]:
    """The spans without the padding added to keep word edges inside them, so the silences
    between them have their true length (for pause measurement)."""
    return [
        Span(span.start + PAD_SECONDS, span.end - PAD_SECONDS)
        for span in spans
        if span.duration > 2 * PAD_SECONDS
    ]

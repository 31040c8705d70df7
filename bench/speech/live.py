"""How far the live meter lags behind the voice: audio fed in short chunks, each timed."""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

from rehearse.analysis.audio import SAMPLE_RATE, load_audio
from rehearse.analysis.speech.live import LiveSpeechMeter

CHUNK_SECONDS = 0.2


def run_live(wav: Path, chunk_seconds: float = CHUNK_SECONDS) -> dict[str, Any]:
    """Feed ``wav`` as a browser would stream it; the lag of a moment of sound is at most
    one chunk (waiting for it to fill) plus the time to process that chunk."""
    samples = load_audio(wav).samples
    step = int(chunk_seconds * SAMPLE_RATE)
    LiveSpeechMeter().feed(samples[:SAMPLE_RATE])  # warm-up: loads the VAD model once
    meter = LiveSpeechMeter()
    processing: list[float] = []
    partial = None
    for start in range(0, len(samples), step):
        began = time.perf_counter()
        partial = meter.feed(samples[start : start + step])
        processing.append(time.perf_counter() - began)
    ordered = sorted(processing)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return {
        "file": wav.name,
        "chunk_seconds": chunk_seconds,
        "chunks": len(processing),
        "processing_median_ms": statistics.median(processing) * 1000,
        "processing_p95_ms": p95 * 1000,
        "processing_max_ms": max(processing) * 1000,
        "lag_p95_seconds": chunk_seconds + p95,
        "lag_max_seconds": chunk_seconds + max(processing),
        "final_live_wpm": partial.words_per_minute if partial else None,
    }

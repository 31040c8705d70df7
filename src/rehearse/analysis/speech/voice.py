"""The voice, frame by frame: pitch (YIN), loudness (RMS), voicing and harmonics-to-noise.

Frames are 64 ms long every 10 ms. YIN (librosa) gives a pitch for every frame; a frame
counts as voiced when it lies in detected speech, is loud enough, and its normalised
autocorrelation at that pitch period is high (a periodic signal). The same autocorrelation
value r gives the harmonics-to-noise ratio, HNR = 10 log10(r / (1 - r)) (Boersma 1993).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import librosa
import numpy as np
import numpy.typing as npt
import scipy.fft

from rehearse.analysis.audio import SAMPLE_RATE, Samples
from rehearse.analysis.speech.spans import Span

HOP_SECONDS = 0.01
_HOP = int(HOP_SECONDS * SAMPLE_RATE)
_FRAME = 1024
F0_MIN, F0_MAX = 60.0, 400.0
_VOICING_THRESHOLD = 0.45
_SILENCE_DB = -55.0
_EPSILON = 1e-10
_WINDOW = np.hanning(_FRAME).astype(np.float32)
_WINDOW_AC = np.correlate(_WINDOW, _WINDOW, mode="full")[_FRAME - 1 :].astype(np.float64)
_FFT_WORKERS = 2

Floats = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class VoiceFrames:
    """Per-frame measurements; frame i is centred at ``i * HOP_SECONDS``."""

    pitch_hz: Floats
    loudness_db: Floats
    periodicity: Floats
    voiced: Mask
    in_speech: Mask

    def window(self, span: Span) -> slice:
        return slice(int(span.start / HOP_SECONDS), int(np.ceil(span.end / HOP_SECONDS)))


@dataclass(frozen=True)
class VoiceStats:
    pitch_median_hz: float | None
    pitch_range_semitones: float | None
    pitch_variation_semitones: float | None
    loudness_median_dbfs: float | None
    loudness_variation_db: float | None
    hnr_median_db: float | None
    voiced_seconds: float


def _frames(samples: Samples, count: int) -> npt.NDArray[np.float32]:
    """``count`` frames of _FRAME samples every _HOP, centred like librosa's (a view)."""
    padded = np.pad(samples.astype(np.float32, copy=False), _FRAME // 2)
    framed: npt.NDArray[np.float32] = librosa.util.frame(
        padded, frame_length=_FRAME, hop_length=_HOP
    ).T[:count]
    return framed


def _periodicity(frames: npt.NDArray[np.float32], pitch_hz: Floats) -> Floats:
    """Normalised autocorrelation of each frame at its YIN period (0 = noise, 1 = periodic)."""
    windowed = frames * _WINDOW
    spectrum = scipy.fft.rfft(windowed, n=2 * _FRAME, axis=1, workers=_FFT_WORKERS)
    autocorrelation = scipy.fft.irfft(np.abs(spectrum) ** 2, axis=1, workers=_FFT_WORKERS)[
        :, :_FRAME
    ]
    lags = np.clip(np.round(SAMPLE_RATE / pitch_hz).astype(int), 1, _FRAME - 1)
    at_period = autocorrelation[np.arange(len(lags)), lags]
    # Correct for the window's own autocorrelation so a pure tone scores close to 1.
    ratio = (at_period / _WINDOW_AC[lags]) / (autocorrelation[:, 0] / _WINDOW_AC[0] + _EPSILON)
    return np.asarray(np.clip(ratio, 0.0, 0.999), dtype=np.float64)


def measure_frames(samples: Samples, speech: Sequence[Span]) -> VoiceFrames:
    pitch = librosa.yin(
        samples, fmin=F0_MIN, fmax=F0_MAX, sr=SAMPLE_RATE, frame_length=_FRAME, hop_length=_HOP
    ).astype(np.float64)
    frames = _frames(samples, len(pitch))
    rms = np.sqrt(np.mean(np.square(frames, dtype=np.float64), axis=1))
    loudness = 20 * np.log10(np.maximum(rms, _EPSILON))
    in_speech = np.zeros(len(pitch), dtype=bool)
    for span in speech:
        in_speech[int(span.start / HOP_SECONDS) : int(np.ceil(span.end / HOP_SECONDS))] = True
    # Only frames that could be voiced need the (costly) autocorrelation.
    candidates = np.flatnonzero(in_speech & (loudness > _SILENCE_DB))
    periodicity = np.zeros(len(pitch))
    if candidates.size:
        periodicity[candidates] = _periodicity(frames[candidates], pitch[candidates])
    voiced = in_speech & (loudness > _SILENCE_DB) & (periodicity > _VOICING_THRESHOLD)
    return VoiceFrames(pitch, loudness, periodicity, voiced, in_speech)


def semitones(hz: Floats, reference: float) -> Floats:
    return np.asarray(12 * np.log2(hz / reference), dtype=np.float64)


def summarize(frames: VoiceFrames) -> VoiceStats:
    voiced_seconds = float(frames.voiced.sum() * HOP_SECONDS)
    speech_loudness = frames.loudness_db[frames.in_speech & (frames.loudness_db > _SILENCE_DB)]
    loudness_median = float(np.median(speech_loudness)) if speech_loudness.size else None
    loudness_variation = float(np.std(speech_loudness)) if speech_loudness.size > 1 else None
    if frames.voiced.sum() < 10:
        return VoiceStats(
            None, None, None, loudness_median, loudness_variation, None, voiced_seconds
        )
    pitch = frames.pitch_hz[frames.voiced]
    median = float(np.median(pitch))
    tones = semitones(pitch, median)
    low, high = np.percentile(tones, [5, 95])
    r = frames.periodicity[frames.voiced]
    hnr = 10 * np.log10(r / (1 - r))
    return VoiceStats(
        pitch_median_hz=median,
        pitch_range_semitones=float(high - low),
        pitch_variation_semitones=float(np.std(tones)),
        loudness_median_dbfs=loudness_median,
        loudness_variation_db=loudness_variation,
        hnr_median_db=float(np.median(hnr)),
        voiced_seconds=voiced_seconds,
    )

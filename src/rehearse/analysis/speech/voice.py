"""The voice, frame by frame: pitch (YIN), loudness (RMS), voicing and harmonics-to-noise.

Frames are 64 ms long every 10 ms. YIN (de Cheveigné & Kawahara 2002, computed here as
librosa 0.11 does, without numba) gives a pitch for every frame; a frame counts as voiced
when it lies in detected speech, is within 40 dB of the recording's own speech level, and
its normalised autocorrelation at that pitch period is high (a periodic signal). The same
autocorrelation value r gives the harmonics-to-noise ratio, HNR = 10 log10(r / (1 - r))
(Boersma 1993).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from numpy.lib.stride_tricks import sliding_window_view

from rehearse.analysis.audio import SAMPLE_RATE, Samples
from rehearse.analysis.speech.spans import Span

HOP_SECONDS = 0.01
_HOP = int(HOP_SECONDS * SAMPLE_RATE)
_FRAME = 1024
F0_MIN, F0_MAX = 60.0, 400.0
_MIN_PERIOD = int(np.floor(SAMPLE_RATE / F0_MAX))
_MAX_PERIOD = min(int(np.ceil(SAMPLE_RATE / F0_MIN)), _FRAME - 1)
_LAGS = np.arange(1, _MAX_PERIOD + 1, dtype=np.float32)
_TROUGH_THRESHOLD = 0.1
_VOICING_THRESHOLD = 0.45
_REFERENCE_PERCENTILE = 90.0
_FLOOR_BELOW_REFERENCE_DB = 40.0
_DIGITAL_SILENCE_DB = -100.0
_EPSILON = 1e-10
_TINY = float(np.finfo(np.float32).tiny)
_WINDOW = np.hanning(_FRAME).astype(np.float32)
_WINDOW_AC = np.correlate(_WINDOW, _WINDOW, mode="full")[_FRAME - 1 :].astype(np.float64)
_BLOCK = 2048  # frames per FFT batch: about 100 MB of temporaries at most

Floats = npt.NDArray[np.float64]
Floats32 = npt.NDArray[np.float32]
Mask = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class VoiceFrames:
    """Per-frame measurements; frame i is centred at ``i * HOP_SECONDS``.

    ``floor_db`` is the loudness a frame must exceed to count: 40 dB under the speech level.
    """

    pitch_hz: Floats
    loudness_db: Floats
    periodicity: Floats
    voiced: Mask
    in_speech: Mask
    floor_db: float

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


def _frames(samples: Samples) -> Floats32:
    """Frames of _FRAME samples every _HOP, zero-padded so frame i centres on sample i*_HOP
    (librosa's ``center=True``); a view, not a copy."""
    padded = np.pad(samples.astype(np.float32, copy=False), _FRAME // 2)
    framed: Floats32 = sliding_window_view(padded, _FRAME)[::_HOP]
    return framed


def _blocks(count: int) -> Iterator[slice]:
    return (slice(start, start + _BLOCK) for start in range(0, count, _BLOCK))


def _autocorrelation(frames: Floats32) -> Floats32:
    """Autocorrelation of each frame (rows), lags 0 to _FRAME - 1, through the FFT.

    numpy's FFT works in double precision whatever the input; the result is brought back to
    float32, the precision the rest of YIN (and librosa's) works in."""
    spectrum = np.fft.rfft(frames, n=2 * _FRAME, axis=1)
    power = np.square(spectrum.real) + np.square(spectrum.imag)
    result: Floats32 = np.fft.irfft(power, axis=1)[:, :_FRAME].astype(np.float32)
    return result


def _yin(frames: Floats32) -> Floats:
    """YIN pitch (Hz) of each frame, as ``librosa.yin`` computes it (librosa 0.11)."""
    acf = _autocorrelation(frames)[:, : _MAX_PERIOD + 1]
    # d(k) = 2 (r(0) - r(k)) - sum_{m<k} y(m)^2, for k = 1.._MAX_PERIOD; librosa leaves
    # y(0)^2 out of d(1), and so do we.
    energy = np.cumsum(np.square(frames[:, :_MAX_PERIOD]), axis=1)
    energy[:, 0] = 0
    difference = 2 * (acf[:, :1] - acf[:, 1:]) - energy
    cumulative_mean = np.cumsum(difference, axis=1) / _LAGS
    cmnd = difference[:, _MIN_PERIOD - 1 :] / (cumulative_mean[:, _MIN_PERIOD - 1 :] + _TINY)
    # The first local minimum under the threshold, else the global minimum.
    trough = np.empty(cmnd.shape, dtype=bool)
    trough[:, 1:-1] = (cmnd[:, 1:-1] < cmnd[:, :-2]) & (cmnd[:, 1:-1] <= cmnd[:, 2:])
    trough[:, 0] = cmnd[:, 0] < cmnd[:, 1]
    trough[:, -1] = cmnd[:, -1] < cmnd[:, -2]
    trough &= cmnd < _TROUGH_THRESHOLD
    index = np.where(trough.any(axis=1), trough.argmax(axis=1), cmnd.argmin(axis=1))
    # Parabolic interpolation around it; no shift at the edges or beyond a neighbouring bin.
    rows = np.arange(len(index))
    middle = np.clip(index, 1, cmnd.shape[1] - 2)
    left, centre, right = (cmnd[rows, middle + step].astype(np.float64) for step in (-1, 0, 1))
    curvature = right + left - 2 * centre
    slope = (right - left) / 2
    inside = (index == middle) & (np.abs(slope) < np.abs(curvature))
    shift = np.divide(-slope, curvature, out=np.zeros(len(index)), where=inside)
    return np.asarray(SAMPLE_RATE / (_MIN_PERIOD + index + shift), dtype=np.float64)


def _periodicity(frames: Floats32, pitch_hz: Floats) -> Floats:
    """Normalised autocorrelation of each frame at its YIN period (0 = noise, 1 = periodic)."""
    autocorrelation = _autocorrelation(frames * _WINDOW)
    lags = np.clip(np.round(SAMPLE_RATE / pitch_hz).astype(int), 1, _FRAME - 1)
    at_period = autocorrelation[np.arange(len(lags)), lags]
    # Correct for the window's own autocorrelation so a pure tone scores close to 1.
    power = autocorrelation[:, 0] / _WINDOW_AC[0]
    ratio = (at_period / _WINDOW_AC[lags]) / (power + _TINY)
    return np.asarray(np.clip(ratio, 0.0, 0.999), dtype=np.float64)


def _floor_db(loudness: Floats, in_speech: Mask) -> float:
    """40 dB under the speech level (the 90th percentile of speech frames), but never below
    digital silence, so the floor follows the microphone's gain."""
    if not in_speech.any():
        return _DIGITAL_SILENCE_DB
    reference = float(np.percentile(loudness[in_speech], _REFERENCE_PERCENTILE))
    return max(reference - _FLOOR_BELOW_REFERENCE_DB, _DIGITAL_SILENCE_DB)


def measure_frames(samples: Samples, speech: Sequence[Span]) -> VoiceFrames:
    frames = _frames(samples)
    count = len(frames)
    pitch = np.empty(count)
    rms = np.empty(count)
    for part in _blocks(count):
        block = np.ascontiguousarray(frames[part])
        pitch[part] = _yin(block)
        rms[part] = np.sqrt(np.mean(np.square(block, dtype=np.float64), axis=1))
    loudness = 20 * np.log10(np.maximum(rms, _EPSILON))
    in_speech = np.zeros(count, dtype=bool)
    for span in speech:
        in_speech[int(span.start / HOP_SECONDS) : int(np.ceil(span.end / HOP_SECONDS))] = True
    floor = _floor_db(loudness, in_speech)
    loud_enough = in_speech & (loudness > floor)
    # Only frames that could be voiced need the (costly) autocorrelation.
    candidates = np.flatnonzero(loud_enough)
    periodicity = np.zeros(count)
    for part in _blocks(len(candidates)):
        chosen = candidates[part]
        periodicity[chosen] = _periodicity(frames[chosen], pitch[chosen])
    voiced = loud_enough & (periodicity > _VOICING_THRESHOLD)
    return VoiceFrames(pitch, loudness, periodicity, voiced, in_speech, floor)


def semitones(hz: Floats, reference: float) -> Floats:
    return np.asarray(12 * np.log2(hz / reference), dtype=np.float64)


def summarize(frames: VoiceFrames) -> VoiceStats:
    voiced_seconds = float(frames.voiced.sum() * HOP_SECONDS)
    speech_loudness = frames.loudness_db[frames.in_speech & (frames.loudness_db > frames.floor_db)]
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

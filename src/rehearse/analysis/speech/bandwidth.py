"""Whether a recording is narrowband: a telephone line, or a headset's 8 kHz microphone
(Bluetooth hands-free), which carries nothing above 4 kHz.

On the robustness benchmark (docs/speech-benchmark.md) the power from 4.2 to 7.8 kHz sits
10-22 dB under the speech band (300-3400 Hz) in clean, quiet, clipped, noisy and Opus
recordings, 44-46 dB under it in JFK's 1961 broadcast, and 68-83 dB under it once the same
recordings have been through a G.711 telephone line.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from rehearse.analysis.audio import SAMPLE_RATE, Samples

# Narrowband below this: halfway between the old broadcast (-44) and the phone line (-68).
NARROWBAND_BELOW_DB = -55.0
_SPEECH_BAND = (300.0, 3400.0)
_HIGH_BAND = (4200.0, 7800.0)
_FRAME = 512  # 32 ms: 31 Hz bins
_MAX_FRAMES = 2000  # evenly spread over a long recording: about a minute of it


def _power_spectrum(samples: Samples) -> npt.NDArray[np.float64]:
    """The mean power spectrum of Hann-windowed frames (Welch's method, half overlap)."""
    starts = np.arange(0, len(samples) - _FRAME + 1, _FRAME // 2)
    if len(starts) > _MAX_FRAMES:
        starts = starts[np.linspace(0, len(starts) - 1, _MAX_FRAMES).astype(int)]
    frames = samples[starts[:, None] + np.arange(_FRAME)] * np.hanning(_FRAME)
    return np.asarray(np.mean(np.abs(np.fft.rfft(frames, axis=1)) ** 2, axis=0))


def high_band_db(samples: Samples) -> float | None:
    """The power from 4.2 to 7.8 kHz relative to the speech band, in dB; None when the
    speech band holds no power (digital silence)."""
    if samples.size < _FRAME:
        return None
    power = _power_spectrum(samples)
    frequencies = np.fft.rfftfreq(_FRAME, 1 / SAMPLE_RATE)
    speech = float(power[(frequencies >= _SPEECH_BAND[0]) & (frequencies < _SPEECH_BAND[1])].sum())
    high = float(power[(frequencies >= _HIGH_BAND[0]) & (frequencies < _HIGH_BAND[1])].sum())
    if speech <= 0.0:
        return None
    return float(10 * np.log10(max(high, 1e-30) / speech))


def is_narrowband(samples: Samples) -> bool:
    """Whether nothing of the recording reaches above 4 kHz."""
    ratio = high_band_db(samples)
    return ratio is not None and ratio < NARROWBAND_BELOW_DB

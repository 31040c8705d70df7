"""A real voice made whispered or raised, for the disfluent set's hard-voice groups.

The project has no real whispered or falsetto recordings with transcripts, so both are made
from the real read clips:

- **whispered**: the voice's own vocal-tract filter (linear prediction, order 18, per 25 ms
  frame) driven by white noise instead of the voice's pulses, which is what whispering does
  to speech (no vocal fold vibration, the same articulation), frames overlapped and added;
- **raised**: the voice shifted up by semitones with sox's ``pitch`` (tempo kept), as a high
  or falsetto voice; sox moves the formants as well, so it is a higher voice, not a true
  falsetto.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import numpy as np
from scipy.linalg import solve_toeplitz
from scipy.signal import lfilter

from bench.speech.corpus import Samples, _tool, write_wav
from rehearse.analysis.audio import load_audio

_ORDER = 18
_FRAME = 400  # 25 ms at 16 kHz
_HOP = _FRAME // 2
_STABILITY = 1.0001  # white-noise correction of the autocorrelation's first term


def whispered(samples: Samples, seed: int) -> Samples:
    """``samples`` said in a whisper: each frame's linear-prediction filter driven by white
    noise as loud as the frame's prediction error."""
    rng = np.random.default_rng(seed)
    window = np.hanning(_FRAME)
    out = np.zeros(len(samples) + _FRAME)
    weight = np.zeros(len(samples) + _FRAME)
    for start in range(0, max(0, len(samples) - _FRAME), _HOP):
        frame = samples[start : start + _FRAME] * window
        correlation = np.correlate(frame, frame, "full")[_FRAME - 1 : _FRAME + _ORDER]
        if correlation[0] < 1e-9:
            continue
        correlation[0] *= _STABILITY
        coefficients = solve_toeplitz(correlation[:_ORDER], -correlation[1 : _ORDER + 1])
        inverse = np.concatenate([[1.0], coefficients])
        error = lfilter(inverse, [1.0], frame)
        excitation = rng.standard_normal(_FRAME) * np.sqrt(np.mean(np.square(error)))
        out[start : start + _FRAME] += lfilter([1.0], inverse, excitation) * window
        weight[start : start + _FRAME] += np.square(window)
    said: Samples = (out[: len(samples)] / np.maximum(weight[: len(samples)], 1e-3)).astype(
        np.float32
    )
    return said


def raised(samples: Samples, semitones: float) -> Samples:
    """``samples`` ``semitones`` higher, as long as before (sox ``pitch``)."""
    with tempfile.TemporaryDirectory() as folder:
        before, after = Path(folder) / "before.wav", Path(folder) / "after.wav"
        write_wav(before, samples)
        # Fixed arguments and our own files: no untrusted input reaches sox.
        subprocess.run(  # noqa: S603
            [_tool("sox"), "-R", str(before), str(after), "pitch", f"{semitones * 100:.0f}"],
            check=True,
            capture_output=True,
        )
        changed = load_audio(after).samples
    return np.resize(changed, len(samples)).astype(np.float32)

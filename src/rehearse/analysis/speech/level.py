"""The recording's own speech level, and the gain that brings it to a standard level.

Voice activity and recognition work on a recording brought to a standard level, so a laptop
microphone at low gain (speech at -60 dBFS) is heard as well as a studio one. The level of a
recording is that of its loud frames (the 95th percentile of 30 ms frame levels) in its first
``LEVEL_SECONDS``, which is the level of its speech whenever it holds any. Only the start
counts, so the windows of speech heard while an answer is still being recorded are heard at
the level the whole recording's analysis gives them (``prehearing.py``). Loudness itself is
still measured, and reported, on the raw recording.

Its floor is the level of its quiet frames (the 10th percentile): the room between pauses in
a quiet room, the background where there is noise. Speech less than NOISY_BELOW_DB above its
floor is *noisy*: on the robustness benchmark a clean answer, even one read without a pause,
keeps 23 dB or more between the two (clipped ones 20.5), and speech in babble at 10 dB SNR
13-18.5 dB (docs/speech-analysis.md, "Noisy recordings").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from rehearse.analysis.audio import SAMPLE_RATE, Audio, Samples

FRAME_SECONDS = 0.03
TARGET_DBFS = -23.0
MAX_GAIN_DB = 60.0
NOISY_BELOW_DB = 20.0
# The first recognition window's longest span (recognition.MAX_CHUNK_SECONDS): by the time a
# window is complete, the level of the answer is known.
LEVEL_SECONDS = 25.0
_LOUD_PERCENTILE = 95
_FLOOR_PERCENTILE = 10
_HEADROOM_PERCENTILE = 99.9
_FLOOR_DBFS = -120.0
_SOUND_DBFS = -80.0


@dataclass(frozen=True)
class Leveled:
    """A recording brought to the standard level, and the gain that did it."""

    audio: Audio
    gain_db: float


def frame_levels_db(samples: Samples) -> npt.NDArray[np.float64]:
    """The RMS level of each 30 ms frame, in dBFS."""
    size = int(FRAME_SECONDS * SAMPLE_RATE)
    count = len(samples) // size
    if count == 0:
        return np.full(1, _FLOOR_DBFS)
    frames = samples[: count * size].reshape(count, size).astype(np.float64)
    power = np.mean(np.square(frames), axis=1)
    return np.asarray(10 * np.log10(np.maximum(power, 10 ** (_FLOOR_DBFS / 10))))


def speech_level_db(samples: Samples) -> float:
    """The level of the recording's loud frames, in dBFS (its speech level if it has any)."""
    return float(np.percentile(frame_levels_db(samples), _LOUD_PERCENTILE))


def speech_over_floor_db(samples: Samples) -> float:
    """How far the recording's loud frames stand above its quiet ones, in dB."""
    loud, floor = np.percentile(frame_levels_db(samples), [_LOUD_PERCENTILE, _FLOOR_PERCENTILE])
    return float(loud - floor)


def is_noisy(samples: Samples) -> bool:
    """Whether the background is so loud that pauses cannot be told from it by level.

    Digital silence is not noise: a recording needs some sound to be noisy.
    """
    margin = speech_over_floor_db(samples)
    return speech_level_db(samples) > _SOUND_DBFS and margin < NOISY_BELOW_DB


def level(audio: Audio) -> Leveled:
    """``audio`` amplified so its speech sits at TARGET_DBFS; never attenuated.

    The speech level is read in the first LEVEL_SECONDS. The gain is at most MAX_GAIN_DB and
    leaves the loudest 0.1 % of all samples unclipped, so a single click cannot hide quiet
    speech and digital silence stays silent.
    """
    samples = audio.samples
    peak = float(np.percentile(np.abs(samples), _HEADROOM_PERCENTILE)) if samples.size else 0.0
    if peak <= 0.0:
        return Leveled(audio, 0.0)
    wanted = TARGET_DBFS - speech_level_db(samples[: int(LEVEL_SECONDS * SAMPLE_RATE)])
    headroom = -20 * np.log10(peak)
    gain_db = float(np.clip(min(wanted, headroom), 0.0, MAX_GAIN_DB))
    if gain_db < 0.5:
        return Leveled(audio, 0.0)
    amplified = np.clip(samples * np.float32(10 ** (gain_db / 20)), -1.0, 1.0)
    return Leveled(
        Audio(amplified.astype(np.float32), audio.truncated, audio.source_format), gain_db
    )

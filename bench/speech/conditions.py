"""Degraded copies of a clean recording: level, noise, real babble, telephone and mobile
lines, clipping, Opus.

Every condition is made from the clean file and written next to the others in
``bench/.cache/robustness/<condition>/``. All random draws come from fixed seeds, so the
same clean file always gives the same degraded file.
"""

from __future__ import annotations

import subprocess
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import av
import numpy as np

from bench.speech.corpus import SAMPLE_RATE, Samples, _tool, write_wav
from rehearse.analysis.audio import load_audio
from rehearse.analysis.speech.level import speech_level_db
from rehearse.analysis.speech.vad import detect_speech

SEED = 20_250_611
LEVELS = {"level-20": -20.0, "level-40": -40.0, "level-55": -55.0}
# Babble at 10 dB SNR (what the issue asks) and at 5 dB (harsher; reported, not judged). SNR
# is the usual one: the speech's power where it is spoken (Silero's spans in the clean file)
# over the noise's power. Runs before 2026-11-22 set the noise 10 dB under the loud frames'
# level instead, which is 4.2-6.3 dB SNR (median 4.7) on these files: close to noise-5.
NOISES = {"noise": 10.0, "noise-5": 5.0}
# Real babble: other talkers' speech played forwards (words a recogniser can catch), at the
# same kind of SNR. A recording never hears its own clip in its babble.
BABBLES = {"babble": 10.0, "babble-5": 5.0}
BABBLE_TALKERS = 4
HUM_BELOW_BABBLE_DB = 15.0
CLIP_GAIN_DB = 20.0
OPUS_RATE = 48_000
OPUS_BIT_RATE = 32_000
# A mobile call: AMR-NB at its 12.2 kb/s mode (GSM-EFR, 3G), 8 kHz.
AMR_MODE = "7"
CONDITIONS = ("clean", *LEVELS, *NOISES, *BABBLES, "phone", "mobile", "clipped", "opus")
NEEDS_TALKERS = (*NOISES, *BABBLES)

Row = dict[str, Any]


def rms_db(samples: Samples) -> float:
    return float(10 * np.log10(max(float(np.mean(samples.astype(np.float64) ** 2)), 1e-18)))


def _gain(samples: Samples, db: float) -> Samples:
    return (samples * 10 ** (db / 20)).astype(np.float32)


def clipped_share(samples: Samples) -> float:
    """The share of samples at or beyond full scale."""
    return float(np.mean(np.abs(samples) >= 1.0))


def pink_noise(count: int, rng: np.random.Generator) -> Samples:
    """Unit-RMS noise with a 1/f power spectrum (white noise shaped in the frequency domain)."""
    spectrum = np.fft.rfft(rng.standard_normal(count))
    freqs = np.fft.rfftfreq(count)
    spectrum[1:] /= np.sqrt(freqs[1:])
    spectrum[0] = 0.0
    noise: Samples = np.fft.irfft(spectrum, count).astype(np.float32)
    return _gain(noise, -rms_db(noise))


def _talkers(clips: Sequence[Samples], rng: np.random.Generator) -> Samples:
    """Unit-RMS sum of BABBLE_TALKERS voices: the clips, each brought to the same speech
    level, joined into one loop, and that loop summed with itself at random offsets."""
    loop = np.concatenate([_gain(c, -20.0 - speech_level_db(c)) for c in clips])
    babble: Samples = np.sum(
        [np.roll(loop, int(rng.integers(len(loop)))) for _ in range(BABBLE_TALKERS)], axis=0
    )
    return _gain(babble, -rms_db(babble))


def babble_bed(clips: Sequence[Samples]) -> Samples:
    """Unit-RMS noise for the ``noise`` conditions: the clips time-reversed (speech-like, but
    no words) as BABBLE_TALKERS talkers, and pink noise HUM_BELOW_BABBLE_DB below them as
    room hum."""
    rng = np.random.default_rng(SEED)
    babble = _talkers([c[::-1] for c in clips], rng)
    bed = babble + _gain(pink_noise(len(babble), rng), -HUM_BELOW_BABBLE_DB)
    return _gain(bed, -rms_db(bed))


def talker_babble(clips: dict[str, Samples], own: str) -> Samples:
    """Unit-RMS real babble for the ``babble`` conditions: the clips other than ``own``,
    played forwards, as BABBLE_TALKERS overlapping talkers."""
    others = [samples for name, samples in clips.items() if name != own]
    return _talkers(others, np.random.default_rng([SEED, zlib.crc32(own.encode())]))


def active_speech_db(samples: Samples) -> float:
    """The power of the speech where it is spoken (Silero's spans), in dBFS."""
    spans = detect_speech(samples)
    spoken = [samples[int(s.start * SAMPLE_RATE) : int(s.end * SAMPLE_RATE)] for s in spans]
    return rms_db(np.concatenate(spoken)) if spoken else rms_db(samples)


def add_noise(samples: Samples, bed: Samples, name: str, snr_db: float) -> tuple[Samples, Row]:
    """``bed`` from a per-file random start, looped to length, at ``snr_db`` SNR."""
    rng = np.random.default_rng([SEED, zlib.crc32(name.encode())])
    noise = np.resize(np.roll(bed, -int(rng.integers(len(bed)))), len(samples))
    noise = _gain(noise, active_speech_db(samples) - snr_db - rms_db(noise))
    mixed = samples + noise
    return mixed, {"noise_dbfs": rms_db(noise), "clipped_share": clipped_share(mixed)}


def _sox(*args: str, data: bytes | None = None) -> bytes:
    # Fixed arguments and our own files: no untrusted input reaches sox.
    done = subprocess.run(  # noqa: S603
        [_tool("sox"), "-R", "-G", *args], input=data, check=True, capture_output=True
    )
    return done.stdout


def telephone(clean: Path, out: Path) -> None:
    """300-3400 Hz band, 8 kHz G.711 mu-law, back to 16 kHz 16-bit (sox)."""
    line = _sox(str(clean), "-t", "wav", "-e", "u-law", "-b", "8", "-", "sinc", "300-3400",
                "rate", "8000")  # fmt: skip
    _sox("-t", "wav", "-", "-e", "signed-integer", "-b", "16", str(out), "rate",
         str(SAMPLE_RATE), data=line)  # fmt: skip


def mobile_line(clean: Path, out: Path) -> None:
    """300-3400 Hz band, 8 kHz AMR-NB at 12.2 kb/s, back to 16 kHz 16-bit (sox)."""
    line = _sox(str(clean), "-t", "amr-nb", "-C", AMR_MODE, "-", "sinc", "300-3400",
                "rate", "8000")  # fmt: skip
    _sox("-t", "amr-nb", "-", "-e", "signed-integer", "-b", "16", str(out), "rate",
         str(SAMPLE_RATE), data=line)  # fmt: skip


def encode_opus(samples: Samples, out: Path) -> None:
    """48 kHz mono Opus in WebM at about 32 kb/s, as a browser's MediaRecorder writes it."""
    with av.open(str(out), "w", format="webm") as container:
        stream = container.add_stream("libopus", rate=OPUS_RATE, layout="mono")
        stream.codec_context.bit_rate = OPUS_BIT_RATE
        frame = av.AudioFrame.from_ndarray(samples[None, :], format="flt", layout="mono")
        frame.sample_rate = SAMPLE_RATE
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            container.mux(packet)


LINES = {"phone": telephone, "mobile": mobile_line}


def _written(samples: Samples, out: Path, info: Row) -> tuple[Path, Row]:
    write_wav(out, samples)
    return out, info


def make(condition: str, clean: Path, cache: Path, talkers: dict[str, Samples]) -> tuple[Path, Row]:
    """The file of ``condition`` made from ``clean``, and what was done to it; ``talkers``
    (real clips by name) make the noise and babble."""
    samples = load_audio(clean).samples
    path, info = _make(condition, clean, samples, cache / condition, talkers)
    return path, {"clean_speech_dbfs": speech_level_db(samples), **info}


def _make(
    condition: str, clean: Path, samples: Samples, folder: Path, talkers: dict[str, Samples]
) -> tuple[Path, Row]:
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{clean.stem}.wav"
    if condition == "clean":
        return clean, {"clipped_share": clipped_share(samples)}
    if condition in LEVELS:
        scaled = _gain(samples, LEVELS[condition] - speech_level_db(samples))
        return _written(scaled, out, {"clipped_share": clipped_share(scaled)})
    if condition in NEEDS_TALKERS:
        if not talkers:
            raise ValueError(f"{condition} needs the real clips to make its noise from")
        if condition in NOISES:
            bed, snr_db = babble_bed(list(talkers.values())), NOISES[condition]
        else:
            bed, snr_db = talker_babble(talkers, clean.stem), BABBLES[condition]
        mixed, info = add_noise(samples, bed, clean.stem, snr_db)
        return _written(mixed, out, info)
    if condition == "clipped":
        loud = _gain(samples, CLIP_GAIN_DB)
        return _written(np.clip(loud, -1.0, 1.0), out, {"clipped_share": clipped_share(loud)})
    if condition in LINES:
        LINES[condition](clean, out)
        return out, {"speech_dbfs": speech_level_db(load_audio(out).samples)}
    if condition == "opus":
        out = out.with_suffix(".webm")
        encode_opus(samples, out)
        return out, {"bytes": out.stat().st_size}
    raise ValueError(f"unknown condition {condition!r}")

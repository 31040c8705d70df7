"""The constructed set: espeak-ng answers with exactly known pauses and filled pauses.

Each phrase and each filler is synthesised on its own (espeak-ng, then sox to 16 kHz mono),
trimmed to its audible extent (envelope above -45 dB of the clip's peak) and joined with
numpy to silences of known length, so every speech edge, pause and filler is known to the
sample. A -60 dBFS noise floor is added so silence is not digital zero. Everything is drawn
from a fixed seed; rebuilding gives the same audio and the same manifest.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
import subprocess
import wave
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bench.speech.answers import ANSWERS

Samples = npt.NDArray[np.float32]

VERSION = "speech-corpus-2"
SEED = 20_250_603
SAMPLE_RATE = 16_000
DEFAULT_CACHE = Path(__file__).resolve().parents[1] / ".cache" / "speech-corpus"
VOICES = ("en-us", "en-us+m3", "en-gb", "en-us+f2", "en-us+m1", "en-us+f4")
LONG_PAUSE_SECONDS = 2.0
TRIM_DB = -45.0
NOISE_DBFS = -60.0
PEAK = 0.5
MIN_INTERNAL_SILENCE = 0.25
# Gap lengths in seconds; nothing between 1.8 and 2.3, so the 2 s threshold is unambiguous.
GAPS = {"short": (0.1, 0.6), "medium": (0.8, 1.8), "long": (2.3, 4.0)}
SENTENCE_GAP_WEIGHTS = {"short": 0.5, "medium": 0.25, "long": 0.25}
CLAUSE_GAP_WEIGHTS = {"short": 0.7, "medium": 0.2, "long": 0.1}
# Filled pauses: as espeak says the word (a falling contour of about 4-5 semitones) and as
# unstressed phonemes (level pitch, under 1 semitone); real hesitations lie in between.
FILLERS: dict[str, dict[str, str]] = {
    "um": {"falling": "um", "level": "[[Vm]]"},
    "uh": {"falling": "uh", "level": "[[V:]]"},
    "er": {"falling": "er", "level": "[[3:]]"},
    "erm": {"falling": "erm", "level": "[[3:m]]"},
    "uhm": {"falling": "[['V:m]]", "level": "[[V:m]]"},
}
SLOW_FILLER_RATE = 80  # espeak-ng's slowest rate; lower values are raised to 80
# How a filler sits at a boundary: silence on both sides, or glued to a neighbour.
PLACEMENTS = ("gapped", "glued_before", "glued_after", "glued_both")


@dataclass(frozen=True)
class Segment:
    kind: str  # "phrase", "filler" or "silence"
    text: str
    start: float
    end: float


@dataclass
class Manifest:
    """Ground truth for one constructed answer (times in seconds from the file start)."""

    id: str
    question: str
    voice: str
    rate: int
    duration: float
    reference: str
    word_count: int
    speech_start: float
    speech_end: float
    reference_wpm: float
    long_pauses: list[tuple[float, float]]
    silences: list[dict[str, float | str]]
    fillers: list[dict[str, float | str | bool]]
    segments: list[Segment] = field(default_factory=list)
    key: str = ""


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise RuntimeError(f"{name} is not installed (apt-get install {name})")
    return path


def synthesize(text: str, voice: str, rate: int) -> Samples:
    """espeak-ng speech as 16 kHz mono float32 (sox resamples)."""
    # Fixed arguments and our own texts: no untrusted input reaches these commands.
    wav = subprocess.run(  # noqa: S603
        [_tool("espeak-ng"), "-v", voice, "-s", str(rate), "--stdout", text],
        check=True,
        capture_output=True,
    ).stdout
    raw = subprocess.run(  # noqa: S603
        [_tool("sox"), "-t", "wav", "-", "-t", "raw", "-e", "floating-point", "-b", "32",
         "-c", "1", "-r", str(SAMPLE_RATE), "-"],
        input=wav,
        check=True,
        capture_output=True,
    ).stdout  # fmt: skip
    return np.frombuffer(raw, dtype=np.float32).copy()


def envelope(samples: Samples) -> Samples:
    """RMS over a 10 ms sliding window."""
    width = SAMPLE_RATE // 100
    power = np.convolve(samples.astype(np.float64) ** 2, np.ones(width) / width, mode="same")
    return np.sqrt(power).astype(np.float32)


def audible_extent(samples: Samples, db: float = TRIM_DB) -> tuple[int, int]:
    """First and one-past-last sample whose envelope is within ``db`` of the peak."""
    env = envelope(samples)
    loud = np.nonzero(env > env.max() * 10 ** (db / 20))[0]
    return int(loud[0]), int(loud[-1]) + 1


def quiet_runs(samples: Samples, minimum: float, db: float = TRIM_DB) -> list[tuple[int, int]]:
    """Runs of at least ``minimum`` seconds whose envelope stays below ``db`` of the peak."""
    env = envelope(samples)
    quiet = np.concatenate(([False], env <= env.max() * 10 ** (db / 20), [False]))
    edges = np.flatnonzero(np.diff(quiet.astype(np.int8)))
    runs = zip(edges[::2], edges[1::2], strict=True)
    return [(int(a), int(b)) for a, b in runs if b - a >= minimum * SAMPLE_RATE]


def _trimmed(text: str, voice: str, rate: int) -> Samples:
    samples = synthesize(text, voice, rate)
    start, end = audible_extent(samples)
    return samples[start:end]


def _gap(rng: random.Random, weights: dict[str, float]) -> tuple[str, float]:
    kind = rng.choices(list(weights), weights=list(weights.values()))[0]
    low, high = GAPS[kind]
    return kind, round(rng.uniform(low, high), 3)


def _phrases(text: str, rng: random.Random) -> list[tuple[str, bool]]:
    """Sentences, some split once at a word boundary; True marks a sentence's last part."""
    parts: list[tuple[str, bool]] = []
    for sentence in re.split(r"(?<=[.?!])\s+", text.strip()):
        words = sentence.split()
        if len(words) >= 8 and rng.random() < 0.5:
            cut = rng.randint(3, len(words) - 3)
            parts.append((" ".join(words[:cut]), False))
            parts.append((" ".join(words[cut:]), True))
        else:
            parts.append((sentence, True))
    return parts


def _plan(index: int) -> tuple[str, int, list[tuple[str, str, int, float]]]:
    """Voice, base rate and the ordered units (kind, text, rate, gap before) of one answer."""
    rng = random.Random(SEED * 1000 + index)  # noqa: S311 (reproducible, not secret)
    voice = VOICES[index % len(VOICES)]
    base = rng.randint(130, 190)
    phrases = _phrases(ANSWERS[index][1], rng)
    units: list[tuple[str, str, int, float]] = []
    for number, (phrase, _) in enumerate(phrases):
        rate = max(120, min(200, base + rng.randint(-10, 10)))
        if number == 0:
            units.append(("phrase", phrase, rate, 0.0))
            continue
        sentence_end = phrases[number - 1][1]
        _, gap = _gap(rng, SENTENCE_GAP_WEIGHTS if sentence_end else CLAUSE_GAP_WEIGHTS)
        if rng.random() < (0.45 if sentence_end else 0.6):
            filler = rng.choice(list(FILLERS))
            contour = rng.choice(("falling", "level"))
            slow = rng.random() < 0.35
            filler_rate = SLOW_FILLER_RATE if slow else rate
            placement = rng.choice(PLACEMENTS)
            _, small = _gap(rng, {"short": 1.0})
            before, after = {
                "gapped": (gap, min(small, 0.5)),
                "glued_before": (0.0, gap),
                "glued_after": (gap, 0.0),
                "glued_both": (0.0, 0.0),
            }[placement]
            label = f"{filler}|{contour}|{'slow' if slow else 'normal'}|{placement}"
            units.append(("filler", label, filler_rate, before))
            units.append(("phrase", phrase, rate, after))
        else:
            units.append(("phrase", phrase, rate, gap))
    return voice, base, units


def _key(index: int) -> str:
    voice, base, units = _plan(index)
    espeak = subprocess.run(  # noqa: S603
        [_tool("espeak-ng"), "--version"], check=True, capture_output=True, text=True
    ).stdout
    blob = json.dumps([VERSION, SEED, voice, base, units, espeak, TRIM_DB, NOISE_DBFS])
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def _silence_kind(duration: float) -> str:
    return next(kind for kind, (low, high) in GAPS.items() if low <= duration + 1e-9 <= high)


def build_answer(index: int) -> tuple[Samples, Manifest]:
    """Synthesise answer ``index`` and its ground truth."""
    voice, base, units = _plan(index)
    rng = np.random.default_rng(SEED + index)
    lead = 0.5
    pieces: list[Samples] = [np.zeros(int(lead * SAMPLE_RATE), np.float32)]
    cursor = len(pieces[0])
    segments: list[Segment] = []
    silences: list[dict[str, float | str]] = []
    fillers: list[dict[str, float | str | bool]] = []
    for kind, label, rate, gap in units:
        if gap > 0:
            gap_samples = round(gap * SAMPLE_RATE)
            pieces.append(np.zeros(gap_samples, np.float32))
            start = cursor / SAMPLE_RATE
            cursor += gap_samples
            silences.append(
                {"start": start, "end": cursor / SAMPLE_RATE, "kind": _silence_kind(gap)}
            )
            segments.append(Segment("silence", "", start, cursor / SAMPLE_RATE))
        if kind == "filler":
            name, contour, speed, placement = label.split("|")
            clip = _trimmed(FILLERS[name][contour], voice, rate)
        else:
            clip = _trimmed(label, voice, rate)
            offset = cursor
            for a, b in quiet_runs(clip, MIN_INTERNAL_SILENCE):
                silences.append(
                    {"start": (offset + a) / SAMPLE_RATE, "end": (offset + b) / SAMPLE_RATE,
                     "kind": "internal"}
                )  # fmt: skip
        start = cursor / SAMPLE_RATE
        pieces.append(clip)
        cursor += len(clip)
        end = cursor / SAMPLE_RATE
        if kind == "filler":
            segments.append(Segment("filler", name, start, end))
            fillers.append(
                {"start": start, "end": end, "text": name, "contour": contour,
                 "slow": speed == "slow", "placement": placement}
            )  # fmt: skip
        else:
            segments.append(Segment("phrase", label, start, end))
    pieces.append(np.zeros(int(lead * SAMPLE_RATE), np.float32))
    samples = np.concatenate(pieces)
    samples *= PEAK / float(np.abs(samples).max())
    samples += rng.normal(0.0, 10 ** (NOISE_DBFS / 20), len(samples)).astype(np.float32)
    phrases = [s for s in segments if s.kind == "phrase"]
    reference = " ".join(s.text for s in phrases)
    words = len(reference.split())
    speech_start, speech_end = phrases[0].start, phrases[-1].end
    silences.sort(key=lambda s: float(s["start"]))
    manifest = Manifest(
        id=f"answer-{index + 1:02d}",
        question=ANSWERS[index][0],
        voice=voice,
        rate=base,
        duration=len(samples) / SAMPLE_RATE,
        reference=reference,
        word_count=words,
        speech_start=speech_start,
        speech_end=speech_end,
        reference_wpm=words / (speech_end - speech_start) * 60,
        long_pauses=[
            (float(s["start"]), float(s["end"]))
            for s in silences
            if float(s["end"]) - float(s["start"]) > LONG_PAUSE_SECONDS
        ],
        silences=silences,
        fillers=fillers,
        segments=segments,
        key=_key(index),
    )
    return samples, manifest


def write_wav(path: Path, samples: Samples) -> None:
    pcm = np.clip(np.round(samples * 32767), -32768, 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(pcm.tobytes())


def load_manifest(path: Path) -> Manifest:
    data = json.loads(path.read_text())
    data["segments"] = [Segment(**segment) for segment in data["segments"]]
    data["long_pauses"] = [tuple(pause) for pause in data["long_pauses"]]
    return Manifest(**data)


def build(cache: Path = DEFAULT_CACHE, count: int | None = None) -> list[tuple[Path, Manifest]]:
    """Build (or reuse from ``cache``) the first ``count`` answers; return (wav, manifest)."""
    cache.mkdir(parents=True, exist_ok=True)
    built: list[tuple[Path, Manifest]] = []
    for index in range(len(ANSWERS) if count is None else min(count, len(ANSWERS))):
        stem = cache / f"answer-{index + 1:02d}"
        wav, meta = stem.with_suffix(".wav"), stem.with_suffix(".json")
        if wav.exists() and meta.exists() and load_manifest(meta).key == _key(index):
            built.append((wav, load_manifest(meta)))
            continue
        samples, manifest = build_answer(index)
        write_wav(wav, samples)
        meta.write_text(json.dumps(asdict(manifest), indent=1))
        built.append((wav, manifest))
    return built


if __name__ == "__main__":
    for wav, manifest in build():
        print(
            f"{wav.name}  {manifest.duration:5.1f} s  {manifest.voice:9} {manifest.rate} wpm  "
            f"{manifest.word_count} words  {len(manifest.long_pauses)} long pauses  "
            f"{len(manifest.fillers)} fillers"
        )

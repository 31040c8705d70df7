"""Speech made for the tests: espeak-ng phrases joined by silences of exactly known length."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from rehearse.analysis.audio import SAMPLE_RATE, Audio, Samples, load_audio
from rehearse.analysis.speech.level import speech_level_db
from rehearse.analysis.speech.words import Word
from tests.conftest import shared_fixture

_EDGE_THRESHOLD = 0.01


@lru_cache(maxsize=256)
def _spoken(text: str, rate: int, voice: str) -> bytes:
    return subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(rate), "--stdout", text],
        check=True,
        capture_output=True,
    ).stdout


def speak(text: str, *, rate: int = 160, voice: str = "en-us") -> Samples:
    """``text`` spoken by espeak-ng at 16 kHz, trimmed to its first and last audible sample."""
    samples = load_audio(_spoken(text, rate, voice)).samples
    audible = np.flatnonzero(np.abs(samples) > _EDGE_THRESHOLD)
    return samples[audible[0] : audible[-1] + 1]


def silence(seconds: float) -> Samples:
    return np.zeros(round(seconds * SAMPLE_RATE), dtype=np.float32)


@dataclass(frozen=True)
class Composed:
    samples: Samples
    speech: list[tuple[float, float]]  # where each spoken part starts and ends, in seconds

    @property
    def duration(self) -> float:
        return len(self.samples) / SAMPLE_RATE


def compose(*parts: str | float, rate: int = 160) -> Composed:
    """Phrases (str) and exact silences (float seconds) in order."""
    pieces: list[Samples] = []
    speech: list[tuple[float, float]] = []
    cursor = 0.0
    for part in parts:
        piece = silence(part) if isinstance(part, float) else speak(part, rate=rate)
        if isinstance(part, str):
            speech.append((cursor, cursor + len(piece) / SAMPLE_RATE))
        pieces.append(piece)
        cursor += len(piece) / SAMPLE_RATE
    return Composed(np.concatenate(pieces), speech)


def tone(frequency: float, seconds: float, amplitude: float = 0.3) -> Samples:
    times = np.arange(round(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return np.asarray(amplitude * np.sin(2 * np.pi * frequency * times), dtype=np.float32)


_BABBLE_LINES = (
    ("The weather was fine and everyone went out to the park for lunch.", "en-us"),
    ("Please pass the salt and the pepper, and the bread as well.", "en-gb"),
    ("We will meet again next week to talk about the budget.", "en-us+f2"),
    ("She bought three apples and a loaf of bread at the market.", "en-gb+m3"),
)


def babble_under(samples: Samples, below_db: float) -> Samples:
    """``samples`` with a café of four other talkers (espeak, reversed: speech-like sound with
    no words in it) mixed in, their level ``below_db`` under the speech's loud frames."""
    rng = np.random.default_rng(7)
    bed = np.zeros(len(samples), dtype=np.float64)
    for text, voice in _BABBLE_LINES:
        talker = speak(text, voice=voice)[::-1].astype(np.float64)
        talker = np.resize(np.roll(talker, int(rng.integers(len(talker)))), len(samples))
        bed += talker / np.sqrt(np.mean(talker**2))
    bed /= np.sqrt(np.mean(bed**2))
    gain = 10 ** ((speech_level_db(samples) - below_db) / 20)
    return np.asarray(samples + gain * bed, dtype=np.float32)


_RAW = ["-t", "raw", "-e", "signed-integer", "-b", "16", "-c", "1"]


def _pcm(samples: Samples) -> bytes:
    return (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()


def _from_pcm(pcm: bytes) -> Samples:
    return np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0


def _sox(samples: Samples, *effects: str) -> Samples:
    """``samples`` through sox's ``effects``, 16 kHz 16-bit in and out."""
    rate = ["-r", str(SAMPLE_RATE)]
    out = subprocess.run(
        ["sox", "-R", "-G", *_RAW, *rate, "-", *_RAW, *rate, "-", *effects],
        input=_pcm(samples), check=True, capture_output=True,
    ).stdout  # fmt: skip
    return _from_pcm(out)


def telephone(samples: Samples) -> Samples:
    """``samples`` through a G.711 telephone line with sox: 300-3400 Hz, 8 kHz mu-law, and
    back to 16 kHz."""
    line = subprocess.run(
        ["sox", "-R", "-G", *_RAW, "-r", str(SAMPLE_RATE), "-", "-t", "wav", "-e", "u-law",
         "-b", "8", "-", "sinc", "300-3400", "rate", "8000"],
        input=_pcm(samples), check=True, capture_output=True,
    ).stdout  # fmt: skip
    back = subprocess.run(
        ["sox", "-R", "-G", "-t", "wav", "-", *_RAW, "-", "rate", str(SAMPLE_RATE)],
        input=line, check=True, capture_output=True,
    ).stdout  # fmt: skip
    return _from_pcm(back)


def raised(samples: Samples, semitones: float) -> Samples:
    """``samples`` ``semitones`` higher and as long (sox ``pitch``), as a voice breaking into
    falsetto."""
    return _sox(samples, "pitch", str(round(semitones * 100)))


# Kennedy's "ask" in jfk.wav (3.25-3.80 s), a word said alone between two pauses.
JFK_ASK = (3.25, 3.80)
_SAID_AGAIN_PAUSE = 0.1


def said_again(times: int) -> tuple[Audio, list[Word]]:
    """jfk.wav's opening, its "ask" said ``times`` times over (the real word spliced in with
    0.1 s pauses, as a nervous speaker repeats it), then the rest of the sentence; the asks
    as words timed where they were put."""
    jfk = load_audio(shared_fixture("audio/jfk.wav"))
    ask = jfk.slice(*JFK_ASK)
    pause = silence(_SAID_AGAIN_PAUSE)
    pieces = [jfk.slice(0.0, JFK_ASK[0])]
    asks: list[Word] = []
    cursor = JFK_ASK[0]
    for _ in range(times):
        asks.append(Word(" ask,", cursor + 0.05, cursor + len(ask) / SAMPLE_RATE - 0.05, 0.95))
        pieces += [ask, pause]
        cursor += (len(ask) + len(pause)) / SAMPLE_RATE
    pieces.append(jfk.slice(3.95, jfk.duration))
    return Audio(np.concatenate(pieces)), asks

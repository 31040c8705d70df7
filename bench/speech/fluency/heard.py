"""Each clip through the product's analysis and through plain faster-whisper, and what each
found: the analysis's markers, its encoder frames (recorded as its recognizer reads them for
sounds) and both systems' times. Kept in ``bench/.cache/fluency`` by analysis version, so a
second run reads them."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bench.fixtures import REPO
from bench.speech.fluency.clips import Clip
from bench.speech.robustness import Plain
from rehearse.analysis.speech.analyzer import VERSION, SpeechAnalyzer
from rehearse.analysis.speech.decoded import DecodedWindows
from rehearse.analysis.speech.lexicon import Marker, find_fillers, find_repetitions
from rehearse.analysis.speech.recognition import Recognizer
from rehearse.analysis.speech.sounds import Frames, HeardSounds, bundled_sounds

CACHE = REPO / "bench" / ".cache" / "fluency" / VERSION


class Recorder:
    """The shipped sound reader (``sounds.py``), keeping each window's frames as it hears them.

    What it hears steers the analysis as it ships (speech where it heard a filler is not
    decoded again), so the analysis is timed and transcribed as it ships; the bench counts only
    the transcript's markers from it, and reads the frames with readings fitted out of fold."""

    def __init__(self) -> None:
        self.windows: list[tuple[float, Frames]] = []
        self.shipped = bundled_sounds()

    @property
    def name(self) -> str:
        return self.shipped.name

    def hear(self, frames: Frames, start: float) -> HeardSounds:
        self.windows.append((start, frames.astype(np.float16)))
        return self.shipped.hear(frames, start)


@dataclass(frozen=True)
class Heard:
    """What both systems made of one clip."""

    name: str
    written_fillers: list[tuple[float, float]]  # the analysis's transcript's fillers
    written_repeats: list[tuple[float, float]]  # the transcript's repetitions
    words: list[tuple[str, float, float]]  # the analysis's transcript, timed
    plain_text: str  # plain faster-whisper's transcript
    windows: list[tuple[float, Frames]]  # (start, encoder frames) per decoded window
    plain_fillers: int
    plain_repeats: int
    seconds: float
    plain_seconds: float

    def fillers(self) -> list[Marker]:
        """The transcript's fillers."""
        return [Marker("", s, e, "filler") for s, e in self.written_fillers]

    def repeats(self) -> list[Marker]:
        return [Marker("", s, e, "repetition") for s, e in self.written_repeats]


class Listener:
    """The analysis (recording its recognizer's frames) and plain faster-whisper."""

    def __init__(self) -> None:
        self.recorder = Recorder()
        # No window is read from an earlier decode: each clip's frames are recorded.
        recognizer = Recognizer(decoded=DecodedWindows(size=0), sounds=self.recorder)
        self.analyzer = SpeechAnalyzer(recognizer)
        self.plain = Plain()

    def __call__(self, clip: Clip) -> Heard:
        kept = _read(clip)
        if kept is not None:
            return kept
        self.recorder.windows = []
        started = time.perf_counter()
        analysis = self.analyzer.apply(clip.path)
        seconds = time.perf_counter() - started
        started = time.perf_counter()
        words = self.plain(clip.path)
        plain_seconds = time.perf_counter() - started
        fillers = analysis.fillers.items if analysis.fillers else []
        heard = Heard(
            clip.name,
            [(m.start, m.end) for m in fillers if m.source == "transcript"],
            [(m.start, m.end) for m in analysis.repetitions if m.source == "transcript"],
            [(w.text, w.start, w.end) for w in analysis.words],
            "".join(w.text for w in words).strip(),
            list(self.recorder.windows),
            len(find_fillers(words)),
            len(find_repetitions(words)),
            seconds,
            plain_seconds,
        )
        _keep(heard)
        return heard


def _paths(name: str) -> tuple[Path, Path]:
    return CACHE / f"{name}.json", CACHE / f"{name}.npz"


def _keep(heard: Heard) -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    found, frames = _paths(heard.name)
    fields = {k: v for k, v in heard.__dict__.items() if k != "windows"}
    fields["starts"] = [start for start, _ in heard.windows]
    np.savez(frames, *[window for _, window in heard.windows])
    found.write_text(json.dumps(fields))


def _read(clip: Clip) -> Heard | None:
    found, frames = _paths(clip.name)
    if not (found.exists() and frames.exists()):
        return None
    fields = json.loads(found.read_text())
    if "plain_text" not in fields:  # kept before the transcripts were
        return None
    with np.load(frames) as arrays:
        windows = [arrays[f"arr_{i}"] for i in range(len(arrays.files))]
    starts = fields.pop("starts")
    return Heard(
        fields["name"],
        _pairs(fields["written_fillers"]),
        _pairs(fields["written_repeats"]),
        [(text, start, end) for text, start, end in fields["words"]],
        fields["plain_text"],
        list(zip(starts, windows, strict=True)),
        fields["plain_fillers"],
        fields["plain_repeats"],
        fields["seconds"],
        fields["plain_seconds"],
    )


def _pairs(spans: list[list[float]]) -> list[tuple[float, float]]:
    return [(start, end) for start, end in spans]

"""Fillers and repeats heard in the sound, whether or not Whisper wrote them.

Whisper's decoder, trained on tidied transcripts, leaves out most "um"s and words said twice,
but its encoder hears them. A linear reading of the encoder's frames (512 numbers every 20 ms)
says how much each frame sounds like a filled pause, and how much like a word or a sound said
again; the mean over one second of frames, above a cut, is one heard. The encoder's frames come
free with each window recognition decodes (``recognition.py``); reading them costs a matrix
product.

The readings (``sounds.json``) are fitted to real disfluent speech: FluencyBank's interviews of
adults who stutter (the development episodes only), clips at least two of three annotators
marked with the event against clips none marked with any event, by
``python -m bench.speech.fluency.fit``; how well they do, out of fold by episode, is in
docs/speech-analysis.md.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from rehearse.analysis.speech.lexicon import Marker, find_fillers, find_repetitions
from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.words import Word

Frames = NDArray[np.float32]  # (frames, 512): Whisper base's encoder output
FRAME_SECONDS = 0.02  # Whisper's encoder gives a frame every 20 ms
# A sound heard within this of a marker the transcript already gives is that marker.
SAME_MOMENT_SECONDS = 0.3
# A filler heard but not written is written as the filled pause said most often.
HEARD_FILLER = "um"
HEARD_REPEAT = "(repeat)"


@dataclass(frozen=True)
class Reading:
    """One kind of sound: each frame's weighted sum, averaged over ``window`` frames, plus
    ``bias``, is the log-odds that the second holds one; from ``cut`` on, one is heard."""

    weights: NDArray[np.float32]
    bias: float
    cut: float
    window: int

    def odds(self, frames: Frames) -> NDArray[np.float64]:
        """The log-odds of each second of ``frames`` (empty for less than a second)."""
        if len(frames) < self.window:
            return np.zeros(0)
        per_frame = frames.astype(np.float64) @ self.weights
        means = np.convolve(per_frame, np.ones(self.window) / self.window, mode="valid")
        return means + self.bias

    def heard(self, frames: Frames, start: float) -> list[Span]:
        """Where the sound is heard in ``frames`` (the first at ``start`` seconds): each run of
        seconds whose log-odds reach the cut, placed at its strongest second. Nothing is
        heard in less than a second of sound."""
        odds = self.odds(frames)
        found: list[Span] = []
        above = np.flatnonzero(odds >= self.cut)
        for run in np.split(above, np.flatnonzero(np.diff(above) > 1) + 1) if len(above) else []:
            strongest = int(run[np.argmax(odds[run])])
            found.append(
                Span(
                    start + strongest * FRAME_SECONDS,
                    start + (strongest + self.window) * FRAME_SECONDS,
                )
            )
        return found


@dataclass(frozen=True)
class HeardSounds:
    """What a window's frames held, in the recording's time."""

    fillers: tuple[Span, ...] = ()
    repeats: tuple[Span, ...] = ()


class SoundReader(Protocol):
    """What recognition asks of a window's frames; ``name`` keys the decoded windows."""

    @property
    def name(self) -> str: ...

    def hear(self, frames: Frames, start: float) -> HeardSounds: ...


@dataclass(frozen=True)
class SoundModel:
    """The readings of fillers and repeats."""

    name: str
    filler: Reading
    repeat: Reading

    def hear(self, frames: Frames, start: float) -> HeardSounds:
        """The fillers and repeats heard in ``frames``, the first at ``start`` seconds."""
        return HeardSounds(
            tuple(self.filler.heard(frames, start)), tuple(self.repeat.heard(frames, start))
        )


def unwritten(
    heard: Sequence[Span], written: Sequence[Marker], text: str, kind: str
) -> list[Marker]:
    """A ``kind`` marker for each ``heard`` span that no ``written`` marker (the transcript's)
    accounts for, at about the same moment; its source is the sound ("acoustic")."""
    return [
        Marker(text, span.start, span.end, kind, "acoustic")
        for span in heard
        if not any(
            marker.start < span.end + SAME_MOMENT_SECONDS
            and span.start < marker.end + SAME_MOMENT_SECONDS
            for marker in written
        )
    ]


@dataclass(frozen=True)
class Disfluencies:
    """An answer's fillers and repeats: those its words show, and those heard that no word
    shows. The analysis, the live meter and through them every report count these."""

    spoken_fillers: tuple[Marker, ...]
    heard_fillers: tuple[Marker, ...]
    heard_repeats: tuple[Marker, ...]

    @property
    def fillers(self) -> list[Marker]:
        """Every filler, in time order."""
        return sorted([*self.spoken_fillers, *self.heard_fillers], key=lambda m: m.start)


def disfluencies(words: Sequence[Word], sounds: HeardSounds) -> Disfluencies:
    """The fillers and repeats of ``words`` and of the ``sounds`` heard where they were said."""
    spoken = find_fillers(words)
    return Disfluencies(
        tuple(spoken),
        tuple(unwritten(sounds.fillers, spoken, HEARD_FILLER, "filler")),
        tuple(unwritten(sounds.repeats, find_repetitions(words), HEARD_REPEAT, "repetition")),
    )


def reading_from(fitted: dict[str, object]) -> Reading:
    return Reading(
        np.asarray(fitted["weights"], dtype=np.float32),
        float(fitted["bias"]),  # type: ignore[arg-type]
        float(fitted["cut"]),  # type: ignore[arg-type]
        int(fitted["window"]),  # type: ignore[call-overload]
    )


@cache
def bundled_sounds() -> SoundModel:
    """The readings fitted to FluencyBank's development episodes (``sounds.json``)."""
    text = resources.files("rehearse.analysis.speech").joinpath("sounds.json").read_text()
    fitted = json.loads(text)
    return SoundModel(
        str(fitted["method"]), reading_from(fitted["filler"]), reading_from(fitted["repeat"])
    )

"""FluencyBank's 3-second clips and their annotators' marks (``../shared/data/fluencybank``).

A clip is a filler clip when at least two of its three annotators marked an interjection (a
filled pause such as "um"), a repeat clip when at least two marked a word repetition, and clean
when none marked any event. Clips whose samples are all zero (some of episode 019) hold no
sound to judge and are left out, and counted.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bench.fixtures import REPO
from rehearse.analysis.audio import SAMPLE_RATE, load_audio
from rehearse.analysis.errors import MediaError

DEFAULT_FOLDER = REPO.parent / "shared" / "data" / "fluencybank"
EVENTS = ("Prolongation", "Block", "SoundRep", "WordRep", "Interjection")
AGREED = 2  # annotators of three


@dataclass(frozen=True)
class Clip:
    name: str
    episode: str
    path: Path
    marks: dict[str, int]  # annotators (0-3) who marked each event
    start: float = 0.0  # seconds into its episode's recording
    stop: float = 0.0

    @property
    def filler(self) -> bool:
        return self.marks["Interjection"] >= AGREED

    @property
    def repeat(self) -> bool:
        return self.marks["WordRep"] >= AGREED

    @property
    def clean(self) -> bool:
        return all(self.marks[event] == 0 for event in EVENTS)


def labels_file(folder: Path) -> Path:
    """The folder's labels CSV (``labels-dev.csv`` in the development half)."""
    found = sorted(folder.glob("labels*.csv"))
    if not found:
        raise FileNotFoundError(f"no labels*.csv in {folder}")
    return found[0]


def read_clips(folder: Path) -> tuple[list[Clip], int]:
    """The clips that are filler, repeat or clean clips and hold sound, and how many clips
    were left out as silent or unreadable."""
    clips: list[Clip] = []
    silent = 0
    with labels_file(folder).open(newline="") as rows:
        for row in csv.DictReader(rows, skipinitialspace=True):
            episode = row["EpId"].strip()
            name = f"{row['Show'].strip()}_{episode}_{row['ClipId'].strip()}"
            marks = {event: int(row[event]) for event in EVENTS}
            start, stop = (int(row[edge]) / SAMPLE_RATE for edge in ("Start", "Stop"))
            clip = Clip(name, episode, folder / "clips" / f"{name}.flac", marks, start, stop)
            if not (clip.filler or clip.repeat or clip.clean):
                continue
            if not _audible(clip.path):
                silent += 1
                continue
            clips.append(clip)
    return clips, silent


def _audible(path: Path) -> bool:
    try:
        return bool(np.any(load_audio(path).samples))
    except MediaError:
        return False

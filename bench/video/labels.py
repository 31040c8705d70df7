"""The hand labels in labels.yaml, as sets of frame numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

LABELS = Path(__file__).with_name("labels.yaml")


def frame_set(spec: str | None) -> set[int]:
    """ "0-24,30,40-41" as {0, ..., 24, 30, 40, 41}."""
    frames: set[int] = set()
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        first, _, last = part.partition("-")
        frames.update(range(int(first), int(last or first) + 1))
    return frames


@dataclass(frozen=True)
class BlinkLabel:
    frames: set[int]
    closed: set[int]


@dataclass(frozen=True)
class ClipLabels:
    file: str
    frames: int
    fps: float
    face: set[int]
    looking: set[int] = field(default_factory=set)
    gaze_unknown: set[int] = field(default_factory=set)
    blinks: list[BlinkLabel] = field(default_factory=list)
    head_turns: set[int] = field(default_factory=set)
    smile: set[int] = field(default_factory=set)
    no_smile: set[int] = field(default_factory=set)
    labelled_gaze: bool = False
    labelled_smile: bool = False


def _clip(raw: dict[str, Any]) -> ClipLabels:
    gaze = raw.get("eye_contact") or {}
    smile = raw.get("smile") or {}
    return ClipLabels(
        file=raw["file"],
        frames=int(raw["frames"]),
        fps=float(raw["fps"]),
        face=frame_set(raw.get("face")),
        looking=frame_set(gaze.get("looking")),
        gaze_unknown=frame_set(gaze.get("unknown")),
        blinks=[
            BlinkLabel(frame_set(b["frames"]), frame_set(b["closed"]))
            for b in raw.get("blinks") or []
        ],
        head_turns=frame_set(raw.get("head_turns")),
        smile=frame_set(smile.get("yes")),
        no_smile=frame_set(smile.get("no")),
        labelled_gaze=bool(gaze),
        labelled_smile=bool(smile),
    )


def load_labels(path: Path = LABELS) -> list[ClipLabels]:
    data = yaml.safe_load(path.read_text())
    return [_clip(raw) for raw in data["clips"]]

"""Agreement of the analyzer's per-frame output with the hand labels."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.video.labels import ClipLabels
from rehearse.analysis.video.analyzer import VideoAnalysis, VideoAnalyzer
from rehearse.analysis.video.expression import SMILE_THRESHOLD
from rehearse.analysis.video.measures import FrameMeasures

HEAD_TURN_DEGREES = 15.0

Row = dict[str, Any]


@dataclass(frozen=True)
class Score:
    agree: int
    scored: int

    @property
    def accuracy(self) -> float | None:
        return self.agree / self.scored if self.scored else None

    def row(self) -> Row:
        return {"agree": self.agree, "scored": self.scored, "accuracy": self.accuracy}


def _score(
    frames: Sequence[tuple[int, FrameMeasures]],
    truth: Callable[[int], bool | None],
    guess: Callable[[FrameMeasures], bool],
) -> Score:
    pairs = [(guess(f), truth(i)) for i, f in frames if truth(i) is not None]
    return Score(sum(g == t for g, t in pairs), len(pairs))


def _blinks(result: VideoAnalysis, labels: ClipLabels) -> Row:
    """Blink events: a detected blink matches a labelled one if their spans overlap."""
    found = result.blinks.items if result.blinks else []
    spans = [(min(b.frames) / labels.fps, (max(b.frames) + 1) / labels.fps) for b in labels.blinks]

    def overlaps(start: float, end: float, span: tuple[float, float]) -> bool:
        return start < span[1] and end > span[0]

    true_positives = sum(any(overlaps(b.start, b.end, s) for s in spans) for b in found)
    recalled = sum(any(overlaps(b.start, b.end, s) for b in found) for s in spans)
    return {
        "labelled": len(spans),
        "detected": len(found),
        "detected_spans": [(b.start, b.end) for b in found],
        "labelled_spans": [(round(a, 3), round(b, 3)) for a, b in spans],
        "precision": true_positives / len(found) if found else None,
        "recall": recalled / len(spans) if spans else None,
    }


def _looking(labels: ClipLabels) -> Callable[[int], bool | None]:
    def truth(index: int) -> bool | None:
        if not labels.labelled_gaze or index in labels.gaze_unknown or index not in labels.face:
            return None
        return index in labels.looking

    return truth


def _smiling(labels: ClipLabels) -> Callable[[int], bool | None]:
    def truth(index: int) -> bool | None:
        if index in labels.smile:
            return True
        return False if index in labels.no_smile else None

    return truth


def _turned(frame: FrameMeasures) -> bool:
    head = frame.head
    return head is not None and max(abs(head.yaw), abs(head.pitch)) > HEAD_TURN_DEGREES


def agreement(analyzer: VideoAnalyzer, path: Path, labels: ClipLabels) -> Row:
    """Per-frame accuracies on the frames the analyzer sampled, and blink precision/recall."""
    result = analyzer.apply(path, keep_frames=True)
    frames = [(round(f.time * labels.fps), f) for f in result.frames]
    face = _score(frames, lambda i: i in labels.face, lambda f: f.faces > 0)
    gaze = _score(frames, _looking(labels), lambda f: bool(f.looking))
    turns = _score(
        frames,
        lambda i: (i in labels.head_turns) if i in labels.face else None,
        _turned,
    )
    smile = _score(
        frames,
        _smiling(labels),
        lambda f: f.smile is not None and f.smile >= SMILE_THRESHOLD,
    )
    return {
        "clip": labels.file,
        "frames_labelled": labels.frames,
        "frames_sampled": len(frames),
        "face_found": face.row(),
        "eye_contact": gaze.row(),
        "head_turns": turns.row(),
        "smile": smile.row(),
        "blinks": _blinks(result, labels) if labels.labelled_gaze else None,
        "summary": {
            "eye_contact_ratio": result.gaze.eye_contact_ratio if result.gaze else None,
            "smile_ratio": result.expression.smile_ratio if result.expression else None,
            "mood": result.expression.mood if result.expression else None,
            "warnings": result.warnings,
        },
    }

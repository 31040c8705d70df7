"""Blink detection on eye-aspect-ratio series, and on the real clip (one hand-labelled blink)."""

from __future__ import annotations

import pytest

from rehearse.analysis.video.analyzer import VideoAnalysis
from rehearse.analysis.video.blinks import (
    blinks_per_minute,
    detect_blinks,
    eye_aspect_ratio,
)
from rehearse.analysis.video.face import FaceObservation

FPS = 15


def _series(
    seconds: float, open_ear: float, closures: dict[float, list[float]]
) -> tuple[list[float], list[float | None]]:
    """An EAR series at 15 fps, open at ``open_ear`` with closures starting at given times."""
    times = [i / FPS for i in range(int(seconds * FPS))]
    ear: list[float | None] = [open_ear + 0.004 * ((i * 7) % 5 - 2) for i in range(len(times))]
    for start, values in closures.items():
        first = round(start * FPS)
        for offset, value in enumerate(values):
            ear[first + offset] = value
    return times, ear


def test_each_brief_closure_is_a_blink() -> None:
    times, ear = _series(10, 0.30, {2.0: [0.12, 0.08], 5.0: [0.15], 8.0: [0.2, 0.1, 0.18]})
    blinks = detect_blinks(times, ear)
    assert [round(b.start, 1) for b in blinks] == [2.0, 5.0, 8.0]
    assert all(0.05 < b.duration <= 0.35 for b in blinks)


def test_thresholds_follow_the_persons_own_eyes() -> None:
    # Narrow eyes: open at 0.18, which is below what a fixed 0.2 threshold would call closed.
    times, ear = _series(10, 0.18, {3.0: [0.07, 0.05]})
    [blink] = detect_blinks(times, ear)
    assert blink.start == pytest.approx(3.0, abs=0.01)
    assert blink.min_ear == pytest.approx(0.05)


def test_noise_around_the_threshold_is_one_blink_not_two() -> None:
    # Dips, a partial reopening that stays under 80 % of the baseline, dips again.
    times, ear = _series(6, 0.30, {2.0: [0.15, 0.22, 0.14]})
    assert len(detect_blinks(times, ear)) == 1


def test_a_long_closure_is_not_a_blink() -> None:
    times, ear = _series(10, 0.30, {4.0: [0.08] * 20})
    assert detect_blinks(times, ear) == []


def test_a_closure_while_the_face_is_lost_is_not_judged() -> None:
    times, ear = _series(6, 0.30, {2.0: [0.1, 0.1]})
    ear[31] = None
    assert detect_blinks(times, ear) == []


def test_no_face_no_blinks() -> None:
    assert detect_blinks([0.0, 0.1, 0.2], [None, None, None]) == []


def test_the_rate_needs_ten_seconds_of_face() -> None:
    assert blinks_per_minute(3, 9.0) is None
    assert blinks_per_minute(5, 20.0) == pytest.approx(15.0)


def test_the_ear_of_open_eyes_in_the_still(still_face: FaceObservation) -> None:
    assert still_face.landmarks is not None
    assert 0.15 < eye_aspect_ratio(still_face.landmarks) < 0.4


def test_the_one_blink_in_the_clip_is_found(single_face_result: VideoAnalysis) -> None:
    # By hand: eyes closed in frames 26-28 of 72 (0.87-0.93 s), half closed in 25 and 29.
    assert single_face_result.blinks is not None
    [blink] = single_face_result.blinks.items
    assert 0.80 <= blink.start <= 0.95
    assert blink.end <= 1.15

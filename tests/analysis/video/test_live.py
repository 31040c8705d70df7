"""The live eye-contact indicator."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from rehearse.analysis.video.live import LiveGazeMeter
from tests.analysis.video.clips import Image, video_frames


@pytest.fixture(scope="module")
def meter() -> Iterator[LiveGazeMeter]:
    live = LiveGazeMeter()
    yield live
    live.close()


def test_the_clip_reads_as_eye_contact(meter: LiveGazeMeter, single_face: Path) -> None:
    readings = [meter.feed(frame) for frame in video_frames(single_face, every=4)]
    assert all(r.face_found for r in readings)
    assert sum(bool(r.looking_at_camera) for r in readings) >= 0.9 * len(readings)
    assert all(r.offset is not None and r.raw_yaw is not None for r in readings)


def test_a_frame_is_fast_enough_for_a_live_indicator(meter: LiveGazeMeter, still: Image) -> None:
    meter.feed(still)
    timings = sorted(meter.feed(still).processing_ms for _ in range(5))
    assert timings[2] < 50


def test_a_large_frame_is_scaled_down_first(meter: LiveGazeMeter, still: Image) -> None:
    large = np.ascontiguousarray(np.repeat(np.repeat(still, 2, axis=0), 2, axis=1))
    assert meter.feed(large).face_found


def test_no_face_no_verdict(meter: LiveGazeMeter) -> None:
    reading = meter.feed(np.zeros((480, 640, 3), np.uint8))
    assert not reading.face_found
    assert reading.looking_at_camera is None
    assert reading.offset is None

"""Decoding camera recordings: sampling by timestamp, size, rotation, and bad input."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from rehearse.analysis.errors import (
    CorruptMedia,
    EmptyMedia,
    MediaTooLong,
    NotMedia,
    NoVideoTrack,
)
from rehearse.analysis.video.frames import VideoReader, fit, has_picture
from tests.analysis.video.clips import Image, audio_only, encode, portrait, video_frames
from tests.support.media import pdf_bytes


def _read(source: Path | bytes, fps: float = 15.0) -> tuple[VideoReader, list[float]]:
    with VideoReader(source, fps=fps) as video:
        times = [frame.time for frame in video]
    return video, times


def test_a_30_fps_mp4_is_sampled_at_15_fps(single_face: Path) -> None:
    video, times = _read(single_face)
    assert video.decoded == 72
    assert len(times) == 36
    assert np.allclose(np.diff(times), 1 / 15, atol=0.002)
    assert video.duration == pytest.approx(2.4, abs=0.01)


def test_a_slower_source_gives_every_frame(single_face: Path) -> None:
    video, times = _read(single_face, fps=60.0)
    assert len(times) == video.decoded == 72


def test_a_large_frame_is_scaled_to_640_keeping_its_aspect(no_face: Path) -> None:
    with VideoReader(no_face) as video:
        first = next(iter(video))
    assert first.rgb.shape == (360, 640, 3)
    assert first.rgb.dtype == np.uint8
    assert (video.info.source_width, video.info.source_height) == (960, 540)


def test_sizes_fit_640_by_480_either_way_round() -> None:
    assert fit(1920, 1080) == (640, 360)
    assert fit(1080, 1920) == (360, 640)
    assert fit(320, 240) == (320, 240)


def test_a_path_and_its_bytes_decode_alike(single_face: Path) -> None:
    with VideoReader(single_face) as by_path, VideoReader(single_face.read_bytes()) as by_bytes:
        assert all(
            a.time == b.time and np.array_equal(a.rgb, b.rgb)
            for a, b in zip(by_path, by_bytes, strict=True)
        )


def test_a_variable_frame_rate_is_sampled_by_its_timestamps() -> None:
    # Irregular gaps of 20-120 ms; each frame's grey level encodes its own time.
    gaps = [0.021, 0.118, 0.029, 0.094, 0.019, 0.023, 0.109, 0.052] * 4
    times = np.concatenate([[0.0], np.cumsum(gaps)])
    frames = [np.full((64, 64, 3), int(t * 60), np.uint8) for t in times]
    video, sampled = _read(encode(frames, times=list(times)))
    assert video.decoded == len(times)
    assert set(np.round(sampled, 3)) <= set(np.round(times, 3))
    # One frame for each 1/15 s sampling instant that has frames near it, and only one.
    assert sorted(np.floor(np.array(sampled) * 15 + 0.5)) == sorted(set(np.floor(times * 15 + 0.5)))
    with VideoReader(encode(frames, times=list(times))) as again:
        levels = [(frame.time, float(frame.rgb.mean())) for frame in again]
    assert all(abs(level - t * 60) < 4 for t, level in levels)


@pytest.mark.parametrize("codec", ["libvpx", "libvpx-vp9"])
def test_a_browser_webm_decodes(single_face: Path, codec: str) -> None:
    frames = video_frames(single_face, every=2, limit=10, width=320)
    video, times = _read(encode(frames, container="webm", codec=codec))
    assert len(times) == 10
    assert video.info.source_format.endswith("vp8" if codec == "libvpx" else "vp9")


def test_a_quicktime_mov_decodes(single_face: Path) -> None:
    frames = video_frames(single_face, every=2, limit=10)
    video, times = _read(encode(frames, container="mov"))
    assert len(times) == 10
    assert video.info.source_format.startswith("mov")


def test_a_phone_video_is_turned_upright(still: Image) -> None:
    upright = portrait(still)
    stored = np.ascontiguousarray(np.rot90(upright, k=-1))  # the sensor's landscape picture
    with VideoReader(encode([stored] * 3, rotation=90)) as video:
        first = next(iter(video))
    assert video.info.rotation == 270
    assert first.rgb.shape[0] > first.rgb.shape[1]
    expected = cv2.resize(upright, first.rgb.shape[1::-1], interpolation=cv2.INTER_AREA)
    assert np.abs(first.rgb.astype(np.float32) - expected).mean() < 12


def test_an_empty_file_is_named_empty() -> None:
    with pytest.raises(EmptyMedia):
        VideoReader(b"")


def test_garbage_is_not_media() -> None:
    with pytest.raises(NotMedia):
        VideoReader(bytes(range(256)) * 64)


def test_a_document_is_not_media() -> None:
    with pytest.raises(NotMedia):
        VideoReader(pdf_bytes())


def test_a_recording_without_picture_says_so() -> None:
    with pytest.raises(NoVideoTrack, match="no picture"):
        VideoReader(audio_only())


def test_only_a_recording_with_footage_has_a_picture(single_face: Path) -> None:
    assert (has_picture(single_face), has_picture(audio_only())) == (True, False)


def test_a_recording_over_the_limit_is_refused(single_face: Path) -> None:
    with pytest.raises(MediaTooLong), VideoReader(single_face, max_seconds=1.0) as video:
        list(video)


def test_an_mp4_cut_before_its_index_is_corrupt(single_face: Path) -> None:
    data = single_face.read_bytes()
    with pytest.raises(CorruptMedia, match="index is missing"):
        VideoReader(data[: len(data) // 2])


@pytest.mark.parametrize("container", ["webm", "mp4"])
def test_a_cut_recording_keeps_the_frames_before_the_cut(single_face: Path, container: str) -> None:
    frames = video_frames(single_face, every=2, width=320)
    codec = "libvpx" if container == "webm" else "h264"
    whole = encode(frames, container=container, codec=codec, faststart=container == "mp4")
    video, times = _read(whole[: len(whole) * 7 // 10])
    assert video.truncated
    assert 5 < len(times) < len(frames)

"""The whole analysis: real clips, made-up troubles, and a result that is plain JSON."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from rehearse.analysis.errors import NoVideoTrack
from rehearse.analysis.speech import pace
from rehearse.analysis.video import timeline
from rehearse.analysis.video.analyzer import VERSION, VideoAnalysis, VideoAnalyzer
from tests.analysis.video.clips import Image, audio_only, encode, portrait


def test_a_face_is_found_in_every_frame_of_the_face_clip(
    single_face_result: VideoAnalysis,
) -> None:
    result = single_face_result
    assert result.version == VERSION
    assert result.status == "ok"
    assert result.frames_analysed == 36
    assert result.effective_fps == pytest.approx(15.0, abs=0.1)
    assert result.presence.face_visible_ratio >= 0.95
    assert result.presence.multiple_faces_ratio == 0.0
    assert result.warnings == []


def test_the_face_clip_keeps_eye_contact(single_face_result: VideoAnalysis) -> None:
    # By hand: he looks into the lens throughout (see bench/video/labels.yaml).
    gaze = single_face_result.gaze
    assert gaze is not None
    assert gaze.eye_contact_ratio is not None
    assert gaze.eye_contact_ratio >= 0.9
    assert gaze.aversions == 0
    assert not gaze.calibrated


def test_a_clip_without_a_face_says_so(analyzer: VideoAnalyzer, no_face: Path) -> None:
    result = analyzer.apply(no_face)
    assert result.status == "no_face"
    assert "No face" in result.message
    assert result.presence.face_visible_ratio == 0.0
    assert result.gaze is None
    assert result.posture is None  # the pose model is not run where no face is seen
    assert any("No face was found in 100%" in w for w in result.warnings)
    assert [e.kind for e in result.episodes] == ["face_not_visible"]


def test_two_faces_are_flagged(analyzer: VideoAnalyzer, two_faces_clip: bytes) -> None:
    result = analyzer.apply(two_faces_clip)
    assert result.presence.multiple_faces_ratio >= 0.9
    assert any("More than one face" in w for w in result.warnings)
    assert "multiple_faces" in {e.kind for e in result.episodes}


def test_a_frozen_picture_is_flagged(analyzer: VideoAnalyzer, frozen_clip: bytes) -> None:
    result = analyzer.apply(frozen_clip)
    assert result.status == "ok"
    assert result.presence.face_visible_ratio == 1.0
    assert any("hardly changes" in w for w in result.warnings)


def test_a_black_video_is_flagged_not_fatal(analyzer: VideoAnalyzer, black_clip: bytes) -> None:
    result = analyzer.apply(black_clip)
    assert result.status == "no_face"
    assert any("black" in w for w in result.warnings)
    assert not any("hardly changes" in w for w in result.warnings)


def test_a_moving_face_clip_is_not_frozen(single_face_result: VideoAnalysis) -> None:
    assert not any("hardly changes" in w for w in single_face_result.warnings)


def test_a_phone_video_is_analysed_upright(analyzer: VideoAnalyzer, still: Image) -> None:
    stored = np.ascontiguousarray(np.rot90(portrait(still), k=-1))
    result = analyzer.apply(encode([stored] * 10, rotation=90))
    assert result.source["rotation"] == 270
    assert result.source["analysed_height"] > result.source["analysed_width"]
    assert result.presence.face_visible_ratio == 1.0
    assert result.head is not None
    assert abs(result.head.roll_mean) < 10


def test_a_recording_without_picture_is_refused(analyzer: VideoAnalyzer) -> None:
    with pytest.raises(NoVideoTrack):
        analyzer.apply(audio_only())


def test_the_result_is_plain_json(single_face_result: VideoAnalysis) -> None:
    data = json.loads(json.dumps(single_face_result.to_dict()))
    assert data["version"] == "video-1"
    assert set(data["stage_seconds"]) == {"load", "decode", "face", "expression", "pose", "metrics"}
    assert data["blinks"]["count"] == 1
    assert data["frames"] == []  # per-frame measures only when asked for


def test_per_frame_measures_on_request(analyzer: VideoAnalyzer, frozen_clip: bytes) -> None:
    result = analyzer.apply(frozen_clip, keep_frames=True)
    assert len(result.frames) == result.frames_analysed
    assert all(f.faces == 1 and f.gaze is not None for f in result.frames)


def test_the_timeline_uses_the_speech_windows(single_face_result: VideoAnalysis) -> None:
    assert timeline.WINDOW_SECONDS == pace.WINDOW_SECONDS
    [window] = single_face_result.timeline
    assert (window.start, window.end) == (0.0, 2.4)
    assert window.face_visible_ratio == 1.0
    assert window.blinks == 1
    assert window.head_movement_degrees is not None


def test_one_analyzer_gives_the_same_result_twice(
    analyzer: VideoAnalyzer, single_face: Path, single_face_result: VideoAnalysis
) -> None:
    again = analyzer.apply(single_face)
    assert again.to_dict() | {"stage_seconds": {}} == single_face_result.to_dict() | {
        "stage_seconds": {}
    }


def test_calibration_centres_the_gaze(analyzer: VideoAnalyzer, single_face: Path) -> None:
    calibration = analyzer.calibrate(single_face, seconds=1.0)
    assert calibration is not None
    assert calibration.calibrated
    result = analyzer.apply(single_face, calibration=calibration)
    assert result.gaze is not None
    assert result.gaze.calibrated
    assert result.gaze.offset_median is not None
    assert result.gaze.offset_median < 0.5


def test_calibrating_on_no_face_gives_nothing(analyzer: VideoAnalyzer, black_clip: bytes) -> None:
    assert analyzer.calibrate(black_clip) is None


def test_progress_is_reported_to_the_end(analyzer: VideoAnalyzer, frozen_clip: bytes) -> None:
    seen: list[tuple[float, str]] = []
    analyzer.apply(frozen_clip, progress=lambda fraction, stage: seen.append((fraction, stage)))
    assert seen[0] == (0.0, "decoding")
    assert seen[-1] == (1.0, "done")
    assert [f for f, _ in seen] == sorted(f for f, _ in seen)

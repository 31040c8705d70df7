"""Smiles from the mouth's shape, and the expression model's mood signal."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from rehearse.analysis.video.analyzer import VideoAnalysis
from rehearse.analysis.video.expression import (
    LABELS,
    ExpressionModel,
    face_crop,
    model_path,
    mouth_shape,
    smile_score,
)
from rehearse.analysis.video.face import FaceBox, FaceMesh, FaceObservation
from tests.analysis.video.clips import Image, video_frames
from tests.analysis.video.conftest import detect


@pytest.fixture(scope="module")
def model() -> ExpressionModel:
    return ExpressionModel()


def test_the_model_comes_from_the_fer_package_without_importing_it() -> None:
    assert model_path().name == "emotion_model_quantized.tflite"
    assert "fer" not in sys.modules


def test_the_broad_smile_in_the_still_is_a_smile(still_face: FaceObservation) -> None:
    assert still_face.landmarks is not None
    assert smile_score(mouth_shape(still_face.landmarks)) >= 0.5


def test_the_resting_mouth_at_the_start_of_the_clip_is_not(
    mesh: FaceMesh, single_face: Path
) -> None:
    first = detect(mesh, video_frames(single_face, limit=1)[0])
    assert first.landmarks is not None
    assert smile_score(mouth_shape(first.landmarks)) < 0.3


def test_the_mood_of_the_smiling_still_is_happy(
    model: ExpressionModel, still: Image, still_face: FaceObservation
) -> None:
    assert still_face.box is not None
    mood = model.mood(still, still_face.box)
    assert mood is not None
    assert sum(mood) == pytest.approx(1.0, abs=1e-3)
    assert max(zip(mood, LABELS, strict=True))[1] == "happy"


def test_the_mood_of_the_resting_face_is_not_happy(
    model: ExpressionModel, mesh: FaceMesh, single_face: Path
) -> None:
    frame = video_frames(single_face, limit=1)[0]
    face = detect(mesh, frame)
    assert face.box is not None
    mood = model.mood(frame, face.box)
    assert mood is not None
    assert mood[LABELS.index("happy")] < 0.3


def test_a_crop_at_the_edge_of_the_picture_is_padded(still: Image) -> None:
    crop = face_crop(still, FaceBox(-40.0, -40.0, 100.0, 120.0))
    assert crop is not None
    assert crop.shape == (64, 64)
    assert -1.0 <= float(crop.min()) <= float(crop.max()) <= 1.0


def test_a_tiny_face_gets_no_mood(model: ExpressionModel, still: Image) -> None:
    assert model.mood(still, FaceBox(10.0, 10.0, 13.0, 13.0)) is None


def test_the_clip_smiles_for_most_of_its_length(single_face_result: VideoAnalysis) -> None:
    # By hand: resting mouth in frames 0-17 of 72, smiling from 18 to 69.
    expression = single_face_result.expression
    assert expression is not None
    assert expression.smile_ratio == pytest.approx(0.72, abs=0.1)
    mood = expression.mood
    assert mood is not None
    assert max(mood, key=mood.__getitem__) == "happy"

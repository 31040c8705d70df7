"""One video analyzer (its models loaded once) and the clips made for the session."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from rehearse.analysis.video.analyzer import VideoAnalysis, VideoAnalyzer
from rehearse.analysis.video.face import FaceMesh, FaceObservation
from tests.analysis.video.clips import Image, encode, read_rgb, side_by_side
from tests.conftest import shared_fixture


@pytest.fixture(scope="session")
def analyzer() -> VideoAnalyzer:
    return VideoAnalyzer()


@pytest.fixture(scope="session")
def single_face() -> Path:
    return shared_fixture("video/single_face.mp4")


@pytest.fixture(scope="session")
def no_face() -> Path:
    return shared_fixture("video/no_face.mp4")


@pytest.fixture(scope="session")
def still() -> Image:
    return read_rgb(shared_fixture("video/single_face.jpg"))


@pytest.fixture(scope="session")
def mesh() -> FaceMesh:
    """A face mesh for single pictures; reset before each so no tracking carries over."""
    return FaceMesh()


def detect(mesh: FaceMesh, image: Image) -> FaceObservation:
    mesh.reset()
    return mesh.detect(image)


@pytest.fixture(scope="session")
def still_face(mesh: FaceMesh, still: Image) -> FaceObservation:
    return detect(mesh, still)


@pytest.fixture(scope="session")
def single_face_result(analyzer: VideoAnalyzer, single_face: Path) -> VideoAnalysis:
    return analyzer.apply(single_face)


@pytest.fixture(scope="session")
def frozen_clip(still: Image) -> bytes:
    """The still photo held for 3 s."""
    return encode([still] * 45)


@pytest.fixture(scope="session")
def two_faces_clip(still: Image) -> bytes:
    return encode([side_by_side(still)] * 30)


@pytest.fixture(scope="session")
def black_clip() -> bytes:
    return encode([np.zeros((240, 320, 3), np.uint8)] * 30)

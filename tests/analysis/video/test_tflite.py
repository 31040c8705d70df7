"""Our numpy TFLite runner on fer's expression model, against LiteRT where it is installed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from rehearse.analysis.video.expression import INPUT_SIZE, face_crop, model_path
from rehearse.analysis.video.face import FaceMesh
from rehearse.analysis.video.tflite import TFLiteModel, UnsupportedModel
from tests.analysis.video.clips import Image, video_frames
from tests.analysis.video.conftest import detect

Crop = npt.NDArray[np.float32]


@pytest.fixture(scope="module")
def model() -> TFLiteModel:
    return TFLiteModel(model_path())


@pytest.fixture(scope="module")
def face_crops(mesh: FaceMesh, single_face: Path, still: Image) -> list[Crop]:
    """Every face of the clip and the still, as they are and mirrored: 146 crops."""
    crops = []
    for frame in [*video_frames(single_face), still]:
        for image in (frame, np.ascontiguousarray(frame[:, ::-1])):
            face = detect(mesh, image)
            crop = None if face.box is None else face_crop(image, face.box)
            if crop is not None:
                crops.append(crop)
    return crops


def test_the_model_reads_as_a_64x64_grey_input_and_seven_probabilities(
    model: TFLiteModel,
) -> None:
    assert model.input_shape == (1, INPUT_SIZE, INPUT_SIZE, 1)
    output = model(np.zeros(model.input_shape, dtype=np.float32))
    assert output.shape == (1, 7)
    assert float(output.sum()) == pytest.approx(1.0, abs=1e-5)


def test_a_file_that_is_not_a_tflite_model_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "model.tflite"
    path.write_bytes(b"\0" * 64)
    with pytest.raises(UnsupportedModel, match="not a TFLite model"):
        TFLiteModel(path)


def _litert() -> Callable[[Crop], npt.NDArray[np.float32]]:
    interpreter_module = pytest.importorskip("ai_edge_litert.interpreter")
    interpreter = interpreter_module.Interpreter(model_path=str(model_path()), num_threads=1)
    interpreter.allocate_tensors()
    given = interpreter.get_input_details()[0]["index"]
    taken = interpreter.get_output_details()[0]["index"]

    def run(crop: Crop) -> npt.NDArray[np.float32]:
        interpreter.set_tensor(given, crop.reshape(1, INPUT_SIZE, INPUT_SIZE, 1))
        interpreter.invoke()
        return np.array(interpreter.get_tensor(taken), dtype=np.float32).reshape(-1)

    return run


def test_the_same_moods_as_litert_on_real_faces(model: TFLiteModel, face_crops: list[Crop]) -> None:
    litert = _litert()
    assert len(face_crops) >= 140
    ours = np.stack([model(crop).reshape(-1) for crop in face_crops])
    theirs = np.stack([litert(crop) for crop in face_crops])
    # LiteRT quantises the activations of the int8-weight layers as it goes; we do not. Its own
    # two CPU paths (XNNPACK and the builtin kernels) differ by up to 0.05 on these crops.
    assert np.abs(ours - theirs).max() <= 0.02
    assert np.abs(ours - theirs).mean() <= 0.003
    assert (ours.argmax(axis=1) == theirs.argmax(axis=1)).all()


def test_close_to_litert_on_random_pictures(model: TFLiteModel) -> None:
    litert = _litert()
    rng = np.random.default_rng(0)
    noise = [rng.uniform(-1, 1, (INPUT_SIZE, INPUT_SIZE)) for _ in range(50)]
    blobs = [np.cumsum(np.cumsum(rng.normal(0, 0.05, (INPUT_SIZE,) * 2), 0), 1) for _ in range(50)]
    differences = [
        np.abs(model(crop).reshape(-1) - litert(crop)).max()
        for crop in (np.clip(x, -1, 1).astype(np.float32) for x in noise + blobs)
    ]
    assert max(differences) <= 0.04
    assert float(np.mean(differences)) <= 0.01

"""The bundled Whisper base converted to int8 at install computes exactly what the float16
model converted by CTranslate2 as it loads computes (how much faster it loads is measured by
``python -m bench.startup``)."""

from __future__ import annotations

from pathlib import Path

import ctranslate2
import numpy as np
import pytest
from faster_whisper import WhisperModel

from rehearse.analysis.audio import load_audio
from rehearse.analysis.speech.bundled_model import (
    float16_model,
    int8_path,
    int8_supported,
    model_files,
    prepare,
    side_files,
)
from rehearse.analysis.speech.model_file import INT8, read
from tests.conftest import shared_fixture

pytestmark = pytest.mark.skipif(not int8_supported(), reason="CTranslate2 has no int8 here")

# Any recording puts every weight of the encoder to work, and decoding one puts every weight
# of the decoder to work: two voices are encoded, one is decoded.
_ENCODED = ("jfk.wav", "sense_and_sensibility_01_austen_64kb-0870.wav")
_DECODED = "jfk.wav"


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return prepare(tmp_path_factory.mktemp("models"))


def _load(model_bin: bytes) -> WhisperModel:
    files = {"model.bin": model_bin, **side_files()}
    return WhisperModel("base", device="cpu", compute_type="int8", cpu_threads=2, files=files)


def test_every_linear_weight_is_stored_as_int8_with_its_scales(converted: Path) -> None:
    model = read(converted.read_bytes())
    names = {variable.name: variable for variable in model.variables}
    linear = [v for v in model.variables if v.name.endswith("weight") and len(v.shape) == 2]
    assert linear
    assert all(v.dtype == INT8 for v in linear)
    assert all(names[v.name + "_scale"].shape == v.shape[:1] for v in linear)
    assert ("decoder/projection/weight_scale", "decoder/embeddings/weight_scale") in model.aliases


def test_the_converted_model_computes_exactly_what_conversion_at_load_computes(
    converted: Path,
) -> None:
    shipped, ours = _load(float16_model()), _load(converted.read_bytes())
    for name in _ENCODED:
        samples = load_audio(shared_fixture(f"audio/{name}")).samples
        features = shipped.feature_extractor(samples[: 30 * 16_000])
        padded = np.pad(features, ((0, 0), (0, 3000 - features.shape[1])))[None]
        batch = ctranslate2.StorageView.from_array(np.ascontiguousarray(padded))
        assert np.array_equal(
            np.array(shipped.model.encode(batch)), np.array(ours.model.encode(batch))
        )
    samples = load_audio(shared_fixture(f"audio/{_DECODED}")).samples
    decoded = []
    for model in (shipped, ours):
        ctranslate2.set_random_seed(1234)
        segments, _ = model.transcribe(samples, language="en", word_timestamps=True)
        decoded.append([(s.text, s.avg_logprob, s.words) for s in segments])
    assert decoded[0] == decoded[1]


def test_the_converted_model_is_used_once_prepared(tmp_path: Path) -> None:
    assert model_files("int8", tmp_path)["model.bin"] == float16_model()
    path = prepare(tmp_path)
    assert path == int8_path(tmp_path)
    assert model_files("int8", tmp_path)["model.bin"] == path.read_bytes()
    assert model_files("float32", tmp_path)["model.bin"] == float16_model()

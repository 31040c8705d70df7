"""CTranslate2's model file: read and written back byte for byte."""

from __future__ import annotations

import pytest

from rehearse.analysis.speech.bundled_model import float16_model
from rehearse.analysis.speech.model_file import FLOAT16, read, write


def test_the_bundled_model_is_written_back_byte_for_byte() -> None:
    data = float16_model()
    model = read(data)
    assert model.spec == "WhisperSpec"
    assert any(v.dtype == FLOAT16 and len(v.shape) == 2 for v in model.variables)
    assert write(model) == data


def test_a_cut_model_file_is_refused() -> None:
    data = float16_model()
    with pytest.raises(ValueError, match="ends early"):
        read(data[: len(data) // 2])

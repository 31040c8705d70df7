"""Encoder outputs kept by their features: found for the very same features only, and read by
a decode of the same window instead of encoding it again, to the same words."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from faster_whisper.audio import pad_or_trim

from rehearse.analysis.audio import load_audio
from rehearse.analysis.speech.decoded import DecodedWindows
from rehearse.analysis.speech.encodes import Encodes
from rehearse.analysis.speech.recognition import Recognizer
from rehearse.analysis.speech.spans import Span
from tests.conftest import shared_fixture


def _features(windows: int, seed: int = 0) -> npt.NDArray[np.float32]:
    return np.random.default_rng(seed).standard_normal((windows, 80, 3000)).astype(np.float32)


def _outputs(windows: int) -> npt.NDArray[np.float32]:
    return np.arange(windows, dtype=np.float32)[:, None, None] * np.ones((1, 1500, 512), np.float32)


def test_a_window_kept_is_found_by_its_features_alone_or_as_a_batch_of_one() -> None:
    features, outputs = _features(2), _outputs(2)
    encodes = Encodes(size=8)
    encodes.keep(features, outputs)
    for window, output in zip(features, outputs, strict=True):
        for asked in (window, window[np.newaxis]):
            found = encodes.find(asked)
            assert found is not None
            np.testing.assert_array_equal(found[0], output)


def test_features_that_differ_in_one_bit_are_not_found() -> None:
    features = _features(1)
    encodes = Encodes(size=8)
    encodes.keep(features, _outputs(1))
    changed = features[0].copy()
    changed.view(np.uint32)[40, 1500] ^= 1
    assert encodes.find(changed) is None


def test_only_the_last_windows_kept_are_found() -> None:
    features = _features(3)
    encodes = Encodes(size=2)
    encodes.keep(features, _outputs(3))
    assert encodes.find(features[0]) is None
    assert encodes.find(features[1]) is not None
    assert encodes.find(features[2]) is not None


def test_a_short_recording_decoded_whole_reads_its_chunk_encoding_and_decodes_the_same() -> None:
    audio = load_audio(shared_fixture("audio/sense_and_sensibility_01_austen_64kb-0880.wav"))
    chunked = Recognizer(threads=2, decoded=DecodedWindows(size=0))
    chunked.decode_speech(audio, [Span(0.0, audio.duration)])
    features = chunked.model.feature_extractor(audio.samples)[..., :-1]
    assert chunked.encodes.find(pad_or_trim(features)) is not None

    reading = chunked.decode_whole(audio)
    fresh = Recognizer(threads=2, decoded=DecodedWindows(size=0))
    encoding = fresh.decode_whole(audio)

    assert (chunked.encodes.reads, fresh.encodes.reads) == (1, 0)
    assert reading == encoding
    assert any(segment.words for segment in reading)

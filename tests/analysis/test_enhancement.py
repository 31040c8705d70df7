"""DeepFilterNet3 before recognition: the recording keeps its length and its times, and loses
its background noise."""

from __future__ import annotations

import numpy as np
import pytest

from rehearse.analysis.audio import SAMPLE_RATE, Samples, load_audio
from rehearse.analysis.speech.enhancement import DeepFilter, applies
from rehearse.analysis.speech.level import frame_levels_db
from tests.conftest import shared_fixture


@pytest.fixture(scope="module")
def jfk() -> Samples:
    return load_audio(shared_fixture("audio/jfk.wav")).samples


@pytest.fixture(scope="module")
def in_hum(jfk: Samples) -> Samples:
    """The JFK recording with steady noise about 20 dB under its loud frames."""
    noise = np.random.default_rng(5).normal(0.0, 0.01, len(jfk)).astype(np.float32)
    return jfk + noise


def test_the_enhanced_recording_is_as_long_as_the_original(in_hum: Samples) -> None:
    assert len(DeepFilter()(in_hum)) == len(in_hum)


def test_the_enhanced_recording_keeps_the_original_times(jfk: Samples) -> None:
    enhanced = DeepFilter()(jfk)
    window = slice(SAMPLE_RATE, 3 * SAMPLE_RATE)
    correlation = np.correlate(enhanced[window], jfk[window], "full")
    lag = int(np.argmax(correlation)) - (window.stop - window.start - 1)
    assert abs(lag) <= 16  # 1 ms


def test_the_noise_between_words_is_taken_out(in_hum: Samples) -> None:
    before, after = frame_levels_db(in_hum), frame_levels_db(DeepFilter()(in_hum))
    # the quiet frames (between words) drop, the loud ones (the voice) stay
    assert np.percentile(after, 10) < np.percentile(before, 10) - 6
    assert np.percentile(after, 95) > np.percentile(before, 95) - 3


def test_a_ceiling_on_the_attenuation_leaves_more_of_the_noise(in_hum: Samples) -> None:
    gentle = frame_levels_db(DeepFilter(attenuation_limit_db=6)(in_hum))
    full = frame_levels_db(DeepFilter(attenuation_limit_db=100)(in_hum))
    assert np.percentile(gentle, 10) > np.percentile(full, 10)


@pytest.mark.parametrize(
    ("mode", "noisy", "expected"),
    [
        ("off", True, False),
        ("noisy", True, True),
        ("noisy", False, False),
        ("not-noisy", False, True),
        ("not-noisy", True, False),
        ("always", False, True),
    ],
)
def test_the_mode_decides_which_recordings_are_enhanced(
    mode: str, noisy: bool, expected: bool
) -> None:
    assert applies(mode, noisy=noisy) is expected  # type: ignore[arg-type]

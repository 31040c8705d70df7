"""The live meter's peak picker: known cases, and the same peaks as SciPy's ``find_peaks``."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest

from rehearse.analysis.audio import load_audio
from rehearse.analysis.speech.peaks import find_peaks, prominence
from rehearse.analysis.speech.vad import detect_speech
from rehearse.analysis.speech.voice import measure_frames
from tests.conftest import shared_fixture


def test_a_flat_top_counts_once_at_its_middle_and_the_ends_never_count() -> None:
    x = [5.0, 1.0, 3.0, 3.0, 3.0, 3.0, 1.0, 4.0]
    assert find_peaks(x, distance=1, min_prominence=0.0).tolist() == [3]


def test_a_plateau_that_rises_again_is_no_peak() -> None:
    assert find_peaks([0.0, 2.0, 2.0, 3.0, 0.0], distance=1, min_prominence=0.0).tolist() == [3]


def test_the_higher_peak_wins_within_the_distance() -> None:
    x = [0.0, 3.0, 0.0, 5.0, 0.0, 0.0, 0.0, 0.0, 4.0, 0.0]
    assert find_peaks(x, distance=3, min_prominence=0.0).tolist() == [3, 8]


def test_prominence_is_measured_from_the_higher_of_the_two_lowest_points() -> None:
    x = np.array([0.0, 10.0, 4.0, 6.0, 1.0, 12.0, 0.0])
    assert prominence(x, 3) == 2.0  # 6 over max(4, 1): the lows before 10 and before 12
    assert prominence(x, 1) == 9.0  # 10 over max(0, 1): the right side stops at 12
    assert find_peaks(x, distance=1, min_prominence=2.5).tolist() == [1, 5]


def _loudness_curves() -> list[npt.NDArray[np.float64]]:
    """What the live meter feeds the picker: loudness where voiced, -120 dB elsewhere."""
    curves: list[npt.NDArray[np.float64]] = []
    for path in sorted(shared_fixture("audio/jfk.wav").parent.glob("*.wav")):
        samples = load_audio(path).samples
        frames = measure_frames(samples, detect_speech(samples))
        curves.append(np.where(frames.voiced, frames.loudness_db, -120.0))
    return curves


def test_the_same_peaks_as_scipy_on_real_loudness_and_random_signals() -> None:
    signal = pytest.importorskip("scipy.signal")
    rng = np.random.default_rng(7)
    cases = _loudness_curves()
    # Random walks, some rounded so they have flat tops and equal heights.
    for size in (2, 3, 10, 150, 1000):
        for _ in range(40):
            walk = np.cumsum(rng.normal(size=size))
            cases.extend([walk, np.round(walk), rng.integers(0, 4, size).astype(float)])
    compared = 0
    for x in cases:
        for distance, min_prominence in ((8, 2.0), (1, 0.0), (3, 0.5), (20, 5.0)):
            theirs, _ = signal.find_peaks(x, distance=distance, prominence=min_prominence)
            ours = find_peaks(x, distance=distance, min_prominence=min_prominence)
            assert ours.tolist() == theirs.tolist(), (len(x), distance, min_prominence)
            compared += len(theirs)
    assert compared > 10_000

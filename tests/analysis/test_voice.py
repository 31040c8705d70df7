"""Pitch, loudness and harmonics-to-noise on signals whose values are known."""

from __future__ import annotations

import numpy as np
import pytest

from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.voice import measure_frames, summarize
from tests.support.speech import tone


def test_the_pitch_of_a_tone_is_its_frequency() -> None:
    stats = summarize(measure_frames(tone(180.0, 2.0), [Span(0, 2)]))
    assert stats.pitch_median_hz == pytest.approx(180.0, rel=0.01)
    assert stats.pitch_variation_semitones is not None
    assert stats.pitch_variation_semitones < 0.1


def test_a_glide_over_an_octave_has_a_range_of_about_twelve_semitones() -> None:
    times = np.arange(16_000 * 3) / 16_000
    frequency = np.linspace(120, 240, times.size)
    glide = (0.3 * np.sin(2 * np.pi * np.cumsum(frequency) / 16_000)).astype(np.float32)
    stats = summarize(measure_frames(glide, [Span(0, 3)]))
    assert stats.pitch_range_semitones == pytest.approx(12 * 0.9, abs=1.0)  # 5th to 95th percentile


def test_noise_lowers_the_harmonics_to_noise_ratio() -> None:
    clean = summarize(measure_frames(tone(200.0, 2.0), [Span(0, 2)]))
    noisy_samples = tone(200.0, 2.0) + np.random.default_rng(1).normal(0, 0.08, 32_000).astype(
        np.float32
    )
    noisy = summarize(measure_frames(noisy_samples, [Span(0, 2)]))
    assert clean.hnr_median_db is not None
    assert noisy.hnr_median_db is not None
    assert noisy.hnr_median_db < clean.hnr_median_db - 10


def test_halving_the_amplitude_lowers_loudness_by_six_decibels() -> None:
    loud = summarize(measure_frames(tone(200.0, 2.0, 0.4), [Span(0, 2)]))
    quiet = summarize(measure_frames(tone(200.0, 2.0, 0.2), [Span(0, 2)]))
    assert loud.loudness_median_dbfs is not None
    assert quiet.loudness_median_dbfs is not None
    assert loud.loudness_median_dbfs - quiet.loudness_median_dbfs == pytest.approx(6.02, abs=0.2)


def test_frames_outside_speech_are_not_voiced() -> None:
    frames = measure_frames(tone(200.0, 2.0), [Span(0, 1)])
    assert frames.voiced[:90].all()
    assert not frames.voiced[110:].any()


def test_noise_alone_has_no_pitch() -> None:
    noise = np.random.default_rng(2).normal(0, 0.1, 32_000).astype(np.float32)
    assert summarize(measure_frames(noise, [Span(0, 2)])).pitch_median_hz is None

"""The recording's own levels: its speech, its floor, and whether noise hides its pauses."""

from __future__ import annotations

import numpy as np
import pytest

from rehearse.analysis.audio import SAMPLE_RATE, Audio, Samples, load_audio
from rehearse.analysis.speech.level import LEVEL_SECONDS, is_noisy, level
from tests.conftest import shared_fixture
from tests.support.speech import babble_under, compose, silence

ANSWER = ("I led the migration of our billing system.", 1.0, "It cut our costs by a third.")


def test_an_answer_in_a_quiet_room_is_not_noisy() -> None:
    assert not is_noisy(compose(*ANSWER).samples)


def test_an_answer_in_babble_at_10_db_is_noisy() -> None:
    assert is_noisy(babble_under(compose(*ANSWER).samples, below_db=10.0))


def test_digital_silence_is_not_noisy() -> None:
    assert not is_noisy(silence(3.0))


@pytest.mark.parametrize(
    "name",
    ["jfk.wav", "sense_and_sensibility_01_austen_64kb-0870.wav"],
)
def test_a_real_reading_without_pauses_is_not_noisy(name: str) -> None:
    assert not is_noisy(load_audio(shared_fixture(f"audio/{name}")).samples)


def _tone_at(dbfs: float, seconds: float) -> Samples:
    """A 220 Hz tone whose RMS level is ``dbfs``."""
    time = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    tone: Samples = (np.sqrt(2) * 10 ** (dbfs / 20) * np.sin(2 * np.pi * 220 * time)).astype(
        np.float32
    )
    return tone


def test_the_level_is_read_at_the_start_so_a_recording_growing_does_not_move_it() -> None:
    """Quiet for LEVEL_SECONDS, then 10 dB louder: brought up by what its start needs (as
    it was while it was being recorded), not by what its loud end would."""
    start = _tone_at(-40.0, LEVEL_SECONDS)
    whole = np.concatenate([start, _tone_at(-30.0, 10.0)])
    assert level(Audio(whole)).gain_db == pytest.approx(level(Audio(start)).gain_db)
    assert level(Audio(whole)).gain_db == pytest.approx(17.0, abs=0.1)

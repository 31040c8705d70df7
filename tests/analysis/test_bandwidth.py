"""Narrowband recordings (a telephone line) are told from full-band ones by their high band."""

from __future__ import annotations

import numpy as np

from rehearse.analysis.audio import load_audio
from rehearse.analysis.speech.bandwidth import high_band_db, is_narrowband
from tests.conftest import shared_fixture
from tests.support.speech import compose, silence, telephone

SENTENCE = "We moved the billing service to a new database last spring."


def test_a_full_band_voice_is_not_narrowband() -> None:
    assert not is_narrowband(compose(0.3, SENTENCE, 0.3).samples)


def test_the_same_voice_over_a_telephone_line_is_narrowband() -> None:
    assert is_narrowband(telephone(compose(0.3, SENTENCE, 0.3).samples))


def test_an_old_broadcast_is_not_narrowband() -> None:
    # JFK's 1961 address: little above 4 kHz (44 dB under the speech band), but not nothing.
    assert not is_narrowband(load_audio(shared_fixture("audio/jfk.wav")).samples)


def test_digital_silence_has_no_band_to_measure() -> None:
    assert high_band_db(silence(1.0)) is None
    assert not is_narrowband(np.zeros(100, dtype=np.float32))

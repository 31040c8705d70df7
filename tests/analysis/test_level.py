"""The recording's own levels: its speech, its floor, and whether noise hides its pauses."""

from __future__ import annotations

import pytest

from rehearse.analysis.audio import load_audio
from rehearse.analysis.speech.level import is_noisy
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

"""The robustness benchmark's real babble and mobile line, made from the real clips."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from bench.speech.conditions import BABBLES, active_speech_db, make, talker_babble

from rehearse.analysis.audio import Samples, load_audio
from rehearse.analysis.speech.bandwidth import is_narrowband
from tests.conftest import shared_fixture

CLIPS = (
    "jfk.wav",
    "sense_and_sensibility_01_austen_64kb-0870.wav",
    "sense_and_sensibility_01_austen_64kb-0890.wav",
)


@pytest.fixture(scope="module")
def talkers() -> dict[str, Samples]:
    return {Path(n).stem: load_audio(shared_fixture(f"audio/{n}")).samples for n in CLIPS}


def test_a_recording_never_hears_its_own_clip_in_its_babble(
    talkers: dict[str, Samples],
) -> None:
    others = {name: clip for name, clip in talkers.items() if name != "jfk"}
    assert np.array_equal(talker_babble(talkers, "jfk"), talker_babble(others, "jfk"))


def test_babble_is_mixed_at_its_stated_snr(talkers: dict[str, Samples], tmp_path: Path) -> None:
    clean = shared_fixture("audio/jfk.wav")
    path, _info = make("babble", clean, tmp_path, talkers)
    speech = load_audio(clean).samples
    noise = load_audio(path).samples - speech
    noise_db = 10 * np.log10(np.mean(noise.astype(np.float64) ** 2))
    assert active_speech_db(speech) - noise_db == pytest.approx(BABBLES["babble"], abs=0.2)


def test_the_mobile_line_carries_nothing_above_4_khz(
    talkers: dict[str, Samples], tmp_path: Path
) -> None:
    path, _info = make("mobile", shared_fixture("audio/jfk.wav"), tmp_path, talkers)
    assert is_narrowband(load_audio(path).samples)

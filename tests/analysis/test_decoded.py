"""Windows already decoded (decoded.py): a window reads the same decoded with others or alone,
so one decoded before is read instead of decoded again, and only when its samples are the same
to the bit."""

from __future__ import annotations

import numpy as np
import pytest

from rehearse.analysis.audio import Audio
from rehearse.analysis.speech.decoded import DecodedWindows, WindowDecode
from rehearse.analysis.speech.recognition import Recognizer, plan_chunks
from rehearse.analysis.speech.vad import detect_speech
from rehearse.analysis.speech.words import Word
from tests.support.speech import compose

SAID = (
    "We moved the billing service to a new database last spring.",
    "The nightly batch took six hours, so I rewrote the slowest query.",
    "After that the run took forty minutes and nobody waited in the morning.",
)


@pytest.fixture(scope="module")
def spoken() -> Audio:
    """Three sentences far enough apart to be decoded as three windows."""
    made = compose(0.3, SAID[0], 24.0, SAID[1], 24.0, SAID[2], 0.3)
    return Audio(made.samples)


def _fresh() -> Recognizer:
    """The tests' model (threads=2, loaded once), with nothing decoded before."""
    return Recognizer(threads=2, decoded=DecodedWindows())


def _words(decodes: list[WindowDecode]) -> list[Word]:
    return [word for decoded in decodes for segment in decoded.segments for word in segment.words]


def test_three_windows_are_planned(spoken: Audio) -> None:
    assert len(plan_chunks(detect_speech(spoken.samples), spoken.duration)) == 3


def test_a_window_decoded_with_others_reads_as_it_does_alone(spoken: Audio) -> None:
    windows = plan_chunks(detect_speech(spoken.samples), spoken.duration)
    together = _fresh().decode_windows(spoken, windows)
    alone = [s for window in windows for s in _fresh().decode_windows(spoken, [window])]
    assert [w.text for w in _words(together)] == [w.text for w in _words(alone)]
    starts = [w.start for w in _words(together)], [w.start for w in _words(alone)]
    assert np.allclose(*starts, atol=0.02)


def test_a_window_decoded_before_is_read_not_decoded_again(spoken: Audio) -> None:
    recognizer = _fresh()
    windows = plan_chunks(detect_speech(spoken.samples), spoken.duration)
    first = recognizer.decode_windows(spoken, windows[:1])
    assert recognizer.decoded.hits == 0
    again = recognizer.decode_windows(spoken, windows)
    assert recognizer.decoded.hits == 1  # the first window; the other two decoded now
    assert again[: len(first)] == first


def test_a_window_whose_samples_changed_is_decoded_afresh(spoken: Audio) -> None:
    recognizer = _fresh()
    windows = plan_chunks(detect_speech(spoken.samples), spoken.duration)[:1]
    recognizer.decode_windows(spoken, windows)
    changed = spoken.samples.copy()
    changed[int(windows[0].start * 16_000) + 100] += 1e-4
    recognizer.decode_windows(Audio(changed), windows)
    assert recognizer.decoded.hits == 0


def test_the_oldest_windows_make_room() -> None:
    kept = DecodedWindows(size=2)
    for key in ("a", "b", "c"):
        kept.put(key, WindowDecode(()))
    assert kept.get("a") is None
    assert kept.get("c") == WindowDecode(())

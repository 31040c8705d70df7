"""Live metrics fed a second at a time: fast, in constant memory, close to the final figures."""

from __future__ import annotations

import numpy as np
import pytest

from rehearse.analysis.audio import Samples
from rehearse.analysis.speech.analyzer import SpeechAnalyzer
from rehearse.analysis.speech.live import CONTEXT_SECONDS, LivePartial, LiveSpeechMeter
from rehearse.analysis.speech.pipeline import PreHeard
from rehearse.analysis.speech.sounds import HeardSounds
from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.words import Word
from tests.support.speech import compose

_ANSWER = compose(
    0.4,
    "In my last role I led a small team that rebuilt our billing system.",
    0.6,
    "We moved the old batch jobs to a queue and cut the nightly run from six hours to forty"
    " minutes.",
    2.6,
    "The hardest part was convincing finance to trust the new numbers.",
    0.5,
)


def _feed(samples: Samples, seconds: float = 1.0) -> tuple[LiveSpeechMeter, list[LivePartial]]:
    meter = LiveSpeechMeter()
    step = int(16_000 * seconds)
    return meter, [meter.feed(samples[i : i + step]) for i in range(0, len(samples), step)]


def test_the_pace_estimate_is_close_to_the_measured_pace(analyzer: SpeechAnalyzer) -> None:
    final = analyzer.apply(_ANSWER.samples)
    _, partials = _feed(_ANSWER.samples)
    assert final.pace is not None
    assert partials[-1].words_per_minute == pytest.approx(final.pace.words_per_minute, rel=0.25)


def test_a_running_pause_is_reported_while_it_lasts() -> None:
    _, partials = _feed(_ANSWER.samples, seconds=0.5)
    longest = max(p.current_pause_seconds for p in partials)
    assert 2.0 <= longest <= 3.0
    assert any(p.speaking for p in partials)


def test_memory_stays_constant_however_long_the_answer() -> None:
    meter, _ = _feed(np.tile(_ANSWER.samples, 3))
    assert len(meter._context) <= CONTEXT_SECONDS * 16_000
    assert len(meter._recent) <= 11


def test_silence_shows_no_pace() -> None:
    _, partials = _feed(np.zeros(16_000 * 3, dtype=np.float32))
    assert partials[-1].words_per_minute is None
    assert not partials[-1].speaking


def test_fillers_are_the_heard_windows_up_to_where_they_end_and_the_captions_after() -> None:
    heard = PreHeard(
        (Word(" So", 0.0, 0.3, 0.9), Word(" um,", 0.5, 0.8, 0.9), Word(" we", 1.0, 1.2, 0.9)),
        HeardSounds(fillers=(Span(3.0, 4.0),)),
        until=5.0,
    )
    captions = [Word(" so", 0.0, 0.3, 0.9), Word(" uh", 0.5, 0.8, 0.9), Word(" uh", 6.0, 6.3, 0.9)]
    meter = LiveSpeechMeter()
    meter.use_heard(heard)
    meter.use_words(captions)
    # "um" and the filler heard at 3 s from the windows; after 5 s, the captions' "uh".
    assert meter.feed(np.zeros(16_000, dtype=np.float32)).likely_fillers == 3

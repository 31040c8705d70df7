"""A recording heard while it is made (prehearing.py): its complete windows are decoded as its
chunks come, and the whole recording's analysis reads them instead of decoding them again,
with the same transcript as an analysis that heard nothing before."""

from __future__ import annotations

import pytest

from rehearse.analysis.speech.analyzer import SpeechAnalyzer
from rehearse.analysis.speech.decoded import DecodedWindows
from rehearse.analysis.speech.prehearing import Prehearing
from rehearse.analysis.speech.recognition import Recognizer
from tests.support.recordings import encode, read_aloud


@pytest.fixture(scope="module")
def recorded() -> bytes:
    """About 40 s of real speech as a browser records it (WebM/Opus, written as it goes)."""
    return encode(read_aloud(), "webm", streamed=True)


def _analyzer() -> SpeechAnalyzer:
    return SpeechAnalyzer(Recognizer(threads=2, decoded=DecodedWindows()))


def _chunks(recording: bytes, count: int) -> list[bytes]:
    size = -(-len(recording) // count)
    return [recording[i : i + size] for i in range(0, len(recording), size)]


def test_the_windows_heard_while_recording_are_read_by_the_whole_analysis(
    recorded: bytes,
) -> None:
    analyzer = _analyzer()
    heard = Prehearing(analyzer, step_seconds=4.0)
    said = []
    for sequence, chunk in enumerate(_chunks(recorded, 40)):
        heard.add(sequence, chunk)
        said.append(heard.step())
    heard.close()
    kept = next(h for h in reversed(said) if h and h.words)  # the windows complete so far
    assert "ask not what your country" in "".join(w.text for w in kept.words).lower()
    assert kept.words[-1].end <= kept.until + 0.1  # heard up to the end of its windows
    whole = analyzer.apply(recorded)
    assert analyzer.recognizer.decoded.hits >= 1
    assert whole.transcript == _analyzer().apply(recorded).transcript  # as if heard after


def test_a_chunk_out_of_order_stops_it(recorded: bytes) -> None:
    heard = Prehearing(_analyzer())
    first, second, *_ = _chunks(recorded, 10)
    heard.add(0, first)
    heard.add(2, second)
    assert heard.stopped == "chunk 2 came where 1 was due"
    assert heard.step() is None
    heard.close()


def test_nothing_is_heard_before_a_whole_frame_has_come(recorded: bytes) -> None:
    heard = Prehearing(_analyzer())
    heard.add(0, recorded[:40])
    assert heard.step() is None
    assert not heard.stopped
    heard.close()


def test_an_answer_abandoned_midway_is_forgotten_and_hears_no_more(recorded: bytes) -> None:
    heard = Prehearing(_analyzer())
    first, second, *_ = _chunks(recorded, 10)
    heard.add(0, first)
    heard.close()  # the page left, or the attempt was thrown away
    heard.add(1, second)
    assert heard.step() is None
    assert not heard.path.exists()

"""The whole speech analysis on answers whose pauses, fillers and words are known."""

from __future__ import annotations

import json

import numpy as np
import pytest

from rehearse.analysis.errors import NotMedia
from rehearse.analysis.speech.analyzer import ENHANCED_NOTE, SpeechAnalyzer
from rehearse.analysis.speech.recognition import Recognizer
from tests.conftest import shared_fixture
from tests.support.media import pdf_bytes
from tests.support.speech import babble_under, compose, silence, speak, telephone

FLUENT = compose(
    0.3,
    "I led the migration of our billing service to a managed database.",
    0.4,
    "We planned it in small steps and finished two weeks early.",
    2.8,
    "The result was a forty percent drop in latency for our customers.",
    0.3,
)
HESITANT = compose(
    0.3,
    "So, um, I think I I worked on, uh, the billing service.",
    0.4,
    "It was, like, kind of hard, you know.",
    0.3,
)


@pytest.fixture(scope="module")
def fluent(analyzer: SpeechAnalyzer):  # type: ignore[no-untyped-def]
    return analyzer.apply(FLUENT.samples)


@pytest.fixture(scope="module")
def hesitant(analyzer: SpeechAnalyzer):  # type: ignore[no-untyped-def]
    return analyzer.apply(HESITANT.samples)


def test_the_transcript_has_the_words_spoken(fluent) -> None:  # type: ignore[no-untyped-def]
    assert fluent.status == "ok"
    assert "billing service" in fluent.transcript
    assert "latency" in fluent.transcript


def test_the_long_pause_is_found_where_it_was_placed(fluent) -> None:  # type: ignore[no-untyped-def]
    assert fluent.pauses.long_count == 1
    (long_pause,) = [p for p in fluent.pause_spans if p.duration > 2]
    assert abs(long_pause.start - FLUENT.speech[1][1]) < 0.05
    assert abs(long_pause.duration - 2.8) < 0.05


def test_the_pace_is_the_words_over_the_speaking_time(fluent) -> None:  # type: ignore[no-untyped-def]
    spoken = FLUENT.speech[-1][1] - FLUENT.speech[0][0]
    assert fluent.pace.words_per_minute == pytest.approx(35 / spoken * 60, rel=0.08)


def test_fillers_and_hedges_are_found(hesitant) -> None:  # type: ignore[no-untyped-def]
    # Whisper drops some short "uh"s and tidies "I I" into "I": counts are lower bounds
    # (docs/speech-analysis.md); these are the ones it keeps.
    texts = [item.text for item in hesitant.fillers.items]
    assert {"um", "like", "you know"} <= set(texts)
    assert hesitant.fillers.per_100_words > 10
    assert "kind of" in [h.text for h in hesitant.hedges]


def test_a_hesitant_answer_sounds_less_confident(fluent, hesitant) -> None:  # type: ignore[no-untyped-def]
    assert hesitant.confidence.score < fluent.confidence.score


def test_the_timeline_covers_the_recording_in_windows(fluent) -> None:  # type: ignore[no-untyped-def]
    assert fluent.timeline[0].start == 0
    assert fluent.timeline[-1].end == pytest.approx(fluent.duration_seconds)
    assert any(window.long_pause for window in fluent.timeline)


def test_the_result_is_plain_json(fluent) -> None:  # type: ignore[no-untyped-def]
    assert json.loads(json.dumps(fluent.to_dict()))["status"] == "ok"


def test_silence_is_reported_as_no_speech(analyzer: SpeechAnalyzer) -> None:
    result = analyzer.apply(np.zeros(16_000 * 4, dtype=np.float32))
    assert result.status == "no_speech"
    assert "No speech was detected" in result.message


def test_noise_is_reported_as_no_speech(analyzer: SpeechAnalyzer) -> None:
    noise = np.random.default_rng(3).normal(0, 0.05, 16_000 * 4).astype(np.float32)
    assert analyzer.apply(noise).status == "no_speech"


def test_an_answer_in_babble_is_flagged_as_noisy(analyzer: SpeechAnalyzer) -> None:
    result = analyzer.apply(babble_under(FLUENT.samples, below_db=10.0))
    assert result.status == "ok"
    assert any("background noise" in warning for warning in result.warnings)


def test_an_answer_in_a_quiet_room_has_no_noise_warning(fluent) -> None:  # type: ignore[no-untyped-def]
    assert not any("background noise" in warning for warning in fluent.warnings)


def test_an_answer_over_a_telephone_line_is_flagged_as_narrowband(
    analyzer: SpeechAnalyzer,
) -> None:
    result = analyzer.apply(telephone(FLUENT.samples))
    assert result.status == "ok"
    assert any("nothing above 4 kHz" in warning for warning in result.warnings)
    assert result.pauses is not None
    assert result.pauses.long_count == 1  # pauses still come from voice activity


def test_a_full_band_answer_has_no_narrowband_warning(fluent) -> None:  # type: ignore[no-untyped-def]
    assert not any("4 kHz" in warning for warning in fluent.warnings)


def test_a_clipped_recording_is_flagged(analyzer: SpeechAnalyzer) -> None:
    loud = np.clip(FLUENT.samples * 20, -1, 1)
    assert any("clipped" in warning for warning in analyzer.apply(loud).warnings)


def test_a_document_is_refused(analyzer: SpeechAnalyzer) -> None:
    with pytest.raises(NotMedia):
        analyzer.apply(pdf_bytes())


def test_the_jfk_recording_has_a_plausible_delivery(analyzer: SpeechAnalyzer) -> None:
    result = analyzer.apply(shared_fixture("audio/jfk.wav"))
    assert result.fillers is not None
    assert result.pace is not None
    assert result.voice is not None
    assert result.fillers.count == 0
    assert 100 < result.pace.words_per_minute < 160
    assert result.voice.pitch_median_hz is not None


def test_an_enhanced_answer_says_so(recognizer: Recognizer) -> None:
    # One sentence: enhancing and decoding the whole answer in babble took five times as long.
    said = compose(0.3, "I led the migration of our billing service to a managed database.", 0.3)
    enhancing = SpeechAnalyzer(recognizer, enhancement="always")
    result = enhancing.apply(babble_under(said.samples, below_db=10.0))
    assert result.status == "ok"
    assert result.conditions == ["noisy", "enhanced"]
    assert ENHANCED_NOTE in result.warnings
    assert "migration" in result.transcript.lower()


def test_an_answer_is_not_enhanced_unless_asked(fluent) -> None:  # type: ignore[no-untyped-def]
    assert fluent.conditions == []
    assert ENHANCED_NOTE not in fluent.warnings


def test_a_whispered_sentence_is_heard_from_its_first_word(analyzer: SpeechAnalyzer) -> None:
    # Silero calls espeak-ng's whispered "I really do not know…" speech only from about "know":
    # decoded from there, it came back as "So how people talk like this?".
    whispered = speak("I really do not know how people talk like this", voice="en-us+whisper")
    result = analyzer.apply(np.concatenate([silence(0.5), whispered, silence(0.5)]))
    heard = {word.text.strip(" ,.?!").lower() for word in result.words}
    assert len(heard & {"i", "really", "do", "not", "know"}) >= 3

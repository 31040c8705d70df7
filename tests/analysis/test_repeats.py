"""Phrases said again and again: what the recording holds is kept, Whisper's loops are cut."""

from __future__ import annotations

import numpy as np

from rehearse.analysis.audio import SAMPLE_RATE, Audio, load_audio
from rehearse.analysis.speech.analyzer import SpeechAnalyzer
from rehearse.analysis.speech.level import level
from rehearse.analysis.speech.repeats import Hearing, before_the_loop, collapse_repeats, loops
from rehearse.analysis.speech.words import Word, normalize
from tests.conftest import shared_fixture
from tests.support.speech import JFK_ASK, said_again, silence, speak


def test_a_looping_phrase_is_cut_back_to_two() -> None:
    words = [
        Word(f" {t}", i, i + 0.5, 0.9)
        for i, t in enumerate(["I", "I", "think", "the", "the", "the", "the", "end"])
    ]
    kept, dropped = collapse_repeats(words)
    assert [normalize(w.text) for w in kept] == ["i", "i", "think", "the", "the", "end"]
    assert dropped == ["repetition loop: 'the' x4"]


def _words(text: str) -> list[Word]:
    return [Word(f" {token}", i, i + 0.5, 0.9) for i, token in enumerate(text.split())]


def test_a_phrase_said_three_times_in_a_row_is_a_loop() -> None:
    # A phone-band answer came back "I wrote in the first word, er, er, er, er, er, er,"
    # from a batched window whose whole text passed Whisper's compression test.
    assert loops(_words("I wrote the first er, er, er, er, version"))
    assert loops(_words("we shipped it we shipped it we shipped it on time"))


def test_a_stutter_or_a_repeated_word_far_apart_is_not_a_loop() -> None:
    assert not loops(_words("I I think that the team and the manager and the client agreed"))


def test_a_looping_decode_keeps_what_it_read_before_the_loop() -> None:
    # The live decode at Done, 1.9 s of "... trust the new numbers" and silence, looped
    # (compression ratio 2.65) and was dropped whole: the answer's last words went missing.
    looped = _words("trust the new members. Trust the new members. Trust the new members")
    assert [normalize(w.text) for w in before_the_loop(looped)] == [
        "trust",
        "the",
        "new",
        "members",
    ]


def test_a_decode_with_no_repeat_is_kept_whole() -> None:
    words = _words("the hardest part was convincing finance")
    assert before_the_loop(words) == words


def _hearing(audio: Audio) -> Hearing:
    return Hearing(level(audio).audio)


def test_a_word_said_four_times_is_kept_when_the_recording_holds_each_saying() -> None:
    audio, asks = said_again(4)
    kept, dropped = collapse_repeats(asks, _hearing(audio))
    assert kept == asks
    assert dropped == []
    assert not loops(asks, _hearing(audio))


def test_a_live_buffer_is_heard_on_the_answers_clock() -> None:
    # The live decode's buffer began 3.2 s into the answer, its words timed from the answer's
    # start: heard at the buffer's own time zero they would fall past its end.
    audio, asks = said_again(4)
    buffer = Audio(audio.samples[int(3.2 * SAMPLE_RATE) : int(5.95 * SAMPLE_RATE)])
    kept, dropped = collapse_repeats(asks, Hearing(level(buffer).audio, start=3.2))
    assert kept == asks
    assert dropped == []


def test_copies_written_over_the_pause_after_a_word_are_a_loop() -> None:
    # One real "ask", then a second of near-silence that a looping decode filled with copies.
    jfk = load_audio(shared_fixture("audio/jfk.wav"))
    audio = Audio(np.concatenate([jfk.slice(*JFK_ASK), np.zeros(SAMPLE_RATE, dtype=np.float32)]))
    looped = [Word(" ask,", 0.05 + 0.3 * i, 0.3 + 0.3 * i, 0.9) for i in range(4)]
    kept, dropped = collapse_repeats(looped, _hearing(audio))
    assert kept == looped[:2]
    assert dropped == ["repetition loop: 'ask' x4"]


def test_one_drawn_out_sound_written_as_many_fillers_is_a_loop() -> None:
    # A hesitation held for a second and a half, "uhhhh", that Whisper writes "uh, uh, uh, uh".
    held = np.concatenate([silence(0.3), speak("uhhhhhhhhhhhhhhhhhh", rate=80), silence(0.3)])
    length = len(held) / SAMPLE_RATE - 0.6
    written = [
        Word(" uh,", 0.3 + length * i / 4, 0.3 + length * (i + 1) / 4, 0.9) for i in range(4)
    ]
    assert loops(written, _hearing(Audio(held)))
    kept, _dropped = collapse_repeats(written, _hearing(Audio(held)))
    assert len(kept) == 2


def test_copies_squeezed_into_a_few_frames_are_a_loop() -> None:
    audio, asks = said_again(1)
    squeezed = [
        Word(" ask,", asks[0].start + 0.02 * i, asks[0].start + 0.02 * (i + 1), 0.9)
        for i in range(4)
    ]
    assert loops(squeezed, _hearing(audio))


def test_the_analysis_keeps_a_word_the_speaker_said_four_times(analyzer: SpeechAnalyzer) -> None:
    audio, _asks = said_again(4)
    analysis = analyzer.apply(audio.samples)
    said = [normalize(word.text) for word in analysis.words]
    before_not = said[: said.index("not")] if "not" in said else said
    # Whisper may merge two quick sayings on some CPUs; the guard must not cut them to two.
    assert before_not.count("ask") >= 3, analysis.transcript
    assert any(marker.text == "ask ask" for marker in analysis.repetitions)

"""Phrases said again and again: a stutter of two is kept, Whisper's loops are found and cut."""

from __future__ import annotations

from rehearse.analysis.speech.repeats import before_the_loop, collapse_repeats, loops
from rehearse.analysis.speech.words import Word, normalize


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

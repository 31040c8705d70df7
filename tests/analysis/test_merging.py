"""The long-form decode's words with the prompted decode's filled pauses."""

from __future__ import annotations

from itertools import pairwise

from rehearse.analysis.speech.merging import (
    heard_again,
    held_too_long,
    snap_to_speech,
    with_filled_pauses,
)
from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.words import Word


def _w(text: str, start: float, end: float) -> Word:
    return Word(text, start, end, 0.9)


def _texts(words: list[Word]) -> list[str]:
    return [w.text.strip() for w in words]


def test_a_filled_pause_is_put_where_the_prompted_decode_heard_it() -> None:
    heard = [_w(" so", 3.5, 3.78), _w(" she", 3.78, 4.32), _w(" wanted", 4.6, 4.88)]
    prompted = [_w(" so", 3.5, 3.7), _w(" um,", 3.92, 4.16), _w(" she", 4.2, 4.4)]
    assert _texts(with_filled_pauses(heard, prompted)) == ["so", "um,", "she", "wanted"]


def test_a_neighbour_stretched_over_the_filler_is_cut_back() -> None:
    heard = [_w(" so", 3.5, 3.78), _w(" she", 3.78, 4.32)]
    prompted = [_w(" so", 3.5, 3.7), _w(" um,", 3.92, 4.16), _w(" she", 4.2, 4.4)]
    merged = with_filled_pauses(heard, prompted)
    assert (merged[1].start, merged[1].end) == (3.92, 4.16)
    assert (merged[2].start, merged[2].end) == (4.16, 4.32)
    assert all(a.end <= b.start for a, b in pairwise(merged))


def test_a_filled_pause_both_decodes_wrote_is_kept_once() -> None:
    heard = [_w(" so", 0.0, 0.3), _w(" uh", 0.4, 0.7), _w(" we", 0.8, 1.0)]
    prompted = [_w(" so", 0.0, 0.3), _w(" um", 0.45, 0.7), _w(" we", 0.8, 1.0)]
    assert _texts(with_filled_pauses(heard, prompted)) == ["so", "uh", "we"]


def test_only_filled_pauses_are_taken_from_the_prompted_decode() -> None:
    heard = [_w(" We", 0.0, 0.3), _w(" moved", 1.2, 1.6)]
    prompted = [_w(" We", 0.0, 0.3), _w(" like,", 0.5, 0.9), _w(" moved", 1.2, 1.6)]
    assert with_filled_pauses(heard, prompted) == heard


def test_a_filler_aligned_far_from_where_it_was_heard_is_left_out() -> None:
    # The alignment puts the "um" after "We" (0.0-0.3), but it was heard at 5 s.
    heard = [_w(" We", 0.0, 0.3), _w(" moved", 0.4, 0.8)]
    prompted = [_w(" We", 0.0, 0.3), _w(" um", 5.0, 5.3), _w(" moved", 0.4, 0.8)]
    assert with_filled_pauses(heard, prompted) == heard


def test_a_word_stretched_over_a_silence_is_snapped_back_to_speech() -> None:
    stretched = [Word(" Second", 3.0, 4.1, 0.9)]
    (snapped,) = snap_to_speech(stretched, [Span(0.5, 1.5), Span(3.8, 4.2)])
    assert (snapped.start, snapped.end) == (3.8, 4.1)


def test_a_word_held_for_seconds_is_held_too_long() -> None:
    assert held_too_long(Word(" to...", 2.57, 7.03, 0.42))
    assert not held_too_long(Word(" Americans,", 1.54, 2.10, 0.9))
    assert not held_too_long(Word(" so", 0.5, 0.9, 0.9))  # slow, not seconds too long
    assert not held_too_long(Word(" um...", 3.0, 5.0, 0.9))  # drawn out


def test_a_word_held_too_long_gives_way_to_what_was_said_in_its_time() -> None:
    held = Word(" an", 0.80, 1.78, 0.8)
    again = [
        Word(" an,", 0.80, 1.05, 0.9),
        Word(" an,", 1.15, 1.40, 0.9),
        Word(" an", 1.5, 1.7, 0.9),
    ]
    merged = heard_again([Word(" not", 0.5, 0.8, 0.9), held, Word(" ill", 2.4, 2.7, 0.9)], again)
    assert [w.text for w in merged] == [" not", " an,", " an,", " an", " ill"]


def test_a_word_held_too_long_stays_when_the_second_decode_hears_only_it() -> None:
    held = Word(" so", 1.0, 2.5, 0.8)
    merged = heard_again([held], [Word(" So.", 1.1, 1.4, 0.6)])
    assert merged == [held]


def test_words_of_speech_no_word_touched_are_added_in_order() -> None:
    words = [Word(" first", 0.5, 1.0, 0.9), Word(" third", 3.0, 3.4, 0.9)]
    merged = heard_again(words, [Word(" second", 1.8, 2.2, 0.9)])
    assert [w.text for w in merged] == [" first", " second", " third"]

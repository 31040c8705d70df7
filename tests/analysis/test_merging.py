"""The long-form decode's words with the prompted decode's filled pauses."""

from __future__ import annotations

from itertools import pairwise

from rehearse.analysis.speech.merging import snap_to_speech, with_filled_pauses
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

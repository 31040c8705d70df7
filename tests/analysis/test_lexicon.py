"""Fillers, hedges and repetitions in context."""

from __future__ import annotations

import pytest

from rehearse.analysis.speech.lexicon import (
    find_fillers,
    find_hedges,
    find_repetitions,
    lexical_words,
)
from rehearse.analysis.speech.words import Word


def _words(text: str, gap_after: dict[int, float] | None = None) -> list[Word]:
    words, cursor = [], 0.0
    for index, token in enumerate(text.split()):
        words.append(Word(f" {token}", cursor, cursor + 0.25, 0.9))
        cursor += 0.3 + (gap_after or {}).get(index, 0.0)
    return words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("So, um, I think uh it worked.", ["so", "um", "uh"]),
        ("We shipped. So, the team moved on.", ["so"]),
        ("So I decided to rewrite it.", []),
        ("It was so slow, so we cached it.", []),
        ("And so, we shipped.", []),
        ("It broke, so um, we rolled back.", ["um"]),
        ("It was, like, a big win.", ["like"]),
        ("I would like to lead. Things like that.", []),
        ("I mean, you know, it was basically done.", ["i mean", "you know", "basically"]),
        ("Do you know what I mean by that?", []),
        ("You know the answer.", []),
        ("It was sort of hard.", ["sort of"]),
        ("Errr, ummm, hmmm, yes.", ["errr", "ummm", "hmmm"]),
    ],
)
def test_fillers_are_found_in_context(text: str, expected: list[str]) -> None:
    assert [marker.text for marker in find_fillers(_words(text))] == expected


def test_filler_times_cover_their_words() -> None:
    (marker,) = find_fillers(_words("Well, you know, yes."))
    assert (marker.start, marker.end) == (0.3, 0.85)


def test_hedges_are_found() -> None:
    assert [m.text for m in find_hedges(_words("I guess it was kind of maybe fine"))] == [
        "i guess",
        "kind of",
        "maybe",
    ]


def test_repeated_words_and_restarts_are_found() -> None:
    markers = find_repetitions(_words("I I think we went we went to- to the store"))
    assert [(m.text, m.kind) for m in markers] == [
        ("i i", "repetition"),
        ("we went we went", "repetition"),
        ("to", "restart"),
    ]


def test_each_saying_again_is_one_repetition_at_its_own_moment() -> None:
    words = _words("I I I think")
    markers = find_repetitions(words)
    assert [m.text for m in markers] == ["i i", "i i"]
    assert [(m.start, m.end) for m in markers] == [
        (words[1].start, words[1].end),
        (words[2].start, words[2].end),
    ]


def test_a_phrase_of_up_to_four_words_said_again_is_a_repetition() -> None:
    markers = find_repetitions(_words("we moved the team we moved the team to Go"))
    assert [m.text for m in markers] == ["we moved the team we moved the team"]


def test_filled_pauses_are_not_counted_as_words() -> None:
    assert [w.text.strip() for w in lexical_words(_words("um so uh yes"))] == ["so", "yes"]


def test_a_filled_pause_trailing_off_in_one_ellipsis_character_is_a_filler() -> None:
    assert [marker.text for marker in find_fillers(_words("Then um\u2026 I led it."))] == ["um"]


def test_a_one_character_ellipsis_before_like_is_a_pause() -> None:
    words = _words("It was\u2026 like a hard one.", gap_after={2: 0.5})
    assert [marker.text for marker in find_fillers(words)] == ["like"]


def test_commas_around_like_do_not_make_a_verb_a_filler() -> None:
    assert find_fillers(_words("Honestly, I like, Python more.")) == []


@pytest.mark.parametrize("text", ["It looks like, the build failed.", "I feel like, it was hard."])
def test_like_after_a_verb_of_seeming_is_not_a_filler_even_before_a_comma(text: str) -> None:
    assert find_fillers(_words(text)) == []

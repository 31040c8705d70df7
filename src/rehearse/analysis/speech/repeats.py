"""Phrases said again and again: a stutter of two is speech, three and more is Whisper looping.

A decode that loops is decoded again (recognition.py); a loop left in a transcript is cut
back to two (the hallucination guard's last step); a live decode that loops ends where the
loop begins (streaming.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from rehearse.analysis.speech.words import Word, normalize

_MAX_REPEATS = 2


def _repeats(tokens: Sequence[str], index: int, size: int) -> int:
    """How many times the phrase of ``size`` tokens at ``index`` occurs there in a row."""
    phrase = tokens[index : index + size]
    repeats = 1
    while (
        len(phrase) == size
        and tokens[index + repeats * size : index + (repeats + 1) * size] == phrase
    ):
        repeats += 1
    return repeats


def before_the_loop(words: Sequence[Word]) -> list[Word]:
    """What a looping decode read before it began to repeat itself: its words up to the
    first phrase of 1-4 words said twice in a row, which is kept once."""
    tokens = [normalize(word.text) for word in words]
    for index in range(len(tokens)):
        for size in range(1, 5):
            if _repeats(tokens, index, size) > 1:
                return list(words[: index + size])
    return list(words)


def loops(words: Sequence[Word]) -> bool:
    """True if a phrase of 1-4 words is repeated more than twice in a row."""
    tokens = [normalize(word.text) for word in words]
    return any(
        _repeats(tokens, index, size) > _MAX_REPEATS
        for size in range(1, 5)
        for index in range(len(tokens))
    )


def collapse_repeats(words: list[Word]) -> tuple[list[Word], list[str]]:
    """Cut any phrase of 1-4 words repeated more than twice in a row back to two times.

    Two in a row is a real stutter ("I I think"); three and more is Whisper looping.
    """
    dropped: list[str] = []
    for size in range(1, 5):
        tokens = [normalize(word.text) for word in words]
        kept: list[Word] = []
        index = 0
        while index < len(words):
            repeats = _repeats(tokens, index, size)
            if repeats > _MAX_REPEATS:
                kept.extend(words[index : index + _MAX_REPEATS * size])
                phrase = " ".join(tokens[index : index + size])
                dropped.append(f"repetition loop: {phrase!r} x{repeats}")
                index += repeats * size
            else:
                kept.append(words[index])
                index += 1
        words = kept
    return words, dropped

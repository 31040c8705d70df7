"""What is given to the encoder, and how long texts are kept within what MiniLM reads."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from rehearse.feedback.content.embed import CHUNK_WORDS, LONG_SENTENCE_WORDS, embed
from rehearse.feedback.content.sentences import split_sentences
from rehearse.interviewer.retrieval.encoder import TextEncoder
from rehearse.interviewer.retrieval.index import Vectors
from tests.feedback.content.answers import FOCUSED_STORY, answer, bank_question


class RecordingEncoder:
    """The real encoder, keeping every batch it is given."""

    def __init__(self, inner: TextEncoder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dimensions = inner.dimensions
        self.batches: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.batches.append(list(texts))
        return self.inner.encode(texts)


def test_short_texts_and_the_whole_answer_are_encoded_apart(encoder: TextEncoder) -> None:
    labelled = answer("databases-003", "strong")
    recording = RecordingEncoder(encoder)
    sentences = split_sentences(labelled.text)
    embed(labelled.question, labelled.text, sentences, recording)
    short, whole = recording.batches
    assert short == [
        labelled.question.text,
        *labelled.question.key_points,
        *(sentence.text for sentence in sentences),
    ]
    assert whole == [labelled.text]


def test_a_short_answer_is_embedded_whole(encoder: TextEncoder) -> None:
    labelled = answer("python-002", "strong")
    vectors = embed(labelled.question, labelled.text, split_sentences(labelled.text), encoder)
    [whole] = encoder.encode([labelled.text])
    assert float(vectors.answer @ whole) > 0.999


def test_a_long_sentence_is_split_into_windows_of_the_same_sentence(
    encoder: TextEncoder,
) -> None:
    # 84 words with no stop and no clause start to cut at (sentences.py cuts at "and then").
    run_on = " ".join(["I checked the logs on the server"] * 12)
    text = f"I was on call. {run_on}."
    sentences = split_sentences(text)
    assert sentences[1].words > LONG_SENTENCE_WORDS
    vectors = embed(bank_question("databases-003"), text, sentences, encoder)
    assert vectors.window_sentence[0] == 0
    assert set(vectors.window_sentence[1:]) == {1}
    assert len(vectors.window_sentence) > 2
    assert vectors.windows.shape == (len(vectors.window_sentence), encoder.dimensions)


def test_a_long_answer_is_read_in_chunks_that_fit_the_model(encoder: TextEncoder) -> None:
    recording = RecordingEncoder(encoder)
    sentences = split_sentences(FOCUSED_STORY)
    assert sum(s.words for s in sentences) > CHUNK_WORDS
    vectors = embed(bank_question("conflict-001"), FOCUSED_STORY, sentences, recording)
    chunks = recording.batches[1]
    assert len(chunks) >= 2
    assert all(len(chunk.split()) <= CHUNK_WORDS for chunk in chunks)
    assert " ".join(chunks).split() == FOCUSED_STORY.split()
    assert abs(float(np.linalg.norm(vectors.answer)) - 1.0) < 1e-5


def test_an_empty_answer_has_a_zero_answer_vector(encoder: TextEncoder) -> None:
    question = bank_question("databases-003")
    recording = RecordingEncoder(encoder)
    vectors = embed(question, "", (), recording)
    assert len(recording.batches) == 1
    assert not vectors.answer.any()
    assert vectors.windows.shape[0] == 0
    assert vectors.key_points.shape == (len(question.key_points), encoder.dimensions)

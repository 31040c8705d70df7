"""A story's STAR parts found sentence by sentence, with the bundled classifier and its real
encoder (all-mpnet-base-v2). The checks compare versions of one story (a part's strength falls
when its sentence goes), never exact probabilities, which move a little with the CPU's
arithmetic."""

from __future__ import annotations

import numpy as np
import pytest

from rehearse.feedback.judge.story import (
    LABELS,
    PARTS,
    PartsModel,
    bundled_encoder,
    bundled_model,
    fitted,
    sentence_features,
    story_parts,
)
from rehearse.interviewer.retrieval.encoder import MiniLMEncoder, TextEncoder

QUESTION = "Tell me about a time you solved a difficult problem at work."
# A setting, as MARKING.md defines the situation ("the problem they faced" is the task).
SITUATION = "Last spring I worked on the checkout team of an online shop with a million customers."
TASK = "As the on-call engineer I had to find the cause before the holiday sale."
ACTION = "I profiled the slow queries and added an index on the orders table."
RESULT = "After that the timeouts stopped and we took 30 percent more orders in the sale."
STORY = (SITUATION, TASK, ACTION, RESULT)


@pytest.fixture(scope="module")
def encoder() -> TextEncoder:
    return bundled_encoder()


def _strength(sentences: tuple[str, ...], part: str, encoder: TextEncoder) -> float:
    verdicts = {v.point: v for v in story_parts(sentences, QUESTION, encoder=encoder)}
    return verdicts[part].strength


def test_each_part_of_a_told_story_quotes_the_sentence_that_tells_it(
    encoder: TextEncoder,
) -> None:
    verdicts = story_parts(STORY, QUESTION, encoder=encoder)
    assert [v.point for v in verdicts] == list(PARTS)
    quoted = {v.point: v.quote for v in verdicts if v.status != "missing"}
    assert quoted["task"] == TASK
    assert quoted["result"] == RESULT


def test_each_sentence_of_a_written_story_is_read_as_the_part_it_tells(
    encoder: TextEncoder,
) -> None:
    model = bundled_model()
    shares = model.probabilities(sentence_features(STORY, QUESTION, encoder, model.label_means))
    assert [LABELS[int(np.argmax(row))] for row in shares] == list(PARTS)


@pytest.mark.parametrize("part", ["task", "result"])
def test_removing_the_sentence_that_tells_a_part_weakens_it(
    part: str, encoder: TextEncoder
) -> None:
    told = dict(zip(PARTS, STORY, strict=True))[part]
    without = tuple(s for s in STORY if s != told)
    assert _strength(without, part, encoder) < _strength(STORY, part, encoder) - 0.1


def test_a_sentence_reads_the_same_wherever_it_stands(encoder: TextEncoder) -> None:
    shuffled = (RESULT, ACTION, SITUATION, TASK)
    for before, after in zip(
        story_parts(STORY, QUESTION, encoder=encoder),
        story_parts(shuffled, QUESTION, encoder=encoder),
        strict=True,
    ):
        assert after.quote == before.quote
        assert after.strength == pytest.approx(before.strength, abs=1e-6)


def test_claims_with_no_story_tell_no_situation_task_or_action(encoder: TextEncoder) -> None:
    claims = ("Um, I think I'm pretty good at solving problems.", "I always try my best.")
    verdicts = {v.point: v for v in story_parts(claims, QUESTION, encoder=encoder)}
    assert all(verdicts[p].status == "missing" for p in ("situation", "task", "action"))


def test_no_sentences_is_every_part_missing(encoder: TextEncoder) -> None:
    assert {v.status for v in story_parts((), QUESTION, encoder=encoder)} == {"missing"}


def test_another_encoders_vectors_are_refused() -> None:
    with pytest.raises(ValueError, match="all-mpnet-base-v2"):
        story_parts(STORY, QUESTION, encoder=MiniLMEncoder())


def test_the_bundled_model_reads_back_as_it_was_written() -> None:
    model = bundled_model()
    again = PartsModel.from_dict(model.to_dict())
    assert again.weights.shape == (model.mean.shape[0], len(LABELS))
    assert np.allclose(again.weights, model.weights)
    assert np.allclose(again.label_means, model.label_means)
    assert again.cuts == model.cuts
    assert again.encoder == model.encoder


def test_the_classifiers_agreement_on_students_it_never_saw_is_kept_with_it() -> None:
    data = fitted()
    assert "without its student" in data["agreement_on"]
    assert set(data["agreement"]) == {"locked", "all"}
    assert all(set(found) == set(PARTS) for found in data["agreement"].values())

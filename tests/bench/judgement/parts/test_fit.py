"""How the story-parts classifier is measured: each student's stories read by a model fitted
without them, and the figures read off out-of-fold strengths (``bench/judgement/parts/fit.py``).
The stories are the suite's own, encoded by the real MiniLM encoder."""

from __future__ import annotations

import numpy as np
import pytest
from bench.judgement.parts.fit import fit, missing_right, out_of_fold, separation
from bench.judgement.parts.marks import Mark
from bench.judgement.parts.stories import Story

from rehearse.interviewer.retrieval.encoder import MiniLMEncoder

QUESTION = "Tell me about a time you led a team."
TOLD = (
    ("Last spring I ran the robotics club.", "We had two weeks to get the robot driving.",
     "So I split the work into three parts.", "We finished second of forty teams.",
     "Um, yeah, that's about it."),
    ("At my internship our build kept breaking.", "My job was to make it pass every night.",
     "I wrote a check that ran before each merge.", "After that it never broke again.",
     "That's a good question."),
    ("In my second year I led the debate team.", "We needed a new member for the final.",
     "I asked every first year to try out.", "In the end we won the regional final.",
     "I think I'm a hard-working person."),
    ("Our shop lost customers to a new store.", "I had to win them back by summer.",
     "I started a loyalty card and called old customers.", "Sales rose by a fifth.",
     "So yes, that was it."),
    ("The school fair had no one in charge.", "I was asked to organise it in a month.",
     "I made a plan and gave each parent one stall.", "We raised two thousand dollars.",
     "I hope that answers it."),
)  # fmt: skip


def _stories(*, with_none: bool = True) -> tuple[list[Story], dict[str, Mark]]:
    """The stories and their marks; the last sentence of each tells no part ("-"), so every
    label has sentences to learn from, unless ``with_none`` is false (it is left out)."""
    stories, marks = [], {}
    for number, told in enumerate(TOLD, start=1):
        sentences, labels = (told, "STAR-") if with_none else (told[:4], "STAR")
        story = Story(f"p{number}/1", f"p{number}", QUESTION, sentences)
        verdicts = dict.fromkeys(("situation", "task", "action", "result"), "covered")
        stories.append(story)
        marks[story.story_id] = Mark(story.story_id, tuple(story.fingerprint()), labels, verdicts)
    return stories, marks


@pytest.fixture(scope="module")
def encoder() -> MiniLMEncoder:
    return MiniLMEncoder()


def test_each_students_model_was_fitted_without_their_stories(encoder: MiniLMEncoder) -> None:
    stories, marks = _stories()
    models = out_of_fold(stories, marks, encoder)
    assert set(models) == {str(number) for number in range(1, len(TOLD) + 1)}
    for student, model in models.items():
        others = [s for s in stories if s.participant != f"p{student}"]
        assert np.allclose(model.weights, fit(others, marks, encoder).weights)
        assert not np.allclose(model.weights, fit(stories, marks, encoder).weights)


def test_a_fit_with_a_label_no_sentence_tells_is_refused(encoder: MiniLMEncoder) -> None:
    stories, marks = _stories(with_none=False)
    with pytest.raises(ValueError, match="no sentence is marked none"):
        fit(stories, marks, encoder)


def test_separation_is_whole_when_every_covered_part_is_stronger_and_half_when_tied() -> None:
    apart = {"result": [(0.9, "covered"), (0.8, "partly"), (0.2, "missing"), (0.1, "missing")]}
    tied = {"result": [(0.5, "covered"), (0.5, "missing")]}
    assert separation(apart) == {"result": 1.0}
    assert separation(tied) == {"result": 0.5}


def test_missing_is_right_only_where_a_part_under_the_partly_cut_is_missing() -> None:
    found = [(0.05, "missing"), (0.08, "missing"), (0.09, "covered"), (0.5, "missing")]
    right = missing_right({"result": found}, {"result": (0.1, 0.4)})["result"]
    assert right is not None
    assert (right["share"], right["of"]) == (0.667, 3)

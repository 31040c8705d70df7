"""A marking in the judge's place: versions mapped back to their story, and a marking's
verdicts on them."""

from __future__ import annotations

import pytest
from bench.judgement.parts.ablate import marked_versions
from bench.judgement.parts.markers import MarkingJudge, kappa, origins_in
from bench.judgement.parts.marks import read_marks
from bench.judgement.parts.tally import tally
from bench.validity.__main__ import DEFAULT_RATINGS, read_ratings

STORY = ("Yeah.", "I led the team.", "We were late.", "Yeah.", "We shipped it.")


def test_a_versions_sentences_are_found_in_their_story_in_order() -> None:
    kept = ("Yeah.", "We were late.", "From another answer.", "Yeah.", "We shipped it.")
    assert origins_in(STORY, kept) == [0, 2, -1, 3, 4]


def test_kappa_is_the_agreement_beyond_chance() -> None:
    assert kappa(["S", "A", "R"], ["S", "A", "R"]) == 1.0
    # observed 0.75, by chance 0.5 * 0.25 + 0.5 * 0.75 = 0.5
    assert kappa(["a", "a", "b", "b"], ["a", "b", "b", "b"]) == pytest.approx(0.5)


@pytest.mark.skipif(not DEFAULT_RATINGS.is_file(), reason=f"no ratings at {DEFAULT_RATINGS}")
def test_a_marking_held_to_itself_meets_every_bar() -> None:
    marks = read_marks()
    made = marked_versions(read_ratings(DEFAULT_RATINGS), marks)
    versions = [pair for pairs in made.values() for pair in pairs]
    found = tally(MarkingJudge(marks, "itself"), versions)
    for part in found.values():
        assert part.removed_missing.hits == part.removed_missing.total > 0
        assert part.kept_covered.hits == part.kept_covered.total > 0
        assert part.quoted_inside.hits == part.quoted_inside.total > 0
        assert part.inserted_quoted.hits == 0

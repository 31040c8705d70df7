"""The hand marks in the repository, both markings: whole, consistent, and tied to their
stories' sentences."""

from __future__ import annotations

import pytest
from bench.judgement.parts.markers import SECOND
from bench.judgement.parts.marks import LETTERS, MARKS, Mark, StaleMark, read_marks
from bench.judgement.parts.stories import Story, stories_of
from bench.validity.__main__ import DEFAULT_RATINGS, read_ratings

from rehearse.feedback.judge.story import PARTS

MARKINGS = {"first": read_marks(MARKS), "second": read_marks(SECOND)}
EACH = pytest.mark.parametrize("marks", MARKINGS.values(), ids=list(MARKINGS))


def test_at_least_sixty_stories_are_marked() -> None:
    assert len(MARKINGS["first"]) >= 60


def test_the_second_marking_marks_the_same_stories() -> None:
    assert set(MARKINGS["second"]) == set(MARKINGS["first"])


@EACH
def test_a_part_is_missing_exactly_when_no_sentence_tells_it(marks: dict[str, Mark]) -> None:
    for mark in marks.values():
        assert set(mark.labels) <= {*LETTERS, "-"}, mark.story_id
        assert len(mark.labels) == len(mark.fingerprint), mark.story_id
        for part in PARTS:
            told = bool(mark.sentences_of(part))
            assert (mark.verdicts[part] == "missing") != told, (mark.story_id, part)


def test_a_story_whose_sentences_changed_is_refused() -> None:
    mark = next(iter(MARKINGS["first"].values()))
    changed = Story(mark.story_id, "p0", "Tell me about a time.", ("Another story.",))
    with pytest.raises(StaleMark):
        mark.check(changed)


@pytest.mark.skipif(not DEFAULT_RATINGS.is_file(), reason=f"no ratings at {DEFAULT_RATINGS}")
@EACH
def test_every_mark_fits_its_story_in_the_rated_interviews(marks: dict[str, Mark]) -> None:
    stories = {s.story_id: s for s in stories_of(read_ratings(DEFAULT_RATINGS))}
    assert set(marks) <= set(stories)
    for story_id, mark in marks.items():
        mark.check(stories[story_id])

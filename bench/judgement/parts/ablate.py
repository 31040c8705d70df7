"""Versions of a marked story with exact expected verdicts.

- ``whole``: the story as told; each part expected as marked.
- ``without PART``: the sentences that tell PART removed (for each part the story tells);
  PART expected missing, the others as marked (each sentence tells one part, so they keep
  all their sentences).
- ``inserted``: a sentence of another interview's answer to another question put in the
  middle; every part expected as marked, and never quoted from that sentence.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from bench.judgement.parts.marks import Mark
from bench.judgement.parts.stories import Story, stories_of
from bench.validity.judged import KIND
from bench.validity.stats import student_of
from bench.validity.turns import split_interview
from rehearse.feedback.content.forms import answer_form
from rehearse.feedback.content.sentences import split_sentences
from rehearse.feedback.judge.story import PARTS

STRANGER_WORDS = 8  # an inserted sentence is a real one, not a "yeah"


@dataclass(frozen=True)
class Version:
    story: Story
    kind: str  # "whole", "without result", "inserted"
    sentences: tuple[str, ...]
    origins: tuple[int, ...]  # each sentence's index in the story; -1 for an inserted one
    expected: Mapping[str, str]  # part -> covered / partly / missing
    removed: str | None = None  # the part whose sentences were taken out


def versions(story: Story, mark: Mark, stranger: str) -> Iterator[Version]:
    """Every version of ``story``; ``stranger`` is the sentence the ``inserted`` one gets."""
    indices = tuple(range(len(story.sentences)))
    yield Version(story, "whole", story.sentences, indices, mark.verdicts)
    for part in PARTS:
        told = set(mark.sentences_of(part))
        if not told:
            continue
        kept = tuple(i for i in indices if i not in told)
        expected = {**mark.verdicts, part: "missing"}
        sentences = tuple(story.sentences[i] for i in kept)
        yield Version(story, f"without {part}", sentences, kept, expected, part)
    middle = len(indices) // 2
    origins = (*indices[:middle], -1, *indices[middle:])
    sentences = tuple(story.sentences[i] if i >= 0 else stranger for i in origins)
    yield Version(story, "inserted", sentences, origins, mark.verdicts)


def strangers(rows: Sequence[dict[str, str]]) -> list[tuple[str, str]]:
    """(student, sentence) of every answer that is not a story: what ``inserted`` draws on."""
    found = []
    for row in rows:
        for exchange in split_interview(row["Transcript"]):
            if answer_form(exchange.question, KIND) == "story":
                continue
            for sentence in split_sentences(exchange.answer):
                if sentence.words >= STRANGER_WORDS:
                    found.append((student_of(row["Participant"]), sentence.text))
    return found


def stranger_for(story: Story, pool: Sequence[tuple[str, str]], place: int) -> str:
    """A sentence of another student's answer, the same one for the story on every run."""
    student = student_of(story.participant)
    others = [sentence for owner, sentence in pool if owner != student]
    return others[(place * 7919) % len(others)]


def marked_versions(
    rows: Sequence[dict[str, str]], marks: Mapping[str, Mark]
) -> dict[Story, list[tuple[Version, Mark]]]:
    """Every marked story of ``rows`` (its mark checked) with its versions, the same on every
    run whichever students are then judged."""
    pool = strangers(rows)
    marked = [s for s in stories_of(rows) if s.story_id in marks]
    made = {}
    for place, story in enumerate(marked):
        mark = marks[story.story_id]
        mark.check(story)
        made[story] = [(v, mark) for v in versions(story, mark, stranger_for(story, pool, place))]
    return made

"""Versions of a marked story with exact expected verdicts.

- ``whole``: the story as told; each part expected as marked.
- ``without PART``: the sentences that tell PART removed (for each part the story tells);
  PART expected missing, the others as marked (each sentence tells one part, so they keep
  all their sentences).
- ``inserted``: a sentence of another interview's answer to another question put in the
  middle; every part expected as marked, and never quoted from that sentence.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from bench.judgement.parts.marks import Mark
from bench.judgement.parts.stories import Story
from rehearse.feedback.judge.story import PARTS


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

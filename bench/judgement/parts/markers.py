"""``python -m bench.judgement.parts.markers [RATINGS] [--students all] [--judge]``: how a
second marking does on the parts benchmark's bars, the ceiling beside the judge's figures.

The stories were marked twice by the rules of ``MARKING.md``, by different markers, neither
seeing the other's marks: ``marks.json`` (the benchmark's) and ``marks-second.json``. This
prints how far the two agree, sentence by sentence (Cohen's kappa over the five labels) and
part by part (the verdicts), and then puts each marking in the judge's place against the
other: the versions are built from one marking exactly as the benchmark builds them (a part's
sentences removed: expected missing), and the other marking says each part of a version as a
marker would (``MarkingJudge``). So the second marking plays the judge and the first the
benchmark. A removed part that the other marker reads in a sentence left in is then "told",
as the judge's would be. With ``--judge`` the product's classifier (each story read by the
model fitted without its student, at the shipped cuts, as ``python -m bench.judgement.parts``
reads it) is held to each marking on the same versions.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Hashable, Mapping, Sequence
from pathlib import Path

import numpy as np

from bench.embeddings import RememberingEncoder
from bench.judgement.parts.ablate import Version, marked_versions
from bench.judgement.parts.fit import labels_of, out_of_fold, with_cuts
from bench.judgement.parts.judges import ClassifierJudge, PartsJudge
from bench.judgement.parts.marks import MARKS, Mark, read_marks
from bench.judgement.parts.stories import Story
from bench.judgement.parts.tally import Count, PartTally, tally
from bench.validity.__main__ import DEFAULT_RATINGS, read_ratings
from bench.validity.stats import wilson
from rehearse.feedback.judge.story import PARTS, bundled_encoder, bundled_model
from rehearse.feedback.judge.verdict import PointStatus, PointVerdict

SECOND = MARKS.with_name("marks-second.json")
STRENGTH: Mapping[PointStatus, float] = {"covered": 1.0, "partly": 0.5, "missing": 0.0}


def origins_in(story: Sequence[str], sentences: Sequence[str]) -> list[int]:
    """Each of ``sentences``' index in ``story``, of which they are a version: the story's
    sentences in order, some left out, one from elsewhere perhaps put in (-1)."""
    found, at = [], 0
    for sentence in sentences:
        later = [i for i in range(at, len(story)) if story[i] == sentence]
        if later:
            at = later[0] + 1
        found.append(later[0] if later else -1)
    return found


class MarkingJudge:
    """A story's parts as a marking says them: a part is told when a sentence the version
    keeps carries its letter, with the marking's verdict for the story (partly where the
    marking called the part missing), and quotes the first such sentence; else missing."""

    def __init__(self, marks: Mapping[str, Mark], name: str) -> None:
        self.marks, self.name = marks, name

    def parts(self, story: Story, sentences: Sequence[str]) -> tuple[PointVerdict, ...]:
        mark = self.marks[story.story_id]
        kept = origins_in(story.sentences, sentences)
        verdicts = []
        for part in PARTS:
            marked = set(mark.sentences_of(part))
            telling = [i for i in kept if i in marked]
            told: PointStatus = "covered" if mark.verdicts[part] == "covered" else "partly"
            status: PointStatus = told if telling else "missing"
            quote = story.sentences[telling[0]] if telling else ""
            verdicts.append(PointVerdict(part, status, STRENGTH[status], quote, {}))
        return tuple(verdicts)


def kappa(first: Sequence[Hashable], second: Sequence[Hashable]) -> float:
    """Cohen's kappa of two labellings of the same items: agreement beyond chance."""
    labels = list(dict.fromkeys([*first, *second]))
    a, b = (np.array([labels.index(x) for x in side]) for side in (first, second))
    observed = float((a == b).mean())
    chance = sum(float((a == k).mean() * (b == k).mean()) for k in range(len(labels)))
    return (observed - chance) / (1 - chance) if chance < 1 else 1.0


def print_agreement(
    first: Mapping[str, Mark], second: Mapping[str, Mark], stories: Sequence[str]
) -> None:
    """How far two markings of ``stories`` agree: sentence labels and each part's verdict."""
    both = sorted(set(first) & set(second) & set(stories))
    a = [label for s in both for label in labels_of(first[s])]
    b = [label for s in both for label in labels_of(second[s])]
    same = sum(x == y for x, y in zip(a, b, strict=True))
    print(f"{len(both)} stories marked twice, {len(a)} sentences")
    print(f"  sentence labels: the same in {same / len(a):.0%}, kappa {kappa(a, b):.2f}")
    for part in PARTS:
        one = [first[s].verdicts[part] for s in both]
        other = [second[s].verdicts[part] for s in both]
        exact = sum(x == y for x, y in zip(one, other, strict=True)) / len(both)
        told = kappa(*([v != "missing" for v in side] for side in (one, other)))
        print(
            f"  {part:<10} verdict the same in {exact:.0%} (kappa {kappa(one, other):.2f}); "
            f"told or missing: kappa {told:.2f}"
        )


def shown(count: Count) -> str:
    if not count.total:
        return "-"
    low, high = wilson(count.hits, count.total)
    return f"{count.hits / count.total:.0%} [{low:.0%}, {high:.0%}] of {count.total}"


def print_bars(name: str, found: Mapping[str, PartTally]) -> None:
    """The issue's four bars per part, with 95 % Wilson intervals."""
    print(f"\n{name}")
    heads = ("removed: missing", "missing or partly", "kept covered: covered", "quote inside")
    print(f"  {'part':<10}" + "".join(f"{head:>26}" for head in heads))
    for part, t in found.items():
        cells = (t.removed_missing, t.removed_missing_or_partly, t.kept_covered, t.quoted_inside)
        print(f"  {part:<10}" + "".join(f"{shown(c):>26}" for c in cells))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.judgement.parts.markers", description=__doc__
    )
    parser.add_argument("ratings", type=Path, nargs="?", default=DEFAULT_RATINGS)
    parser.add_argument("--second", type=Path, default=SECOND)
    parser.add_argument("--students", choices=("locked", "open", "all"), default="all")
    parser.add_argument("--judge", action="store_true", help="hold the classifier to both too")
    args = parser.parse_args(argv)
    for path in (args.ratings, args.second):
        if not path.is_file():
            print(f"no file at {path}", file=sys.stderr)
            return 2
    rows = read_ratings(args.ratings)
    markings = {"the first marking": read_marks(), "the second marking": read_marks(args.second)}
    first, second = markings.values()
    made = {name: marked_versions(rows, marks) for name, marks in markings.items()}
    chosen = [story.story_id for story in made["the first marking"] if story.of(args.students)]
    print_agreement(first, second, chosen)
    judges: dict[str, PartsJudge] = {name: MarkingJudge(m, name) for name, m in markings.items()}
    if args.judge:
        encoder = RememberingEncoder(bundled_encoder())
        folded = out_of_fold(list(made["the first marking"]), first, encoder)
        judges["the judge"] = ClassifierJudge(encoder, with_cuts(folded, bundled_model().cuts))
    for truth, versions in made.items():
        kept: list[tuple[Version, Mark]] = [
            pair for story, pairs in versions.items() if story.of(args.students) for pair in pairs
        ]
        for name, judge in judges.items():
            if name != truth:
                print_bars(f"{name} in the judge's place, {truth} as the truth", tally(judge, kept))
    return 0


if __name__ == "__main__":
    sys.exit(main())

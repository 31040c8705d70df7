"""What the benchmark counts, per part, over the versions of the marked stories.

- removed: of the versions without a part, how often that part is called missing, and how
  often missing or partly;
- kept: of the parts a version keeps that were marked covered, how often they are called
  covered;
- quoted: of those kept parts called covered or partly, how often the quote is one of the
  sentences marked as telling the part;
- inserted: of the parts of ``inserted`` versions called covered or partly, how often the
  quote is the sentence from another answer (it should never be);
- missing right: of the parts called missing, in any version, how often the version does
  lack them (the precision of "your story has no result").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bench.judgement.parts.ablate import Version
from bench.judgement.parts.judges import PartsJudge
from bench.judgement.parts.marks import Mark
from rehearse.feedback.judge.story import PARTS


@dataclass
class Count:
    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += hit
        self.total += 1

    def shown(self) -> str:
        if not self.total:
            return "-"
        return f"{self.hits / self.total:.0%} of {self.total}"


@dataclass
class PartTally:
    removed_missing: Count = field(default_factory=Count)
    removed_missing_or_partly: Count = field(default_factory=Count)
    kept_covered: Count = field(default_factory=Count)
    quoted_inside: Count = field(default_factory=Count)
    inserted_quoted: Count = field(default_factory=Count)
    missing_right: Count = field(default_factory=Count)


def origin_of(quote: str, sentences: Sequence[str]) -> int | None:
    """The position of the version's sentence the quote was taken from (the same sentence,
    or the one sharing most of its words when the judge split the answer otherwise)."""
    if not quote:
        return None
    if quote in sentences:
        return sentences.index(quote)
    said = set(quote.lower().split())
    overlaps = [len(said & set(s.lower().split())) for s in sentences]
    return max(range(len(sentences)), key=overlaps.__getitem__) if sentences else None


def tally(judge: PartsJudge, versions: Iterable[tuple[Version, Mark]]) -> dict[str, PartTally]:
    found = {part: PartTally() for part in PARTS}
    for version, mark in versions:
        verdicts = {v.point: v for v in judge.parts(version.story, version.sentences)}
        for part in PARTS:
            verdict, counts = verdicts[part], found[part]
            told = verdict.status != "missing"
            at = origin_of(verdict.quote, version.sentences) if told else None
            origin = version.origins[at] if at is not None else None
            if verdict.status == "missing":
                counts.missing_right.add(version.expected[part] == "missing")
            if version.removed == part:
                counts.removed_missing.add(verdict.status == "missing")
                counts.removed_missing_or_partly.add(verdict.status != "covered")
                continue
            if version.expected[part] == "covered":
                counts.kept_covered.add(verdict.status == "covered")
                if told:
                    counts.quoted_inside.add(origin in mark.sentences_of(part))
            if version.kind == "inserted" and told:
                counts.inserted_quoted.add(origin == -1)
    return found


def print_tally(name: str, found: dict[str, PartTally]) -> None:
    print(f"\n{name}")
    print(f"  {'part':<10}{'removed: missing':>20}{'missing or partly':>20}"
          f"{'kept: covered':>20}{'quote inside':>20}{'quoted insert':>20}"
          f"{'missing is right':>20}")  # fmt: skip
    for part, t in found.items():
        cells = (
            t.removed_missing, t.removed_missing_or_partly, t.kept_covered, t.quoted_inside,
            t.inserted_quoted, t.missing_right,
        )  # fmt: skip
        print(f"  {part:<10}" + "".join(f"{c.shown():>20}" for c in cells))

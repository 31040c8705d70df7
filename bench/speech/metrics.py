"""Scores: word error rate, relative error, one-to-one event matching, resources."""

from __future__ import annotations

import re
import resource
from collections.abc import Sequence
from dataclasses import dataclass

# Filled pauses in any spelling Whisper uses ("um", "Umm", "uhm", "Errr", "hmm", "ah", "mhm").
FILLER = re.compile(r"(u+h*m+|u+h+|e+r+m*|e+h+|a+h+m*|h+m+|m+h*m+)")
_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SPELLING = {"mr": "mister", "mrs": "missus", "dr": "doctor", "ok": "okay"}


def number_words(number: int) -> str:
    """0-100 in words ("forty two"); other numbers stay digits."""
    if number < 20:
        return _ONES[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return _TENS[tens] + (f" {_ONES[ones]}" if ones else "")
    return "one hundred" if number == 100 else str(number)


def normalize_words(text: str) -> list[str]:
    """Lower case, no punctuation, "-" and "/" split words, "%" is "percent", 0-100 in words,
    filled pauses removed."""
    text = text.lower().replace("\u2019", "'").replace("%", " percent").replace("&", " and ")
    text = re.sub(r"[-/\u2014\u2013]", " ", text)
    text = re.sub(r"\b\d+\b", lambda m: number_words(int(m.group())), text.replace(",", " "))
    tokens = [token.strip("'") for token in re.sub(r"[^a-z0-9' ]", " ", text).split()]
    tokens = [_SPELLING.get(token, token) for token in tokens if token]
    return [token for token in " ".join(tokens).split() if not FILLER.fullmatch(token)]


@dataclass(frozen=True)
class WordErrors:
    reference_words: int
    substitutions: int
    deletions: int
    insertions: int
    errors: list[tuple[str, str]]  # (reference, hypothesis); "" marks a missing word

    @property
    def edits(self) -> int:
        return self.substitutions + self.deletions + self.insertions

    @property
    def wer(self) -> float:
        return self.edits / max(self.reference_words, 1)


def word_errors(reference: str, hypothesis: str) -> WordErrors:
    """Word-level Levenshtein alignment of normalised texts."""
    ref, hyp = normalize_words(reference), normalize_words(hypothesis)
    rows, cols = len(ref) + 1, len(hyp) + 1
    cost = [[0] * cols for _ in range(rows)]
    for i in range(rows):
        cost[i][0] = i
    for j in range(cols):
        cost[0][j] = j
    for i in range(1, rows):
        for j in range(1, cols):
            same = ref[i - 1] == hyp[j - 1]
            cost[i][j] = min(
                cost[i - 1][j - 1] + (0 if same else 1), cost[i - 1][j] + 1, cost[i][j - 1] + 1
            )
    subs = dels = ins = 0
    errors: list[tuple[str, str]] = []
    i, j = len(ref), len(hyp)
    while i > 0 or j > 0:
        if i > 0 and j > 0 and cost[i][j] == cost[i - 1][j - 1] + (ref[i - 1] != hyp[j - 1]):
            if ref[i - 1] != hyp[j - 1]:
                subs += 1
                errors.append((ref[i - 1], hyp[j - 1]))
            i, j = i - 1, j - 1
        elif i > 0 and cost[i][j] == cost[i - 1][j] + 1:
            dels += 1
            errors.append((ref[i - 1], ""))
            i -= 1
        else:
            ins += 1
            errors.append(("", hyp[j - 1]))
            j -= 1
    return WordErrors(len(ref), subs, dels, ins, errors[::-1])


def relative_error(measured: float, reference: float) -> float:
    return (measured - reference) / reference


Interval = tuple[float, float]


def match(
    truth: Sequence[Interval], found: Sequence[Interval], *, centre_tolerance: float = 0.0
) -> list[tuple[int, int]]:
    """One-to-one pairs (truth index, found index) of events that overlap or whose centres
    are within ``centre_tolerance`` seconds; closest pairs are taken first."""
    candidates: list[tuple[float, int, int]] = []
    for i, (t0, t1) in enumerate(truth):
        for j, (f0, f1) in enumerate(found):
            overlap = min(t1, f1) - max(t0, f0)
            distance = abs((t0 + t1) / 2 - (f0 + f1) / 2)
            if overlap > 0 or distance <= centre_tolerance:
                candidates.append((distance - max(overlap, 0.0), i, j))
    pairs: list[tuple[int, int]] = []
    used_truth: set[int] = set()
    used_found: set[int] = set()
    for _, i, j in sorted(candidates):
        if i not in used_truth and j not in used_found:
            pairs.append((i, j))
            used_truth.add(i)
            used_found.add(j)
    return sorted(pairs)


@dataclass(frozen=True)
class Detection:
    truth: int
    found: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.truth if self.truth else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def __add__(self, other: Detection) -> Detection:
        return Detection(
            self.truth + other.truth, self.found + other.found, self.matched + other.matched
        )


def peak_rss_mb() -> float:
    """Peak resident memory of this process (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

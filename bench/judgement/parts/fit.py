"""``python -m bench.judgement.parts.fit``: fit the sentence classifier that finds a story's
parts (``rehearse/feedback/judge/story.py``) and write ``story_parts.json``.

Fitted on every hand-marked story, of the open and the locked students alike: a multinomial
logistic regression over the five labels with an L2 penalty (``PENALTY``, declared, not
searched). Every figure is out of fold, five folds by student: each story is judged by the
model fitted on the other folds' students. The cuts come from those out-of-fold strengths over
every version of every story (``ablate.py``), by two declared rules:

- covered from the strength that 80 % of the parts a version keeps and the marks call covered
  reach (so a told part is called covered as often as the issue asks);
- partly from the strength that 95 % of the parts a version keeps (covered or partly) reach,
  so "missing", which becomes the advice "your story has no result", is said of a part the
  story tells at most about one time in twenty.

Out of fold it also counts how often "missing" is right (the part is missing from that
version) at those cuts, with its interval, and tallies the benchmark's figures on the locked
students' stories and on all of them. The model the product ships is then fitted on all the
stories.

Until 2026-11-27 the model was fitted on the open students' stories only and the locked
students' were judged once by it; a part of 13 students was too small to tell a figure from
its noise, and the model was fitted on 76 stories where 132 are marked (docs/judgement.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TypedDict

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import minimize

from bench.embeddings import RememberingEncoder
from bench.judgement.parts.ablate import Version, marked_versions
from bench.judgement.parts.judges import ClassifierJudge
from bench.judgement.parts.marks import LETTERS, Mark, read_marks
from bench.judgement.parts.stories import Story
from bench.judgement.parts.tally import Count, PartTally, tally
from bench.validity.__main__ import DEFAULT_RATINGS, read_ratings
from bench.validity.stats import student_of, wilson
from rehearse.feedback.judge.story import (
    LABELS,
    PARTS,
    Floats,
    PartsModel,
    canonical_sentence,
    label_means,
    sentence_features,
)
from rehearse.interviewer.retrieval.encoder import MPNetEncoder, TextEncoder

PENALTY = 0.01
FOLDS = 5
KEPT_COVERED = 0.80  # share of kept, covered parts to call covered
KEPT_TOLD = 0.95  # share of kept parts (covered or partly) not to call missing
OUT = Path(str(resources.files("rehearse.feedback.judge").joinpath("story_parts.json")))


def labels_of(mark: Mark) -> list[int]:
    """Each sentence's class: its part's column in ``LABELS``, or "none"."""
    return [LABELS.index(LETTERS.get(letter, "none")) for letter in mark.labels]


def fit_weights(features: Floats, labels: NDArray[np.int_]) -> tuple[Floats, ...]:
    """Softmax regression on standardised features, L2 ``PENALTY`` on the weights: the weights,
    bias, mean and scale."""
    mean, scale = features.mean(axis=0), features.std(axis=0) + 1e-6
    x = (features - mean) / scale
    n, d, k = len(labels), x.shape[1], len(LABELS)

    def loss(w: Floats) -> tuple[float, Floats]:
        weights, bias = w[: d * k].reshape(d, k), w[d * k :]
        logits = x @ weights + bias
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        value = -np.log(p[np.arange(n), labels] + 1e-12).mean() + PENALTY * (weights**2).sum()
        p[np.arange(n), labels] -= 1
        p /= n
        gradient = np.concatenate([(x.T @ p + 2 * PENALTY * weights).ravel(), p.sum(axis=0)])
        return float(value), gradient

    found = minimize(loss, np.zeros(d * k + k), jac=True, method="L-BFGS-B").x
    return found[: d * k].reshape(d, k), found[d * k :], mean, scale


def fit(stories: Sequence[Story], marks: Mapping[str, Mark], encoder: TextEncoder) -> PartsModel:
    """The classifier of these stories' sentences, each label's mean sentence taken from them."""
    labels = np.concatenate([labels_of(marks[s.story_id]) for s in stories])
    read = [canonical_sentence(sentence) for s in stories for sentence in s.sentences]
    means = label_means(np.asarray(encoder.encode(read), dtype=float), labels)
    features = [sentence_features(s.sentences, s.question, encoder, means) for s in stories]
    weights, bias, mean, scale = fit_weights(np.vstack(features), labels)
    return PartsModel(weights, bias, mean, scale, {}, means, encoder.name)


def choose_cuts(strengths: dict[str, list[tuple[float, str]]]) -> dict[str, tuple[float, float]]:
    """Per part, from (strength, expected verdict) of the parts the versions tell."""
    cuts = {}
    for part, found in strengths.items():
        covered = [s for s, verdict in found if verdict == "covered"]
        told = [s for s, verdict in found if verdict != "missing"]
        high = float(np.quantile(covered, 1 - KEPT_COVERED))
        low = min(float(np.quantile(told, 1 - KEPT_TOLD)), high)
        cuts[part] = (round(low, 4), round(high, 4))
    return cuts


def out_of_fold(
    stories: Sequence[Story], marks: Mapping[str, Mark], encoder: TextEncoder
) -> dict[str, PartsModel]:
    """Each student's model: fitted on the stories of the other folds' students (five folds
    of the students in sorted order), without cuts."""
    students = sorted({student_of(s.participant) for s in stories})
    models = {}
    for fold in range(FOLDS):
        held = set(students[fold::FOLDS])
        model = fit([s for s in stories if student_of(s.participant) not in held], marks, encoder)
        models.update(dict.fromkeys(held, model))
    return models


def with_cuts(
    models: Mapping[str, PartsModel], cuts: Mapping[str, tuple[float, float]]
) -> dict[str, PartsModel]:
    return {student: model.with_cuts(cuts) for student, model in models.items()}


def strengths_of(
    models: Mapping[str, PartsModel],
    made: Mapping[Story, Sequence[tuple[Version, Mark]]],
    encoder: TextEncoder,
) -> dict[str, list[tuple[float, str]]]:
    """Per part, (strength, expected verdict) in every version, each story read by its
    student's model: removed parts expected missing, the others as marked."""
    found: dict[str, list[tuple[float, str]]] = {part: [] for part in PARTS}
    for story, pairs in made.items():
        model = models[student_of(story.participant)]
        for version, _ in pairs:
            best = np.zeros(len(PARTS))
            if version.sentences:
                features = sentence_features(
                    version.sentences, story.question, encoder, model.label_means
                )
                best = model.probabilities(features)[:, : len(PARTS)].max(axis=0)
            for column, part in enumerate(PARTS):
                found[part].append((float(best[column]), version.expected[part]))
    return found


class Share(TypedDict):
    """A count as its share, its 95 % Wilson interval and its size."""

    share: float
    interval: list[float]
    of: int


def share(count: Count) -> Share | None:
    if not count.total:
        return None
    low, high = wilson(count.hits, count.total)
    return {
        "share": round(count.hits / count.total, 3),
        "interval": [round(low, 3), round(high, 3)],
        "of": count.total,
    }


def figures(found: Mapping[str, PartTally]) -> dict[str, dict[str, Share | None]]:
    return {
        part: {
            "removed_missing": share(t.removed_missing),
            "removed_missing_or_partly": share(t.removed_missing_or_partly),
            "kept_covered": share(t.kept_covered),
            "quote_inside": share(t.quoted_inside),
            "inserted_quoted": share(t.inserted_quoted),
            "missing_right": share(t.missing_right),
        }
        for part, t in found.items()
    }


def separation(strengths: Mapping[str, Sequence[tuple[float, str]]]) -> dict[str, float]:
    """Per part, the area under the curve of a covered part's strength against a missing one's
    (removed, or marked missing): how well any cut could tell them apart."""
    found = {}
    for part, pairs in strengths.items():
        covered = np.array([s for s, expected in pairs if expected == "covered"])
        missing = np.array([s for s, expected in pairs if expected == "missing"])
        above = (covered[:, None] > missing[None, :]).mean()
        tied = (covered[:, None] == missing[None, :]).mean()
        found[part] = round(float(above + tied / 2), 3)
    return found


def missing_right(
    strengths: Mapping[str, Sequence[tuple[float, str]]], cuts: Mapping[str, tuple[float, float]]
) -> dict[str, Share | None]:
    """Per part, how often a strength under the partly cut ("missing") is right."""
    found = {}
    for part, pairs in strengths.items():
        count = Count()
        for strength, expected in pairs:
            if strength < cuts[part][0]:
                count.add(expected == "missing")
        found[part] = share(count)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.judgement.parts.fit", description=__doc__
    )
    parser.add_argument("ratings", type=Path, nargs="?", default=DEFAULT_RATINGS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not args.ratings.is_file():
        print(f"no ratings file at {args.ratings}", file=sys.stderr)
        return 2
    rows = read_ratings(args.ratings)
    # Each sentence is read in many versions and folds: embedded once (seconds, not minutes).
    marks, encoder = read_marks(), RememberingEncoder(MPNetEncoder())
    made = marked_versions(rows, marks)
    folded = out_of_fold(list(made), marks, encoder)
    strengths = strengths_of(folded, made, encoder)
    cuts = choose_cuts(strengths)
    judge = ClassifierJudge(encoder, with_cuts(folded, cuts))
    agreement = {
        students: figures(tally(judge, [pair for s in made if s.of(students) for pair in made[s]]))
        for students in ("locked", "all")
    }
    model = fit(list(made), marks, encoder).with_cuts(cuts)
    payload = {
        "source": "hand marks of the stories of MIT Interview's development half "
        "(bench/judgement/parts/marks.json, MARKING.md)",
        "method": f"softmax regression over {encoder.name}'s likeness to examples and to "
        f"each label's mean sentence, L2 {PENALTY}, fitted on all {len(made)} marked "
        f"stories; every figure out of fold, {FOLDS} folds by student; cuts from the "
        f"out-of-fold strengths: covered where {KEPT_COVERED:.0%} of kept covered parts "
        f"reach, partly where {KEPT_TOLD:.0%} of kept told parts reach",
        "date": date.today().isoformat(),
        "agreement_on": f"out of fold: each of the {len(made)} stories judged by the model "
        f"fitted without its student; 'locked' the {sum(s.of('locked') for s in made)} "
        "stories of the locked students, 'all' every story",
        "missing_right_out_of_fold": missing_right(strengths, cuts),
        "separation_out_of_fold": separation(strengths),
        "agreement": agreement,
        "model": model.to_dict(),
    }
    args.out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    print(
        json.dumps(
            {key: payload[key] for key in ("missing_right_out_of_fold", "separation_out_of_fold")}
        )
    )
    print(json.dumps({"cuts": cuts}))
    for students, found in agreement.items():
        print(f"\n{students}: " + json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())

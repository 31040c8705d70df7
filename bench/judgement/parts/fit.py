"""``python -m bench.judgement.parts.fit``: fit the sentence classifier that finds a story's
parts (``rehearse/feedback/judge/story.py``) and write ``story_parts.json``.

Fitted on the hand-marked stories of the open students only (``locked.py``): a multinomial
logistic regression over the five labels with an L2 penalty (``PENALTY``, declared, not
searched). The cuts come from out-of-fold strengths (five folds by student) over every
version of the open stories (``ablate.py``), by two declared rules:

- covered from the strength that 80 % of the parts a version keeps and the marks call covered
  reach (so a told part is called covered as often as the issue asks);
- partly from the strength that 95 % of the parts a version keeps (covered or partly) reach,
  so "missing", which becomes the advice "your story has no result", is said of a part the
  story tells at most about one time in twenty.

Out of fold it also counts how often "missing" is right (the part is missing from that
version) at those cuts. Only then is the model fitted on all the open students and the locked
students' stories judged once; their figures go into the file beside how it was made.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from importlib import resources
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import minimize

from bench.judgement.parts.ablate import Version, marked_versions
from bench.judgement.parts.judges import ClassifierJudge
from bench.judgement.parts.marks import LETTERS, Mark, read_marks
from bench.judgement.parts.stories import Story
from bench.judgement.parts.tally import Count, PartTally, tally
from bench.validity.__main__ import DEFAULT_RATINGS, read_ratings
from bench.validity.stats import student_of
from rehearse.feedback.judge.story import LABELS, PARTS, Floats, PartsModel, sentence_features
from rehearse.interviewer.retrieval.encoder import MiniLMEncoder, TextEncoder

PENALTY = 0.01
FOLDS = 5
KEPT_COVERED = 0.80  # share of kept, covered parts to call covered
KEPT_TOLD = 0.95  # share of kept parts (covered or partly) not to call missing
OUT = Path(str(resources.files("rehearse.feedback.judge").joinpath("story_parts.json")))


def labels_of(mark: Mark) -> list[int]:
    """Each sentence's class: its part's column in ``LABELS``, or "none"."""
    return [LABELS.index(LETTERS.get(letter, "none")) for letter in mark.labels]


def fit_weights(features: Floats, labels: NDArray[np.int_]) -> PartsModel:
    """Softmax regression on standardised features, L2 ``PENALTY`` on the weights."""
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
    return PartsModel(found[: d * k].reshape(d, k), found[d * k :], mean, scale, {})


def fit(stories: Sequence[Story], marks: dict[str, Mark], encoder: TextEncoder) -> PartsModel:
    features = [sentence_features(s.sentences, s.question, encoder) for s in stories]
    labels = [labels_of(marks[s.story_id]) for s in stories]
    return fit_weights(np.vstack(features), np.concatenate(labels))


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


def strengths_of(
    model: PartsModel, made: Sequence[tuple[Version, Mark]], encoder: TextEncoder
) -> dict[str, list[tuple[float, str]]]:
    """Per part, (strength, expected verdict) in every version: removed parts expected
    missing, the others as marked."""
    found: dict[str, list[tuple[float, str]]] = {part: [] for part in PARTS}
    for version, _ in made:
        best = np.zeros(len(PARTS))
        if version.sentences:
            features = sentence_features(version.sentences, version.story.question, encoder)
            best = model.probabilities(features)[:, : len(PARTS)].max(axis=0)
        for column, part in enumerate(PARTS):
            found[part].append((float(best[column]), version.expected[part]))
    return found


def figures(found: dict[str, PartTally]) -> dict[str, dict[str, float | int | None]]:
    def share(count: Count) -> float | None:
        return round(count.hits / count.total, 3) if count.total else None

    return {
        part: {
            "removed_missing": share(t.removed_missing),
            "removed_missing_or_partly": share(t.removed_missing_or_partly),
            "kept_covered": share(t.kept_covered),
            "quote_inside": share(t.quoted_inside),
            "inserted_quoted": share(t.inserted_quoted),
            "missing_right": share(t.missing_right),
            "removed": t.removed_missing.total,
        }
        for part, t in found.items()
    }


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
    marks, encoder = read_marks(), MiniLMEncoder()
    made = marked_versions(rows, marks)
    open_stories = [s for s in made if s.of("open")]
    students = sorted({student_of(s.participant) for s in open_stories})
    oof: dict[str, list[tuple[float, str]]] = {part: [] for part in PARTS}
    for fold in range(FOLDS):
        held = set(students[fold::FOLDS])
        trained = fit(
            [s for s in open_stories if student_of(s.participant) not in held], marks, encoder
        )
        tested = [
            pair for s in open_stories if student_of(s.participant) in held for pair in made[s]
        ]
        for part, found in strengths_of(trained, tested, encoder).items():
            oof[part].extend(found)
    cuts = choose_cuts(oof)
    missing_right = {
        part: round(float(np.mean([e == "missing" for s, e in found if s < cuts[part][0]])), 3)
        for part, found in oof.items()
    }  # out of fold: how often "missing" is right, which decides whether it is advice
    model = fit(open_stories, marks, encoder)
    model = PartsModel(model.weights, model.bias, model.mean, model.scale, cuts)
    judge = ClassifierJudge(encoder, model)
    locked = [pair for s in made if s.of("locked") for pair in made[s]]
    on_locked = figures(tally(judge, locked))
    payload = {
        "source": "hand marks of the stories of MIT Interview's development half "
        "(bench/judgement/parts/marks.json, MARKING.md)",
        "method": f"softmax regression, L2 {PENALTY}, fitted on the {len(open_stories)} "
        f"stories of the open students; cuts from {FOLDS}-fold out-of-fold strengths by "
        f"student: covered where {KEPT_COVERED:.0%} of kept covered parts reach, partly "
        f"where {KEPT_TOLD:.0%} of kept told parts reach",
        "date": date.today().isoformat(),
        "agreement_on": f"the {sum(s.of('locked') for s in made)} stories "
        "of the locked students, which no choice saw",
        "missing_right_out_of_fold": missing_right,
        "agreement": on_locked,
        "model": model.to_dict(),
    }
    args.out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({"cuts": cuts, "missing right": missing_right, "locked": on_locked}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``python -m bench.practice PAIRS.csv --out OUT.json``: is a second answer to a question
better, worse or about the same as the first, as the product says it of two attempts?

PAIRS.csv has the columns ``question_id, question, reference_answer, pair_id, first_answer,
second_answer`` (others ignored; ``python -m bench.practice.pairs`` builds one from graded
answers). Each answer is judged by the content judge against the reference answer, as
``bench.judgement`` does (judgements kept by their hash, so a second run is quick), and each
pair compared by the product's ``feedback.practice.content.content_change``. OUT.json is
``{"judge": ..., "pairs": [{"pair_id": ..., "content": "better"|"worse"|"same"}]}`` (a pair
with an answer the judge could not score is left out). When ``first_score, second_score`` are
present, the run prints how the verdicts agree with them (``agreement.py``), at the product's
margin and at every margin tried, and with ``--choose`` the margin the rule picks, out of fold
by question; the scores are never read to decide.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from bench.practice.agreement import MARGINS, chosen_margin, out_of_fold, rates
from bench.practice.judged import DEFAULT_JUDGEMENTS, judged_pairs
from bench.practice.pairs import Pair, read_pairs
from rehearse.feedback.practice.content import SAME_WITHIN, content_change


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.practice", description=__doc__)
    parser.add_argument("pairs", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--judgements", type=Path, default=DEFAULT_JUDGEMENTS)
    parser.add_argument(
        "--choose", action="store_true",
        help="print the margin the rule chooses on this file's grades, out of fold by question",
    )  # fmt: skip
    args = parser.parse_args(argv)
    try:
        pairs = read_pairs(args.pairs)
    except (OSError, ValueError) as error:
        print(f"cannot read {args.pairs}: {error}", file=sys.stderr)
        return 2
    name, by_pair = judged_pairs(pairs, args.judgements)
    verdicts = [content_change(*by_pair[p.pair_id]) for p in pairs]
    payload = {
        "judge": name,
        "pairs": [
            {"pair_id": p.pair_id, "content": v}
            for p, v in zip(pairs, verdicts, strict=True)
            if v is not None
        ],
    }
    args.out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    if any(p.graded_change is not None for p in pairs):

        def verdict_at(pair: Pair, margin: float) -> str | None:
            return content_change(*by_pair[pair.pair_id], same_within=margin)

        print(
            f"\nthe product (same within {SAME_WITHIN:g} points): {rates(pairs, verdicts).shown()}"
        )
        print("\nat each margin (points of the judge's score):")
        for margin in MARGINS:
            print(f"  {margin:>4g}  {rates(pairs, [verdict_at(p, margin) for p in pairs]).shown()}")
        if args.choose:
            found, margins = out_of_fold(pairs, verdict_at)
            print(f"\nout of fold by question (margins chosen {margins}): {found.shown()}")
            print(f"chosen on every pair of this file: {chosen_margin(pairs, verdict_at):g}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

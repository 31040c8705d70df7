"""Vector search speed: ``python -m bench.retrieval [--items 100000] [--queries 200]``."""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import numpy as np

from rehearse.interviewer.retrieval.index import VectorIndex

DIMENSIONS = 384  # all-MiniLM-L6-v2
TARGET_MS = 50.0


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.retrieval", description=__doc__)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--out", type=Path, default=Path("bench/results/retrieval.json"))
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((args.items, DIMENSIONS), dtype=np.float32)
    index = VectorIndex(DIMENSIONS)
    started = time.perf_counter()
    index.add([f"item-{i}" for i in range(args.items)], vectors)
    build = time.perf_counter() - started
    queries = vectors[rng.integers(0, args.items, args.queries)]
    index.search(queries[0], 10)  # warm-up
    timings = []
    for query in queries:
        began = time.perf_counter()
        hits = index.search(query, 10)
        timings.append((time.perf_counter() - began) * 1000)
        assert hits[0].score > 0.999  # the query itself is in the index
    p95 = sorted(timings)[int(0.95 * (len(timings) - 1))]
    result = {
        "items": args.items,
        "dimensions": DIMENSIONS,
        "build_seconds": round(build, 2),
        "query_ms_median": round(statistics.median(timings), 2),
        "query_ms_p95": round(p95, 2),
        "memory_mb": round(args.items * DIMENSIONS * 4 / 1024 / 1024, 1),
        "target_ms": TARGET_MS,
        "result": "PASS" if p95 <= TARGET_MS else "FAIL",
    }
    print(
        f"{args.items} vectors x {DIMENSIONS}: built in {result['build_seconds']} s, "
        f"{result['memory_mb']} MB; top-10 search median {result['query_ms_median']} ms, "
        f"p95 {result['query_ms_p95']} ms (target <= {TARGET_MS} ms): {result['result']}"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()

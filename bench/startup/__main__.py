"""First call against second, in fresh processes: ``python -m bench.startup [--runs 3]``.

A candidate's first answer and first report must not wait for models to load or code to
compile. Each run starts a new Python process that imports what the CLI imports, then does
the same work twice and times each: (1) ``rehearse analyze`` of a 10 s answer with a
question (speech analysis, content evaluation and scores; not the content judge, whose server
``bench.judgement.speed`` times), (2) scoring and rendering the
10-answer sample report (PDF and HTML). The target: the first call costs at most 1 s more
than the second. Writes ``bench/results/startup.json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.fixtures import AUDIO, REPO, RESULTS

ANSWER = AUDIO / "jfk.wav"
TARGET_EXTRA_SECONDS = 1.0

# Runs in the fresh process; prints {"import": s, "first": s, "second": s} as its last line.
_ANALYZE = """
import contextlib, io, json, sys, time
from pathlib import Path
began = time.perf_counter()
from rehearse.cli.analyze import analyze
imported = time.perf_counter() - began
times = []
for _ in range(2):
    began = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        analyze(Path(sys.argv[1]), question="Why do you want this job?", kind="behavioural",
                key_points=[], use_judge=False, as_json=True, video=True, model=None,
                max_minutes=None)
    times.append(time.perf_counter() - began)
print(json.dumps({"import": imported, "first": times[0], "second": times[1]}))
"""

_REPORT = """
import json, time
began = time.perf_counter()
from tests.support.sample_report import sample_report, score_all
from rehearse.interviewer.retrieval.encoder import MiniLMEncoder
from rehearse.reports.render.html import render_html
from rehearse.reports.render.pdf import render_pdf
imported = time.perf_counter() - began
times = []
for _ in range(2):
    began = time.perf_counter()
    report = sample_report()
    score_all(report, MiniLMEncoder())
    render_pdf(report)
    render_html(report)
    times.append(time.perf_counter() - began)
print(json.dumps({"import": imported, "first": times[0], "second": times[1]}))
"""


def _fresh(code: str, *args: str) -> dict[str, float]:
    done = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code, *args], cwd=REPO, check=True, capture_output=True, text=True
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _summary(name: str, runs: list[dict[str, float]]) -> dict[str, Any]:
    extra = [run["first"] - run["second"] for run in runs]
    median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    verdict = "PASS" if statistics.median(extra) <= TARGET_EXTRA_SECONDS else "FAIL"
    print(
        f"{name:8s} import {median['import']:.2f} s, first {median['first']:.2f} s, second "
        f"{median['second']:.2f} s, first - second {statistics.median(extra):+.2f} s "
        f"(each run: {', '.join(f'{e:+.2f}' for e in extra)}; target <= "
        f"{TARGET_EXTRA_SECONDS:.0f} s): {verdict}"
    )
    return {
        "runs": runs,
        "median": median,
        "extra_median": statistics.median(extra),
        "result": verdict,
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.startup", description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=RESULTS / "startup.json")
    args = parser.parse_args()
    results: dict[str, Any] = {"target_extra_seconds": TARGET_EXTRA_SECONDS}
    if ANSWER.exists():
        results["analyze"] = _summary(
            "analyze", [_fresh(_ANALYZE, str(ANSWER)) for _ in range(args.runs)]
        )
    else:
        print(f"analyze: skipped ({ANSWER} not found)")
    results["report"] = _summary("report", [_fresh(_REPORT) for _ in range(args.runs)])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n")
    print(f"Wrote {args.out}")


if __name__ == "__main__":
    main()

"""Report rendering speed: ``python -m bench.report [--runs 5] [--out bench/results/report.json]``.

Scores the 10 answers of the sample session (``tests.support.sample_report``) as the report builder
does (content evaluation with the bundled sentence encoder, all scores; the model loaded
beforehand, as in a running server), then renders the report to PDF and to HTML: once cold
(fonts registered, template compiled), then ``--runs`` times each; prints the median, min and
max and writes JSON. The target is the whole report, scoring, PDF and HTML, in under 5 s.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from tests.support.sample_report import sample_report, score_all

from rehearse.interviewer.retrieval.encoder import MiniLMEncoder
from rehearse.reports.render.html import render_html
from rehearse.reports.render.pdf import render_pdf

TARGET_SECONDS = 5.0


def _timed(render: Callable[[], object], runs: int) -> dict[str, float]:
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        render()
        timings.append(time.perf_counter() - began)
    return {
        "median": round(statistics.median(timings), 3),
        "min": round(min(timings), 3),
        "max": round(max(timings), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.report", description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=Path("bench/results/report.json"))
    args = parser.parse_args()
    report = sample_report()
    encoder = MiniLMEncoder()
    encoder.encode(["load the model"])
    scoring_times = _timed(lambda: score_all(report, encoder), args.runs)
    began = time.perf_counter()
    pdf = render_pdf(report)
    html = render_html(report)
    cold = time.perf_counter() - began
    pdf_times = _timed(lambda: render_pdf(report), args.runs)
    html_times = _timed(lambda: render_html(report), args.runs)
    total = scoring_times["median"] + pdf_times["median"] + html_times["median"]
    result: dict[str, Any] = {
        "answers": len(report.answers),
        "pages": len(PdfReader(io.BytesIO(pdf)).pages),
        "pdf_kb": round(len(pdf) / 1024, 1),
        "html_kb": round(len(html.encode()) / 1024, 1),
        "runs": args.runs,
        "cold_seconds": round(cold, 3),
        "scoring_seconds": scoring_times,
        "pdf_seconds": pdf_times,
        "html_seconds": html_times,
        "total_seconds_median": round(total, 3),
        "cpus": os.cpu_count(),
        "reportlab": version("reportlab"),
        "jinja2": version("jinja2"),
        "target_seconds": TARGET_SECONDS,
        "result": "PASS" if total - pdf_times["median"] + cold <= TARGET_SECONDS else "FAIL",
    }
    print(
        f"Report of {result['answers']} answers, {result['pages']} pages "
        f"({result['pdf_kb']} KB PDF, {result['html_kb']} KB HTML), {args.runs} runs:\n"
        f"  scoring median {scoring_times['median']:.3f} s (min {scoring_times['min']:.3f}, "
        f"max {scoring_times['max']:.3f})\n"
        f"  PDF  median {pdf_times['median']:.3f} s (min {pdf_times['min']:.3f}, "
        f"max {pdf_times['max']:.3f})\n"
        f"  HTML median {html_times['median']:.3f} s (min {html_times['min']:.3f}, "
        f"max {html_times['max']:.3f})\n"
        f"  all {total:.3f} s warm, render {cold:.3f} s cold (target < {TARGET_SECONDS:.0f} s): "
        f"{result['result']}"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()

"""``python -m bench.live.judge [--answers 3] [--lengths 60] [--candidates 1 2]``: live
captions and the turn after Done with the content judge idle and busy, side by side in one
run on one server.

The server runs on the embedded defaults with its own judge off, so that nothing but this
benchmark decides when a judge runs; ``bench.live.busy`` keeps the bundled model judging
without pause (on its own llama.cpp server at nice 10, as the product starts it) through the
busy half. Each half measures what ``python -m bench.live`` does: several candidates
streaming at once (caption lag), then a candidate in Chromium answering out loud with the
camera on (Done to the next prompt, caption lag). Targets (issue 35): captions within 0.2 s
p95 of their idle figure, Done to the next prompt within 1.5 s p95. Writes
``bench/results/live-judge.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from bench.fixtures import RESULTS
from bench.live.__main__ import (
    at_once,
    in_browser,
    make_camera,
    make_program,
    serve,
    summary,
)
from bench.live.busy import busy_judge
from bench.machine import cpu_model, load_average


def _browser_summary(answers: list[dict[str, Any]]) -> dict[str, Any]:
    measured = [a for a in answers if not a["warm_up"]]
    return {
        "done_to_prompt_seconds": summary([a["done_to_prompt_seconds"] for a in measured]),
        "caption_lag_seconds": summary(
            [lag for a in measured for lag in a["caption_lags_seconds"]]
        ),
        "answers": answers,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=3, help="answers per length")
    parser.add_argument("--lengths", type=int, nargs="*", default=[60])
    parser.add_argument("--candidates", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--out", type=Path, default=RESULTS / "live-judge.json")
    args = parser.parse_args()
    results: dict[str, Any] = {
        "machine": f"{os.cpu_count()} cores, {cpu_model()}",
        "command": " ".join(["python -m bench.live.judge", *sys.argv[1:]]),
    }
    with tempfile.TemporaryDirectory(prefix="bench-live-judge-") as temporary:
        folder = Path(temporary)
        program, camera = make_program(folder), make_camera(folder)
        with serve(folder, llm="off") as (url, pid):
            for half in ("idle", "busy"):
                print(f"-- judge {half}", flush=True)
                found: dict[str, Any] = {"load_average_at_start": load_average()}
                with busy_judge() if half == "busy" else nullcontext([0]) as judged:
                    found["at_once"] = at_once(url, pid, program, args.candidates)
                    answers = in_browser(
                        url, program, camera, args.lengths, args.answers, jobs_wait=0.0,
                        email=f"{half}@example.com",
                    )  # fmt: skip
                    found["browser"] = _browser_summary(answers)
                found["judgements_made"] = judged[0]
                results[half] = found
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    _print(results, args.candidates)
    print(f"wrote {args.out}")


def _print(results: dict[str, Any], candidates: list[int]) -> None:
    for index, count in enumerate(candidates):
        idle = results["idle"]["at_once"][index]["caption_lag_seconds"]["p95"]
        busy = results["busy"]["at_once"][index]["caption_lag_seconds"]["p95"]
        print(f"{count} streaming: caption lag p95 {idle} s idle, {busy} s judge busy")
    for name in ("done_to_prompt_seconds", "caption_lag_seconds"):
        idle = results["idle"]["browser"][name]
        busy = results["busy"]["browser"][name]
        print(
            f"browser {name}: p50 {idle['p50']} / p95 {idle['p95']} s idle, "
            f"p50 {busy['p50']} / p95 {busy['p95']} s judge busy "
            f"({results['busy']['judgements_made']} judgements made meanwhile)"
        )


if __name__ == "__main__":
    main()

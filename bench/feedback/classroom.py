"""``python -m bench.feedback.classroom [--candidates 1 2 4 8] [--seconds 45] [--out OUT.json]``:
a class interviewed at once on the scaled-out layout, with the judge.

The servers an operator would run on one 2-core machine: PostgreSQL (a database of its own),
Redis, ``rehearse serve`` and 2 ``rehearse worker`` processes, each worker judging with its own
llama.cpp server held to one thread (``REHEARSE_LLM_THREADS=1``). For each class size N, N
candidates start at once, each doing what the browser does (``bench.feedback``'s ``Candidate``:
the live socket in real time, 250 ms PCM frames and the recorder's chunk every second, then
Done, the final captions, the recording posted and the interviewer's turn) for three story
questions with real speech (the fixture clips, ``--seconds`` each, a different order for each
candidate), then End. Measured, over the class:

- **caption lag**: each time the captions show a newer word, the seconds since it was said;
- **Done to next question**: from Done to the interviewer's turn answered (final captions,
  upload and turn, as the page waits for them);
- **End to report**: from End until the report has every answer judged and nothing under way
  (asked every 3 s, as the dashboard asks);
- **errors**: requests refused or failed, and sockets that broke;
- **the page's estimate**: the judge's line as ``GET /api/jobs/wait`` first says it once the
  candidate's answers are all analysed (when the dashboard's banner says "the content judge is
  still reading"), against the real wait from then until the report is complete (the share of
  candidates within half to twice);
- **judged per minute**: the class's judged answers over the span from the first answer's
  judge job created to the last one done.

Writes OUT.json (``bench/results/feedback-class.json`` by default): ``{"class": [{"candidates",
"workers", "caption_lag_p95_s", "next_question_p95_s", "end_to_report_p95_s", "errors",
"reports_complete", "judged_per_minute", ...}]}``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text

from bench.feedback.__main__ import QUESTIONS, Candidate, _complete, recorder_chunks, speech
from bench.feedback.scaling import within_half_to_twice
from bench.fixtures import RESULTS
from bench.live.__main__ import percentile, summary
from bench.load.servers import REDIS, postgres_database, rehearse_process, wait_healthy
from bench.machine import cpu_model, free_port, load_average
from rehearse.config import default_data_dir

WORKERS = 2
REPORT_POLL_SECONDS = 3.0  # as the dashboard asks
GUARD_SECONDS = 900.0


@contextmanager
def scaled_layout(folder: Path, llm: str = "on") -> Iterator[tuple[str, str]]:
    """PostgreSQL, Redis, ``rehearse serve`` and the workers; the API's URL and the database's."""
    with ExitStack() as stack:
        database = stack.enter_context(postgres_database())
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("REHEARSE_")} | {
            "REHEARSE_DATABASE_URL": database,
            "REHEARSE_QUEUE_URL": REDIS,
            "REHEARSE_QUEUE_NAMESPACE": f"bench-{uuid.uuid4().hex[:8]}",
            "REHEARSE_CACHE_DIR": str(default_data_dir() / "cache"),  # the bundled models
            "REHEARSE_DATA_DIR": str(folder / "api"),
            # No bucket here: the recordings' folder, which the API and workers all see.
            "REHEARSE_BLOB_DIR": str(folder / "blobs"),
            "REHEARSE_PORT": str(port),
            "REHEARSE_LLM": llm,
            "REHEARSE_SIGN_IN_RATE_LIMIT": "100000/minute",
        }
        subprocess.run([sys.executable, "-m", "rehearse", "db", "upgrade"], env=env, check=True)
        for number in range(WORKERS):
            own = env | {
                "REHEARSE_LLM_THREADS": "1",
                "REHEARSE_DATA_DIR": str(folder / f"worker-{number}"),
            }
            stack.enter_context(rehearse_process(["worker"], own, folder / f"worker-{number}.log"))
        stack.enter_context(rehearse_process(["serve"], env, folder / "serve.log"))
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, timeout=180, path="/ready")
        yield url, database


async def candidate_interview(
    url: str, email: str, answers: Sequence[tuple[Any, list[bytes]]]
) -> dict[str, Any]:
    """One candidate's interview: the caption lags, Done to each turn, End to the report."""
    candidate = Candidate(url, email)
    measured: dict[str, Any] = {"lags": [], "next_question_s": [], "errors": []}
    try:
        await candidate.sign_up()
        sid, questions = await candidate.session_of(QUESTIONS)
        for question_id, (samples, chunks) in zip(questions, answers, strict=True):
            spoken = await candidate.speak(question_id, samples, attempt=False, chunks=chunks)
            measured["lags"] += spoken["lags"]
            files = {"media": ("answer.webm", spoken["recording"], "audio/webm")}
            answer = await candidate.call(
                "POST", f"/api/sessions/{sid}/questions/{question_id}/answers", files=files
            )
            body = {"live_transcript_id": spoken["final"].get("live_transcript_id")}
            turn = f"/api/sessions/{sid}/answers/{answer['id']}/turn"
            await candidate.call("POST", turn, json=body)
            measured["next_question_s"].append(time.monotonic() - spoken["done"])
        end = time.monotonic()
        await candidate.call("POST", f"/api/sessions/{sid}/complete")
        told: tuple[float, float] | None = None  # the page's first estimate, and when
        while time.monotonic() - end < GUARD_SECONDS:
            report = await candidate.call("GET", f"/api/sessions/{sid}/report")
            if told is None and _analysed(report):  # the dashboard's judging banner shows
                wait = await candidate.call("GET", "/api/jobs/wait?kind=answer.judge_content")
                if wait["yours"] and wait["seconds"] is not None:
                    told = (wait["seconds"], time.monotonic())
            if _complete(report):
                measured["end_to_report_s"] = time.monotonic() - end
                if told is not None:
                    measured["real_over_estimate"] = (time.monotonic() - told[1]) / told[0]
                break
            await asyncio.sleep(REPORT_POLL_SECONDS)
    except (httpx.HTTPError, OSError, KeyError, TimeoutError) as error:
        measured["errors"].append(f"{type(error).__name__}: {error}"[:300])
    finally:
        await candidate.client.aclose()
    return measured


def _analysed(report: dict[str, Any]) -> bool:
    """Every answer analysed: what is left is the judge (the dashboard says so then)."""
    pending = ("being analysed", "Still being")
    return all(a["answered"] for a in report["answers"]) and not any(
        p in w for a in report["answers"] for w in a["warnings"] for p in pending
    )


def judged_per_minute(database: str, since: float) -> float | None:
    """The judge jobs done since ``since`` (epoch seconds), per minute of their span."""
    engine = create_engine(database)
    with engine.connect() as connection:
        first, last, done = connection.execute(
            text(
                "SELECT min(created_at), max(finished_at), count(*) FROM jobs "
                "WHERE kind = 'answer.judge_content' AND status = 'done' "
                "AND created_at >= to_timestamp(:since)"
            ),
            {"since": since},
        ).one()
    engine.dispose()
    if not done or first is None or last is None:
        return None
    return round(float(done) * 60 / float((last - first).total_seconds()), 2)


def one_class(url: str, database: str, size: int, seconds: float, seed: int) -> dict[str, Any]:
    """``size`` candidates at once; the class's figures."""
    answers = [
        [(samples, recorder_chunks(samples)) for samples in (speech(seconds, seed + c * 3 + i)
         for i in range(len(QUESTIONS)))]
        for c in range(size)
    ]  # fmt: skip
    since = time.time()

    async def everyone() -> list[dict[str, Any]]:
        return await asyncio.gather(
            *(candidate_interview(url, f"c{seed}-{c}@example.com", answers[c]) for c in range(size))
        )

    results = asyncio.run(everyone())
    lags = [lag for one in results for lag in one["lags"]]
    turns = [t for one in results for t in one["next_question_s"]]
    ends = [one["end_to_report_s"] for one in results if "end_to_report_s" in one]
    ratios = [one["real_over_estimate"] for one in results if "real_over_estimate" in one]
    return {
        "candidates": size,
        "workers": WORKERS,
        "caption_lag_p95_s": _round(percentile(lags, 0.95)),
        "next_question_p95_s": _round(percentile(turns, 0.95)),
        "end_to_report_p95_s": _round(percentile(ends, 0.95)),
        "errors": sum(len(one["errors"]) for one in results),
        "reports_complete": len(ends),
        "judged_per_minute": judged_per_minute(database, since),
        "caption_lag_s": summary(lags),
        "next_question_s": summary(turns),
        "end_to_report_s": summary(ends),
        "estimate_within_half_to_twice": within_half_to_twice(ratios),
        "real_over_estimate": [round(r, 2) for r in ratios],
        "error_messages": [e for one in results for e in one["errors"]][:10],
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.feedback.classroom", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--candidates", type=int, nargs="+", default=[1, 2, 4, 8])
    parser.add_argument("--seconds", type=float, default=45.0, help="each answer's length")
    parser.add_argument("--out", type=Path, default=RESULTS / "feedback-class.json")
    parser.add_argument("--keep", type=Path, help="keep the servers' logs in this folder")
    args = parser.parse_args(argv)
    runs = []
    with ExitStack() as stack:
        folder = args.keep or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        folder.mkdir(parents=True, exist_ok=True)
        url, database = stack.enter_context(scaled_layout(folder))
        one_class(url, database, 1, args.seconds, seed=1000)  # warms the workers' judges up
        for number, size in enumerate(args.candidates):
            print(f"{size} candidate(s) at once…", file=sys.stderr, flush=True)
            runs.append(one_class(url, database, size, args.seconds, seed=100 * (number + 1)))
            run = runs[-1]
            print(
                f"{size} at once: caption lag p95 {run['caption_lag_p95_s']} s, Done to next "
                f"question p95 {run['next_question_p95_s']} s, End to report p95 "
                f"{run['end_to_report_p95_s']} s, {run['errors']} errors, "
                f"{run['reports_complete']}/{size} reports complete, "
                f"{run['judged_per_minute']} judged a minute, estimate within half to twice "
                f"for {run['estimate_within_half_to_twice']}",
                flush=True,
            )
    report = {
        "machine": {"cpu": cpu_model(), "cores": os.cpu_count(), "load_average": load_average()},
        "answer_seconds": args.seconds,
        "class": runs,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``python -m bench.feedback.scaling [--answers 12] [--workers 1 2] [--out OUT.json]``: judged
answers per minute on the scaled-out layout, with 1 and with 2 ``rehearse worker`` processes,
each worker's judge (its own llama.cpp server, the default) held to one core.

The answers are real: the interview answers of ``../shared/data/mit-interview/ratings-dev.csv``
(the candidates' words as transcribed), each a typed answer to its question in a PostgreSQL
database of its own, judged by the product's own job (``answer.judge_content``) through Redis,
as a spoken answer is once it is transcribed. For each worker count, fresh workers start (on
``taskset`` cores 0, 1, ...; ``REHEARSE_LLM_THREADS=1``), judge a warm-up batch of two answers
each (their servers started, their instructions read), then the timed batch, queued at once:
answers per minute = answers / (last verdict kept - queued), from the job rows. The ratio of
the two rates is the figure that holds across machines (issue 67 asks for at least 1.7).
Writes OUT.json (``bench/results/feedback-scaling.json`` by default):
``{"scaling": {"one_worker_per_minute", "two_workers_per_minute", "ratio"}, "runs": [...]}``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bench.fixtures import RESULTS
from bench.load.servers import REDIS, postgres_database, rehearse_process
from bench.machine import cpu_model, load_average
from bench.validity.__main__ import DEFAULT_RATINGS, read_ratings
from bench.validity.turns import Exchange, split_interview
from rehearse.accounts.models import User
from rehearse.config import Settings, default_data_dir
from rehearse.interviews.models import Answer, InterviewSession, Question, QuestionKind
from rehearse.jobs.models import Job, JobStatus
from rehearse.jobs.wait import wait_for
from rehearse.reports.judging import JUDGE_CONTENT, queue_judgement
from rehearse.runtime import Runtime

WARM_PER_WORKER = 2
POLL_SECONDS = 0.5
GUARD_SECONDS = 1800.0
MIN_WORDS = 60  # answers of a spoken minute's kind, not "yes, I did"


def real_answers(ratings: Path, count: int) -> list[Exchange]:
    """``count`` interview answers of at least MIN_WORDS words, in the ratings file's order."""
    found = []
    for row in read_ratings(ratings):
        for exchange in split_interview(row["Transcript"]):
            if len(exchange.answer.split()) >= MIN_WORDS:
                found.append(exchange)
                if len(found) == count:
                    return found
    raise SystemExit(f"{ratings} holds fewer than {count} answers of {MIN_WORDS}+ words")


def queue_answers(runtime: Runtime, exchanges: Sequence[Exchange]) -> list[uuid.UUID]:
    """Each exchange as a new user's typed answer, its judgement queued: the users, in order."""
    users = []
    with runtime.database.transaction() as db:
        for exchange in exchanges:
            user = User(email=f"{uuid.uuid4().hex}@bench.example", password_hash="x")  # noqa: S106
            db.add(user)
            db.flush()
            users.append(user.id)
            interview = InterviewSession(user_id=user.id, title="scaling")
            db.add(interview)
            db.flush()
            question = Question(
                session_id=interview.id, position=1, text=exchange.question,
                kind=QuestionKind.BEHAVIOURAL, topic="", key_points=[],
            )  # fmt: skip
            db.add(question)
            db.flush()
            db.add(Answer(question_id=question.id, session_id=interview.id, text=exchange.answer))
            queue_judgement(db, runtime.queue, question.id, user.id)
    return users


def estimates(runtime: Runtime, users: Sequence[uuid.UUID]) -> dict[uuid.UUID, float | None]:
    """What the pages would tell each user now: seconds until their answer is judged."""
    with runtime.database.sessions() as db:
        waits = {user: wait_for(db, user, JUDGE_CONTENT) for user in users}
    return {user: wait.seconds if wait else None for user, wait in waits.items()}


def waited(runtime: Runtime, users: Sequence[uuid.UUID], since: float) -> dict[uuid.UUID, float]:
    """Seconds from ``since`` until each user's judge job was done."""
    with runtime.database.sessions() as db:
        rows = db.execute(
            select(Job.user_id, Job.finished_at).where(
                Job.kind == JUDGE_CONTENT, Job.user_id.in_(users)
            )
        ).all()
    return {user: end.timestamp() - since for user, end in rows if user and end}


def wait_judged(runtime: Runtime, expected: int) -> float:
    """Wait until ``expected`` judge jobs in all are done; the time the last was kept."""
    deadline = time.monotonic() + GUARD_SECONDS
    while time.monotonic() < deadline:
        with runtime.database.sessions() as db:
            done, failed, last = db.execute(
                select(
                    func.count().filter(Job.status == JobStatus.DONE),
                    func.count().filter(Job.status == JobStatus.FAILED),
                    func.max(Job.finished_at),
                ).where(Job.kind == JUDGE_CONTENT)
            ).one()
        if failed:
            raise SystemExit(f"{failed} judge jobs failed: see the workers' logs")
        if done >= expected and last is not None:
            return float(last.timestamp())
        time.sleep(POLL_SECONDS)
    raise SystemExit(f"the answers were not judged within {GUARD_SECONDS:.0f} s")


@contextmanager
def workers(count: int, env: dict[str, str], folder: Path) -> Iterator[None]:
    """``count`` workers, each on a core of its own, its judge held to one thread."""
    with ExitStack() as stack:
        for core in range(count):
            log = folder / f"worker-{count}-{core}.log"
            own = env | {
                "REHEARSE_LLM_THREADS": "1",
                "REHEARSE_DATA_DIR": str(folder / f"data-{core}"),
            }
            stack.enter_context(rehearse_process(["worker"], own, log, cores=[core]))
        yield


def within_half_to_twice(ratios: Sequence[float]) -> float | None:
    """The share of real waits within half to twice what the page estimated (issue 67's bar)."""
    return round(sum(1 for r in ratios if 0.5 <= r <= 2) / len(ratios), 2) if ratios else None


def measure(
    count: int, exchanges: Sequence[Exchange], warm: Sequence[Exchange], folder: Path
) -> dict[str, Any]:
    """Judged answers per minute with ``count`` workers, on a database of their own."""
    with postgres_database() as url:
        env = {k: v for k, v in os.environ.items() if not k.startswith("REHEARSE_")} | {
            "REHEARSE_DATABASE_URL": url,
            "REHEARSE_QUEUE_URL": REDIS,
            "REHEARSE_QUEUE_NAMESPACE": f"bench-{uuid.uuid4().hex[:8]}",
            "REHEARSE_CACHE_DIR": str(default_data_dir() / "cache"),  # the judge's model
            "REHEARSE_LLM_KEEP_READINGS": "off",  # the judge timed, not its kept readings
            "REHEARSE_LOG_LEVEL": "WARNING",
        }
        settings = Settings(
            database_url=url, queue_url=REDIS, queue_namespace=env["REHEARSE_QUEUE_NAMESPACE"],
            data_dir=folder / "api", llm="off",
        )  # fmt: skip
        subprocess.run([sys.executable, "-m", "rehearse", "db", "upgrade"], env=env, check=True)
        runtime = Runtime(settings)
        try:
            with workers(count, env, folder):
                queue_answers(runtime, warm[: WARM_PER_WORKER * count])
                wait_judged(runtime, WARM_PER_WORKER * count)
                users = queue_answers(runtime, exchanges)
                queued = time.time()
                told = estimates(runtime, users)
                last = wait_judged(runtime, WARM_PER_WORKER * count + len(exchanges))
                real = waited(runtime, users, queued)
        finally:
            runtime.close()
    seconds = last - queued
    ratios = [real[user] / said for user, said in told.items() if said and user in real]
    return {
        "workers": count,
        "answers": len(exchanges),
        "seconds": round(seconds, 1),
        "per_minute": round(len(exchanges) * 60 / seconds, 2),
        # The page's estimate at the moment the answers were queued against the real wait:
        # the share of answers whose real wait was within half to twice what it said.
        "estimate_within_half_to_twice": within_half_to_twice(ratios),
        "real_over_estimate": [round(r, 2) for r in ratios],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.feedback.scaling", description=__doc__)
    parser.add_argument("ratings", type=Path, nargs="?", default=DEFAULT_RATINGS)
    parser.add_argument("--answers", type=int, default=12)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--out", type=Path, default=RESULTS / "feedback-scaling.json")
    parser.add_argument("--keep", action="store_true", help="keep the workers' logs")
    args = parser.parse_args(argv)
    if not args.ratings.is_file():
        print(f"no ratings file at {args.ratings}", file=sys.stderr)
        return 2
    if any(count > (os.cpu_count() or 1) for count in args.workers):
        print("more workers than cores: each worker's judge is held to a core", file=sys.stderr)
        return 2
    answers = real_answers(args.ratings, args.answers + WARM_PER_WORKER * max(args.workers))
    exchanges, warm = answers[: args.answers], answers[args.answers :]
    folder = Path(tempfile.mkdtemp(prefix="bench-scaling-"))
    runs = []
    try:
        for count in args.workers:
            print(f"{count} worker(s): judging {len(exchanges)} answers…", file=sys.stderr)
            runs.append(measure(count, exchanges, warm, folder))
            run = runs[-1]
            print(
                f"  {run['per_minute']:.2f} answers a minute ({run['seconds']:.0f} s for "
                f"{len(exchanges)}); the page's wait within half to twice the real one for "
                f"{run['estimate_within_half_to_twice']} of them"
            )
    finally:
        if args.keep:
            print(f"logs in {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)
    rates = {run["workers"]: run["per_minute"] for run in runs}
    scaling: dict[str, Any] = {
        "one_worker_per_minute": rates.get(1),
        "two_workers_per_minute": rates.get(2),
    }
    if 1 in rates and 2 in rates:
        scaling["ratio"] = round(rates[2] / rates[1], 2)
        print(f"2 workers / 1 worker: {scaling['ratio']:.2f}x (issue 67 asks for >= 1.7)")
    report = {
        "machine": {"cpu": cpu_model(), "load_average": load_average()},
        "scaling": scaling,
        "runs": runs,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

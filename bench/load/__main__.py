"""A classroom at once: ``python -m bench.load [--layouts embedded scaled] [--candidates 50 100
200] [--burst 500]``.

Starts real servers on the loopback, as an operator would: the embedded default
(``rehearse serve`` on SQLite, jobs in the process) and the scaled-out layout (PostgreSQL,
Redis, ``rehearse serve`` and 2 ``rehearse worker`` processes). Then N simulated candidates
start at the same moment, each going through a whole practice: sign up, get a token, set up
a session with a job description and a résumé (PDF), plan it, fetch the questions, answer the
first with a real spoken recording, wait for its analysis, take the interviewer's turn and
fetch the report. A 503 is retried after its Retry-After, as the web pages do (each attempt
is counted). Finally a burst: ``--burst`` simultaneous requests by the signed-up candidates,
from a lean client (``burst.py``) so that the client's own cost stays out of the figures.

It reports errors by status and p50/p95/p99 per route, the slowest request, and the time
until every answer is analysed; ``bench/results/load-<layouts>.json`` keeps the figures. The targets
(issue 14): no 500 at all, no request over 5 s other than planning and reports, and in the
burst every request answered or refused with 503 + Retry-After within 5 s.

Each request carries its own ``X-Request-ID``, and the server logs every request with its id
and duration, so every figure is given twice: as the client saw it and as the server measured
it (from the moment the request reached the app to its response). The client stands in for
browsers on other machines: the candidates are shared among 4 client processes, which run at
a higher CPU priority than the servers (nice -10, where allowed), and each measures its own
event loop's lag, so a slow figure can be told apart from a starved client. ``--keep`` keeps
the servers' logs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path
from typing import Any

import httpx
from tests.support.burst import Call, burst

from bench.fixtures import FIXTURES, REPO, RESULTS
from bench.load import class_view
from bench.load.servers import REDIS, postgres_database, rehearse_process, wait_healthy
from bench.machine import free_port, load_average

RESUME = FIXTURES / "resumes" / "resume-matcher_john_doe_senior_swe.pdf"
JOB = FIXTURES / "jobs" / "software_engineer_login_gov.txt"
PASSWORD = "violet-harbour-cactus-92"  # noqa: S105 (the simulated candidates' own)
SLOW_ALLOWED = {"POST /api/sessions/{id}/plan", "GET /api/sessions/{id}/report"}
LIMIT_SECONDS = 5.0
CLIENT_PRIORITY = -10  # nice value of the simulated candidates' process (see _client_first)
CLIENT_PROCESSES = 4  # the candidates are shared among this many client processes
CLIENT_START_SECONDS = 2.0
BUSY_RETRIES = 60  # a candidate keeps trying, as a person would
ANSWER_TEXT = (
    "In my last role I led the move of our billing service to PostgreSQL. "
    "I planned it in three stages, and we cut the monthly cost by thirty percent."
)


class Recorder:
    """Every request's route, status and seconds, and the client's event loop lag."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.loop_lag = 0.0

    def add(self, call: Call) -> None:
        self.calls.append(call)

    async def watch_loop(self, interval: float = 0.1) -> None:
        """Until cancelled: how late this process's event loop wakes up (a starved client)."""
        while True:
            began = time.perf_counter()
            await asyncio.sleep(interval)
            self.loop_lag = max(self.loop_lag, time.perf_counter() - began - interval)

    def summary(self, server_seconds: dict[str, float]) -> dict[str, Any]:
        statuses = Counter(call.status for call in self.calls)
        client = _by_class(self.calls, lambda call: call.seconds)
        served = [call for call in self.calls if call.request_id in server_seconds]
        server = _by_class(served, lambda call: server_seconds[call.request_id])
        return {
            "requests": len(self.calls),
            "statuses": dict(sorted(statuses.items())),
            "dropped": dict(Counter(call.dropped for call in self.calls if call.dropped)),
            "503_without_retry_after": sum(
                1 for call in self.calls if call.status == 503 and not call.retry_after
            ),
            "over_5s_outside_plan_and_report": sum(
                1
                for call in self.calls
                if call.seconds > LIMIT_SECONDS and call.route not in SLOW_ALLOWED
            ),
            "server_over_5s_outside_plan_and_report": sum(
                1
                for call in served
                if server_seconds[call.request_id] > LIMIT_SECONDS
                and call.route not in SLOW_ALLOWED
            ),
            "slowest": round(max((call.seconds for call in self.calls), default=0.0), 3),
            "client_loop_lag_max": round(self.loop_lag, 3),
            "logged_by_server": len(served),
            "classes": client["classes"],
            "server_classes": server["classes"],
            "routes": client["routes"],
            "server_routes": server["routes"],
        }


def _by_class(calls: list[Call], seconds: Callable[[Call], float]) -> dict[str, Any]:
    """Percentiles per route, per class (plan and report, the rest) and per status class."""
    groups: dict[str, list[float]] = defaultdict(list)
    classes: dict[str, list[float]] = defaultdict(list)
    for call in calls:
        value = seconds(call)
        groups[call.route].append(value)
        kind = "plan and report" if call.route in SLOW_ALLOWED else "others"
        outcome = "503" if call.status == 503 else "answered"
        classes[f"{kind}, {outcome}"].append(value)
    return {
        "routes": {name: _percentiles(times) for name, times in sorted(groups.items())},
        "classes": {name: _percentiles(times) for name, times in sorted(classes.items())},
    }


def _percentiles(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)

    def at(fraction: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(fraction * len(ordered)))], 3)

    return {
        "count": len(ordered),
        "p50": at(0.50),
        "p95": at(0.95),
        "p99": at(0.99),
        "max": round(ordered[-1], 3),
    }


async def _call(
    client: httpx.AsyncClient, recorder: Recorder, route: str, method: str, url: str, **kw: Any
) -> httpx.Response:
    """One request, sent again after Retry-After while the server answers 503."""
    for _ in range(BUSY_RETRIES):
        request_id = uuid.uuid4().hex
        headers = {"X-Request-ID": request_id}
        began = time.perf_counter()
        try:
            response = await client.request(method, url, headers=headers, **kw)
        except httpx.HTTPError as exc:
            seconds = time.perf_counter() - began
            recorder.add(Call(route, 599, seconds, False, request_id, dropped=repr(exc)))
            raise RuntimeError(f"{route}: {exc!r}") from exc
        retry_after = response.headers.get("retry-after")
        seconds = time.perf_counter() - began
        recorder.add(Call(route, response.status_code, seconds, bool(retry_after), request_id))
        if response.status_code != 503:
            return response
        await asyncio.sleep(float(retry_after or 2))
    return response


async def _candidate(
    base: str, index: int, recorder: Recorder, recording: bytes, analysed: list[float]
) -> str | None:
    """One whole practice; returns what went wrong, or None."""
    limits = httpx.Limits(max_connections=4)
    async with httpx.AsyncClient(base_url=base, timeout=300, limits=limits) as client:
        email = f"candidate{index}-{uuid.uuid4().hex[:6]}@example.com"
        account = {"email": email, "password": PASSWORD}
        steps: list[tuple[str, int]] = []

        async def call(route: str, method: str, url: str, ok: int = 200, **kw: Any) -> Any:
            response = await _call(client, recorder, route, method, url, **kw)
            if response.status_code == 401 and "refresh" in tokens and "refresh" not in url:
                # The access token (15 min) expired while the analysis was queued: refresh
                # it, as an API client does, and ask again.
                await refresh()
                response = await _call(client, recorder, route, method, url, **kw)
            steps.append((route, response.status_code))
            if response.status_code != ok:
                raise RuntimeError(
                    f"{route} answered {response.status_code}: {response.text[:200]}"
                )
            return response.json() if response.content else None

        tokens: dict[str, str] = {}

        async def refresh() -> None:
            body = {"refresh_token": tokens["refresh"]}
            pair = await call("POST /api/auth/refresh", "POST", "/api/auth/refresh", json=body)
            tokens["refresh"] = pair["refresh_token"]
            client.headers["Authorization"] = f"Bearer {pair['access_token']}"

        try:
            await call("POST /api/auth/signup", "POST", "/api/auth/signup", 201, json=account)
            pair = await call("POST /api/auth/token", "POST", "/api/auth/token", json=account)
            tokens["refresh"] = pair["refresh_token"]
            client.headers["Authorization"] = f"Bearer {pair['access_token']}"
            job = JOB.read_text(encoding="utf-8")
            session = await call(
                "POST /api/sessions",
                "POST",
                "/api/sessions",
                201,
                json={"title": f"Practice {index}", "job_description": job},
            )
            sid = session["id"]
            await call(
                "PUT /api/sessions/{id}/resume",
                "PUT",
                f"/api/sessions/{sid}/resume",
                files={"file": ("cv.pdf", RESUME.read_bytes(), "application/pdf")},
            )
            await call(
                "POST /api/sessions/{id}/plan",
                "POST",
                f"/api/sessions/{sid}/plan",
                json={"length": 3},
            )
            questions = await call(
                "GET /api/sessions/{id}/questions", "GET", f"/api/sessions/{sid}/questions"
            )
            qid = questions[0]["id"]
            answered = time.perf_counter()
            answer = await call(
                "POST /api/sessions/{id}/questions/{id}/answers",
                "POST",
                f"/api/sessions/{sid}/questions/{qid}/answers",
                201,
                files={"media": ("answer.wav", recording, "audio/wav")},
            )
            while True:
                job_state = await call(
                    "GET /api/jobs/{id}", "GET", f"/api/jobs/{answer['analysis_job_id']}"
                )
                if job_state["status"] in ("done", "failed"):
                    break
                await asyncio.sleep(1.0)
            if job_state["status"] != "done":
                raise RuntimeError(f"analysis failed: {job_state['error']}")
            analysed.append(time.perf_counter() - answered)
            await call(
                "POST /api/sessions/{id}/answers/{id}/turn",
                "POST",
                f"/api/sessions/{sid}/answers/{answer['id']}/turn",
            )
            await call("GET /api/sessions/{id}/report", "GET", f"/api/sessions/{sid}/report")
            await call("GET /api/me", "GET", "/api/me")
        except Exception as exc:
            return f"{exc}"
        return None


async def _burst(base: str, requests: int, tokens: list[str], recorder: Recorder) -> None:
    """``requests`` at one moment from a lean client (``burst.py``), the loop lag watched."""
    watcher = asyncio.create_task(recorder.watch_loop())
    for call in await burst(base, requests, tokens):
        recorder.add(call)
    watcher.cancel()


async def _burst_tokens(base: str, count: int) -> list[str]:
    tokens = []
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        for index in range(count):
            account = {
                "email": f"burst{index}-{uuid.uuid4().hex[:6]}@example.com",
                "password": PASSWORD,
            }
            await client.post("/api/auth/signup", json=account)
            response = await client.post("/api/auth/token", json=account)
            tokens.append(response.json()["access_token"])
    return tokens


def _recording(folder: Path) -> bytes:
    """A spoken answer of about 9 s, made with espeak-ng (the candidates all send it)."""
    path = folder / "answer.wav"
    command = ["espeak-ng", "-s", "150", "-w", str(path), ANSWER_TEXT]
    subprocess.run(command, check=True)  # noqa: S603 (Debian's espeak-ng)
    return path.read_bytes()


def _client_first() -> int:
    """Raise this process's CPU priority, and return it: the client stands in for browsers on
    other machines, which do not share the servers' CPU, so on this one it must not wait for
    it (it uses a small share). Servers started from here run at the normal priority."""
    with suppress(PermissionError):  # not root: the client's own waits stay in its figures
        os.setpriority(os.PRIO_PROCESS, 0, CLIENT_PRIORITY)
    return os.getpriority(os.PRIO_PROCESS, 0)


@contextmanager
def _layout(name: str, folder: Path, job_nice: int | None = None) -> Iterator[str]:
    """The servers of one layout, started; yields the API's base URL."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("REHEARSE_")}
    if job_nice is not None:
        env["REHEARSE_JOB_NICE"] = str(job_nice)
    env.update(
        REHEARSE_DATA_DIR=str(folder / "data"),
        REHEARSE_PORT=str(port),
        REHEARSE_LOG_LEVEL="INFO",  # the default: one line per request, with its duration
        REHEARSE_SIGN_IN_RATE_LIMIT="100000/minute",
        REHEARSE_CACHE_DIR=str(REPO / "bench" / ".cache" / "load"),
    )
    with ExitStack() as stack:
        if name == "scaled":
            env["REHEARSE_DATABASE_URL"] = stack.enter_context(postgres_database())
            env["REHEARSE_QUEUE_URL"] = REDIS
            env["REHEARSE_QUEUE_NAMESPACE"] = f"bench-{uuid.uuid4().hex[:8]}"
            subprocess.run([sys.executable, "-m", "rehearse", "db", "upgrade"], env=env, check=True)
            for worker in range(2):
                stack.enter_context(
                    rehearse_process(["worker"], env, folder / f"worker{worker}.log")
                )
        stack.enter_context(rehearse_process(["serve"], env, folder / "serve.log"))
        base = f"http://127.0.0.1:{port}"
        wait_healthy(base)
        yield base


def _server_seconds(log: Path) -> dict[str, float]:
    """Each logged request's duration as the server measured it, by request id."""
    seconds = {}
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("{") and '"http.request"' in line:
            entry = json.loads(line)
            seconds[entry["request_id"]] = entry["duration_ms"] / 1000
    return seconds


def _practice(base: str, candidates: int, recording: bytes, recorder: Recorder) -> dict[str, Any]:
    """``candidates`` whole practices starting at one moment, shared among CLIENT_PROCESSES
    client processes (one Python event loop could not keep up with 200: it lagged 8 s)."""
    began = time.perf_counter()
    start_at = time.time() + CLIENT_START_SECONDS  # every process is running by then
    shares = [range(first, candidates, CLIENT_PROCESSES) for first in range(CLIENT_PROCESSES)]
    failures: list[str | None] = []
    analysed: list[float] = []
    fork = multiprocessing.get_context("fork")  # fast, and no thread runs here yet
    with ProcessPoolExecutor(len(shares), mp_context=fork) as pool:
        runs = [pool.submit(_practice_share, base, share, recording, start_at) for share in shares]
        for run in runs:
            calls, loop_lag, share_failures, share_analysed = run.result()
            recorder.calls += calls
            recorder.loop_lag = max(recorder.loop_lag, loop_lag)
            failures += share_failures
            analysed += share_analysed
    return {
        "candidates": candidates,
        "client_processes": len(shares),
        "completed": sum(failure is None for failure in failures),
        "failures": Counter(f for f in failures if f is not None).most_common(5),
        "seconds": round(time.perf_counter() - began - CLIENT_START_SECONDS, 1),
        "answer_analysed_seconds": _percentiles(analysed) if analysed else None,
    }


def _practice_share(
    base: str, indices: range, recording: bytes, start_at: float
) -> tuple[list[Call], float, list[str | None], list[float]]:
    """In a client process: the practices of candidates ``indices``, from ``start_at``; their
    calls, this process's loop lag, what went wrong for each, and the analysis times."""
    recorder = Recorder()
    analysed: list[float] = []

    async def run() -> list[str | None]:
        await asyncio.sleep(max(0.0, start_at - time.time()))
        watcher = asyncio.create_task(recorder.watch_loop())
        failures = await asyncio.gather(
            *(_candidate(base, index, recorder, recording, analysed) for index in indices)
        )
        watcher.cancel()
        return list(failures)

    failures = asyncio.run(run())
    return recorder.calls, recorder.loop_lag, failures, analysed


def _print(title: str, result: dict[str, Any]) -> None:
    print(f"\n== {title}")
    keys = (
        "load_average",
        "candidates",
        "completed",
        "seconds",
        "requests",
        "statuses",
        "dropped",
        "503_without_retry_after",
        "over_5s_outside_plan_and_report",
        "server_over_5s_outside_plan_and_report",
        "slowest",
        "client_loop_lag_max",
        "answer_analysed_seconds",
        "failures",
    )
    for key in keys:
        if key in result:
            print(f"  {key}: {result[key]}")
    for rows, seen_by in (
        ("classes", "client"),
        ("server_classes", "server"),
        ("routes", "client"),
    ):
        print(
            f"  {seen_by + ': ' + rows.removeprefix('server_'):<48} {'n':>5} {'p50':>7} "
            f"{'p95':>7} {'p99':>7} {'max':>7}"
        )
        for name, row in result[rows].items():
            print(
                f"  {name:<48} {row['count']:>5} "
                f"{row['p50']:>7} {row['p95']:>7} {row['p99']:>7} {row['max']:>7}"
            )


def _measured(
    layout: str,
    folder: Path,
    args: argparse.Namespace,
    run: Callable[[str, Recorder], dict[str, Any]],
) -> dict[str, Any]:
    """``run`` against fresh servers of ``layout``, with the server's view of each request."""
    folder.mkdir()
    recorder = Recorder()
    before = load_average()
    with _layout(layout, folder, args.job_nice) as base:
        result = run(base, recorder)
    result = {"load_average": {"before": before, "after": load_average()}} | result
    result |= recorder.summary(_server_seconds(folder / "serve.log"))
    if args.keep is not None:
        shutil.copytree(folder, args.keep / folder.name, ignore=shutil.ignore_patterns("data"))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--layouts", nargs="+", default=["embedded", "scaled"], choices=["embedded", "scaled"]
    )
    parser.add_argument("--candidates", nargs="*", type=int, default=[50, 100, 200])
    parser.add_argument("--burst", type=int, default=500)
    parser.add_argument(
        "--class",
        dest="class_size",
        type=int,
        help="instead: a coach reading a class of this many members on the scaled-out layout "
        "(bench/load/class_view.py)",
    )
    parser.add_argument("--keep", type=Path, help="copy the servers' logs into this folder")
    parser.add_argument(
        "--job-nice",
        type=int,
        help="REHEARSE_JOB_NICE for the servers [default: theirs, 10]: how much nicer the "
        "analysis runs than the requests",
    )
    args = parser.parse_args()
    if args.class_size:
        class_view.run(args.class_size)
        return
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {
        "machine": f"{os.cpu_count()} cores",
        "client_priority": _client_first(),
        "job_nice": args.job_nice,
        "layouts": {},
    }
    with tempfile.TemporaryDirectory() as scratch:
        recording = _recording(Path(scratch))
        for layout in args.layouts:
            runs: dict[str, Any] = {}
            for candidates in args.candidates:

                def practice(base: str, recorder: Recorder, n: int = candidates) -> dict[str, Any]:
                    return _practice(base, n, recording, recorder)

                folder = Path(scratch) / f"{layout}-{candidates}"
                runs[str(candidates)] = _measured(layout, folder, args, practice)
                _print(f"{layout}: {candidates} candidates at once", runs[str(candidates)])
            if args.burst:

                def burst(base: str, recorder: Recorder) -> dict[str, Any]:
                    tokens = asyncio.run(_burst_tokens(base, 20))
                    asyncio.run(_burst(base, args.burst, tokens, recorder))
                    return {}

                folder = Path(scratch) / f"{layout}-burst"
                runs["burst"] = _measured(layout, folder, args, burst)
                _print(f"{layout}: burst of {args.burst} simultaneous requests", runs["burst"])
            results["layouts"][layout] = runs
    output = RESULTS / f"load-{'-'.join(args.layouts)}.json"
    output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {output.relative_to(REPO)}")


if __name__ == "__main__":
    main()

"""``python -m bench.feedback [--interviews 5] [--attempts 5] [--out OUT.json]``: how soon
after the last word the judged feedback is complete, heard while the candidate speaks against
the after-the-fact path, side by side in one run.

Two ``rehearse serve`` on the embedded defaults with the bundled judge run at once, one hearing
answers as they are recorded (``REHEARSE_PREHEAR=on``, the default) and one after the fact
(``off``); the measured interviews and attempts alternate between them, so both see the same
machine. Each candidate does what the browser does (``static/js/interview.js``, ``meter.js``):
over the live socket, in real time, 250 ms frames of 16 kHz PCM and, every second, the
recorder's chunk of a WebM/Opus recording (written as MediaRecorder writes it); at Done,
``{"type": "end"}``, the final captions, the recording posted and the turn taken on the live
transcript. The answers are real speech: the fixture clips of ../shared/fixtures/audio joined
0.5 s apart in a different order each time, cut to ``--seconds`` (45-60 s).

- **End to report**: interviews of three story questions; after the third answer's turn, End
  (``/complete``), then the server's job rows read every 0.2 s (from its database: asking for
  the report that often would build it each time and slow the work timed) until no analysis or
  judgement is under way, and the report read then has every answer judged and nothing still
  analysed or judged (the dashboard asks every 3 s, so a person sees it up to 3 s later).
  Where the time went, from the same rows: the last answer's upload, its analysis waiting and
  running, the judge waiting and running.
- **Done to comparison**: practice attempts at a story question (a baseline and a warm-up
  first, not counted), the socket opened as the practice page opens it; Done is when the
  page stops recording and posts the attempt; then, the same way, until ``/comparison`` has
  the delivery, the judged content and nothing still being judged (the page asks every 1 s).

Each server's first interview and attempt warm it up and are not counted. Prints p50/p95 per
path and the ratio of the two (the figure that holds across machines) and writes OUT.json
(``bench/results/feedback.json`` by default): ``{"single": {"end_to_report_s": {...},
"done_to_comparison_s": {...}, "after_the_fact": {...}, "breakdown": {...}}}``. The class
section of issue 67 (PostgreSQL, Redis, workers) is not measured yet.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import av
import httpx
import numpy as np
import websockets

from bench.fixtures import RESULTS
from bench.live.__main__ import PASSWORD, fixture_clips, serve, summary
from bench.machine import cpu_model, load_average
from rehearse.analysis.audio import SAMPLE_RATE, Samples, load_audio
from rehearse.config import Settings

QUESTIONS = (
    "Tell me about a time you had to fix a problem under a tight deadline.",
    "Describe a project you are proud of and what you did in it.",
    "Tell me about a time you disagreed with a colleague and how you handled it.",
)
FRAME = SAMPLE_RATE // 4  # 250 ms, as the page's worklet posts them
CHUNK_SECONDS = 1.0  # the recorder's timeslice
POLL_SECONDS = 0.2
GUARD_SECONDS = 600.0
PATHS = {"while speaking": "on", "after the fact": "off"}


def speech(seconds: float, seed: int) -> Samples:
    """About ``seconds`` of the fixture clips, 0.5 s apart, in an order drawn by ``seed``."""
    clips = [load_audio(str(clip)).samples for clip in fixture_clips()]
    random.Random(seed).shuffle(clips)  # noqa: S311 (an order, not a secret)
    gap = np.zeros(SAMPLE_RATE // 2, dtype=np.float32)
    joined = np.concatenate([part for clip in clips * 4 for part in (clip, gap)])
    return joined[: int(seconds * SAMPLE_RATE)]


def recorder_chunks(samples: Samples) -> list[bytes]:
    """``samples`` as MediaRecorder records them: WebM/Opus at 48 kHz, written as it goes,
    handed over a chunk a second (each chunk the bytes written during that second)."""
    target = io.BytesIO()
    chunks: list[bytes] = []
    with av.open(target, "w", format="webm") as container:
        stream: Any = container.add_stream("libopus", rate=48_000)
        stream.layout = "mono"
        second = SAMPLE_RATE
        for start in range(0, len(samples), second):
            piece = samples[start : start + second]
            upsampled = np.interp(
                np.arange(len(piece) * 3) / 3, np.arange(len(piece)), piece
            ).astype(np.float32)
            frame = av.AudioFrame.from_ndarray(
                upsampled.reshape(1, -1), format="flt", layout="mono"
            )
            frame.sample_rate = 48_000
            for packet in stream.encode(frame):
                container.mux(packet)
            chunks.append(_taken(target))
        for packet in stream.encode(None):
            container.mux(packet)
    chunks.append(_taken(target))
    return [chunk for chunk in chunks if chunk]


def _taken(target: io.BytesIO) -> bytes:
    """What was written since the last call (the buffer emptied)."""
    data = target.getvalue()
    target.seek(0)
    target.truncate()
    return data


class Candidate:
    """A signed-in browser: the session cookie and its CSRF token."""

    def __init__(self, url: str, email: str) -> None:
        self.url = url
        self.client = httpx.AsyncClient(base_url=url, timeout=120)
        self.email = email

    async def sign_up(self) -> None:
        account = {"email": self.email, "password": PASSWORD}
        await self.client.post("/api/auth/signup", json=account)
        signed = (await self.client.post("/api/auth/login", json=account)).json()
        self.client.headers["X-CSRF-Token"] = signed["csrf_token"]

    async def call(self, method: str, path: str, **kw: Any) -> Any:
        response = await self.client.request(method, path, **kw)
        response.raise_for_status()
        return response.json() if response.content else None

    async def session_of(self, questions: tuple[str, ...]) -> tuple[str, list[str]]:
        sid = (await self.call("POST", "/api/sessions", json={"title": "feedback"}))["id"]
        for text in questions:
            question = {"text": text, "kind": "behavioural", "topic": "problem-solving"}
            await self.call("POST", f"/api/sessions/{sid}/questions", json=question)
        listed = await self.call("GET", f"/api/sessions/{sid}/questions")
        return sid, [q["id"] for q in listed]

    async def speak(
        self,
        question_id: str,
        samples: Samples,
        *,
        attempt: bool,
        chunks: list[bytes] | None = None,
    ) -> dict[str, Any]:
        """Stream the answer in real time as the page does (``chunks``: its recording, made
        beforehand); at Done, the final captions (interview) or nothing (practice). When Done
        was pressed, the final message, the recording, and each caption's lag: when it showed
        a newer word, the seconds since that word was said."""
        ws_url = self.url.replace("http", "ws") + f"/api/live/speech?question={question_id}"
        if attempt:
            ws_url += "&attempt=1"
        cookie = "; ".join(f"{k}={v}" for k, v in self.client.cookies.items())
        chunks = chunks or recorder_chunks(samples)
        final: dict[str, Any] = {}
        lags: list[float] = []
        async with websockets.connect(
            ws_url, additional_headers={"Cookie": cookie}, max_size=None, ping_interval=None
        ) as socket:  # a browser sends no pings
            while json.loads(await socket.recv())["type"] != "ready":
                pass
            started = time.monotonic()
            listener = asyncio.create_task(_listen(socket, final, lags, started))
            frames = [samples[i : i + FRAME] for i in range(0, len(samples), FRAME)]
            sent_chunks = 0
            for index, frame in enumerate(frames):
                due = started + (index + 1) * FRAME / SAMPLE_RATE
                await asyncio.sleep(max(0.0, due - time.monotonic()))
                await socket.send((np.clip(frame, -1, 1) * 32767).astype("<i2").tobytes())
                while (
                    sent_chunks < len(chunks) - 1
                    and (sent_chunks + 1) * CHUNK_SECONDS <= (index + 1) * FRAME / SAMPLE_RATE
                ):
                    await _send_chunk(socket, sent_chunks, chunks[sent_chunks])
                    sent_chunks += 1
            done = time.monotonic()
            # The recorder's last chunk comes when it is stopped, at Done.
            while sent_chunks < len(chunks):
                await _send_chunk(socket, sent_chunks, chunks[sent_chunks])
                sent_chunks += 1
            if not attempt:
                await socket.send(json.dumps({"type": "end"}))
                await asyncio.wait_for(listener, GUARD_SECONDS)  # a guard, not a timing
            listener.cancel()
        return {"done": done, "final": final, "recording": b"".join(chunks), "lags": lags}


async def _send_chunk(socket: Any, sequence: int, chunk: bytes) -> None:
    await socket.send(json.dumps({"type": "recording", "sequence": sequence}))
    await socket.send(chunk)


async def _listen(socket: Any, final: dict[str, Any], lags: list[float], started: float) -> None:
    """Until the final captions: each caption's lag (the newest word's end, on the clock of
    the frames sent from ``started``), then the final message."""
    newest = 0.0
    async for message in socket:
        if isinstance(message, str):
            said = json.loads(message)
            end = said.get("newest_end")
            if said.get("type") in ("caption", "final") and end is not None and end > newest:
                newest = end
                lags.append(time.monotonic() - (started + end))
            if said.get("type") == "final":
                final.update(said)
                return


async def interview(url: str, database: Path, email: str, answers: list[Samples]) -> dict[str, Any]:
    """One interview of the three questions; End to the complete judged report."""
    candidate = Candidate(url, email)
    await candidate.sign_up()
    sid, questions = await candidate.session_of(QUESTIONS)
    last: dict[str, Any] = {}
    for question_id, samples in zip(questions, answers, strict=True):
        spoken = await candidate.speak(question_id, samples, attempt=False)
        posted = time.monotonic()
        files = {"media": ("answer.webm", spoken["recording"], "audio/webm")}
        answer = await candidate.call(
            "POST", f"/api/sessions/{sid}/questions/{question_id}/answers", files=files
        )
        uploaded = time.monotonic()
        body = {"live_transcript_id": spoken["final"].get("live_transcript_id")}
        await candidate.call("POST", f"/api/sessions/{sid}/answers/{answer['id']}/turn", json=body)
        last = {"done": spoken["done"], "upload_s": uploaded - posted, "answer": answer["id"]}
    end = time.monotonic()
    await candidate.call("POST", f"/api/sessions/{sid}/complete")
    while time.monotonic() - end < GUARD_SECONDS:
        await _jobs_settled(database)
        complete = time.monotonic()
        if _complete(await candidate.call("GET", f"/api/sessions/{sid}/report")):
            break
        await asyncio.sleep(POLL_SECONDS)
    else:
        return {"end_to_report_s": None}
    await candidate.client.aclose()
    return {
        "end_to_report_s": complete - end,
        "done_to_end_s": end - last["done"],
        "upload_s": last["upload_s"],
        "answer_id": last["answer"],
        "ended_at": time.time() - (complete - end),
        "completed_at": time.time(),
    }


async def _jobs_settled(database: Path) -> None:
    """Until no analysis or judgement is queued or running on the server (read from its
    database, as asking for the report would build one each time and slow the work timed)."""
    while True:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
            (busy,) = db.execute(
                "SELECT count(*) FROM jobs WHERE kind LIKE 'answer.%' "
                "AND status IN ('queued', 'running')"
            ).fetchone()
        if not busy:
            return
        await asyncio.sleep(POLL_SECONDS)


def _complete(report: dict[str, Any]) -> bool:
    """Every question answered (an answer still analysed is not yet), judged, and nothing
    said to be still under way."""
    pending = ("being analysed", "being judged", "Still being")
    return all(
        a["answered"]
        and a["judgement"] is not None
        and not any(p in w for w in a["warnings"] for p in pending)
        for a in report["answers"]
    )


async def practice(
    url: str, database: Path, email: str, attempts: list[Samples]
) -> list[dict[str, Any]]:
    """Practice attempts at one question; Done to each complete comparison. The first two
    (the baseline, a warm-up) are not counted."""
    candidate = Candidate(url, email)
    await candidate.sign_up()
    sid, [question_id] = await candidate.session_of(QUESTIONS[:1])
    base = f"/api/sessions/{sid}/questions/{question_id}"
    timed = []
    for number, samples in enumerate(attempts, start=1):
        spoken = await candidate.speak(question_id, samples, attempt=True)
        files = {"media": ("attempt.webm", spoken["recording"], "audio/webm")}
        await candidate.call("POST", f"{base}/attempts", files=files)
        while time.monotonic() - spoken["done"] < GUARD_SECONDS:
            await _jobs_settled(database)
            complete = time.monotonic()
            response = await candidate.client.get(f"{base}/comparison")
            if response.status_code == 200:
                compared = response.json()
                baseline = compared["baseline"]
                judged = baseline["content"] is not None and not baseline["judging"]
                if compared["attempts"] == number and baseline["delivery"] and judged:
                    break
            elif number == 1 and response.status_code == 409:
                break  # one attempt: nothing to compare yet
            await asyncio.sleep(POLL_SECONDS)
        timed.append({"done_to_comparison_s": complete - spoken["done"]})
    await candidate.client.aclose()
    return timed[2:]


def breakdown(
    database: Path, answer_id: str, ended_at: float, completed_at: float
) -> dict[str, Any]:
    """Where the time after End went for the interview's last answer, from the job rows:
    its analysis (waiting, running) and the judge of its question (waiting, running)."""
    hexed = answer_id.replace("-", "")
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT kind, replace(payload, '-', ''), created_at, started_at, finished_at FROM jobs"
        ).fetchall()
        row = db.execute(
            "SELECT replace(question_id, '-', '') FROM answers WHERE replace(id, '-', '') = ?",
            (hexed,),
        ).fetchone()
    wanted = {"answer.analyze": hexed, "answer.judge_content": row[0] if row else None}

    def seconds(stamp: str | None) -> float | None:
        return datetime.fromisoformat(stamp).replace(tzinfo=UTC).timestamp() if stamp else None

    found = {
        kind: tuple(seconds(stamp) for stamp in stamps)
        for kind, payload, *stamps in rows
        if wanted.get(kind) and wanted[kind] in payload
    }
    parts: dict[str, Any] = {}
    for kind, name in (("answer.analyze", "analysis"), ("answer.judge_content", "judge")):
        if kind in found:
            created, started, finished = found[kind]
            parts[f"{name}_wait_s"] = _gap(created, started)
            parts[f"{name}_run_s"] = _gap(started, finished)
    parts["judge_done_to_report_s"] = _gap(
        found.get("answer.judge_content", (None,) * 3)[2], completed_at
    )
    parts["end_to_analysis_done_s"] = _gap(ended_at, found.get("answer.analyze", (None,) * 3)[2])
    return parts


def _gap(first: float | None, second: float | None) -> float | None:
    return None if first is None or second is None else round(second - first, 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=5, help="measured, per path")
    parser.add_argument("--attempts", type=int, default=5, help="measured, per path")
    parser.add_argument("--seconds", type=float, default=50.0, help="each answer's length")
    parser.add_argument("--out", type=Path, default=RESULTS / "feedback.json")
    parser.add_argument("--keep", type=Path, help="keep the servers' folders (logs) here")
    args = parser.parse_args()
    cache = str(Settings().resolved_cache_dir)
    results: dict[str, Any] = {
        "machine": f"{os.cpu_count()} cores, {cpu_model()}",
        "command": " ".join(["python -m bench.feedback", *sys.argv[1:]]),
        "load_average_at_start": load_average(),
    }
    measured: dict[str, dict[str, list[Any]]] = {
        p: {"end": [], "done": [], "parts": []} for p in PATHS
    }
    with ExitStack() as stack:
        folder = args.keep or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        servers = {}
        for path, prehear in PATHS.items():
            (folder / prehear).mkdir()
            servers[path] = stack.enter_context(
                serve(folder / prehear, llm="on", cache_dir=cache, prehear=prehear)
            )[0]
        seed = 0
        for round_ in range(args.interviews + 1):
            for path, url in servers.items():
                seed += 1
                answers = [speech(args.seconds, seed * 10 + i) for i in range(3)]
                database = folder / PATHS[path] / "data" / "rehearse.sqlite3"
                email = f"i{round_}-{PATHS[path]}@example.com"
                result = asyncio.run(interview(url, database, email, answers))
                if round_ == 0:
                    continue  # the server's warm-up
                if result["end_to_report_s"] is not None:
                    measured[path]["end"].append(result["end_to_report_s"])
                    parts = breakdown(
                        database, result["answer_id"], result["ended_at"], result["completed_at"]
                    )
                    measured[path]["parts"].append(
                        parts | {"upload_s": round(result["upload_s"], 3)}
                    )
                print(path, "End to report", json.dumps(result | {"answer_id": None}), flush=True)
        for path, url in servers.items():
            seed += 1
            attempts = [speech(args.seconds, seed * 10 + i) for i in range(args.attempts + 2)]
            database = folder / PATHS[path] / "data" / "rehearse.sqlite3"
            email = f"p-{PATHS[path]}@example.com"
            timed = asyncio.run(practice(url, database, email, attempts))
            measured[path]["done"] += [t["done_to_comparison_s"] for t in timed]
            print(path, "Done to comparison", json.dumps(timed), flush=True)
    now, before = measured["while speaking"], measured["after the fact"]
    results["single"] = {
        "end_to_report_s": summary(now["end"]),
        "done_to_comparison_s": summary(now["done"]),
        "after_the_fact": {
            "end_to_report_s": summary(before["end"]),
            "done_to_comparison_s": summary(before["done"]),
        },
        "breakdown": {path: _median_parts(m["parts"]) for path, m in measured.items()},
        "answer_seconds": args.seconds,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    single = results["single"]
    print(f"{results['machine']}; answers of {args.seconds:.0f} s")
    for label, key in (
        ("End to report", "end_to_report_s"),
        ("Done to comparison", "done_to_comparison_s"),
    ):
        a, b = single[key], single["after_the_fact"][key]
        ratio = a["p50"] / b["p50"] if a["p50"] and b["p50"] else None
        print(
            f"{label}: p50 {a['p50']} s, p95 {a['p95']} s; after the fact p50 {b['p50']} s, "
            f"p95 {b['p95']} s; ratio of p50s {ratio and round(ratio, 2)}"
        )
    print("where the time went (medians):", json.dumps(single["breakdown"]))
    print(f"wrote {args.out}")


def _median_parts(parts: list[dict[str, Any]]) -> dict[str, float | None]:
    keys = {key for part in parts for key in part}
    return {
        key: round(statistics.median(v), 3)
        if (v := [p[key] for p in parts if p.get(key) is not None])
        else None
        for key in sorted(keys)
    }


if __name__ == "__main__":
    main()

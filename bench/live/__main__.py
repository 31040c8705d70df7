"""Live captions and the turn from the stream: ``python -m bench.live [--answers 5]
[--lengths 15 60 120] [--candidates 1 2 3 4]``.

Starts ``rehearse serve`` (embedded SQLite, jobs in the process, the bundled models) on the
loopback, then:

1. **In Chromium** (Debian's, driven by Playwright) with fake devices: the microphone plays a
   real recording, the fixture clips of ../shared/fixtures/audio joined with sox (0.5 s
   apart, repeated to 130 s, looped by Chromium), and the camera plays the real face video
   (../shared/fixtures/video/single_face.mp4, converted to y4m with PyAV). A candidate answers
   ``--answers`` questions for each length in ``--lengths`` seconds, out loud, camera on,
   and presses Done. Measured in the page: Done to the next prompt shown (a follow-up, the next
   question, or the end), which transcript the turn was decided on, and the caption lag: each
   time the captions show a newer word, the time since that word was spoken (its end as the
   live recogniser timed it, on the clock of the captured audio frames).
   Side by side, the same answers' analysis jobs give what the page before live captions
   would have waited: Done to the upload saved, plus the upload to its analysis done.
2. **Several candidates at once**: N WebSocket clients stream the same recording as 250 ms
   PCM frames in real time to ``/api/live/speech?captions=1`` for 60 s each (starting at
   different points), then end; caption lag is measured the same way, on the client's clock,
   and the time from the end to the final captions.

Targets (issue 15): p95 Done to next prompt <= 2 s for 60-120 s answers with the camera on;
captions at most 1.5 s behind. Writes ``bench/results/live.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import wave
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import websockets
from playwright.sync_api import Page, sync_playwright
from tests.support.chromium import fake_media_args, to_y4m

from bench.fixtures import FIXTURES, RESULTS
from bench.machine import cpu_model, free_port, load_average

SOX = shutil.which("sox") or "sox"
CHROMIUM = Path(os.environ.get("REHEARSE_TEST_CHROMIUM", "/usr/bin/chromium"))
JOB = FIXTURES / "jobs" / "software_engineer_login_gov.txt"
PASSWORD = "violet-harbour-cactus-92"  # noqa: S105 (the simulated candidate's own)
PROGRAM_SECONDS = 130.0
FRAME_SECONDS = 0.25
RATE = 16_000
CANDIDATE_SECONDS = 60.0
TARGET_PROMPT_SECONDS = 2.0
TARGET_CAPTION_SECONDS = 1.5
JOBS_WAIT_SECONDS = 600  # for the answers' analyses (today's path); unfinished ones are left out

# Runs in the page before its scripts: when Done was pressed, when the next prompt was shown,
# every caption lag, and each turn's answer.
_WATCH = """
window.__live = { answers: [] };
let current = null;
document.addEventListener('click', (event) => {
  const done = event.target.closest && event.target.closest('[data-action="done"]');
  if (!done) return;
  const prompt = document.querySelector('[data-prompt]');
  current = { doneAt: performance.now(), before: prompt ? prompt.textContent : '', shownAt: null,
              lags: [], turn: null };
  window.__live.answers.push(current);
}, true);
window.addEventListener('rehearse:caption', (event) => {
  const answer = window.__live.pending || (window.__live.pending = { lags: [] });
  if (event.detail.lagMs !== null) answer.lags.push(event.detail.lagMs);
  if (current && event.detail.live_transcript_id !== undefined) current.finalAt = performance.now();
});
new MutationObserver(() => {
  if (!current || current.shownAt !== null) return;
  const finished = document.querySelector('[data-state="finished"]');
  const start = document.querySelector('[data-action="start"]');
  const prompt = document.querySelector('[data-prompt]');
  const moved = finished && !finished.hidden;
  if (moved || (start && !start.hidden && prompt && prompt.textContent !== current.before)) {
    current.shownAt = performance.now();
  }
}).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
"""


def percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    return float(np.percentile(values, share * 100))


def summary(values: list[float]) -> dict[str, Any]:
    return {
        "count": len(values),
        "p50": _round(percentile(values, 0.5)),
        "p95": _round(percentile(values, 0.95)),
        "max": _round(max(values) if values else None),
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _ms(value: float | None) -> float | None:
    return None if value is None else round(value / 1000, 3)


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) the process has used so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# The media.


def _sox(*args: str) -> None:
    subprocess.run([SOX, *args], check=True)  # noqa: S603 (Debian's sox)


def fixture_clips() -> list[Path]:
    """The fixture recordings, in the order they are joined."""
    return sorted((FIXTURES / "audio").glob("*.wav"))


def join_clips(folder: Path) -> Path:
    """The fixture clips one after another, 0.5 s apart, as one 16-bit WAV file (sox)."""
    gap, once = folder / "gap.wav", folder / "once.wav"
    _sox("-n", "-r", str(RATE), "-c", "1", "-b", "16", str(gap), "trim", "0", "0.5")
    pieces = [str(part) for clip in fixture_clips() for part in (clip, gap)]
    _sox(*pieces, "-r", str(RATE), "-c", "1", "-b", "16", str(once))
    return once


def make_program(folder: Path) -> Path:
    """The fixture clips one after another, 0.5 s apart, repeated to PROGRAM_SECONDS (sox)."""
    once, program = join_clips(folder), folder / "program.wav"
    with wave.open(str(once)) as reader:
        seconds = reader.getnframes() / reader.getframerate()
    repeats = int(PROGRAM_SECONDS // seconds) + 1
    _sox(*[str(once)] * repeats, str(program), "trim", "0", str(PROGRAM_SECONDS))
    return program


def make_camera(folder: Path) -> Path:
    """The fixture face video as the raw y4m Chromium's fake camera reads (PyAV)."""
    return to_y4m(FIXTURES / "video" / "single_face.mp4", folder / "face.y4m")


# The server.


@contextmanager
def serve(folder: Path, **settings: str) -> Iterator[tuple[str, int]]:
    """``rehearse serve`` on the embedded defaults and ``settings`` (REHEARSE_* by name); the
    judge asks its model every time (no readings kept from an earlier run: it is timed)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("REHEARSE_")}
    env.update(
        REHEARSE_DATA_DIR=str(folder / "data"),
        REHEARSE_PORT=str(port),
        REHEARSE_LOG_FORMAT="json",
        REHEARSE_JOB_POLL_SECONDS="0.2",
        REHEARSE_LLM_KEEP_READINGS="off",
    )
    env.update({f"REHEARSE_{key.upper()}": value for key, value in settings.items()})
    url = f"http://127.0.0.1:{port}"
    with (folder / "serve.log").open("ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "rehearse", "serve"], env=env, stdout=log, stderr=log
        )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"rehearse serve did not start; see {folder / 'serve.log'}")
            time.sleep(0.5)
        yield url, process.pid
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


# 1. In Chromium.


def _new_interview(page: Page) -> None:
    page.goto("/sessions/new")
    page.get_by_label("Role", exact=True).fill("Application engineer")
    page.get_by_label("Job description").fill(JOB.read_text(encoding="utf-8"))
    page.locator('input[name="interview_type"][value="behavioural"]').check()
    page.get_by_label("12 questions").check()
    page.get_by_label("Use my camera").check()
    page.get_by_role("button", name="Plan my interview").click()
    page.wait_for_url("**/interview", timeout=300_000)


def _answer(page: Page, seconds: float) -> dict[str, Any]:
    """Answer the question shown for ``seconds``, press Done, wait for the next prompt."""
    start = page.get_by_role("button", name="Start answering")
    start.wait_for(timeout=120_000)
    page.evaluate("() => { window.__live.pending = { lags: [] }; }")
    with page.expect_response("**/turn", timeout=300_000) as replied:
        start.click()
        page.locator("[data-live]").filter(has_text="Live").wait_for(timeout=60_000)
        page.wait_for_timeout(seconds * 1000)
        page.get_by_role("button", name="Done", exact=True).click()
    turn = replied.value.json()
    page.wait_for_function(
        "() => { const a = window.__live.answers.at(-1); return a && a.shownAt !== null; }",
        timeout=300_000,
    )
    seen: dict[str, Any] = page.evaluate(
        """() => { const a = window.__live.answers.at(-1);
                   const lags = window.__live.pending.lags;
                   const sent = performance.getEntriesByType('resource')
                     .filter((e) => e.name.endsWith('/answers') && e.responseEnd > a.doneAt);
                   return { prompt_ms: a.shownAt - a.doneAt, lags,
                            final_ms: a.finalAt ? a.finalAt - a.doneAt : null,
                            upload_ms: sent.length ? sent[0].responseEnd - a.doneAt : null }; }"""
    )
    return {
        "seconds": seconds,
        "done_to_prompt_seconds": round(seen["prompt_ms"] / 1000, 3),
        "caption_lags_seconds": [round(lag / 1000, 3) for lag in seen["lags"]],
        "done_to_final_captions_seconds": _ms(seen["final_ms"]),
        "done_to_upload_saved_seconds": _ms(seen["upload_ms"]),
        "decided_on": turn.get("decided_on"),
        "move": turn.get("move"),
    }


def in_browser(
    url: str,
    program: Path,
    camera: Path,
    lengths: list[int],
    answers: int,
    *,
    jobs_wait: float,
    email: str = "bench@example.com",
) -> Any:
    results: list[dict[str, Any]] = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=str(CHROMIUM),
            args=fake_media_args(program, camera),
        )
        context = browser.new_context(base_url=url, viewport={"width": 1366, "height": 768})
        context.add_init_script(_WATCH)
        page = context.new_page()
        page.goto("/signup")
        page.get_by_label("Your name").fill("Bench Candidate")
        page.get_by_label("E-mail address").fill(email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Create account").click()
        page.wait_for_url("**/")
        _new_interview(page)
        # A first, unmeasured answer loads the models of this fresh server.
        plan = [5.0] + [float(s) for s in lengths for _ in range(answers)]
        for index, seconds in enumerate(plan):
            if page.locator('[data-state="finished"]').is_visible():
                _new_interview(page)
            answer = _answer(page, seconds)
            answer["warm_up"] = index == 0
            results.append(answer)
            print(
                f"answer {index}: {seconds:.0f} s, next prompt after "
                f"{answer['done_to_prompt_seconds']:.2f} s ({answer['decided_on']}, "
                f"{answer['move']}; final captions {answer['done_to_final_captions_seconds']} s, "
                f"upload {answer['done_to_upload_saved_seconds']} s), caption lag p95 "
                f"{percentile(answer['caption_lags_seconds'], 0.95) or float('nan'):.2f} s, "
                f"load {load_average()}",
                flush=True,
            )
        for answer, today in zip(results, _todays_path(page, jobs_wait), strict=False):
            answer.update(today)
        browser.close()
    return results


# What today's path would have waited, measured side by side: the page before this change
# followed the answer's analysis job and took the turn when the job was done.
_JOB_TIMES = """async () => {
  const get = async (path) => (await fetch(path)).json();
  const found = [];
  for (const session of await get('/api/sessions')) {
    for (const answer of await get(`/api/sessions/${session.id}/answers`)) {
      if (!answer.analysis_job_id) continue;
      const job = await get(`/api/jobs/${answer.analysis_job_id}`);
      found.push({ created: answer.created_at, job });
    }
  }
  found.sort((a, b) => a.created.localeCompare(b.created));
  const took = (job) => (Date.parse(job.finished_at) - Date.parse(job.created_at)) / 1000;
  return found.map(({ job }) => ({ status: job.status,
                                   seconds: job.finished_at ? took(job) : null }));
}"""


def _todays_path(page: Page, wait_seconds: float) -> list[dict[str, Any]]:
    """Per answer, in order: how long its analysis job took from the upload to done (the
    wait before the turn without live captions), once every job has finished or after
    ``wait_seconds`` (the unfinished ones are left out)."""
    deadline = time.monotonic() + wait_seconds
    while True:
        jobs: list[dict[str, Any]] = page.evaluate(_JOB_TIMES)
        if all(job["status"] in ("done", "failed") for job in jobs):
            break
        if time.monotonic() > deadline:
            break
        time.sleep(10)
    return [{"upload_to_analysis_done_seconds": job["seconds"]} for job in jobs]


# 2. Several candidates at once, as WebSocket clients streaming PCM in real time.


def _cookie(url: str, email: str) -> str:
    with httpx.Client(base_url=url, timeout=60) as client:
        client.post("/api/auth/signup", json={"email": email, "password": PASSWORD})
        response = client.post("/api/auth/login", json={"email": email, "password": PASSWORD})
        response.raise_for_status()
        return "; ".join(f"{name}={value}" for name, value in client.cookies.items())


async def _candidate(url: str, cookie: str, pcm: bytes, offset_seconds: float) -> dict[str, Any]:
    frame_bytes = int(FRAME_SECONDS * RATE) * 2
    start_byte = int(offset_seconds * RATE) * 2
    audio = (pcm[start_byte:] + pcm)[: int(CANDIDATE_SECONDS * RATE) * 2]
    frames = [audio[i : i + frame_bytes] for i in range(0, len(audio), frame_bytes)]
    lags: list[float] = []
    newest = 0.0
    ws_url = url.replace("http", "ws", 1) + "/api/live/speech?captions=1"
    async with websockets.connect(ws_url, additional_headers={"Cookie": cookie}) as ws:
        while json.loads(await ws.recv())["type"] != "ready":
            pass
        began = time.perf_counter()
        final_after: list[float] = []
        skipped: list[float] = []

        async def read() -> None:
            nonlocal newest
            async for raw in ws:
                message = json.loads(raw)
                if message["type"] not in ("caption", "final"):
                    continue
                end = message.get("newest_end")
                if end is not None and end > newest:
                    newest = end
                    lags.append(time.perf_counter() - (began + end))
                if message["type"] == "final":
                    final_after.append(time.perf_counter())
                    skipped.append(message.get("skipped_seconds", 0.0))
                    return

        reader = asyncio.create_task(read())
        for index, frame in enumerate(frames):
            # Frame k holds the audio "captured" until (k + 1) frames after the start.
            await asyncio.sleep(max(0.0, began + (index + 1) * FRAME_SECONDS - time.perf_counter()))
            await ws.send(frame)
        ended = time.perf_counter()
        await ws.send(json.dumps({"type": "end"}))
        await asyncio.wait_for(reader, timeout=120)
    return {
        "lags": lags,
        "final_seconds": final_after[0] - ended if final_after else None,
        "skipped_seconds": skipped[0] if skipped else None,
    }


async def _at_once(url: str, pid: int, cookie: str, pcm: bytes, count: int) -> dict[str, Any]:
    spacing = PROGRAM_SECONDS / max(count, 1)
    cpu_before = cpu_seconds(pid)
    done = await asyncio.gather(
        *(_candidate(url, cookie, pcm, index * spacing) for index in range(count))
    )
    cpu = cpu_seconds(pid) - cpu_before
    lags = [lag for one in done for lag in one["lags"]]
    finals = [one["final_seconds"] for one in done if one["final_seconds"] is not None]
    return {
        "candidates": count,
        "caption_lag_seconds": summary(lags),
        "end_to_final_seconds": summary(finals),
        "skipped_seconds_each": [one["skipped_seconds"] for one in done],
        # The server's CPU seconds per second of audio streamed: load-independent, so
        # 2 / this is how many candidates 2 idle cores could serve.
        "server_cpu_per_audio_second": round(cpu / (count * CANDIDATE_SECONDS), 3),
        "load_average": load_average(),
    }


def wait_until_idle(pid: int, limit_seconds: float = 900.0) -> None:
    """Until the server has finished analysing (under a fifth of a core for 5 s)."""
    deadline = time.monotonic() + limit_seconds
    while time.monotonic() < deadline:
        before = cpu_seconds(pid)
        time.sleep(5)
        if cpu_seconds(pid) - before < 1.0:
            return


def at_once(url: str, pid: int, program: Path, counts: list[int]) -> list[dict[str, Any]]:
    wait_until_idle(pid)
    with wave.open(str(program)) as reader:
        pcm = reader.readframes(reader.getnframes())
    cookie = _cookie(url, "crowd@example.com")
    runs = []
    for count in counts:
        run = asyncio.run(_at_once(url, pid, cookie, pcm, count))
        lag, final = run["caption_lag_seconds"], run["end_to_final_seconds"]
        print(
            f"{count} at once: caption lag p50 {lag['p50']} s, p95 {lag['p95']} s, "
            f"max {lag['max']} s; end to final p95 {final['p95']} s; server CPU "
            f"{run['server_cpu_per_audio_second']} s per audio s; load {run['load_average']}",
            flush=True,
        )
        runs.append(run)
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--answers", type=int, default=5, help="answers per length (0: no browser run)"
    )
    parser.add_argument("--lengths", type=int, nargs="*", default=[15, 60, 120])
    parser.add_argument("--candidates", type=int, nargs="*", default=[1, 2, 3, 4])
    parser.add_argument("--out", type=Path, default=RESULTS / "live.json")
    parser.add_argument(
        "--jobs-wait",
        type=float,
        default=JOBS_WAIT_SECONDS,
        help="seconds to wait after the last answer for the analyses (today's path, side by "
        "side); the unfinished ones are left out of it",
    )
    args = parser.parse_args()
    if shutil.which("sox") is None or not CHROMIUM.exists():
        raise SystemExit(
            "bench.live needs sox and Debian's chromium (scripts/lib.sh installs them)"
        )
    results: dict[str, Any] = {
        "machine": f"{os.cpu_count()} cores, {cpu_model()}",
        "command": " ".join(["python -m bench.live", *sys.argv[1:]]),
        "load_average_at_start": load_average(),
        "targets": {
            "done_to_prompt_p95_seconds": TARGET_PROMPT_SECONDS,
            "caption_lag_seconds": TARGET_CAPTION_SECONDS,
        },
    }
    with tempfile.TemporaryDirectory(prefix="bench-live-") as temporary:
        folder = Path(temporary)
        program, camera = make_program(folder), make_camera(folder)
        with serve(folder) as (url, pid):
            # The crowd first, on an idle server; then the browser, whose answers' analyses
            # keep the server busy long after the last one.
            results["at_once"] = at_once(url, pid, program, args.candidates)
            answers = (
                in_browser(
                    url, program, camera, args.lengths, args.answers, jobs_wait=args.jobs_wait
                )
                if args.answers
                else []
            )
            measured = [a for a in answers if not a["warm_up"]]
            results["browser"] = {
                "answers": answers,
                "by_length": {
                    str(length): {
                        "done_to_prompt_seconds": summary(
                            [
                                a["done_to_prompt_seconds"]
                                for a in measured
                                if a["seconds"] == length
                            ]
                        ),
                        "caption_lag_seconds": summary(
                            [
                                lag
                                for a in measured
                                if a["seconds"] == length
                                for lag in a["caption_lags_seconds"]
                            ]
                        ),
                        "todays_path_seconds": summary(
                            [
                                (a["done_to_upload_saved_seconds"] or 0.0)
                                + a["upload_to_analysis_done_seconds"]
                                for a in measured
                                if a["seconds"] == length
                                and a.get("upload_to_analysis_done_seconds") is not None
                            ]
                        ),
                        "decided_on_live": sum(
                            1
                            for a in measured
                            if a["seconds"] == length and a["decided_on"] == "live"
                        ),
                    }
                    for length in args.lengths
                },
                "load_average_after": load_average(),
            }
    results["load_average_at_end"] = load_average()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    for length, row in results["browser"]["by_length"].items():
        print(
            f"{length:>4} s answers: Done to next prompt p50 {row['done_to_prompt_seconds']['p50']}"
            f" s, p95 {row['done_to_prompt_seconds']['p95']} s; caption lag p50 "
            f"{row['caption_lag_seconds']['p50']} s, p95 {row['caption_lag_seconds']['p95']} s; "
            f"{row['decided_on_live']} of {row['done_to_prompt_seconds']['count']} decided live; "
            f"today's path (upload + full analysis) p50 {row['todays_path_seconds']['p50']} s"
        )
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()

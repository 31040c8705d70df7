"""``python -m bench.practice.speed [--attempts 5] [--seconds 60]``: how long after Done a
practice attempt's comparison is complete, judge included.

Starts ``rehearse serve`` on the embedded defaults with the content judge on (the bundled
model on its own llama.cpp server, as a candidate's laptop runs it), signs a candidate up and
gives them a session with one story question. A first spoken attempt is the baseline (a
question not answered in the interview is compared with its first attempt), a second one warms
the judge's server up and is not counted; then each measured attempt, a different minute of
real speech each time (the fixture clips joined in another order), is posted as the practice
page posts it when Done is pressed, and ``/comparison`` is read every 0.2 s, as the page reads
it, until it is complete: the delivery measures there (the attempt's speech analysed), the
content compared (judged) and nothing still being judged. Printed and written per attempt,
with the p50 and p95 over the measured attempts: Done to the delivery shown (the speech
analysis alone, the baseline of the same run: what the comparison would wait for without the
judge) and Done to the whole comparison. Target (issue 47): a 60-second attempt's complete
comparison within 20 s p95 after Done on 2 cores. Writes ``bench/results/practice-speed.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench.fixtures import RESULTS
from bench.live.__main__ import PASSWORD, SOX, fixture_clips, serve, summary
from bench.machine import cpu_model, load_average
from rehearse.config import Settings

QUESTION = "Tell me about a time you had to fix a problem under a tight deadline."
TARGET_SECONDS = 20.0
POLL_SECONDS = 0.2
GUARD_SECONDS = 600.0  # a comparison not complete by then is reported as such


def recording(folder: Path, seconds: float, seed: int) -> Path:
    """About ``seconds`` of the fixture clips in an order drawn by ``seed``, 0.5 s apart."""
    clips = [str(clip) for clip in fixture_clips()]
    random.Random(seed).shuffle(clips)  # noqa: S311 (an order, not a secret)
    gap = folder / "gap.wav"
    if not gap.exists():
        _sox("-n", "-r", "16000", "-c", "1", "-b", "16", str(gap), "trim", "0", "0.5")
    pieces = [piece for clip in clips for piece in (clip, str(gap))] * 8
    path = folder / f"attempt-{seed}.wav"
    _sox(*pieces, "-r", "16000", "-c", "1", "-b", "16", str(path), "trim", "0", str(seconds))
    return path


def _sox(*args: str) -> None:
    subprocess.run([SOX, *args], check=True)  # noqa: S603 (Debian's sox)


def _candidate(client: httpx.Client) -> str:
    """A signed-up candidate with a session of one story question; the attempts' base URL."""
    account = {"email": "practice@example.com", "password": PASSWORD}
    client.post("/api/auth/signup", json=account)
    token = client.post("/api/auth/token", json=account).json()["access_token"]
    client.headers["Authorization"] = f"Bearer {token}"
    sid = client.post("/api/sessions", json={"title": "practice speed"}).json()["id"]
    question = {"text": QUESTION, "kind": "behavioural", "topic": "problem-solving"}
    qid = client.post(f"/api/sessions/{sid}/questions", json=question).json()["id"]
    return f"/api/sessions/{sid}/questions/{qid}"


def _post(client: httpx.Client, base: str, path: Path) -> None:
    with path.open("rb") as media:
        response = client.post(f"{base}/attempts", files={"media": (path.name, media, "audio/wav")})
    response.raise_for_status()


def _complete(compared: dict[str, Any]) -> bool:
    baseline = compared["baseline"]
    judged = baseline["content"] is not None and not baseline["judging"]
    return bool(baseline["delivery"]) and judged


def timed_attempt(client: httpx.Client, base: str, path: Path, number: int) -> dict[str, Any]:
    """Post attempt ``number`` and read the comparison until it is complete: the seconds from
    Done to the delivery shown and to the whole comparison (None past the guard)."""
    done = time.monotonic()
    _post(client, base, path)
    delivery = whole = None
    while time.monotonic() - done < GUARD_SECONDS:
        response = client.get(f"{base}/comparison")
        if response.status_code == 200:
            compared = response.json()
            if compared["attempts"] == number:
                if delivery is None and compared["baseline"]["delivery"]:
                    delivery = time.monotonic() - done
                if _complete(compared):
                    whole = time.monotonic() - done
                    break
        time.sleep(POLL_SECONDS)
    return {"attempt": number, "delivery_seconds": delivery, "complete_seconds": whole}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=5, help="measured attempts")
    parser.add_argument("--seconds", type=float, default=60.0, help="each attempt's length")
    parser.add_argument("--out", type=Path, default=RESULTS / "practice-speed.json")
    args = parser.parse_args()
    results: dict[str, Any] = {
        "machine": f"{os.cpu_count()} cores, {cpu_model()}",
        "command": " ".join(["python -m bench.practice.speed", *sys.argv[1:]]),
        "load_average_at_start": load_average(),
        "target_complete_p95_seconds": TARGET_SECONDS,
    }
    cache = str(Settings().resolved_cache_dir)  # the model, Whisper int8 and the bank's vectors
    with tempfile.TemporaryDirectory(prefix="bench-practice-speed-") as temporary:
        folder = Path(temporary)
        media = [recording(folder, args.seconds, seed) for seed in range(args.attempts + 2)]
        with (
            serve(folder, llm="on", cache_dir=cache) as (url, _pid),
            httpx.Client(base_url=url, timeout=120) as client,
        ):
            base = _candidate(client)
            print("the baseline and a warm-up attempt (not counted)", flush=True)
            _post(client, base, media[0])
            warm_up = timed_attempt(client, base, media[1], 2)
            if warm_up["complete_seconds"] is None:
                raise SystemExit(f"the warm-up was never compared; see {folder}/serve.log")
            attempts = []
            for number, path in enumerate(media[2:], start=3):
                attempts.append(timed_attempt(client, base, path, number))
                print(json.dumps(attempts[-1]), flush=True)
        shutil.rmtree(folder / "data", ignore_errors=True)
    delivery = [a["delivery_seconds"] for a in attempts if a["delivery_seconds"] is not None]
    complete = [a["complete_seconds"] for a in attempts if a["complete_seconds"] is not None]
    results |= {
        "attempt_seconds": args.seconds,
        "attempts": attempts,
        "done_to_delivery_seconds": summary(delivery),
        "done_to_complete_seconds": summary(complete),
        "never_complete": len(attempts) - len(complete),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    whole, spoken = results["done_to_complete_seconds"], results["done_to_delivery_seconds"]
    print(f"{results['machine']}; {len(attempts)} attempts of {args.seconds:.0f} s")
    print(f"Done to delivery shown (speech analysed): p50 {spoken['p50']} s, p95 {spoken['p95']} s")
    print(
        f"Done to the whole comparison (judge included): p50 {whole['p50']} s, "
        f"p95 {whole['p95']} s (target {TARGET_SECONDS:.0f} s)"
    )
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()

"""Live captions on the ``/api/live/speech`` socket, and the transcript kept when it ends.

Every socket of the process decodes with one model (``streaming.live_model``) on one decoder
thread, in turn: a socket hands its next step to the decoder only when its last step is back,
with all the audio that came meanwhile, so with many candidates each step covers more audio
and captions fall further behind (by at most one decode per candidate waiting) rather than
piling up work; the event loop and the pace meter never wait for the decoder.

When the candidate presses Done, the rest of the answer is read for at most
``live_final_seconds``: if a decode under way then, or the last one, is not back by that time,
the transcript is the words shown so far, so the next prompt never waits on a slow decode
(the recording's full analysis reads every word anyway).
"""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import structlog
from fastapi import WebSocket

from rehearse.analysis.audio import SAMPLE_RATE, Samples
from rehearse.analysis.speech.streaming import Captions, StreamingRecognizer, live_model
from rehearse.interviews.live_transcripts import keep
from rehearse.runtime import Runtime

_log = structlog.get_logger(__name__)
_decoder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="live-captions")
_warm = threading.Lock()
_warmed: set[str] = set()

END = "end"  # queued when the candidate says the answer is over
Frames = asyncio.Queue[bytes | str | None]  # audio frames, then END or None (the browser left)


class Done:
    """When the candidate pressed Done (on the event loop's clock), once they have."""

    def __init__(self) -> None:
        self._pressed = asyncio.Event()
        self.at: float | None = None

    def press(self) -> None:
        if self.at is None:
            self.at = asyncio.get_running_loop().time()
            self._pressed.set()

    async def wait(self) -> None:
        await self._pressed.wait()


def pcm16(data: bytes) -> Samples:
    """Little-endian 16-bit samples as float32 in [-1, 1)."""
    samples: Samples = np.frombuffer(data, dtype="<i2").astype(np.float32) / 32768.0
    return samples


def warm_up(model: str) -> None:
    """Load the captions' model once per process (a few seconds, the first time only)."""
    with _warm:
        if model not in _warmed:
            StreamingRecognizer(live_model(model)).feed(np.zeros(SAMPLE_RATE, dtype=np.float32))
            _warmed.add(model)


def caption_message(captions: Captions) -> dict[str, Any]:
    words = captions.words
    return {
        "type": "caption",
        "committed": captions.committed_text,
        "tentative": captions.tentative_text,
        "heard_seconds": captions.heard_seconds,
        "newest_end": round(words[-1].end, 3) if words else None,
        "processing_ms": captions.processing_ms,
        "skipped_seconds": captions.skipped_seconds,
    }


async def caption(
    websocket: WebSocket,
    frames: Frames,
    *,
    runtime: Runtime,
    user_id: uuid.UUID,
    question_id: uuid.UUID | None,
    on_words: Callable[[Captions], None],
    done: Done,
) -> None:
    """Caption the audio as it comes; at END, read the rest (for at most
    ``live_final_seconds`` after ``done``) and keep the transcript."""
    settings = runtime.settings
    recognizer = StreamingRecognizer(
        live_model(settings.speech_model), language=settings.speech_language
    )
    loop = asyncio.get_running_loop()
    shown = Captions((), (), heard_seconds=0.0, decoded=False, processing_ms=0.0)
    failed = False
    while True:
        batch, ended = await _next_batch(frames)
        if batch is None:
            return
        if failed:
            if ended:  # the page waits for this to take the turn the slow way
                await websocket.send_json({"type": "final", "live_transcript_id": None})
                return
            continue
        try:
            step = recognizer.finish if ended else recognizer.feed
            decoding = loop.run_in_executor(_decoder, step, pcm16(b"".join(batch)))
            read = await _in_time(decoding, done, settings.live_final_seconds)
            if read is None:  # Done, and the decoder is late: end on the words shown
                _log.info("live.final_unread", heard_seconds=shown.heard_seconds)
                captions, ended = shown.settled(), True
            else:
                captions = shown = read
            live_id = (
                await loop.run_in_executor(None, _keep, runtime, user_id, question_id, captions)
                if ended
                else None
            )
        except Exception:  # the meter goes on without captions
            _log.exception("live.captions_failed")
            failed = True
            continue
        if captions.decoded or ended:
            on_words(captions)
            message = caption_message(captions)
            if ended:
                message |= {
                    "type": "final",
                    "live_transcript_id": str(live_id) if live_id else None,
                }
            await websocket.send_json(message)
        if ended:
            return


async def _in_time(
    decoding: asyncio.Future[Captions], done: Done, budget: float
) -> Captions | None:
    """What ``decoding`` read, or None if Done was pressed more than ``budget`` seconds ago
    and it is still not back (it goes on in the decoder thread, its words unused)."""
    pressed = asyncio.ensure_future(done.wait())
    either: set[asyncio.Future[Any]] = {decoding, pressed}
    try:
        await asyncio.wait(either, return_when=asyncio.FIRST_COMPLETED)
    finally:
        pressed.cancel()
    if not decoding.done():
        loop = asyncio.get_running_loop()
        left = (done.at if done.at is not None else loop.time()) + budget - loop.time()
        try:
            await asyncio.wait_for(asyncio.shield(decoding), max(left, 0.0))
        except TimeoutError:
            decoding.add_done_callback(_left_unread)
            return None
    return decoding.result()


def _left_unread(decoding: asyncio.Future[Captions]) -> None:
    """A decode finished after the transcript was kept: only a failure is worth a line."""
    if not decoding.cancelled() and decoding.exception() is not None:
        _log.warning("live.late_decode_failed", error=repr(decoding.exception()))


async def _next_batch(frames: Frames) -> tuple[list[bytes] | None, bool]:
    """Every frame waiting (at least one), and whether the answer ended after them; None
    when the browser has gone."""
    batch: list[bytes] = []
    while not batch or not frames.empty():
        frame = await frames.get()
        if frame is None:
            return None, False
        if frame == END:
            return batch, True
        if isinstance(frame, bytes):
            batch.append(frame)
    return batch, False


def _keep(
    runtime: Runtime, user_id: uuid.UUID, question_id: uuid.UUID | None, captions: Captions
) -> uuid.UUID | None:
    """Store the transcript for the answer's turn to claim; None when it is not for a question
    or holds no word (the turn then waits for the recording's full transcript)."""
    if question_id is None or not captions.committed:
        return None
    with runtime.database.transaction() as session:
        kept = keep(
            session,
            user_id,
            question_id,
            captions.committed,
            heard_seconds=captions.heard_seconds,
            model=runtime.settings.speech_model,
        )
        _log.info("live.kept", words=len(captions.committed), seconds=captions.heard_seconds)
        return kept.id

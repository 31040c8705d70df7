"""``/api/live/speech``: the live pace and filler meter, and live captions, over a WebSocket.

The browser sends binary frames of 16 kHz mono audio as little-endian 16-bit integers (an
AudioWorklet cuts them every 250 ms); the server answers each batch it measures with one JSON
message, ``{"type": "partial", ...}`` holding ``LivePartial``'s fields and ``frames``, the number
of frames measured so far, so the page can tell how far behind the voice it is.

Opened with ``?question=<id>`` (a question of the user's own session) or ``?captions=1``, it
also sends ``{"type": "caption", ...}`` messages as the words are read (``live_captions.py``),
and pace and fillers come from those words. The text message ``{"type": "end"}`` ends the
answer: the server reads the rest, answers ``{"type": "final", "live_transcript_id": ...}``
(the id the answer's turn claims the transcript with, when a question was given) and closes.

With a question, the page also sends its recorder's chunks as they are made (``{"type":
"recording", "sequence": n}`` then the chunk as one binary message), which are heard while the
candidate speaks (``live_prehearing.py``): the meter counts fillers from the windows heard so
far as the analysis will (``LiveSpeechMeter.use_heard``).

Frames that arrive while the previous batch is being measured are measured together, so the
meter never falls further behind than one batch, however slow the machine. Measuring is CPU
work and runs in a worker thread, off the event loop.

The socket is authenticated by the browser session cookie, which browsers send on a
same-origin handshake; a handshake from another origin is refused, so no other site can open
it with the candidate's cookie (cross-site WebSocket hijacking).
"""

from __future__ import annotations

import asyncio
import json
import threading
import uuid
from collections.abc import Mapping
from dataclasses import asdict
from typing import Any
from urllib.parse import urlsplit

import numpy as np
import structlog
from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from starlette.concurrency import run_in_threadpool

from rehearse.accounts.service import AccountService
from rehearse.analysis.audio import SAMPLE_RATE
from rehearse.analysis.speech.live import LivePartial, LiveSpeechMeter
from rehearse.analysis.speech.streaming import Captions
from rehearse.errors import RehearseError
from rehearse.interviews.live_transcripts import question_of_user
from rehearse.runtime import Runtime
from rehearse.web import live_captions, live_prehearing
from rehearse.web.deps import SESSION_COOKIE
from rehearse.web.live_captions import END, Done, Frames, pcm16
from rehearse.web.live_prehearing import LivePrehearing

__all__ = ["pcm16", "router", "same_origin", "signed_in"]

router = APIRouter()
_log = structlog.get_logger(__name__)

MAX_FRAME_SECONDS = 2.0
_MAX_FRAME_BYTES = int(MAX_FRAME_SECONDS * SAMPLE_RATE) * 2
POLICY_VIOLATION = 1008
TOO_BIG = 1009
_warm = threading.Lock()
_warmed = False


def same_origin(websocket: WebSocket, public_url: str) -> bool:
    """True unless a browser says the page that opened the socket is on another site."""
    origin = websocket.headers.get("origin")
    if origin is None:  # not a browser: it must still present the session cookie
        return True
    netloc = urlsplit(origin).netloc
    return netloc in (websocket.headers.get("host"), urlsplit(public_url).netloc)


def signed_in(runtime: Runtime, cookie: str | None) -> str | None:
    """The id of the user whose browser session ``cookie`` is, or None."""
    if not cookie:
        return None
    with runtime.database.transaction() as session:
        try:
            user, _ = AccountService(session, runtime).user_for_browser_session(
                cookie, csrf_header=None, unsafe_method=False
            )
        except RehearseError:
            return None
        return str(user.id)


def _warm_up() -> None:
    """Load the voice-activity model and compile the pitch tracker once per process, so the
    first answer's meter is as quick as the rest (the first call costs about a second)."""
    global _warmed  # noqa: PLW0603 (a once-per-process flag)
    with _warm:
        if not _warmed:
            LiveSpeechMeter().feed(np.zeros(SAMPLE_RATE // 2, dtype=np.float32))
            _warmed = True


def own_question(runtime: Runtime, user_id: str, question: uuid.UUID) -> bool:
    with runtime.database.transaction() as session:
        return question_of_user(session, uuid.UUID(user_id), question) is not None


def partial_message(partial: LivePartial, frames: int) -> dict[str, object]:
    return {"type": "partial", "frames": frames, **asdict(partial)}


async def _receive_frames(
    websocket: WebSocket,
    queues: tuple[Frames, ...],
    done: Done,
    recording: LivePrehearing | None,
) -> None:
    """Queue each binary frame for every reader until the browser hangs up or ends the answer
    with ``{"type": "end"}`` (``done`` pressed, END for the captions, then None for every
    reader); hand each recorder chunk to ``recording`` (dropped without one)."""
    try:
        while True:
            message = await websocket.receive()
            data = message.get("bytes")
            if data is None:
                kind, sequence = _text(message)
                if kind == "recording":
                    chunk = (await websocket.receive()).get("bytes")
                    if chunk is None or len(chunk) > live_prehearing.MAX_CHUNK_BYTES:
                        await websocket.close(TOO_BIG, "Send each recorder chunk whole.")
                        break
                    if recording is not None and sequence is not None:
                        recording.add(sequence, chunk)
                    continue
                if kind == "end":
                    done.press()
                    for queue in queues[1:]:
                        queue.put_nowait(END)
                break  # the end, a disconnection, or text where audio was expected
            if len(data) > _MAX_FRAME_BYTES or len(data) % 2:
                await websocket.close(TOO_BIG, "Send at most 2 s of 16-bit samples per frame.")
                break
            for queue in queues:
                queue.put_nowait(data)
    except (WebSocketDisconnect, RuntimeError, KeyError):
        pass  # closed by the browser
    finally:
        for queue in queues:
            queue.put_nowait(None)


def _text(message: Mapping[str, Any]) -> tuple[str | None, int | None]:
    """A text message's ``type`` and, for a recorder chunk, its ``sequence``."""
    try:
        said = json.loads(str(message.get("text") or ""))
        sequence = said.get("sequence")
        return str(said.get("type")), sequence if isinstance(sequence, int) else None
    except (ValueError, AttributeError):
        return None, None


async def _measure(
    websocket: WebSocket,
    meter: LiveSpeechMeter,
    frames: Frames,
    limit_seconds: float,
) -> None:
    """Feed every waiting frame to the meter in one batch; answer each batch."""
    measured = 0
    ended = False
    while not ended:
        batch: list[bytes] = []
        while not batch or not frames.empty():
            frame = await frames.get()
            if not isinstance(frame, bytes):
                ended = True
                break
            batch.append(frame)
        if not batch:
            return
        measured += len(batch)
        partial = await run_in_threadpool(meter.feed, pcm16(b"".join(batch)))
        await websocket.send_json(partial_message(partial, measured))
        if partial.elapsed_seconds > limit_seconds:
            await websocket.close(1000, "The longest answer allowed has been reached.")
            return


@router.websocket("/api/live/speech", name="live_speech")
async def live_speech(
    websocket: WebSocket,
    question: uuid.UUID | None = None,
    captions: bool = False,
    attempt: bool = False,
) -> None:
    """Live pace and fillers (and captions, for a question) for 16 kHz 16-bit audio; with a
    question, its recording heard as it is made (``attempt``: a practice attempt)."""
    runtime: Runtime = websocket.app.state.runtime
    settings = runtime.settings
    if not same_origin(websocket, settings.resolved_public_url):
        await websocket.close(POLICY_VIOLATION, "Open the meter from the Rehearse page itself.")
        return
    user_id = await run_in_threadpool(signed_in, runtime, websocket.cookies.get(SESSION_COOKIE))
    if user_id is None:
        await websocket.close(POLICY_VIOLATION, "Sign in first.")
        return
    if question is not None and not await run_in_threadpool(
        own_question, runtime, user_id, question
    ):
        await websocket.close(POLICY_VIOLATION, "No such question.")
        return
    captioned = captions or question is not None
    await websocket.accept()
    await run_in_threadpool(_warm_up)
    if captioned:
        await run_in_threadpool(live_captions.warm_up, settings.speech_model)
    await websocket.send_json({"type": "ready", "sample_rate": SAMPLE_RATE, "captions": captioned})
    meter = LiveSpeechMeter()
    queues: list[Frames] = [asyncio.Queue()]
    done = Done()
    readers = [_measure(websocket, meter, queues[0], settings.max_recording_minutes * 60)]
    if captioned:
        queues.append(asyncio.Queue())

        def words_read(read: Captions) -> None:
            meter.use_words(read.words)

        readers.append(
            live_captions.caption(
                websocket,
                queues[1],
                runtime=runtime,
                user_id=uuid.UUID(user_id),
                question_id=question,
                on_words=words_read,
                done=done,
            )
        )
    recording = None
    if question is not None and live_prehearing.enabled(runtime):
        recording = LivePrehearing(
            runtime, uuid.UUID(user_id), question, attempt=attempt, on_heard=meter.use_heard
        )
    receiver = asyncio.create_task(_receive_frames(websocket, tuple(queues), done, recording))
    try:
        await asyncio.gather(*readers)
        if captioned:
            await websocket.close(1000)
    except (WebSocketDisconnect, RuntimeError):
        pass  # the browser went away while we answered
    finally:
        receiver.cancel()
        if recording is not None:
            recording.close()
        _log.debug("live.closed", user_id=user_id)

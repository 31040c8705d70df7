"""``/api/live/speech``: the live pace and filler meter over a WebSocket.

The browser sends binary frames of 16 kHz mono audio as little-endian 16-bit integers (an
AudioWorklet cuts them every 250 ms); the server answers each batch it measures with one JSON
message, ``{"type": "partial", ...}`` holding ``LivePartial``'s fields and ``frames``, the number
of frames measured so far, so the page can tell how far behind the voice it is.

Frames that arrive while the previous batch is being measured are measured together, so the
meter never falls further behind than one batch, however slow the machine. Measuring is CPU
work and runs in a worker thread, off the event loop.

The socket is authenticated by the browser session cookie, which browsers send on a
same-origin handshake; a handshake from another origin is refused, so no other site can open
it with the candidate's cookie (cross-site WebSocket hijacking).
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import asdict
from urllib.parse import urlsplit

import numpy as np
import structlog
from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from starlette.concurrency import run_in_threadpool

from rehearse.accounts.service import AccountService
from rehearse.analysis.audio import SAMPLE_RATE, Samples
from rehearse.analysis.speech.live import LivePartial, LiveSpeechMeter
from rehearse.errors import RehearseError
from rehearse.runtime import Runtime
from rehearse.web.deps import SESSION_COOKIE

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


def pcm16(data: bytes) -> Samples:
    """Little-endian 16-bit samples as float32 in [-1, 1)."""
    samples: Samples = np.frombuffer(data, dtype="<i2").astype(np.float32) / 32768.0
    return samples


def partial_message(partial: LivePartial, frames: int) -> dict[str, object]:
    return {"type": "partial", "frames": frames, **asdict(partial)}


async def _receive_frames(websocket: WebSocket, frames: asyncio.Queue[bytes | None]) -> None:
    """Queue each binary frame until the browser hangs up (None marks the end)."""
    try:
        while True:
            data = await websocket.receive_bytes()
            if len(data) > _MAX_FRAME_BYTES or len(data) % 2:
                await websocket.close(TOO_BIG, "Send at most 2 s of 16-bit samples per frame.")
                break
            frames.put_nowait(data)
    except (WebSocketDisconnect, RuntimeError, KeyError):
        pass  # closed by the browser, or a text message where audio was expected
    finally:
        frames.put_nowait(None)


async def _measure(
    websocket: WebSocket, frames: asyncio.Queue[bytes | None], limit_seconds: float
) -> None:
    """Feed every waiting frame to the meter in one batch; answer each batch."""
    meter = LiveSpeechMeter()
    measured = 0
    ended = False
    while not ended:
        batch: list[bytes] = []
        while not batch or not frames.empty():
            frame = await frames.get()
            if frame is None:
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
async def live_speech(websocket: WebSocket) -> None:
    """Live pace and fillers for binary frames of 16 kHz mono 16-bit audio."""
    runtime: Runtime = websocket.app.state.runtime
    settings = runtime.settings
    if not same_origin(websocket, settings.resolved_public_url):
        await websocket.close(POLICY_VIOLATION, "Open the meter from the Rehearse page itself.")
        return
    user_id = await run_in_threadpool(signed_in, runtime, websocket.cookies.get(SESSION_COOKIE))
    if user_id is None:
        await websocket.close(POLICY_VIOLATION, "Sign in first.")
        return
    await websocket.accept()
    await run_in_threadpool(_warm_up)
    await websocket.send_json({"type": "ready", "sample_rate": SAMPLE_RATE})
    frames: asyncio.Queue[bytes | None] = asyncio.Queue()
    receiver = asyncio.create_task(_receive_frames(websocket, frames))
    try:
        await _measure(websocket, frames, settings.max_recording_minutes * 60)
    except (WebSocketDisconnect, RuntimeError):
        pass  # the browser went away while we answered
    finally:
        receiver.cancel()
        _log.debug("live.closed", user_id=user_id)

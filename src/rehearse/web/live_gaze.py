"""``/api/live/gaze``: the live eye-contact indicator over a WebSocket.

The browser sends the camera's frames as binary JPEG images (a few a second, small); the
server answers each frame it measures with ``{"type": "gaze", ...}`` holding ``LiveGaze``'s
fields. Frames that arrive while one is being measured are dropped except the newest, so the
indicator shows the present, never a backlog. With ``?session=<id>`` of a session the user
has calibrated, eye contact is judged by that calibration.

Authentication and the origin check are the speech meter's (``rehearse.web.live``).
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import asdict

import cv2
import numpy as np
from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from starlette.concurrency import run_in_threadpool

from rehearse.analysis.video.gaze import GazeCalibration
from rehearse.analysis.video.live import Image, LiveGazeMeter
from rehearse.interviews.models import InterviewSession
from rehearse.runtime import Runtime
from rehearse.web.deps import SESSION_COOKIE
from rehearse.web.live import POLICY_VIOLATION, TOO_BIG, same_origin, signed_in

router = APIRouter()

MAX_FRAME_BYTES = 512 * 1024  # a 640x480 JPEG is well under this


def _calibration(runtime: Runtime, user_id: str, session_id: str | None) -> GazeCalibration | None:
    """The calibration of the user's own session ``session_id``, if it has one."""
    if not session_id:
        return None
    try:
        key = uuid.UUID(session_id)
    except ValueError:
        return None
    with runtime.database.transaction() as db:
        interview = db.get(InterviewSession, key)
        if interview is None or str(interview.user_id) != user_id:
            return None
        stored = interview.gaze_calibration
    return GazeCalibration(**stored) if stored else None


def _picture(jpeg: bytes) -> Image | None:
    """The RGB picture of a JPEG (or PNG) frame, or None when it is not one."""
    decoded = cv2.imdecode(np.frombuffer(jpeg, dtype=np.uint8), cv2.IMREAD_COLOR)
    if decoded is None:
        return None
    return np.asarray(cv2.cvtColor(decoded, cv2.COLOR_BGR2RGB), dtype=np.uint8)


def _measure(meter: LiveGazeMeter, jpeg: bytes) -> dict[str, object]:
    picture = _picture(jpeg)
    if picture is None:
        return {"type": "error", "message": "A frame was not a JPEG image."}
    return {"type": "gaze", **asdict(meter.feed(picture))}


async def _newest(websocket: WebSocket, latest: asyncio.Queue[bytes | None]) -> None:
    """Keep only the newest frame waiting; None marks the end."""
    try:
        while True:
            data = await websocket.receive_bytes()
            if len(data) > MAX_FRAME_BYTES:
                await websocket.close(TOO_BIG, "Send camera frames as small JPEG images.")
                break
            while not latest.empty():
                latest.get_nowait()
            latest.put_nowait(data)
    except (WebSocketDisconnect, RuntimeError, KeyError):
        pass
    finally:
        latest.put_nowait(None)


@router.websocket("/api/live/gaze", name="live_gaze")
async def live_gaze(websocket: WebSocket, session: str | None = None) -> None:
    """Live eye contact for binary JPEG frames of the candidate's camera."""
    runtime: Runtime = websocket.app.state.runtime
    if not same_origin(websocket, runtime.settings.resolved_public_url):
        await websocket.close(POLICY_VIOLATION, "Open the meter from the Rehearse page itself.")
        return
    user_id = await run_in_threadpool(signed_in, runtime, websocket.cookies.get(SESSION_COOKIE))
    if user_id is None:
        await websocket.close(POLICY_VIOLATION, "Sign in first.")
        return
    await websocket.accept()
    calibration = await run_in_threadpool(_calibration, runtime, user_id, session)
    meter = await run_in_threadpool(LiveGazeMeter, calibration)
    await websocket.send_json({"type": "ready", "calibrated": calibration is not None})
    latest: asyncio.Queue[bytes | None] = asyncio.Queue()
    receiver = asyncio.create_task(_newest(websocket, latest))
    try:
        while (frame := await latest.get()) is not None:
            await websocket.send_json(await run_in_threadpool(_measure, meter, frame))
    except (WebSocketDisconnect, RuntimeError):
        pass
    finally:
        receiver.cancel()
        meter.close()

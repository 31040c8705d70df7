"""Windows already decoded: what Whisper made of a window of audio, kept by what it heard.

A window's decode depends on nothing but its own samples, where it lies in the recording, the
prompt, the token limit and the model: the batched decode pads each window to Whisper's 30 s
on its own, and CTranslate2 scales every row of a batch by itself, so a window decoded with
others reads as it does alone (``tests/analysis/speech/test_decoded.py``). A window decoded
while the answer was still being recorded (``prehearing.py``) is therefore the same window the
whole recording's analysis decodes, and it is read from here instead of decoded again; a window
whose samples differ in one bit is decoded afresh, so the transcript is always the whole
recording's own.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence

from rehearse.analysis.audio import Samples
from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.words import Segment

# A 60 s answer has 3 windows and its retries a few more: room for many answers at once.
MAX_WINDOWS = 512


def window_key(samples: Samples, window: Span, *, decoder: str, prompt: str | None) -> str:
    """What identifies a window's decode: the samples it hears, where, how and by what."""
    digest = hashlib.sha256(samples.tobytes())
    digest.update(f"\n{window.start!r}\n{window.end!r}\n{decoder}\n{prompt!r}".encode())
    return digest.hexdigest()


class DecodedWindows:
    """The last ``MAX_WINDOWS`` windows decoded, by ``window_key``; safe across threads."""

    def __init__(self, size: int = MAX_WINDOWS) -> None:
        self.size = size
        self.hits = 0
        self._kept: OrderedDict[str, tuple[Segment, ...]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._kept)

    def get(self, key: str) -> tuple[Segment, ...] | None:
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
                self.hits += 1
            return found

    def put(self, key: str, segments: Sequence[Segment]) -> None:
        with self._lock:
            self._kept[key] = tuple(segments)
            self._kept.move_to_end(key)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)

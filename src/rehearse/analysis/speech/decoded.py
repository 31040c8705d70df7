"""Windows already decoded: what Whisper made of a window of audio, kept by what it heard.

A window's decode depends on nothing but its own samples, where it lies in the recording, the
prompt, the token limit and the model: the batched decode pads each window to Whisper's 30 s
on its own, and CTranslate2 scales every row of a batch by itself, so a window decoded with
others reads as it does alone (``tests/analysis/speech/test_decoded.py``). A window decoded
while the answer was still being recorded (``prehearing.py``) is therefore the same window the
whole recording's analysis decodes, and it is read from here instead of decoded again; a window
whose samples differ in one bit is decoded afresh, so the transcript is always the whole
recording's own. With its segments is kept what the window's encoder frames held
(``sounds.py``): the fillers and repeats heard in it.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from rehearse.analysis.audio import Samples
from rehearse.analysis.speech.sounds import HeardSounds
from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.words import Segment

# A 60 s answer has 3 windows and its retries a few more: room for many answers at once.
MAX_WINDOWS = 512


@dataclass(frozen=True)
class WindowDecode:
    """What recognition made of one window: its segments and the sounds heard in it."""

    segments: tuple[Segment, ...]
    sounds: HeardSounds = field(default_factory=HeardSounds)


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
        self._kept: OrderedDict[str, WindowDecode] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._kept)

    def get(self, key: str) -> WindowDecode | None:
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
                self.hits += 1
            return found

    def put(self, key: str, decoded: WindowDecode) -> None:
        with self._lock:
            self._kept[key] = decoded
            self._kept.move_to_end(key)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)

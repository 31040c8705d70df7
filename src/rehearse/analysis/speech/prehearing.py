"""An answer's recording heard while it is still being made.

The browser hands its recorder's chunks to the server as it makes them (the live socket,
``web/live_prehearing.py``). Each ``step`` decodes all that has come (a recording cut
anywhere decodes to the samples the whole one starts with) and decodes every window of speech
that more recording will not change (``pipeline.prehear``), kept by the recognizer
(``decoded.py``). When the whole recording is analysed (``pipeline.hear``), those windows are
read instead of decoded, so at Done only the last one is left; the transcript is still the
whole recording's own, since a window is read only if its samples are the same to the bit.
The words of the windows heard so far let the content judge read the answer as it grows
(``ContentJudge.read_ahead``), and with the sounds heard in them, the live meter count fillers
as the analysis will (``live.py``).

Pre-hearing only ever saves time: a chunk missing or out of order, a recording that cannot
be decoded yet, or any failure stops it (the whole recording's analysis does everything),
never the answer.
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

from rehearse.analysis.audio import load_audio
from rehearse.analysis.errors import MediaError
from rehearse.analysis.speech.analyzer import SpeechAnalyzer
from rehearse.analysis.speech.pipeline import PreHeard, prehear

# A step decodes the recording so far again: not more often than this much new sound.
STEP_SECONDS = 4.0


class Prehearing:
    """One recording being made: ``add`` its chunks in order, ``step`` to hear what came."""

    def __init__(self, analyzer: SpeechAnalyzer, *, step_seconds: float = STEP_SECONDS) -> None:
        self.analyzer = analyzer
        self.step_seconds = step_seconds
        self.heard_seconds = 0.0
        self.stopped = ""  # why it stopped, once it has
        self._file = tempfile.NamedTemporaryFile(prefix="rehearse-prehearing-", suffix=".rec")  # noqa: SIM115 (closed by close)
        self._next = 0
        self._lock = threading.Lock()

    @property
    def path(self) -> Path:
        return Path(self._file.name)

    def add(self, sequence: int, chunk: bytes) -> None:
        """The recorder's chunk number ``sequence`` (from 0); a chunk out of order stops it."""
        with self._lock:
            if self.stopped:
                return
            if sequence != self._next:
                self.stopped = f"chunk {sequence} came where {self._next} was due"
                return
            self._file.write(chunk)
            self._file.flush()
            self._next += 1

    def step(self) -> PreHeard | None:
        """The words and sounds of the windows heard for good so far, once ``step_seconds``
        of new sound have come since the last step; None when there is nothing new to hear."""
        with self._lock:
            if self.stopped or self._next == 0:
                return None
            try:
                audio = load_audio(self.path, max_seconds=self.analyzer.max_seconds)
            except MediaError:  # not yet a recording (too short, no whole frame yet)
                return None
        if audio.duration < self.heard_seconds + self.step_seconds:
            return None
        self.heard_seconds = audio.duration
        try:
            return prehear(
                audio,
                self.analyzer.recognizer,
                enhancement=self.analyzer.enhancement,
                enhancer=self.analyzer.enhancer,
            )
        except Exception as exc:  # it only saves time: the analysis does it all
            with self._lock:
                self.stopped = f"it failed: {exc!r}"
            return None

    def close(self) -> None:
        """Forget the recording (the answer's own upload is what is analysed)."""
        with self._lock:
            self.stopped = self.stopped or "closed"
            self._file.close()

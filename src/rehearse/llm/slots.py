"""Which of a llama.cpp server's slots keeps the prompt of each system text.

A llama.cpp slot keeps the tokens of the last prompt it read, and a request that begins with
the same tokens reads only what follows them. The content judge asks under two system texts:
the yes/no questions' short one, and the grades' one with three graded reference answers. It
reads an answer into both while the answer is still being given (``ContentJudge.read_ahead``),
so that judging it whole reads only its last words. On one slot the two took turns, and the
server's RAM prompt cache, which should have kept the other, did not restore it reliably (a
story read ahead under both was read again whole under the grades' text). ``SystemSlots``
sends each system text to the slot that read it last, and a new one to the slot used least
recently, so with a slot per system text each keeps its own prompt, whatever is asked in
between.
"""

from __future__ import annotations

import threading
from collections import OrderedDict


class SystemSlots:
    """``slot_for(system)``: the slot (0 to ``count`` - 1) a request under ``system`` goes to."""

    def __init__(self, count: int) -> None:
        if count < 1:
            raise ValueError("a server has at least one slot")
        self.count = count
        self._last_read: OrderedDict[str, int] = OrderedDict()  # least recently used first
        self._lock = threading.Lock()

    def slot_for(self, system: str) -> int:
        """The slot that last read ``system``, else a free one, else the least recently used."""
        with self._lock:
            slot = self._last_read.pop(system, None)
            if slot is None:
                if len(self._last_read) < self.count:
                    slot = len(self._last_read)
                else:
                    _, slot = self._last_read.popitem(last=False)
            self._last_read[system] = slot
            return slot

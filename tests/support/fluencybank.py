"""Real disfluent speech: FluencyBank's development clips in ``../shared/data/fluencybank``
(research use; read from there, never copied here), or a skip that says why."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from rehearse.analysis.audio import SAMPLE_RATE, Samples, load_audio

FLUENCYBANK = Path(__file__).resolve().parents[3] / "shared" / "data" / "fluencybank"


def filled_pauses_said(clips: int = 8, gap_seconds: float = 0.5) -> Samples:
    """The first ``clips`` 3-second clips that all three annotators marked with a filled pause
    ("um", "uh") and that hold sound, in the labels' order, ``gap_seconds`` of silence apart."""
    labels = FLUENCYBANK / "labels-dev.csv"
    if not labels.exists():
        pytest.skip("needs ../shared/data/fluencybank (the shared data is not beside the repo)")
    gap = np.zeros(int(gap_seconds * SAMPLE_RATE), dtype=np.float32)
    said: list[Samples] = []
    with labels.open(newline="") as rows:
        for row in csv.DictReader(rows, skipinitialspace=True):
            if int(row["Interjection"]) < 3:
                continue
            path = FLUENCYBANK / "clips" / f"FluencyBank_{row['EpId']}_{row['ClipId']}.flac"
            samples = load_audio(path).samples
            if np.abs(samples).max() > 0.01:  # some clips are all zeros
                said += [samples, gap]
            if len(said) == 2 * clips:
                break
    return np.concatenate(said)

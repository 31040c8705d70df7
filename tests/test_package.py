"""What importing Rehearse sets up for every process that runs it."""

from __future__ import annotations

import os
import subprocess
import sys

# A process that imports Rehearse, then numpy, does a matrix product big enough for OpenBLAS to
# share out, and prints how many threads it then has.
THREADS_AFTER_A_PRODUCT = (
    "import os, rehearse, numpy; a = numpy.ones((400, 400), numpy.float32); a @ a; "
    "print(len(os.listdir('/proc/self/task')))"
)
OPENBLAS_THREADS_SET = "import os, rehearse; print(os.environ['OPENBLAS_NUM_THREADS'])"


def _printed(program: str, **variables: str) -> str:
    """What ``program`` prints, run with no OPENBLAS_NUM_THREADS but ``variables``'."""
    env = {key: value for key, value in os.environ.items() if key != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run(
        [sys.executable, "-c", program],
        env=env | variables,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_numpy_multiplies_matrices_on_one_thread() -> None:
    """OpenBLAS's threads would wait for work by spinning on the cores Whisper uses."""
    assert _printed(THREADS_AFTER_A_PRODUCT) == "1"


def test_an_operators_thread_count_for_openblas_is_kept() -> None:
    assert _printed(OPENBLAS_THREADS_SET, OPENBLAS_NUM_THREADS="4") == "4"

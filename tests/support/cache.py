"""The test run's one cache folder (REHEARSE_CACHE_DIR of every test's settings and processes).

The bank and the knowledge base are then embedded once per run (about a minute of a core
each) instead of once per process; sharing is safe because every file in the cache is
written atomically and named by what it was computed from (the texts and the encoder, the
model wheels and CTranslate2). ``tests/conftest.py`` makes the folder before pytest-xdist
starts its workers, which inherit the variable that names it.

``scripts/test`` names a folder kept with our other caches instead, so a later run (a fresh
clone on the same machine too) finds the bank embedded and Whisper converted, as a user's
second start does; the tests of the cache itself use folders of their own.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

_VARIABLE = "TESTS_REHEARSE_CACHE_DIR"  # not REHEARSE_*: that would be read as a setting
_made: list[str] = []  # the temporary folder this process made, if it made one


def make_shared_cache_folder() -> None:
    """Make a temporary folder unless this process was given one (or inherited it)."""
    if _VARIABLE in os.environ:
        Path(os.environ[_VARIABLE]).mkdir(parents=True, exist_ok=True)
    else:
        os.environ[_VARIABLE] = tempfile.mkdtemp(prefix="rehearse-test-cache-")
        _made.append(os.environ[_VARIABLE])


def remove_shared_cache_folder() -> None:
    """Remove the temporary folder, from the process that made it; a given one is kept."""
    for folder in _made:
        shutil.rmtree(folder, ignore_errors=True)
    _made.clear()


def shared_cache_folder() -> Path:
    """The folder; made by ``make_shared_cache_folder`` when pytest starts."""
    return Path(os.environ[_VARIABLE])

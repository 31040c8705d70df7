"""The test run's one cache folder (REHEARSE_CACHE_DIR of every test's settings and processes).

The bank and the knowledge base are then embedded once per run (about a minute of a core
each) instead of once per process; sharing is safe because every file in the cache is
written atomically. ``tests/conftest.py`` makes the folder before pytest-xdist starts its
workers, which inherit the variable that names it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

_VARIABLE = "TESTS_REHEARSE_CACHE_DIR"  # not REHEARSE_*: that would be read as a setting


def make_shared_cache_folder() -> None:
    """Make the folder unless this process inherited one."""
    if _VARIABLE not in os.environ:
        os.environ[_VARIABLE] = tempfile.mkdtemp(prefix="rehearse-test-cache-")


def remove_shared_cache_folder() -> None:
    """Remove the folder, from the process that made it (not from an xdist worker)."""
    if not os.environ.get("PYTEST_XDIST_WORKER") and _VARIABLE in os.environ:
        shutil.rmtree(os.environ.pop(_VARIABLE), ignore_errors=True)


def shared_cache_folder() -> Path:
    """The folder; made by ``make_shared_cache_folder`` when pytest starts."""
    return Path(os.environ[_VARIABLE])

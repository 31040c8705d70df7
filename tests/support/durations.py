"""The test files run longest first, from the times the last runs took.

pytest-xdist (``--dist loadfile``) hands each worker a whole file at a time, in the order it
is given. In collection order the end-to-end files came last, and one worker spent the last
two minutes on them alone while the other had finished. Longest first, the files that are
left at the end are short and both workers finish together.

``scripts/test`` names the file that keeps the times (``TESTS_DURATIONS_FILE``, with our
other caches); without it, nothing is read or written and the order is pytest's. A machine
that has not run the suite yet (CI's fresh clone) starts from the times committed in
``tests/durations.json``, which a run's own times replace. The order changes nothing else:
every test still runs, and a file never heard of runs last.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import defaultdict
from pathlib import Path

import pytest

_VARIABLE = "TESTS_DURATIONS_FILE"
_COMMITTED = Path(__file__).parents[1] / "durations.json"
_measured: defaultdict[str, float] = defaultdict(float)


def _store() -> Path | None:
    named = os.environ.get(_VARIABLE)
    return Path(named) if named else None


def _read(path: Path) -> dict[str, float]:
    try:
        times = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): float(v) for k, v in times.items()} if isinstance(times, dict) else {}


def _known() -> dict[str, float]:
    store = _store()
    return {**_read(_COMMITTED), **_read(store)} if store else {}


def _file_of(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


def longest_files_first(items: list[pytest.Item]) -> None:
    """Reorder ``items`` in place: files by their last known time, longest first; the
    tests of a file keep their order."""
    known = _known()
    if not known:
        return
    items.sort(key=lambda item: -known.get(_file_of(item.nodeid), 0.0))


def record(report: pytest.TestReport) -> None:
    """Add a setup, call or teardown's time to its file's (in the process that reports
    them all: the controller under pytest-xdist)."""
    if _store() and not os.environ.get("PYTEST_XDIST_WORKER"):
        _measured[_file_of(report.nodeid)] += report.duration


def save() -> None:
    """Write the files' times, replacing those of the files this run ran."""
    store = _store()
    if not store or not _measured or os.environ.get("PYTEST_XDIST_WORKER"):
        return
    times = {**_read(store), **{name: round(seconds, 2) for name, seconds in _measured.items()}}
    store.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=store.parent, delete=False, suffix=".tmp") as out:
        json.dump(times, out, indent=0, sort_keys=True)
    Path(out.name).replace(store)

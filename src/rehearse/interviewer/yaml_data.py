"""The interviewer's YAML data (bank, notes, skills, problems), parsed safely and fast.

libyaml's safe loader (inside PyYAML's wheels) parses the 28 bank topics in a tenth of the
pure-Python loader's time, which a candidate's first report of every process used to wait for.
"""

from __future__ import annotations

from typing import IO, Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(source: str | IO[str]) -> Any:
    """The plain data (dicts, lists, strings, numbers) in ``source``."""
    return yaml.load(source, Loader=_LOADER)  # noqa: S506 (a safe loader, C or Python)

"""The class fixtures (tests/support/classes.py)."""

from tests.support.classes import coach, member, organisation  # noqa: F401 (fixtures)

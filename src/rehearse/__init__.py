"""Rehearse: an open-source AI interview coach."""

__version__ = "0.1.0"

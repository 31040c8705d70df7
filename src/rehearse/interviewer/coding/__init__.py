"""Coding questions: problems with hidden tests, run in a sandbox."""

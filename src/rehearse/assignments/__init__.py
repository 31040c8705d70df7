"""Assignments: a coach hands an organisation an interview to take (docs/architecture.md)."""

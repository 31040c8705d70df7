"""Practice: a question answered again, and what changed between its attempts (issue 47)."""

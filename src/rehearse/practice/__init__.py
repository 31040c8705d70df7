"""Practise a question again: attempts kept beside the interview, and what changed."""

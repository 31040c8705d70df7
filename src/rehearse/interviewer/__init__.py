"""The interviewer, a pure library: résumé and job parsing, the question bank, retrieval, the
plan, the conversation flow and adaptive difficulty. No web or database imports."""

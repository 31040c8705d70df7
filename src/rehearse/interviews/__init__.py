"""Interview sessions: set-up (role, job, résumé), questions, answers and their media."""

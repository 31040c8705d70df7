"""Progress across sessions: the candidate's reflections and their mastery per topic."""

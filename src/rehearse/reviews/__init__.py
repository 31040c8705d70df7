"""Reviews: a coach reads a member's attempt, comments, scores the rubric, flags verdicts."""

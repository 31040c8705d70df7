"""What the candidate reads: content evaluation, explained scores, segment feedback and
recommendations."""

"""Report rendering speed: a realistic 10-answer session rendered to PDF and HTML."""

"""Organisations (a class, a cohort, a team): coaches, members, invitations and join codes."""

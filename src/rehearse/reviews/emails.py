"""The e-mail a member gets when a coach reviews their attempt."""

from __future__ import annotations

FEEDBACK_SUBJECT = "Your coach reviewed your answers to {assignment}"


def feedback_text(coach: str, assignment: str, organisation: str, what: str, link: str) -> str:
    return (
        "Hello,\n\n"
        f"{coach} ({organisation}) {what} on your attempt at {assignment}. Read it beside "
        "each answer in your report:\n\n"
        f"{link}\n\n"
        "It is in the report's PDF too.\n"
    )

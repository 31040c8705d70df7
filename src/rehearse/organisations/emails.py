"""The text of the invitation e-mail."""

from __future__ import annotations

INVITE_SUBJECT = "You are invited to {organisation} on Rehearse"


def invite_text(organisation: str, inviter: str, role: str, link: str, days: int) -> str:
    return (
        "Hello,\n\n"
        f"{inviter} invites you to join {organisation} on Rehearse as a {role}. Sign in (or "
        "create an account with this e-mail address) and open this link:\n\n"
        f"{link}\n\n"
        f"The link works for {days} days and only once. If you do not know {inviter}, "
        "ignore this e-mail.\n"
    )

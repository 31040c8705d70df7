"""The texts of the e-mails accounts send."""

from __future__ import annotations

CONFIRM_SUBJECT = "Confirm your e-mail address for Rehearse"
RESET_SUBJECT = "Reset your Rehearse password"


def confirmation_text(name: str, link: str, token: str, hours: int) -> str:
    return (
        f"Hello {name},\n\n"
        "Please confirm your e-mail address for Rehearse by opening this link:\n\n"
        f"{link}\n\n"
        f"Or send this code to POST /api/auth/confirm-email: {token}\n\n"
        f"The link works for {hours} hours. If you did not sign up, ignore this e-mail.\n"
    )


def reset_text(name: str, link: str, token: str, minutes: int) -> str:
    return (
        f"Hello {name},\n\n"
        "Someone (hopefully you) asked to reset your Rehearse password. Open this link to "
        "choose a new one:\n\n"
        f"{link}\n\n"
        f"Or send this code to POST /api/auth/password/reset: {token}\n\n"
        f"The link works for {minutes} minutes and only once. If you did not ask for it, "
        "ignore this e-mail: your password stays as it is.\n"
    )

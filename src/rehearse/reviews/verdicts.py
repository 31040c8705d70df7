"""The judge's verdicts a coach can flag in an answer's report, named so a flag keeps
pointing at the same one: ``content`` (the content score), ``point:N`` (the N-th key point's
verdict) and ``star:PART`` (whether the story has that part)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rehearse.errors import ValidationFailed


def verdict_said(answer: Mapping[str, Any], verdict: str) -> str:
    """What the judge's ``verdict`` says in ``answer`` (an ``AnswerReport`` as a dict)."""
    kind, _, which = verdict.partition(":")
    if kind == "content" and not which:
        content = next((s for s in answer.get("scores", []) if s["name"] == "content"), None)
        if content is not None and content.get("value") is not None:
            return f"content {content['value']:.0f}/100 ({content.get('label', '')})"
    elif kind == "point" and which.isdigit():
        points = answer.get("key_points", [])
        if 1 <= int(which) <= len(points):
            point = points[int(which) - 1]
            status = point.get("status") or ("covered" if point.get("found") else "missing")
            return f"{point['point']}: {status}"
    elif kind == "star" and which in answer.get("star", {}):
        return f"{which}: {'present' if answer['star'][which] else 'missing'}"
    raise ValidationFailed(
        f"This answer's report has no verdict {verdict!r}: flag 'content', 'point:N' (its "
        "N-th key point) or 'star:PART' (a part of its story)."
    )

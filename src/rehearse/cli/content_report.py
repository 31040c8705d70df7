"""What ``rehearse analyze --question`` prints of the content judge: its verdict on the question,
each key point (and a story's STAR parts) with the answer's words, an example stronger answer
in the candidate's own words, and what to work on first."""

from __future__ import annotations

import textwrap

from rehearse.feedback.judge.advice import answer_findings
from rehearse.feedback.judge.judge import OFF_TOPIC_CEILING
from rehearse.feedback.judge.points import STAR_PARTS
from rehearse.feedback.judge.score import judged_content
from rehearse.feedback.judge.verdict import ContentJudgement, PointVerdict

_WIDTH = 96


def _wrapped(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, _WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent]


def _verdict_lines(verdict: PointVerdict, name: str) -> list[str]:
    lines = [f"    {verdict.status:<9}{name}"]
    if verdict.quote:
        lines += _wrapped(f"\u201c{verdict.quote}\u201d", " " * 13)
    return lines


def render_judgement(judgement: ContentJudgement, question: str) -> str:
    """The judgement as text, what to work on last."""
    score = "not judged" if judgement.score is None else f"{judgement.score:.0f}/100"
    lines = [f"Content, judged by {judgement.judge}: {score}"]
    if judgement.on_topic is False:
        lines.append(
            "  ! Off topic: the answer does not address the question asked, so its content "
            f"counts as weak (at most {OFF_TOPIC_CEILING:.0f})."
        )
    lines += [f"  ! {judgement.note}"] if judgement.note else []
    if judgement.score is not None:
        lines += _wrapped(f"How far to trust it: {judged_content(judgement).agreement}", "  ")
    if judgement.grades:
        lines.append("  The judge's grade, 1 (poorly) to 5 (very well)")
        lines += [f"    {grade:.1f}  {name}" for name, grade in judgement.grades.items()]
    # A story without key points of its own is judged against its parts: shown once, below.
    points = [
        p for p in judgement.points if not judgement.star or p.point not in STAR_PARTS.values()
    ]
    if points:
        lines.append("  Key points of a strong answer")
        for verdict in points:
            lines += _verdict_lines(verdict, verdict.point)
    if judgement.star:
        lines.append("  The story's parts (situation, task, action, result)")
        for part in judgement.star:
            lines += _verdict_lines(part, part.point)
    if judgement.stronger:
        lines.append("  A stronger answer, in your own words ([gaps] are yours to fill)")
        lines += _wrapped(judgement.stronger, "    ")
    findings = answer_findings(judgement.to_dict(), question, "The answer")
    if findings:
        lines.append("What to work on first")
        for number, finding in enumerate(findings, start=1):
            lines.append(f"  {number}. {finding.title}")
            lines += _wrapped(f"{finding.evidence} {finding.action}", "     ")
    return "\n".join(lines)

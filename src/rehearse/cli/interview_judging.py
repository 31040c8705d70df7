"""What ``rehearse interview`` says at the end of what each answer said: the content judge reads
every answered question (its replies to follow-ups included) in a thread of its own while the
candidate goes on to the next one, and the verdicts are printed once the interview ends."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import typer

from rehearse.errors import RehearseError
from rehearse.feedback.content.forms import answer_form
from rehearse.feedback.judge.advice import answer_findings
from rehearse.feedback.judge.judge import ContentJudge, JudgeInput
from rehearse.feedback.judge.points import key_points_for
from rehearse.feedback.judge.verdict import ContentJudgement, not_judged
from rehearse.interviewer.planned import PlannedQuestion

FINDINGS_SHOWN = 2  # per answer: the terminal is no report (`rehearse report` is)


@dataclass(frozen=True)
class _Asked:
    number: int
    question: PlannedQuestion
    verdict: Future[ContentJudgement]


class InterviewJudging:
    """Judges each answered question in the background, one at a time, in the order given."""

    def __init__(self, judge: ContentJudge) -> None:
        self._judge = judge
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="judging")
        self._asked: list[_Asked] = []
        # Start the judge's server and cache its prompts while the first question is read.
        self._warm_up: Future[None] = self._worker.submit(judge.warm_up)

    def submit(self, number: int, question: PlannedQuestion, said: str) -> None:
        """Judge ``said`` as the whole answer to ``question`` (question ``number``), unless
        there is nothing to judge (nothing said; code, which the sandbox grades)."""
        if not said.strip() or question.kind == "coding":
            return
        points = key_points_for(question.text, question.kind, question.key_points)
        item = JudgeInput(question.text, points, said, answer_form(question.text, question.kind))
        self._asked.append(_Asked(number, question, self._worker.submit(self._judge.apply, item)))

    def print_verdicts(self) -> None:
        """Wait for every judgement and print it: the score, whether the answer addressed
        its question, and what to work on first; then stop the judge."""
        if self._asked:
            typer.secho("\nWhat the content judge found:", bold=True)
        pending = sum(not asked.verdict.done() for asked in self._asked)
        if pending:
            typer.echo(f"  (judging {pending} more answer{'s' if pending > 1 else ''}…)")
        try:
            for asked in self._asked:
                try:
                    judgement = asked.verdict.result()
                except RehearseError as exc:
                    typer.echo(f"  {not_judged(exc)}")
                    return
                _print_verdict(asked, judgement)
        finally:
            self._worker.shutdown(cancel_futures=True)
            self._judge.close()


def _print_verdict(asked: _Asked, judgement: ContentJudgement) -> None:
    score = "not judged" if judgement.score is None else f"{judgement.score:.0f}/100"
    off = ", off topic" if judgement.on_topic is False else ""
    typer.echo(f"  Q{asked.number}. content {score}{off}: {asked.question.text}")
    findings = answer_findings(judgement.to_dict(), asked.question.text, "The answer")
    for finding in findings[:FINDINGS_SHOWN]:
        typer.echo(f"      {finding.title}. {finding.action}")
    if not findings:
        typer.echo("      Every key point made.")

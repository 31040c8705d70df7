"""Questions and follow-ups reworded by the language model, when ``REHEARSE_LLM_REWRITES=on``.

The interviewer is complete without a model: the bank, the templates and the rules already
write every question and follow-up. A ``Rewriter`` with a model only rewords them to fit the job
and the answer; its replies are JSON validated against a schema, and a timeout, an error, or a
reply that does not validate keeps the written text, so the interview never stops.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from pydantic import BaseModel, Field

Reply = TypeVar("Reply", bound=BaseModel)
# A rewrite is asked while the candidate waits: longer than this, the written text is used.
REWRITE_SECONDS = 20.0


class RewrittenQuestion(BaseModel):
    question: str = Field(min_length=15, max_length=600)


class RewrittenFollowUp(BaseModel):
    follow_up: str = Field(min_length=10, max_length=400)


class Replier(Protocol):
    """A language model that answers in JSON (``rehearse.llm.client.ChatClient``)."""

    name: str

    def reply(
        self,
        system: str,
        user: str,
        schema: type[Reply],
        *,
        timeout_seconds: float | None = None,
    ) -> Reply | None: ...


class Rewriter:
    """Rewords with ``model``; without one (the default), every text stays as written."""

    def __init__(self, model: Replier | None = None) -> None:
        self.model = model

    @property
    def rewrites(self) -> bool:
        return self.model is not None

    @property
    def name(self) -> str:
        """Who words the questions: the model, or the bank and rules as written."""
        return self.model.name if self.model is not None else "as written (offline)"

    def tailor_question(self, question: str, job_title: str, context: str) -> str:
        """The question reworded for this job and candidate, keeping what it tests."""
        reply = self._ask(
            "You are an experienced interviewer. Rewrite interview questions to fit the job "
            "and the candidate without changing what they test. Reply with JSON only.",
            f"Job: {job_title}\nContext: {context[:1500]}\nQuestion: {question}\n"
            'Reply as {"question": "..."}.',
            RewrittenQuestion,
        )
        return reply.question if reply else question

    def follow_up(self, question: str, answer: str, reason: str, default: str) -> str:
        """A follow-up that addresses ``reason`` in the words of this answer."""
        reply = self._ask(
            "You are an experienced, friendly interviewer. Ask one short follow-up question "
            "that gets the candidate to fill the gap named. Reply with JSON only.",
            f"Question: {question}\nAnswer: {answer[:2000]}\nGap: {reason}\n"
            'Reply as {"follow_up": "..."}.',
            RewrittenFollowUp,
        )
        return reply.follow_up if reply else default

    def _ask(self, system: str, user: str, schema: type[Reply]) -> Reply | None:
        if self.model is None:
            return None
        return self.model.reply(system, user, schema, timeout_seconds=REWRITE_SECONDS)

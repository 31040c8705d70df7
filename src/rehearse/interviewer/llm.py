"""Language-model providers: an offline default that needs no model, and any server that speaks
the OpenAI chat API (a hosted model, or a local llama.cpp, Ollama or vLLM server).

The offline provider is complete: the bank, the templates and the rules already write every
question and follow-up. A configured HTTP provider only rewrites them to fit the job and the
answer. Its replies are JSON validated against a schema; a timeout, an error, or a reply that
does not validate falls back to the offline text, so the interview never stops.
"""

from __future__ import annotations

import json
import time
from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import TypeVar

import httpx
import structlog
from pydantic import BaseModel, Field, ValidationError

from rehearse.config import Settings
from rehearse.feedback.measures import Score

_log = structlog.get_logger(__name__)
Reply = TypeVar("Reply", bound=BaseModel)


# Room for the longest reply the schemas allow (600-character strings) even at one character
# per token, so the JSON grammar always closes a reply: at 300, a small model rambling inside a
# string was cut off unterminated and its reply lost (seen with SmolLM2 at temperature 0.2).
MAX_REPLY_TOKENS = 700


class RewrittenQuestion(BaseModel):
    question: str = Field(min_length=15, max_length=600)


class RewrittenFollowUp(BaseModel):
    follow_up: str = Field(min_length=10, max_length=400)


class Judgement(BaseModel):
    """A reviewer's reading of an answer: the reasons first (the model writes them before it
    rates), then a rating from 1 (would not hire on this answer) to 10 (outstanding)."""

    rationale: str = Field(min_length=20, max_length=600)
    rating: int = Field(ge=1, le=10)


class LLMProvider(ABC):
    name: str
    model: str = ""  # which model answers, when there is one

    @abstractmethod
    def ask(self, system: str, prompt: str, reply: type[Reply]) -> Reply | None:
        """A reply validated against ``reply``, or None to keep the offline text."""

    def tailor_question(self, question: str, job_title: str, context: str) -> str:
        """The question reworded for this job and candidate, keeping what it tests."""
        answer = self.ask(
            "You are an experienced interviewer. Rewrite interview questions to fit the job "
            "and the candidate without changing what they test. Reply with JSON only.",
            f"Job: {job_title}\nContext: {context[:1500]}\nQuestion: {question}\n"
            'Reply as {"question": "..."}.',
            RewrittenQuestion,
        )
        return answer.question if answer else question

    def follow_up(self, question: str, answer: str, reason: str, default: str) -> str:
        """A follow-up that addresses ``reason`` in the words of this answer."""
        reply = self.ask(
            "You are an experienced, friendly interviewer. Ask one short follow-up question "
            "that gets the candidate to fill the gap named. Reply with JSON only.",
            f"Question: {question}\nAnswer: {answer[:2000]}\nGap: {reason}\n"
            'Reply as {"follow_up": "..."}.',
            RewrittenFollowUp,
        )
        return reply.follow_up if reply else default

    def judge(self, question: str, answer: str, evidence: str) -> Judgement | None:
        """A reviewer's short rationale for the answer, given the measured ``evidence``, and
        the rating it leads to; None without a model. It explains the evidence and never
        replaces it."""
        return self.ask(
            "You are an experienced interview coach. In two or three sentences, say what makes "
            "this answer convincing or not, consistent with the measured evidence, then rate it "
            "as an interviewer would, from 1 (would not hire on this answer) to 10 "
            "(outstanding). Reply with JSON only.",
            f"Question: {question}\nAnswer: {answer[:3000]}\nMeasured: {evidence}\n"
            'Reply as {"rationale": "...", "rating": 1-10}.',
            Judgement,
        )


class OfflineProvider(LLMProvider):
    """No model: the bank's questions and the rules' follow-ups are used as they are."""

    name = "offline"

    def ask(self, system: str, prompt: str, reply: type[Reply]) -> Reply | None:
        return None


class OpenAICompatibleProvider(LLMProvider):
    """``POST {base_url}/chat/completions`` with a JSON reply, retried, then given up."""

    name = "openai-compatible"

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        api_key: str | None = None,
        timeout_seconds: float = 20.0,
        retries: int = 2,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.model = model
        self.retries = retries
        self._client = httpx.Client(
            base_url=base_url.rstrip("/"),
            headers=headers,
            timeout=timeout_seconds,
            transport=transport,
        )

    def ask(self, system: str, prompt: str, reply: type[Reply]) -> Reply | None:
        body = {
            "model": self.model,
            "temperature": 0.2,
            "max_tokens": MAX_REPLY_TOKENS,
            "response_format": {"type": "json_object", "schema": reply.model_json_schema()},
            "messages": [
                {"role": "system", "content": system},
                {"role": "user", "content": prompt},
            ],
        }
        for attempt in range(1, self.retries + 2):
            try:
                response = self._client.post("/chat/completions", json=body)
                response.raise_for_status()
                content = response.json()["choices"][0]["message"]["content"]
                # strict=False: small models write raw line breaks inside JSON strings.
                return reply.model_validate(json.loads(_strip_fences(content), strict=False))
            except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError) as exc:
                retryable = isinstance(exc, httpx.TransportError) or (
                    isinstance(exc, httpx.HTTPStatusError) and exc.response.status_code >= 500
                )
                _log.warning("llm.reply_unusable", attempt=attempt, error=str(exc)[:200])
                if isinstance(exc, ValidationError) or not retryable:
                    return None
                time.sleep(min(2 ** (attempt - 1) * 0.5, 4.0))
        return None

    def close(self) -> None:
        self._client.close()


def evidence_of(scores: Sequence[Score]) -> str:
    """Measured scores as the judge reads them: "content 72/100; structure 55/100"."""
    return "; ".join(f"{s.name} {s.value:.0f}/100" for s in scores if s.value is not None)


def _strip_fences(content: str) -> str:
    """Models often wrap JSON in ```json fences despite being asked not to."""
    text = content.strip()
    if text.startswith("```"):
        text = text.split("\n", 1)[1] if "\n" in text else text
        text = text.rsplit("```", 1)[0]
    return text.strip()


def make_provider(
    base_url: str | None, model: str, api_key: str | None = None, timeout_seconds: float = 20.0
) -> LLMProvider:
    """The configured provider, or the offline one when no endpoint is set."""
    if not base_url:
        return OfflineProvider()
    return OpenAICompatibleProvider(
        base_url, model, api_key=api_key, timeout_seconds=timeout_seconds
    )


def configured_provider(settings: Settings) -> LLMProvider:
    """The provider the settings (``REHEARSE_LLM_*``) configure."""
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    return make_provider(
        settings.llm_base_url, settings.llm_model, key, settings.llm_timeout_seconds
    )

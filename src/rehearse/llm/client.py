"""One client for the language model, over the OpenAI chat API (llama.cpp's server, vLLM,
Ollama or a hosted model).

Two kinds of question are put to it. ``first_token`` asks for one greedy token and the
``top_logprobs`` of that token, so the same prompt gives the same probabilities every time: the
content judge reads a verdict as the probability of "yes" against "no" rather than one draw.
``reply`` asks for a JSON reply validated against a schema (a reworded question); a timeout, an
error or a reply that does not validate gives None, so the caller keeps its own text.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Mapping
from typing import TypeVar

import httpx
import structlog
from pydantic import BaseModel, ValidationError

from rehearse.errors import RehearseError
from rehearse.llm.slots import SystemSlots

_log = structlog.get_logger(__name__)
Reply = TypeVar("Reply", bound=BaseModel)
TOP_TOKENS = 20
# Room for the longest reply the schemas allow (600-character strings) even at one character
# per token, so the JSON grammar always closes a reply: at 300, a small model rambling inside a
# string was cut off unterminated and its reply lost (seen with SmolLM2 at temperature 0.2).
MAX_REPLY_TOKENS = 700


class JudgeUnavailable(RehearseError):
    """The language model could not be asked (not installed, not running, or not answering)."""

    status_code = 503
    code = "judge_unavailable"


class PromptTooLong(JudgeUnavailable):
    """The model's server refused a prompt longer than its context: asking again is no use."""

    status_code = 413
    code = "prompt_too_long"


def _too_long(response: httpx.Response) -> PromptTooLong | None:
    """The server's refusal of a prompt beyond its context, said plainly; None for any other
    error. llama.cpp answers 400 with ``exceed_context_size_error`` and the token counts; vLLM
    and hosted models 400 with "maximum context length" in the message."""
    if response.status_code != 400:
        return None
    try:
        error = response.json().get("error") or {}
    except ValueError:
        return None
    said = f"{error.get('type', '')} {error.get('code', '')} {error.get('message', '')}".lower()
    if "exceed_context_size" not in said and "context length" not in said:
        return None
    tokens, limit = error.get("n_prompt_tokens"), error.get("n_ctx")
    counted = f" ({tokens} tokens with the judge's instructions; it reads {limit})" if limit else ""
    return PromptTooLong(
        f"the answer is longer than the content judge can read at once{counted}. Shorter "
        "answers are judged; the delivery and the other measures are not affected."
    )


def _dropped(error: Exception) -> bool:
    """Whether ``error`` is the server gone: a connection refused, reset or closed mid-request
    (not a timeout, and not an answer with an error status)."""
    return isinstance(error, httpx.NetworkError | httpx.RemoteProtocolError)


class ChatClient:
    """``POST {base_url}/chat/completions``: one token's probabilities, or a JSON reply."""

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        api_key: str | None = None,
        timeout_seconds: float = 60.0,
        retries: int = 2,
        slots: int = 0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.name = model
        self.retries = retries  # of a JSON reply, after a transport or server error
        # llama.cpp: each system text's prompt kept in a slot of its own (slots.py); with 0
        # the server chooses.
        self.slots = SystemSlots(slots) if slots > 0 else None
        self._client = httpx.Client(
            base_url=base_url.rstrip("/"), headers=headers, timeout=timeout_seconds,
            transport=transport,
        )  # fmt: skip

    def first_token(self, system: str, user: str) -> Mapping[str, float]:
        """Probability of each likely first token of the reply (stripped and lower-cased,
        variants summed); ``JudgeUnavailable`` when the model cannot be asked."""
        self.prepare()
        body = {
            **self._chat(system, user),
            "max_tokens": 1,
            "temperature": 0.0,
            "seed": 0,
            "logprobs": True,
            "top_logprobs": TOP_TOKENS,
            "cache_prompt": True,  # llama.cpp: reuse the prefix the last request shared
        }
        try:
            response = self._client.post("/chat/completions", json=body)
            refused = _too_long(response)
            if refused is not None:
                raise refused
            response.raise_for_status()
            top = response.json()["choices"][0]["logprobs"]["content"][0]["top_logprobs"]
        except httpx.HTTPError as exc:
            if _dropped(exc):
                self.connection_lost()
            raise JudgeUnavailable(
                f"The language model at {self.base_url} did not answer: {exc}"
            ) from exc
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise JudgeUnavailable(
                "The language model answered without token probabilities (it must support "
                "logprobs and top_logprobs in chat completions)."
            ) from exc
        probabilities: dict[str, float] = {}
        for entry in top:
            token = str(entry["token"]).strip().lower()
            probabilities[token] = probabilities.get(token, 0.0) + math.exp(entry["logprob"])
        return probabilities

    def reply(
        self,
        system: str,
        user: str,
        schema: type[Reply],
        *,
        timeout_seconds: float | None = None,
    ) -> Reply | None:
        """A JSON reply validated against ``schema``; None when the model cannot give one.
        Transport and server errors are retried, within ``timeout_seconds`` in all when given;
        a reply that does not validate is not."""
        body = {
            **self._chat(system, user),
            "temperature": 0.2,
            "max_tokens": MAX_REPLY_TOKENS,
            "response_format": {"type": "json_object", "schema": schema.model_json_schema()},
        }
        deadline = None if timeout_seconds is None else time.monotonic() + timeout_seconds
        for attempt in range(1, self.retries + 2):
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                break
            try:
                self.prepare()
                timeout = httpx.USE_CLIENT_DEFAULT if left is None else left
                response = self._client.post("/chat/completions", json=body, timeout=timeout)
                response.raise_for_status()
                content = response.json()["choices"][0]["message"]["content"]
                # strict=False: small models write raw line breaks inside JSON strings.
                return schema.model_validate(json.loads(_strip_fences(content), strict=False))
            except (httpx.HTTPError, RehearseError, KeyError, IndexError, TypeError,
                    ValueError) as exc:  # fmt: skip
                retryable = isinstance(exc, httpx.TransportError) or (
                    isinstance(exc, httpx.HTTPStatusError) and exc.response.status_code >= 500
                )
                _log.warning("llm.reply_unusable", attempt=attempt, error=str(exc)[:200])
                if _dropped(exc):
                    self.connection_lost()
                if isinstance(exc, ValidationError) or not retryable:
                    return None
                wait = min(2 ** (attempt - 1) * 0.5, 4.0)
                time.sleep(
                    wait if deadline is None else max(min(wait, deadline - time.monotonic()), 0)
                )
        return None

    def prepare(self) -> None:
        """Make sure the server is there before a request (a client that runs its own server
        starts it here)."""

    def connection_lost(self) -> None:
        """A request's connection dropped (a client that runs its own server lets a server
        that is exiting finish, so the next request starts another)."""

    def _chat(self, system: str, user: str) -> dict[str, object]:
        chat: dict[str, object] = {
            "model": self.name,
            "messages": [
                {"role": "system", "content": system},
                {"role": "user", "content": user},
            ],
        }
        if self.slots is not None:
            chat["id_slot"] = self.slots.slot_for(system)
        return chat

    @property
    def base_url(self) -> str:
        return str(self._client.base_url)

    @base_url.setter
    def base_url(self, url: str) -> None:
        self._client.base_url = httpx.URL(url.rstrip("/"))

    def close(self) -> None:
        self._client.close()


def _strip_fences(content: str) -> str:
    """Models often wrap JSON in ```json fences despite being asked not to."""
    text = content.strip()
    if text.startswith("```"):
        text = text.split("\n", 1)[1] if "\n" in text else text
        text = text.rsplit("```", 1)[0]
    return text.strip()

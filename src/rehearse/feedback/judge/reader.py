"""What a language model would answer first, as probabilities: the judge's only use of a model.

The judge never reads a sampled reply. It asks for one token with greedy settings and the
``top_logprobs`` of that token (the OpenAI chat API, which llama.cpp's server, vLLM and hosted
models all speak), so the same prompt gives the same probabilities every time, and a verdict is
read as the probability of "yes" against "no" rather than one draw.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Protocol

import httpx

from rehearse.errors import RehearseError

TOP_TOKENS = 20


class JudgeUnavailable(RehearseError):
    """The judge's model could not be asked (not installed, not running, or not answering)."""

    status_code = 503
    code = "judge_unavailable"


class Reader(Protocol):
    """Anything that reads the next token's probabilities for a chat."""

    name: str

    def first_token(self, system: str, user: str) -> Mapping[str, float]:
        """Probability of each likely first token of the reply (stripped and lower-cased,
        variants summed)."""
        ...


class ChatReader:
    """``POST {base_url}/chat/completions`` for one greedy token and its top log-probabilities."""

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        api_key: str | None = None,
        timeout_seconds: float = 60.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.name = model
        self._client = httpx.Client(
            base_url=base_url.rstrip("/"), headers=headers, timeout=timeout_seconds,
            transport=transport,
        )  # fmt: skip

    def first_token(self, system: str, user: str) -> Mapping[str, float]:
        body = {
            "model": self.name,
            "messages": [
                {"role": "system", "content": system},
                {"role": "user", "content": user},
            ],
            "max_tokens": 1,
            "temperature": 0.0,
            "seed": 0,
            "logprobs": True,
            "top_logprobs": TOP_TOKENS,
            "cache_prompt": True,  # llama.cpp: reuse the prefix the last request shared
        }
        try:
            response = self._client.post("/chat/completions", json=body)
            response.raise_for_status()
            top = response.json()["choices"][0]["logprobs"]["content"][0]["top_logprobs"]
        except httpx.HTTPError as exc:
            raise JudgeUnavailable(
                f"The judge's model at {self.base_url} did not answer: {exc}"
            ) from exc
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise JudgeUnavailable(
                "The judge's model answered without token probabilities (it must support "
                "logprobs and top_logprobs in chat completions)."
            ) from exc
        probabilities: dict[str, float] = {}
        for entry in top:
            token = str(entry["token"]).strip().lower()
            probabilities[token] = probabilities.get(token, 0.0) + math.exp(entry["logprob"])
        return probabilities

    @property
    def base_url(self) -> str:
        return str(self._client.base_url)

    @base_url.setter
    def base_url(self, url: str) -> None:
        self._client.base_url = httpx.URL(url.rstrip("/"))

    def close(self) -> None:
        self._client.close()


def share_of(probabilities: Mapping[str, float], wanted: str, other: str) -> float | None:
    """P(wanted) / (P(wanted) + P(other)); None when the model put neither among its likely
    first tokens (it would have said something else)."""
    yes, no = probabilities.get(wanted, 0.0), probabilities.get(other, 0.0)
    return yes / (yes + no) if yes + no > 0 else None

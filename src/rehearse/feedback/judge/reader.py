"""What the judge needs of a language model: the probabilities of its first token.

The judge never reads a sampled reply. It asks for one greedy token with its ``top_logprobs``
(``rehearse.llm.client.ChatClient.first_token``), so the same prompt gives the same probabilities
every time, and a verdict is read as the probability of "yes" against "no" rather than one draw.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol


class Reader(Protocol):
    """Anything that reads the next token's probabilities for a chat."""

    name: str

    def first_token(self, system: str, user: str) -> Mapping[str, float]:
        """Probability of each likely first token of the reply (stripped and lower-cased,
        variants summed)."""
        ...


def share_of(probabilities: Mapping[str, float], wanted: str, other: str) -> float | None:
    """P(wanted) / (P(wanted) + P(other)); None when the model put neither among its likely
    first tokens (it would have said something else)."""
    yes, no = probabilities.get(wanted, 0.0), probabilities.get(other, 0.0)
    return yes / (yes + no) if yes + no > 0 else None

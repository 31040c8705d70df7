"""How many of a key point's own terms the answer uses: the judge's lexical evidence.

A key point's content words (stop words left out, and the words the question itself already
uses), stemmed with Snowball's English stemmer so that "simulates" meets "simulation", and the
share of them found anywhere in the answer. On the short-answer development data this plain
recall ranks answers as the graders do far better than a sentence-embedding cosine
(docs/judgement.md); it is one of the judge's pieces of evidence, never the verdict alone,
since an answer can use the words and get them wrong.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import snowballstemmer

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Words that carry no subject: articles, pronouns, auxiliaries, common prepositions.
STOP_WORDS = frozenset(
    """a an the of to in on at by for from with without into onto over under about as and or
    but nor not no so than then that this these those there here it its it's is are was were
    be been being am do does did done have has had having can could will would shall should
    may might must which what who whom whose when where why how i you he she we they me him
    her us them my your his our their all any each every some such other another more most
    also just only very too if else because while both either neither own same one""".split()
)


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    return snowballstemmer.stemmer("english")


def stems(text: str) -> list[str]:
    """The text's content words, stemmed, in order."""
    words = [w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS]
    return list(_stemmer().stemWords(words))


def term_recall(point: str, answer: str, given: str = "") -> float | None:
    """Share of ``point``'s distinct content stems that ``answer`` uses, leaving out those the
    question (``given``) already says, unless that leaves none; None when the point has no
    content words. Repeating the question's own words is no sign of knowing the point."""
    wanted = set(stems(point))
    if not wanted:
        return None
    news = wanted - set(stems(given))
    wanted = news or wanted
    return len(wanted & set(stems(answer))) / len(wanted)

"""LocalAgreement-2: commit the words two successive decodes of a growing buffer agree on.

The policy of whisper_streaming (Macháček, Dabre and Bojar 2023): a streaming recogniser
decodes the audio received so far again and again; a word is *committed* (never changed
again) once two decodes in a row give the same words up to it, and the rest is *tentative*.
Decodes overlap the committed words while the buffer still holds their audio, so the start of
each new hypothesis is first cut back to what comes after them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rehearse.analysis.speech.words import Word, normalize

# A decoded word starting this much before the last committed word's end is the same word.
_OVERLAP_SECONDS = 0.1
_MAX_NGRAM = 5
_NEAR_SECONDS = 1.0


def _same(a: Word, b: Word) -> bool:
    return normalize(a.text) == normalize(b.text)


@dataclass
class LocalAgreement:
    """Committed words, and the previous hypothesis to agree with."""

    committed: list[Word] = field(default_factory=list)
    tentative: list[Word] = field(default_factory=list)

    @property
    def committed_until(self) -> float:
        return self.committed[-1].end if self.committed else 0.0

    def insert(self, hypothesis: Sequence[Word]) -> list[Word]:
        """Take a new decode of the buffer (absolute times); return the words it commits."""
        new = self._after_committed(hypothesis)
        agreed = 0
        while (
            agreed < min(len(new), len(self.tentative))
            and normalize(new[agreed].text)
            and _same(new[agreed], self.tentative[agreed])
        ):
            agreed += 1
        newly = new[:agreed]
        self.committed += newly
        self.tentative = new[agreed:]
        return newly

    def flush(self) -> list[Word]:
        """Commit whatever is tentative (the answer has ended)."""
        newly, self.tentative = self.tentative, []
        self.committed += newly
        return newly

    def commit_before(self, moment: float) -> list[Word]:
        """Commit the tentative words that end by ``moment`` without waiting for agreement
        (the buffer has grown too long to wait)."""
        count = 0
        while count < len(self.tentative) and self.tentative[count].end <= moment:
            count += 1
        newly, self.tentative = self.tentative[:count], self.tentative[count:]
        self.committed += newly
        return newly

    def _after_committed(self, hypothesis: Sequence[Word]) -> list[Word]:
        """The hypothesis without the words already committed."""
        until = self.committed_until
        new = [w for w in hypothesis if w.start > until - _OVERLAP_SECONDS]
        if not new or not self.committed or abs(new[0].start - until) > _NEAR_SECONDS:
            return new
        # The first new words may repeat the last committed ones with slightly later times.
        for size in range(min(_MAX_NGRAM, len(new), len(self.committed)), 0, -1):
            tail = self.committed[-size:]
            if all(_same(a, b) for a, b in zip(tail, new[:size], strict=True)):
                return new[size:]
        return new


def sentence_end_before(words: Sequence[Word], limit: float) -> float | None:
    """The end of the last word before ``limit`` that closes a sentence, if any."""
    ends = [w.end for w in words if w.end <= limit and w.text.rstrip()[-1:] in ".?!"]
    return ends[-1] if ends else None

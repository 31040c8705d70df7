"""Words from several decodes made into one transcript: in time order, each inside its speech,
and the words of one decode with the filled pauses of another.

A noisy or narrowband recording's words come from the long-form decode, which writes few
"um"s; the chunked decode, prompted with disfluencies, writes them. The two transcripts are
aligned word by word (difflib), and each filled pause only the prompted one has is put where
it falls in that alignment. The long-form aligner often stretches a neighbour over the
filler ("she" from 3.78 to 4.32 s around an "uhm" at 3.91-4.23 s), so the neighbours are cut
back to make room.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from rehearse.analysis.speech.lexicon import is_filled_pause
from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.words import Word, normalize

# A neighbour cut back for a filled pause keeps at least this much of itself.
_MIN_WORD_SECONDS = 0.05


def with_filled_pauses(heard: Sequence[Word], prompted: Sequence[Word]) -> list[Word]:
    """``heard`` with each filled pause that only ``prompted`` has, placed where the
    alignment of the two puts it, its neighbours cut back so that no two words overlap."""
    terms = [normalize(w.text) for w in prompted]
    matcher = SequenceMatcher(a=[normalize(w.text) for w in heard], b=terms, autojunk=False)
    fillers: list[tuple[int, Word]] = []  # (how many words of ``heard`` come before, filler)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag not in ("insert", "replace"):
            continue
        near = heard[max(i1 - 1, 0) : i2 + 1]
        for word, term in zip(prompted[j1:j2], terms[j1:j2], strict=True):
            if is_filled_pause(term) and not _heard_as_filler(word, near):
                middle = (word.start + word.end) / 2
                fillers.append((i1 + sum(h.start < middle for h in heard[i1:i2]), word))
    merged: list[Word] = []
    added: set[int] = set()  # where the fillers are in ``merged``
    placed = 0
    for index in range(len(heard) + 1):
        while placed < len(fillers) and fillers[placed][0] == index:
            added.add(len(merged))
            merged.append(fillers[placed][1])
            placed += 1
        if index < len(heard):
            merged.append(heard[index])
    return _made_room(merged, added)


def _heard_as_filler(word: Word, near: Sequence[Word]) -> bool:
    """Whether a filled pause of ``near`` overlaps ``word`` (an "uh" heard as "um")."""
    return any(
        is_filled_pause(normalize(h.text)) and h.start <= word.end and word.start <= h.end
        for h in near
    )


def _made_room(words: list[Word], fillers: set[int]) -> list[Word]:
    """``words`` with each filler at ``fillers`` cut to lie between its neighbours, and the
    neighbours cut back from it; a filler the alignment put away from where it was heard
    (its middle outside its neighbours) is left out."""
    kept: list[Word] = []
    for index, word in enumerate(words):
        if index not in fillers:
            after_filler = kept and index - 1 in fillers and kept[-1].end > word.start
            start = min(kept[-1].end, word.end - _MIN_WORD_SECONDS) if after_filler else None
            kept.append(word if start is None else replace(word, start=start))
            continue
        previous = kept[-1] if kept else None
        following = words[index + 1] if index + 1 < len(words) else None
        low = previous.start + _MIN_WORD_SECONDS if previous else word.start
        high = following.end - _MIN_WORD_SECONDS if following else word.end
        middle = (word.start + word.end) / 2
        if not low <= middle <= high:
            continue
        start, end = max(word.start, low), min(word.end, high)
        if previous is not None and previous.end > start:
            kept[-1] = replace(previous, end=start)
        kept.append(replace(word, start=start, end=max(start, end)))
    return kept


def snap_to_speech(words: Sequence[Word], speech: Sequence[Span]) -> list[Word]:
    """Keep each word inside the speech span it overlaps most.

    Whisper's aligner often stretches a word over the silence before or after it; the voice
    activity detector knows better where sound was.
    """
    snapped: list[Word] = []
    for word in words:
        own = Span(word.start, word.end)
        best = max(speech, key=own.overlap, default=None)
        if best is None or own.overlap(best) <= 0:
            snapped.append(word)
            continue
        start, end = max(word.start, best.start), min(word.end, best.end)
        snapped.append(Word(word.text, start, end, word.probability) if end > start else word)
    return snapped


def in_order(words: Iterable[Word]) -> list[Word]:
    """Words by start time, without a second copy where two decoded windows overlap."""
    kept: list[Word] = []
    for word in sorted(words, key=lambda w: w.start):
        if not kept or word.start >= kept[-1].end - 0.05:
            kept.append(word)
    return kept

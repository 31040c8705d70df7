"""Text Whisper invents, told apart from what was said by asking the recording.

Whisper learnt from subtitles: over silence, noise or the end of a chunk it may write what
nobody said ("Thank you for watching.", "I'll see you in the next video."), loop, or echo
its prompt. Which text it invents, and where, differs from CPU to CPU (int8 beam search
rounds differently with AVX2 and AVX-512), so no guard here looks for one transcript; each
asks whether the words are backed by the recording:

- a word needs voice activity under it (or just before it: the VAD notices onsets late), or,
  where the VAD heard none (a whispered, breathy or trailing-off word: Silero is trained on
  voiced speech), sound under it as loud as quiet speech and well above the room, and a word
  Whisper is sure of; a word with neither, or squeezed to no duration, goes;
- a sign-off or subtitle phrase at either end of a segment goes unless its words lie on
  speech and were recognised with confidence;
- a segment that repeats six or more words of its decoding prompt goes (the disfluencies, or
  the words said before a stretch decoded again);
- a segment over what is silence *relative to the recording's own speech level* goes;
- a segment Whisper itself doubts (low word probabilities and a low sequence score) goes;
- (a phrase said more than twice in a row, Whisper looping, is repeats.py's to cut);
- words piled on one moment (three or more starting within a tenth of a second, which no one
  says) are what a decode wrote after its audio ran out: a live decode ends before them.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from difflib import SequenceMatcher

import numpy as np

from rehearse.analysis.audio import Audio
from rehearse.analysis.speech.level import frame_levels_db, speech_level_db
from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.words import Segment, Word, normalize

SILENCE_BELOW_SPEECH_DB = 35.0
# A word the VAD missed is heard when the sound under it is at most this far under the
# recording's speech (whispering is 10-20 dB under voiced speech) and this far above its floor
# (the room between words), and Whisper gave it at least this probability.
AUDIBLE_BELOW_SPEECH_DB = 25.0
AUDIBLE_ABOVE_FLOOR_DB = 15.0
_AUDIBLE_MIN_PROBABILITY = 0.3
_FLOOR_PERCENTILE = 10
ONSET_LEAD_SECONDS = 0.2
_MIN_BACKING_SECONDS = 0.05
_MIN_WORD_SECONDS = 0.02
_MIN_SEGMENT_CONFIDENCE = 0.35
_MIN_SEQUENCE_LOGPROB = -0.6
_TRUSTED_PHRASE_CONFIDENCE = 0.6
_PROMPT_ECHO_WORDS = 6
_MAX_PHRASE_WORDS = 8
_PILE_WORDS = 3
_PILE_SECONDS = 0.1

# What subtitles put at the start or end of a video, and Whisper over silence and noise.
_SIGN_OFFS = re.compile(
    r"(thank you|thanks)( (so|very) much)?( (for watching|for listening|all|everyone))?"
    r"|(i'll |we'll )?see you( (in the )?next (video|time|one)| (soon|later|again))?"
    r"|(please |don't forget to )?(like and )?subscribe( to (my|our|the) channel)?"
    r"|(subtitles|captions|transcription|translation)( (by|from) .+)?"
    r"|(i'm sorry ?)+|(bye ?)+|goodbye|you|the end"
)


def backed(word: Word, speech: Sequence[Span]) -> bool:
    """Whether voice activity lies under ``word``: at least 50 ms of it, or half the word.

    Each speech span counts from ONSET_LEAD_SECONDS before its start: the VAD notices speech
    late, most of all on a band-limited line, while Whisper invents text after speech ends.
    """
    heard_from = [Span(span.start - ONSET_LEAD_SECONDS, span.end) for span in speech]
    if word.duration < _MIN_WORD_SECONDS:
        return any(span.start < word.start < span.end for span in heard_from)
    heard = sum(Span(word.start, word.end).overlap(span) for span in heard_from)
    return heard >= min(_MIN_BACKING_SECONDS, 0.5 * word.duration)


def _sign_off(words: Sequence[Word]) -> slice | None:
    """The longest run at the start or end of ``words`` that reads as a sign-off phrase.

    A single word ("you", "bye") counts only as a whole segment: at the end of a sentence it
    is an ordinary word.
    """
    tokens = [normalize(word.text) for word in words]
    shortest = 1 if len(tokens) == 1 else 2
    for size in range(min(len(tokens), _MAX_PHRASE_WORDS), shortest - 1, -1):
        if _SIGN_OFFS.fullmatch(" ".join(tokens[-size:])):
            return slice(len(tokens) - size, len(tokens))
        if _SIGN_OFFS.fullmatch(" ".join(tokens[:size])):
            return slice(0, size)
    return None


def _common_run(tokens: Sequence[str], other: Sequence[str]) -> int:
    """The length of the longest run of words the two share."""
    matcher = SequenceMatcher(None, tokens, other, autojunk=False)
    return matcher.find_longest_match(0, len(tokens), 0, len(other)).size


class Guard:
    """Judges decoded segments against one recording's speech."""

    def __init__(self, audio: Audio, speech: Sequence[Span], prompt: str) -> None:
        self.audio = audio
        self.speech = list(speech)
        voiced = [audio.slice(span.start, span.end) for span in self.speech]
        heard = np.concatenate(voiced) if voiced else audio.samples
        self.speech_db = speech_level_db(heard)
        self.floor_db = float(np.percentile(frame_levels_db(audio.samples), _FLOOR_PERCENTILE))
        self.prompt = [normalize(token) for token in prompt.split()]

    def prompted(self, prompt: str) -> Guard:
        """This guard for segments decoded after ``prompt``, whose echo it drops."""
        guard = copy.copy(self)
        guard.prompt = [normalize(token) for token in prompt.split()]
        return guard

    def keep(self, segment: Segment) -> tuple[list[Word], list[str]]:
        """The words of ``segment`` backed by the recording, and why any others went."""
        words, dropped = list(segment.words), []
        run = _sign_off(words)
        if run is not None and not self._trusted(words[run]):
            dropped.append(f"sign-off not backed by speech: {_text(words[run])!r}")
            del words[run]
        heard = [backed(word, self.speech) or self.audible(word) for word in words]
        if not all(heard):
            unbacked = [word for word, ok in zip(words, heard, strict=True) if not ok]
            dropped.append(f"words outside speech: {_text(unbacked)!r}")
            words = [word for word, ok in zip(words, heard, strict=True) if ok]
        reason = self._invented(words, segment.avg_logprob)
        if reason:
            dropped.append(f"{reason}: {_text(words)!r}")
            words = []
        return words, dropped

    def judge(self, segments: Sequence[Segment]) -> tuple[list[Word], list[str]]:
        """The words of ``segments`` the recording backs, and why any others went."""
        words: list[Word] = []
        dropped: list[str] = []
        for segment in segments:
            kept, why = self.keep(segment)
            words += kept
            dropped += why
        return words, dropped

    def audible(self, word: Word) -> bool:
        """Whether ``word``, which the VAD did not hear, lies on sound as loud as quiet speech
        and well above the room's, and Whisper is sure of it."""
        if word.probability < _AUDIBLE_MIN_PROBABILITY or word.duration < _MIN_WORD_SECONDS:
            return False
        sound = self.audio.slice(word.start, word.end)
        if not sound.size:
            return False
        level = speech_level_db(sound)
        return (
            level >= self.speech_db - AUDIBLE_BELOW_SPEECH_DB
            and level >= self.floor_db + AUDIBLE_ABOVE_FLOOR_DB
        )

    def _trusted(self, words: Sequence[Word]) -> bool:
        confidence = float(np.mean([word.probability for word in words]))
        return confidence >= _TRUSTED_PHRASE_CONFIDENCE and all(
            backed(word, self.speech) for word in words
        )

    def _invented(self, words: Sequence[Word], avg_logprob: float) -> str | None:
        if not words:
            return None
        tokens = [normalize(word.text) for word in words]
        if _common_run(tokens, self.prompt) >= _PROMPT_ECHO_WORDS:
            return "the decoding prompt repeated"
        sound = self.audio.slice(words[0].start, words[-1].end)
        if sound.size and speech_level_db(sound) < self.speech_db - SILENCE_BELOW_SPEECH_DB:
            return "text over silence"
        confidence = float(np.mean([word.probability for word in words]))
        if confidence < _MIN_SEGMENT_CONFIDENCE and avg_logprob < _MIN_SEQUENCE_LOGPROB:
            return "low-confidence text"
        return None


def _text(words: Sequence[Word]) -> str:
    return "".join(word.text for word in words).strip()


def before_a_pile(words: Sequence[Word]) -> list[Word]:
    """The words before the first pile: _PILE_WORDS or more in a row starting within
    _PILE_SECONDS of each other. A live decode whose buffer ends mid-sentence often goes on
    writing (as often as not the buffer's first sentence again), and the alignment, with no
    audio left, gives every such word the same moment."""
    for index in range(len(words) - _PILE_WORDS + 1):
        if words[index + _PILE_WORDS - 1].start - words[index].start < _PILE_SECONDS:
            return list(words[:index])
    return list(words)

"""LocalAgreement-2: what two decodes in a row agree on is committed, the rest is tentative."""

from __future__ import annotations

from rehearse.analysis.speech.agreement import LocalAgreement, sentence_end_before
from rehearse.analysis.speech.words import Word


def _words(text: str, start: float = 0.0, step: float = 0.4) -> list[Word]:
    return [
        Word(f" {token}", start + i * step, start + i * step + 0.3, 0.9)
        for i, token in enumerate(text.split())
    ]


def test_nothing_is_committed_from_a_single_decode() -> None:
    agreement = LocalAgreement()
    assert agreement.insert(_words("we moved the")) == []
    assert [w.text for w in agreement.tentative] == [" we", " moved", " the"]


def test_the_prefix_two_decodes_agree_on_is_committed() -> None:
    agreement = LocalAgreement()
    agreement.insert(_words("we moved the batch"))
    newly = agreement.insert(_words("we moved the old batch jobs"))
    assert [w.text.strip() for w in newly] == ["we", "moved", "the"]
    assert [w.text.strip() for w in agreement.tentative] == ["old", "batch", "jobs"]


def test_punctuation_and_case_do_not_break_agreement() -> None:
    agreement = LocalAgreement()
    agreement.insert(_words("So we"))
    assert [w.text.strip() for w in agreement.insert(_words("so, we moved"))] == ["so,", "we"]


def test_committed_words_are_not_committed_again_when_decoded_again() -> None:
    agreement = LocalAgreement()
    agreement.insert(_words("we moved the batch"))
    agreement.insert(_words("we moved the batch jobs"))
    # The buffer still holds the committed words' audio: the next decode repeats them.
    newly = agreement.insert(_words("we moved the batch jobs to a queue"))
    assert [w.text.strip() for w in agreement.committed] == ["we", "moved", "the", "batch", "jobs"]
    assert newly == [agreement.committed[-1]]


def test_flush_commits_what_is_tentative() -> None:
    agreement = LocalAgreement()
    agreement.insert(_words("we moved"))
    agreement.flush()
    assert [w.text.strip() for w in agreement.committed] == ["we", "moved"]
    assert agreement.tentative == []


def test_commit_before_takes_only_the_words_ending_in_time() -> None:
    agreement = LocalAgreement()
    agreement.insert(_words("one two three four"))
    agreement.commit_before(1.0)
    assert [w.text.strip() for w in agreement.committed] == ["one", "two"]


def test_a_sentence_end_is_found_before_a_moment() -> None:
    words = [*_words("we moved it."), *_words("then we", start=1.2)]
    assert sentence_end_before(words, 5.0) == words[2].end
    assert sentence_end_before(words, 0.5) is None

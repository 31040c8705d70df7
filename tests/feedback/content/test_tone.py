"""Wording polarity from VADER, per sentence and overall."""

from __future__ import annotations

from rehearse.feedback.content.sentences import split_sentences
from rehearse.feedback.content.tone import NEGATIVE_TO, POSITIVE_FROM, Tone, label_of, measure_tone


def _tone(text: str) -> Tone:
    return measure_tone(split_sentences(text))


def test_negative_sentences_are_named() -> None:
    tone = _tone("The launch was a disaster. I fixed the config. The client was thrilled.")
    assert tone.negative_sentences == (0,)
    assert tone.negative_share == round(1 / 3, 4)


def test_warm_wording_is_positive() -> None:
    tone = _tone("I loved working with the team. We were proud of the great result.")
    assert tone.label == "positive"
    assert tone.compound >= POSITIVE_FROM


def test_bitter_wording_is_negative() -> None:
    tone = _tone("My manager was terrible. The project was a painful failure.")
    assert tone.label == "negative"
    assert tone.compound <= NEGATIVE_TO


def test_plain_facts_are_neutral() -> None:
    assert _tone("I added an index to the orders table.").label == "neutral"


def test_compound_is_the_mean_of_the_sentences() -> None:
    one = _tone("The launch was a disaster.").compound
    other = _tone("The client was thrilled.").compound
    both = _tone("The launch was a disaster. The client was thrilled.").compound
    assert both == round((one + other) / 2, 4)


def test_labels_use_vaders_cut_offs() -> None:
    assert [label_of(value) for value in (0.05, 0.049, -0.049, -0.05)] == [
        "positive",
        "neutral",
        "neutral",
        "negative",
    ]


def test_no_sentences_is_neutral() -> None:
    assert _tone("") == Tone(0.0, (), 0.0, "neutral")

"""Sentences with offsets into the answer, from Punkt."""

from __future__ import annotations

from rehearse.feedback.content.sentences import split_sentences, words


def test_offsets_index_the_original_answer() -> None:
    answer = "  I fixed the bug.   Then I wrote a test!\nIt never came back?"
    sentences = split_sentences(answer)
    assert [s.text for s in sentences] == [
        "I fixed the bug.",
        "Then I wrote a test!",
        "It never came back?",
    ]
    assert all(answer[s.start : s.end] == s.text for s in sentences)


def test_sentences_are_numbered_in_order() -> None:
    sentences = split_sentences("One. Two. Three.")
    assert [s.index for s in sentences] == [0, 1, 2]


def test_abbreviations_and_decimals_do_not_end_a_sentence() -> None:
    answer = "Lookups are O(1) on average, e.g. in a dict. Python 3.7 keeps insertion order."
    assert len(split_sentences(answer)) == 2


def test_a_blank_line_ends_a_sentence_without_punctuation() -> None:
    sentences = split_sentences("First I checked the logs\n\nThen I called the user")
    assert [s.text for s in sentences] == ["First I checked the logs", "Then I called the user"]


def test_words_are_counted_per_sentence() -> None:
    sentences = split_sentences("I didn't cut 3,000 rows. It took 2.4 s in a final-year project.")
    assert [s.words for s in sentences] == [5, 8]


def test_words_keep_contractions_numbers_and_hyphenated_words_whole() -> None:
    assert words("don't cut 3,000 rows in 2.4 s, a final-year job") == [
        "don't",
        "cut",
        "3,000",
        "rows",
        "in",
        "2.4",
        "s",
        "a",
        "final-year",
        "job",
    ]


def test_an_empty_or_blank_answer_has_no_sentences() -> None:
    assert split_sentences("") == ()
    assert split_sentences(" \n\t ") == ()


def test_punctuation_alone_is_not_a_sentence() -> None:
    assert [s.text for s in split_sentences("... ?! I see.")] == ["I see."]


RUN_ON = (
    "so I joined the robotics team in my first year and we had to build an arm that could "
    "sort parts on a moving belt but nobody on the team had written a controller before so "
    "I read two papers over the break and wrote a first version in a week and then we tested "
    "it every evening until it sorted nine parts in ten because the camera was the weak part"
)


def test_a_long_unpunctuated_run_is_cut_at_clause_starts() -> None:
    sentences = split_sentences(RUN_ON)
    assert len(sentences) > 1
    assert all(s.words >= 12 for s in sentences)
    assert all(RUN_ON[s.start : s.end] == s.text for s in sentences)
    assert sum(s.words for s in sentences) == len(words(RUN_ON))


def test_a_long_typed_sentence_is_left_whole() -> None:
    answer = (
        "I rewrote the import job so that it streamed rows from the bucket in batches of a "
        "thousand, checked each batch against the schema, and wrote the rejects to a table "
        "that the support team could read."
    )
    assert len(split_sentences(answer)) == 1

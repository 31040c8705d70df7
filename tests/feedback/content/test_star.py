"""STAR parts found by cue phrases and by position, with the sentences that carry them."""

from __future__ import annotations

from rehearse.feedback.content.sentences import split_sentences
from rehearse.feedback.content.star import Star, detect_star
from tests.feedback.content.answers import answer


def _star(text: str) -> Star:
    return detect_star(split_sentences(text), applicable=True)


def test_a_strong_story_has_all_four_parts() -> None:
    star = _star(answer("leadership-001", "strong").text)
    assert star.parts_present == 4


def test_a_strong_story_has_more_parts_than_a_weak_one() -> None:
    strong = _star(answer("conflict-001", "strong").text)
    weak = _star(answer("conflict-001", "weak").text)
    assert strong.parts_present == 4
    assert weak.parts_present == 0


def test_each_part_names_the_sentences_that_carry_it() -> None:
    star = _star(
        "Last year our checkout kept timing out. My goal was to fix it before Black Friday. "
        "I profiled the queries and I added two indexes. "
        "As a result, checkout time dropped from 9 seconds to 2 seconds."
    )
    assert star.situation.sentences == (0,)
    assert star.task.sentences == (1,)
    assert star.action.sentences == (2,)
    assert star.result.sentences == (3,)


def test_a_story_without_a_result_misses_only_the_result() -> None:
    star = _star(
        "Last year our checkout kept timing out. My goal was to fix it before Black Friday. "
        "I profiled the queries and I added two indexes."
    )
    assert (star.situation.present, star.task.present, star.action.present) == (True,) * 3
    assert not star.result.present
    assert star.result.sentences == ()


def test_we_is_not_an_action_of_the_candidate() -> None:
    star = _star("Our team was behind. We rewrote the service. We shipped it on time.")
    assert not star.action.present


def test_a_first_sentence_in_the_past_tense_sets_the_scene() -> None:
    star = _star(
        "The checkout page kept timing out for customers. I profiled it. I added an index."
    )
    assert star.situation.sentences == (0,)


def test_a_first_sentence_that_is_an_action_does_not_set_the_scene() -> None:
    star = _star("I profiled the checkout page. I added an index. I deployed it.")
    assert not star.situation.present


def test_a_last_sentence_with_an_outcome_states_the_result() -> None:
    star = _star("I joined a new team. I rewrote the flaky tests. After that the build worked.")
    assert star.result.sentences == (2,)


def test_position_says_nothing_in_a_two_sentence_answer() -> None:
    star = _star("The build was flaky. After that it worked.")
    assert not star.situation.present
    assert not star.result.present


def test_a_sentence_can_carry_several_parts() -> None:
    star = _star("When I was at Acme I rewrote the importer, which cut load time by 40 percent.")
    assert star.situation.sentences == star.action.sentences == star.result.sentences == (0,)


def test_star_does_not_apply_to_other_questions() -> None:
    star = detect_star(split_sentences(answer("leadership-001", "strong").text), applicable=False)
    assert not star.applicable
    assert star.parts_present == 0

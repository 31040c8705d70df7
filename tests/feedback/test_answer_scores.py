"""Content, structure and clarity move the right way on a strong and a weak answer."""

from __future__ import annotations

import pytest

from rehearse.feedback.answer_scores import clarity_score, content_score, structure_score
from rehearse.feedback.content.evaluate import evaluate_answer
from rehearse.feedback.content.question import AskedQuestion
from rehearse.feedback.measures import Measurement, Score
from rehearse.interviewer.retrieval.retriever import Retriever

CONFLICT = AskedQuestion(
    "Tell me about a time you disagreed with a colleague about a technical decision.",
    "behavioural",
    "conflict",
    (
        "Describes the disagreement and what was at stake",
        "Listens to and states the other person's view fairly",
        "Uses data or an experiment to settle the question",
        "Reaches a decision and says what happened afterwards",
    ),
)
STRONG = (
    "Last year our team had to pick a queue for order events, and my colleague Sam wanted "
    "Kafka while I thought PostgreSQL would be enough. The stake was a launch in six weeks. "
    "I asked Sam to walk me through his reasons, and he was worried about peak load on sale "
    "days. I proposed we settle it with a test, so I built a prototype in two days and "
    "measured 400 events per second on Postgres, four times our peak. We agreed to ship on "
    "Postgres with a review at 50 percent of capacity. As a result we launched three weeks "
    "early, and I learned to turn opinions into an experiment."
)
WEAK = (
    "Well, I mean, people disagree sometimes and it is normal, and we talked about it and "
    "everyone had opinions and things, and in the end it was fine and we kind of moved on "
    "and it all worked out more or less like it usually does with teams and stuff."
)


def _scores(retriever: Retriever, answer: str) -> tuple[Score, Score, Score]:
    evaluation = evaluate_answer(CONFLICT, answer, retriever.encoder)
    return content_score(evaluation), structure_score(evaluation), clarity_score(evaluation)


@pytest.mark.parametrize("index", [0, 1, 2], ids=["content", "structure", "clarity"])
def test_the_strong_answer_scores_higher(retriever: Retriever, index: int) -> None:
    strong, weak = _scores(retriever, STRONG)[index], _scores(retriever, WEAK)[index]
    assert strong.value is not None
    assert weak.value is not None
    assert strong.value > weak.value + 10


def test_points_add_up_to_the_score(retriever: Retriever) -> None:
    for score in _scores(retriever, STRONG):
        assert score.value is not None
        assert score.value == pytest.approx(sum(m.points for m in score.measurements), abs=0.2)
        lost = sum(m.lost for m in score.measurements)
        assert score.value + lost == pytest.approx(100, abs=0.3)


def test_an_empty_answer_is_not_measured(retriever: Retriever) -> None:
    _, structure, clarity = _scores(retriever, "")
    assert structure.value is None
    assert clarity.value is None


MOTIVATION = AskedQuestion(
    "What do you know about our company, and what made you apply here?", "behavioural", "motivation"
)
WEAKNESS = AskedQuestion("What is your greatest weakness?", "behavioural", "self-awareness")
INTRODUCTION = AskedQuestion("Tell me about yourself.", "behavioural", "introduction")
NOT_STORIES = {
    "motivation": (
        MOTIVATION,
        "I use your budgeting app every week, and what drew me is how you explain fees to "
        "customers in plain words. I have built two finance tools at university, and this team "
        "is where I want to grow as a backend engineer.",
    ),
    "weakness": (
        WEAKNESS,
        "My biggest weakness is public speaking. Last term it cost me marks when I rushed a "
        "design review. So I joined a speaking club and I now rehearse every talk twice.",
    ),
    "introduction": (
        INTRODUCTION,
        "I'm a final-year student of mechanical engineering. I grew up in Lyon and started "
        "building robots in high school. Now I'd like to work on control systems, which is why "
        "I applied for this role.",
    ),
}
STORY_ADVICE = ("four beats", "A time I", "situation, your task")


@pytest.mark.parametrize("form", sorted(NOT_STORIES))
def test_answers_that_are_not_stories_are_not_judged_on_star(
    retriever: Retriever, form: str
) -> None:
    question, answer = NOT_STORIES[form]
    evaluation = evaluate_answer(question, answer, retriever.encoder)
    names = [m.name for m in structure_score(evaluation).measurements]
    assert not evaluation.star.applicable
    assert "STAR parts" not in names
    assert f"{form} parts" in names


@pytest.mark.parametrize("form", sorted(NOT_STORIES))
def test_advice_on_answers_that_are_not_stories_asks_for_no_story(
    retriever: Retriever, form: str
) -> None:
    question, answer = NOT_STORIES[form]
    evaluation = evaluate_answer(question, answer, retriever.encoder)
    scores = (content_score(evaluation), structure_score(evaluation), clarity_score(evaluation))
    advice = " ".join(m.advice for score in scores for m in score.measurements)
    assert not [phrase for phrase in STORY_ADVICE if phrase in advice]


def test_a_complete_weakness_answer_gets_full_marks_for_its_parts(retriever: Retriever) -> None:
    question, answer = NOT_STORIES["weakness"]
    parts = _measurement(retriever, question, answer, "weakness parts")
    assert parts.value == 3
    assert parts.lost == 0


def test_a_weakness_answer_without_a_remedy_loses_structure(retriever: Retriever) -> None:
    question, answer = NOT_STORIES["weakness"]
    cut = answer.split(" So I joined")[0]
    complete = structure_score(evaluate_answer(question, answer, retriever.encoder))
    partial = structure_score(evaluate_answer(question, cut, retriever.encoder))
    assert complete.value is not None
    assert partial.value is not None
    assert partial.value < complete.value


def _measurement(
    retriever: Retriever, question: AskedQuestion, answer: str, name: str
) -> Measurement:
    evaluation = evaluate_answer(question, answer, retriever.encoder)
    return next(m for m in structure_score(evaluation).measurements if m.name == name)


LEADERSHIP = AskedQuestion("Tell me about a time you led a team.", "behavioural", "leadership")
STORY_STEP = (
    "Then I met each of the five students, split the work by what they knew, and I checked "
    "in with them every evening so nobody waited on anyone else for long. "
)


@pytest.mark.parametrize("steps", [1, 3, 6, 9])
def test_a_fuller_story_never_scores_lower_on_content_up_to_its_band(
    retriever: Retriever, steps: int
) -> None:
    opening = "Last year I led our robotics team when our lead left a month before the contest. "
    closing = "As a result we finished the arm on time and placed third of forty teams."
    shorter = opening + STORY_STEP * steps + closing
    longer = opening + STORY_STEP * (steps + 1) + closing
    assert len(longer.split()) <= 480
    short_score = content_score(evaluate_answer(LEADERSHIP, shorter, retriever.encoder)).value
    long_score = content_score(evaluate_answer(LEADERSHIP, longer, retriever.encoder)).value
    assert short_score is not None
    assert long_score is not None
    assert long_score >= short_score


def test_adding_the_missing_result_never_lowers_structure(retriever: Retriever) -> None:
    story = "Last year I led our robotics team when our lead left a month before the contest. "
    story += STORY_STEP * 3
    without = structure_score(evaluate_answer(LEADERSHIP, story, retriever.encoder)).value
    with_result = story + "As a result we finished the arm on time and placed third."
    complete = structure_score(evaluate_answer(LEADERSHIP, with_result, retriever.encoder)).value
    assert without is not None
    assert complete is not None
    assert complete > without


HESITANT_STORY = (
    "Last year I led our robotics team when our lead left a month before the contest. "
    + STORY_STEP * 4
    + "As a result we finished the arm on time and placed third of forty teams."
)


def _spoken(text: str, filled_pauses: int = 0, likes: int = 0) -> dict[str, object]:
    """A stored speech analysis of ``text`` with ``filled_pauses`` "um"s and ``likes`` "like"s
    said among its words."""
    words = [{"text": word} for word in text.split()]
    words += [{"text": "um"}] * filled_pauses + [{"text": "like"}] * likes
    items = [{"text": "um", "kind": "filler", "source": "transcript"}] * filled_pauses
    return {"status": "ok", "words": words, "fillers": {"items": items}, "repetitions": []}


@pytest.mark.parametrize("more", [1, 3, 5, 8, 12])
def test_more_filled_pauses_never_raise_structure(retriever: Retriever, more: int) -> None:
    evaluation = evaluate_answer(LEADERSHIP, HESITANT_STORY, retriever.encoder)
    fewer = structure_score(evaluation, _spoken(HESITANT_STORY, more - 1)).value
    more_score = structure_score(evaluation, _spoken(HESITANT_STORY, more)).value
    assert fewer is not None
    assert more_score is not None
    assert more_score <= fewer


@pytest.mark.parametrize("more", [1, 3, 6])
def test_more_likes_never_raise_structure(retriever: Retriever, more: int) -> None:
    evaluation = evaluate_answer(LEADERSHIP, HESITANT_STORY, retriever.encoder)
    fewer = structure_score(evaluation, _spoken(HESITANT_STORY, likes=more - 1)).value
    more_score = structure_score(evaluation, _spoken(HESITANT_STORY, likes=more)).value
    assert fewer is not None
    assert more_score is not None
    assert more_score <= fewer


def test_filled_pauses_cost_structure_points(retriever: Retriever) -> None:
    evaluation = evaluate_answer(LEADERSHIP, HESITANT_STORY, retriever.encoder)
    fluent = structure_score(evaluation, _spoken(HESITANT_STORY)).value
    halting = structure_score(evaluation, _spoken(HESITANT_STORY, 12)).value
    assert fluent is not None
    assert halting is not None
    assert halting < fluent - 5


def test_a_typed_answer_is_judged_without_its_voice(retriever: Retriever) -> None:
    evaluation = evaluate_answer(LEADERSHIP, HESITANT_STORY, retriever.encoder)
    voiced = [m for m in structure_score(evaluation).measurements if m.name == "filled pauses"]
    assert all(m.value is None and m.weight == 0.0 for m in voiced)


def test_the_parts_of_a_spoken_story_are_shown_but_weigh_nothing(retriever: Retriever) -> None:
    evaluation = evaluate_answer(LEADERSHIP, HESITANT_STORY, retriever.encoder)
    spoken = structure_score(evaluation, _spoken(HESITANT_STORY))
    [parts] = [m for m in spoken.measurements if m.name == "STAR parts"]
    assert parts.value is not None
    assert parts.weight == 0.0

"""The interviewer's next move: follow up on a vague answer, move on after a complete one."""

from __future__ import annotations

from rehearse.interviewer.assess import read_answer
from rehearse.interviewer.flow import Interview, Move, judge
from rehearse.interviewer.plan import InterviewPlan
from rehearse.interviewer.planned import PlannedQuestion

CONFLICT = PlannedQuestion(
    text="Tell me about a time you disagreed with a teammate about how to solve a problem.",
    kind="behavioural",
    topic="conflict",
    difficulty=2,
    reason="test",
    key_points=(
        "A specific situation with what each side wanted and why",
        "Listening to understand the other view before arguing",
        "Using data, a prototype or an agreed criterion to decide",
        "The outcome, and the working relationship afterwards",
    ),
    follow_ups=("What would you do differently if it happened again?",),
    source="bank:conflict-001",
)
COMPLETE = (
    "At my last job our team had to choose a queue for the billing events, and a teammate wanted "
    "Kafka while I thought Postgres with a jobs table was enough for our volume. I asked him to "
    "walk me through his reasons and listened before arguing; he worried about replaying events. "
    "I proposed we decide on an agreed criterion: the peak load and the replay need. I built a "
    "small prototype over two days and measured 400 events per second at peak, far below what "
    "Postgres handles. As a result we shipped the simpler design three weeks earlier, and he "
    "later told me he liked how we settled it with data rather than opinions."
)
VAGUE = (
    "I guess we disagreed sometimes about things like that, maybe about the design or stuff. "
    "We usually talked about it and kind of figured it out in general, and it was fine in the end "
    "I think, we worked it out as a team and everyone was happy with the various outcomes."
)


def _interview(*questions: PlannedQuestion) -> Interview:
    return Interview(InterviewPlan("Engineer", "mid", "mixed", (), questions))


def test_a_complete_answer_moves_on() -> None:
    assert judge(CONFLICT, read_answer(CONFLICT, COMPLETE), 0) is None


def test_a_vague_answer_draws_a_follow_up_with_its_reason() -> None:
    decision = judge(CONFLICT, read_answer(CONFLICT, VAGUE), 0)
    assert decision is not None
    assert decision.move is Move.FOLLOW_UP
    assert decision.reason


def test_a_story_without_a_result_is_asked_for_one() -> None:
    no_result = COMPLETE.split(" As a result", maxsplit=1)[0] + "."
    decision = judge(CONFLICT, read_answer(CONFLICT, no_result), 0)
    assert decision is not None
    assert "Result" in decision.reason


def test_a_team_story_without_the_candidates_part_is_probed() -> None:
    we_story = (
        "At my last job we had a disagreement about the queue. We discussed it for a week, we "
        "wrote a document, we measured the load at 400 events per second, we chose Postgres, and "
        "as a result we shipped three weeks earlier and we were all happy with the outcome."
    )
    decision = judge(CONFLICT, read_answer(CONFLICT, we_story), 0)
    assert decision is not None
    assert "What did you personally do?" in decision.say


def test_a_claim_without_numbers_is_asked_for_evidence() -> None:
    no_numbers = (
        COMPLETE.replace("400 events per second", "the load")
        .replace("over two days", "quickly")
        .replace("three weeks earlier", "earlier")
    )
    decision = judge(CONFLICT, read_answer(CONFLICT, no_numbers), 0)
    assert decision is not None
    assert "no numbers" in decision.reason


def test_a_short_answer_is_asked_to_say_more() -> None:
    decision = judge(CONFLICT, read_answer(CONFLICT, "We argued and then agreed."), 0)
    assert decision is not None
    assert decision.move is Move.CLARIFY


def test_an_answer_to_another_question_gets_the_question_again() -> None:
    off_topic = " ".join(
        ["My favourite programming language is Python because its syntax is clean and"] * 3
    )
    decision = judge(CONFLICT, read_answer(CONFLICT, off_topic), 0)
    assert decision is not None
    assert decision.move is Move.CLARIFY
    assert CONFLICT.text in decision.say


def test_a_request_to_hear_the_question_again_gets_it() -> None:
    reply = "Sorry, I'm a bit nervous. Could you repeat the question?"
    decision = judge(CONFLICT, read_answer(CONFLICT, reply), 0)
    assert decision is not None
    assert decision.move is Move.CLARIFY
    assert decision.say == f"Of course. {CONFLICT.text}"


def test_a_confused_candidate_asking_what_to_say_gets_the_question_again() -> None:
    reply = "Sorry, I'm just confused, do I need to introduce myself again?"
    assert read_answer(CONFLICT, reply).asks_again


def test_a_story_that_mentions_repeating_is_not_a_request() -> None:
    reply = "We could not agree, so I had to repeat the load test twice to settle it."
    assert not read_answer(CONFLICT, reply).asks_again


def test_the_answer_after_a_request_to_repeat_is_judged_as_the_first() -> None:
    interview = _interview(CONFLICT)
    interview.answer("Sorry, could you repeat the question?")
    decision = interview.answer("We argued and then agreed.")
    assert decision.move is Move.CLARIFY  # too short for a first answer: "say a bit more"
    assert "say a bit more" in decision.say


def test_the_interview_follows_up_then_moves_to_the_next_question() -> None:
    second = PlannedQuestion(
        "Why do you want this role?",
        "behavioural",
        "motivation",
        1,
        "",
        ("a", "b", "c"),
        ("x",),
        "bank:m",
    )
    interview = _interview(CONFLICT, second)
    assert interview.ask() == CONFLICT.text
    first = interview.answer(VAGUE)
    assert first.move is Move.FOLLOW_UP
    assert interview.ask() == first.say
    then = interview.answer(COMPLETE)
    assert then.move is Move.NEXT
    assert then.say == second.text


def test_follow_ups_are_limited_and_the_interview_ends() -> None:
    interview = _interview(CONFLICT)
    moves = [interview.answer(VAGUE).move for _ in range(4) if not interview.finished]
    assert moves.count(Move.FOLLOW_UP) <= 2
    assert moves[-1] is Move.END
    assert interview.finished


def test_a_rule_already_followed_up_gives_way_to_the_next_one() -> None:
    no_result = COMPLETE.split(" As a result", maxsplit=1)[0] + "."
    reading = read_answer(CONFLICT, no_result)
    first = judge(CONFLICT, reading, 0)
    assert first is not None
    assert first.rule == "result"
    then = judge(CONFLICT, reading, 1, asked=[first.rule])
    assert then is None or then.rule != "result"


def test_a_reply_that_still_misses_the_result_is_not_asked_for_it_again() -> None:
    interview = _interview(CONFLICT)
    no_result = COMPLETE.split(" As a result", maxsplit=1)[0] + "."
    first = interview.answer(no_result)
    assert first.move is Move.FOLLOW_UP
    then = interview.answer("And so my fellow Americans, ask not what your country can do.")
    assert then.say != first.say
    assert then.rule != first.rule


def test_skipping_moves_on_with_the_reason() -> None:
    interview = _interview(CONFLICT)
    decision = interview.skip()
    assert decision.move is Move.END
    assert "skip" in decision.reason


def test_the_time_budget_ends_the_interview() -> None:
    interview = Interview(
        InterviewPlan("E", "mid", "mixed", (), (CONFLICT, CONFLICT)), time_budget_seconds=60
    )
    decision = interview.answer(COMPLETE, seconds=90)
    assert decision.move is Move.END
    assert "time budget" in decision.reason


def _behavioural(text: str) -> PlannedQuestion:
    return PlannedQuestion(text, "behavioural", "motivation", 1, "test", (), (), "bank:test")


WHY_US = _behavioural("What do you know about our company, and what made you apply here?")
MOTIVATED = (
    "I use your budgeting app every week, and what drew me is how you explain fees to customers "
    "in plain words. I have built two finance tools at university, and this team is where I want "
    "to grow as a backend engineer, so the role fits what I have done and where I am going."
)


def test_a_motivation_answer_is_not_asked_for_a_star_result() -> None:
    reading = read_answer(WHY_US, MOTIVATED)
    assert reading.star == {}
    assert judge(WHY_US, reading, 0) is None


def test_a_weakness_without_a_remedy_is_asked_what_is_being_done() -> None:
    weakness = _behavioural("What is your greatest weakness?")
    answer = (
        "My biggest weakness is public speaking. Last term it cost me marks in a design review "
        "because I rushed through the slides and lost the panel halfway through my argument."
    )
    decision = judge(weakness, read_answer(weakness, answer), 0)
    assert decision is not None
    assert decision.move is Move.FOLLOW_UP
    assert "doing about it" in decision.say


def test_the_interviewer_and_the_report_agree_on_the_star_parts() -> None:
    from rehearse.feedback.content.sentences import split_sentences  # noqa: PLC0415
    from rehearse.feedback.content.star import detect_star  # noqa: PLC0415

    star = detect_star(split_sentences(COMPLETE), applicable=True)
    reading = read_answer(CONFLICT, COMPLETE)
    assert reading.star == {
        "situation": star.situation.present,
        "task": star.task.present,
        "action": star.action.present,
        "result": star.result.present,
    }

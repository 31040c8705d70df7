"""Splitting a rated interview into questions and answers (bench/validity/turns.py)."""

from __future__ import annotations

from bench.validity.turns import Exchange, split_interview, turns_of


def test_small_talk_before_the_first_question_is_left_out() -> None:
    transcript = (
        "Interviewer: So how are you doing today?|Interviewee: Great thanks how are you?|"
        "Interviewer: Good. Tell me about yourself.|Interviewee: I study physics."
    )
    assert split_interview(transcript) == [
        Exchange("Good. Tell me about yourself.", "I study physics.")
    ]


def test_consecutive_candidate_turns_join_across_back_channels() -> None:
    transcript = (
        "Interviewer: Tell me about a time you led a team.|Interviewee: Last year I led five.|"
        "Interviewer: Mm-hmm.|Interviewee: We shipped on time."
    )
    (exchange,) = split_interview(transcript)
    assert exchange.answer == "Last year I led five. We shipped on time."


def test_a_reply_to_a_follow_up_joins_the_answer_to_its_question() -> None:
    transcript = (
        "Interviewer: Tell me about a time you led a team.|Interviewee: I led a robot team.|"
        "Interviewer: Can you be more specific?|Interviewee: I ran the weekly build."
    )
    (exchange,) = split_interview(transcript)
    assert exchange.answer == "I led a robot team. I ran the weekly build."


def test_each_interview_question_opens_its_own_exchange() -> None:
    transcript = (
        "Interviewer: Tell me about yourself.|Interviewee: I study physics.|"
        "Interviewer: What is one of your weaknesses?|Interviewee: Public speaking."
    )
    assert [e.answer for e in split_interview(transcript)] == [
        "I study physics.",
        "Public speaking.",
    ]


def test_thanks_at_the_end_closes_the_last_answer() -> None:
    transcript = (
        "Interviewer: Why should we hire you?|Interviewee: I work hard.|"
        "Interviewer: Great thank you.|Interviewee: Thank you, bye."
    )
    assert [e.answer for e in split_interview(transcript)] == ["I work hard."]


def test_unlabelled_turns_continue_the_speaker_and_bracketed_ones_are_dropped() -> None:
    transcript = "Interviewee: I built it.|[laughter]| And then it flew.|Interviewer:  Mm-hmm."
    assert turns_of(transcript) == [
        ("candidate", "I built it."),
        ("candidate", "And then it flew."),
        ("interviewer", "Mm-hmm."),
    ]


def test_an_unanswered_question_is_left_out() -> None:
    transcript = "Interviewer: Tell me about yourself.|Interviewer: Why should we hire you?"
    assert split_interview(transcript) == []


def test_a_double_space_is_the_transcripts_lost_comma() -> None:
    transcript = "Interviewer: Tell me about yourself.|Interviewee: I was  like  unsure"
    assert split_interview(transcript)[0].answer == "I was, like, unsure"


def test_a_double_space_after_punctuation_adds_no_comma() -> None:
    transcript = "Interviewer: Tell me about yourself.|Interviewee:  Well.  I study physics."
    assert split_interview(transcript)[0].answer == "Well. I study physics."


def test_a_nod_before_the_interviewer_goes_on_joins_the_answer_that_follows() -> None:
    transcript = (
        "Interviewer: Do you consider yourself a team player?|Interviewee: Mmmhmm.|"
        "Interviewer: And can you give me an example of a conflict on your team?|"
        "Interviewee: In my dorm two people stopped doing chores."
    )
    assert split_interview(transcript) == [
        Exchange(
            "Do you consider yourself a team player? And can you give me an example of a "
            "conflict on your team?",
            "Mmmhmm. In my dorm two people stopped doing chores.",
        )
    ]


def test_a_request_to_hear_the_question_again_joins_the_answer_that_follows() -> None:
    transcript = (
        "Interviewer: Can you give me an example of a conflict on your team?|"
        "Interviewee: I think I am a team player, sorry, could you repeat the|"
        "Interviewer: Conflict on your team|Interviewee: My sorority board disagreed."
    )
    (exchange,) = split_interview(transcript)
    assert exchange.answer.endswith("could you repeat the My sorority board disagreed.")


def test_an_agreement_with_an_um_is_a_nod_too() -> None:
    transcript = (
        "Interviewer: Do you consider yourself a team player?|Interviewee: Oh, definitely! Um|"
        "Interviewer: Could you give me an example?|Interviewee: On my robotics team we split."
    )
    (exchange,) = split_interview(transcript)
    assert exchange.answer == "Oh, definitely! Um On my robotics team we split."


def test_a_bare_no_before_the_interviewer_asks_why_joins_the_answer_that_follows() -> None:
    transcript = (
        "Interviewer: Do you think you're a leader?|Interviewee: Not really.|"
        "Interviewer: Can you describe a time you led anyway?|Interviewee: I ran our lab."
    )
    (exchange,) = split_interview(transcript)
    assert exchange.answer == "Not really. I ran our lab."


def test_an_answer_before_the_next_question_keeps_its_own_exchange() -> None:
    transcript = (
        "Interviewer: Do you consider yourself a team player?|Interviewee: Yes, I really do.|"
        "Interviewer: What is one of your weaknesses?|Interviewee: Public speaking."
    )
    assert len(split_interview(transcript)) == 2

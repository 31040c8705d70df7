"""``python -m bench.judgement.unrelated [--check]``: texts about something else, given to
interview questions, as a user trying the product might give them: is each called off topic?

Four texts are each given to six interview questions of every form but an explanation, and
judged as the product judges a spoken answer to a behavioural question. The first set (the
close of President Kennedy's inaugural address and the opening of *Sense and Sensibility*, both
public domain; a story about birds and a recipe, written for this) is of the kinds the
interview cut ``NOT_ABOUT_SELF_FROM`` was chosen on; the second (``--check``: Lincoln's
Gettysburg address, public domain; a weather forecast, a match report and assembly
instructions, written for this) was written after every choice, to check it. Prints, for
each pair, the model's P(no) to "about the question?" and to "about the speaker's own
experience...?", the verdict, and how many pairs were called off topic. Nothing is fitted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from bench.validity.judged import judge_input
from bench.validity.turns import Exchange
from rehearse.config import Settings
from rehearse.feedback.judge.judge import ContentJudge
from rehearse.interviewer.retrieval.encoder import MiniLMEncoder
from rehearse.llm.configured import ConfiguredClient

QUESTIONS = (
    "Tell me about yourself.",
    "Why do you want to work for us?",
    "What made you apply here?",
    "Tell me about a time you worked on a team to solve a hard problem.",
    "What is your greatest weakness?",
    "Why should we hire you?",
)
TEXTS = {
    "Kennedy's address": (
        "Now the trumpet summons us again, not as a call to bear arms, though arms we need; "
        "not as a call to battle, though embattled we are; but a call to bear the burden of "
        "a long twilight struggle, year in and year out. And so, my fellow Americans: ask not "
        "what your country can do for you, ask what you can do for your country. My fellow "
        "citizens of the world: ask not what America will do for you, but what together we "
        "can do for the freedom of man."
    ),
    "a bird story": (
        "Every spring a pair of swallows builds a nest under the roof of the old barn. They "
        "carry mud from the river bank, a beakful at a time, and line the cup with feathers. "
        "By June there are four chicks, and the parents fly from dawn until dusk catching "
        "insects over the meadow. In September the whole family leaves for Africa."
    ),
    "a recipe": (
        "Heat two tablespoons of olive oil in a large pan and soften a chopped onion for five "
        "minutes. Add two cloves of garlic, a tin of tomatoes and a pinch of salt, and let "
        "it simmer for twenty minutes. Meanwhile cook the pasta in plenty of salted water, "
        "drain it, toss it with the sauce and serve it with grated cheese."
    ),
    "Sense and Sensibility": (
        "The family of Dashwood had long been settled in Sussex. Their estate was large, and "
        "their residence was at Norland Park, in the centre of their property, where, for "
        "many generations, they had lived in so respectable a manner as to engage the "
        "general good opinion of their surrounding acquaintance."
    ),
}
# Written after the cuts were chosen, to check them (--check); no choice has read it.
CHECK_TEXTS = {
    "Lincoln's address": (
        "Four score and seven years ago our fathers brought forth on this continent a new "
        "nation, conceived in liberty, and dedicated to the proposition that all men are "
        "created equal. Now we are engaged in a great civil war, testing whether that nation, "
        "or any nation so conceived and so dedicated, can long endure."
    ),
    "a weather forecast": (
        "Tomorrow will start cloudy with light rain in the north, clearing by midday. "
        "Temperatures will reach fourteen degrees in the afternoon, with a moderate westerly "
        "wind. On Friday a band of heavier rain moves in from the coast, and the weekend looks "
        "dry but cold, with frost likely on Sunday night."
    ),
    "a match report": (
        "The home side took the lead after twelve minutes when their captain headed in a "
        "corner. The visitors equalised just before half time with a long shot that went in "
        "off the post. In the second half both teams had chances, but the goalkeepers were "
        "excellent, and the match ended one all."
    ),
    "assembly instructions": (
        "Lay the two side panels flat and push the wooden dowels into the drilled holes. "
        "Attach the top and bottom boards with the long screws, then slide the back panel "
        "into its groove. Fix the shelves at the height you want with the metal pins, and use "
        "the wall bracket so the unit cannot tip over."
    ),
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.judgement.unrelated", description=__doc__
    )
    parser.add_argument("--check", action="store_true", help="judge the second set of texts")
    texts = CHECK_TEXTS if parser.parse_args(argv).check else TEXTS
    judge = ContentJudge(ConfiguredClient(Settings()), MiniLMEncoder())
    caught = 0
    print(f"{judge.name}\n{'text':<24} {'question':<44} {'P(no) q':>8} {'P(no) self':>10}")
    try:
        for name, text in texts.items():
            for question in QUESTIONS:
                judged = judge.apply(judge_input(Exchange(question, text)))
                caught += judged.on_topic is False
                print(
                    f"{name:<24} {question[:44]:<44} {_shown(judged.off_topic_probability):>8} "
                    f"{_shown(judged.not_about_self_probability):>10} "
                    f"{'off topic' if judged.on_topic is False else 'ON TOPIC'}",
                    flush=True,
                )
    finally:
        judge.close()
    print(f"off topic: {caught} of {len(texts) * len(QUESTIONS)}")
    return 0


def _shown(probability: float | None) -> str:
    """A probability to three places, or "-" when the model answered neither yes nor no."""
    return "-" if probability is None else f"{probability:.3f}"


if __name__ == "__main__":
    sys.exit(main())

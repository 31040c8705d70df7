"""``python -m bench.judgement.speed``: seconds the configured judge takes for the two answers
the product promises times for: a 60-second spoken answer to a story question (about 150
words, judged against the four STAR parts of a story) and a 40-word written answer to a
technical question (one key point). Each is judged as the first answer to its question and
again with different wording (the question's prefix cached), after the server has judged an
interview answer to another question, as it has for every answer but an interview's first
(the grades' system text cached). That first one is timed too, on a server of its own: after
the warm-up a planned interview asks for (``ContentJudge.warm_up``), and, as the baseline of the
same run, after only a written answer (the grades' system text not yet cached).

Last, the floor of judging while the candidate speaks (``ContentJudge.read_ahead``): the story
judged after all of its words were read ahead, against the same story read at once, side by
side. Even then each request's own instruction, which follows the answer, is read only once the
answer is whole, so this ratio bounds how far reading ahead can bring the judge's wait after
the last word below the after-the-fact path's."""

from __future__ import annotations

import time

from rehearse.config import Settings
from rehearse.feedback.judge.judge import ContentJudge, JudgeInput
from rehearse.feedback.judge.points import FORM_POINTS
from rehearse.interviewer.retrieval.encoder import MiniLMEncoder
from rehearse.llm.configured import ConfiguredClient

FIRST_QUESTION = "Describe a project you are proud of."
STORY_QUESTION = "Tell me about a time you had to fix a problem under a tight deadline."
STORY = (
    "Last spring I was on the team that ran our university's course registration site, and "
    "two days before registration opened we found that the search page took almost ten "
    "seconds to load for every student. My task was to make it usable before the opening, "
    "because about eight thousand students would log in in the first hour. I started by "
    "measuring where the time went, and I found that every search ran a query without an "
    "index over the whole course table. I added two indexes, rewrote the slowest query so it "
    "fetched only the columns the page showed, and added a small cache for the list of "
    "departments, which never changes during the day. I tested it with a copy of last "
    "year's traffic. On the opening morning the page loaded in under half a second, nobody "
    "had to wait, and afterwards I wrote a short guide so the next team checks query plans "
    "before every release. I learned to measure first and change second."
)
STORY_AGAIN = STORY.replace("Last spring", "In my second year").replace("ten", "eleven")
TECH_QUESTION = "What is the difference between a process and a thread?"
TECH_POINT = (
    "A process has its own memory space, while threads of one process share its memory and "
    "are cheaper to create and switch between",
)
TECH = (
    "A process is a running program with its own separate memory, and threads live inside a "
    "process and share that memory, so they are lighter to start and to switch, but they "
    "need locks when they touch the same data."
)
TECH_AGAIN = TECH.replace("running program", "program being executed")
FIRST_ANSWER = JudgeInput(FIRST_QUESTION, FORM_POINTS["story"], STORY, "story")


def first_interview_answer(encoder: MiniLMEncoder, *, warmed: bool) -> float:
    """Seconds for a spoken story judged as a fresh server's first interview answer, after the
    judge's warm-up or after a written answer (which starts the server but leaves the grades'
    reference answers to the story)."""
    judge = ContentJudge(ConfiguredClient(Settings()), encoder)
    try:
        if warmed:
            judge.warm_up()
        else:
            judge.apply(JudgeInput("Warm-up question?", ("a point",), "A warm-up answer."))
        started = time.perf_counter()
        judge.apply(FIRST_ANSWER)
        return time.perf_counter() - started
    finally:
        judge.close()


def read_ahead_floor(judge: ContentJudge) -> tuple[float, float]:
    """Seconds to judge the story read at once, and after all its words were read ahead (each
    a variant of its own, so neither finds the other's answer cached)."""
    at_once, ahead = (
        JudgeInput(STORY_QUESTION, FORM_POINTS["story"], STORY.replace("Last", label), "story")
        for label in ("One", "Another")
    )
    started = time.perf_counter()
    judge.apply(at_once)
    whole = time.perf_counter() - started
    judge.read_ahead(ahead)
    started = time.perf_counter()
    judge.apply(ahead)
    return whole, time.perf_counter() - started


def main() -> int:
    encoder = MiniLMEncoder()
    cold = first_interview_answer(encoder, warmed=False)
    warm = first_interview_answer(encoder, warmed=True)
    print(
        f"spoken story as the server's first interview answer: {warm:.1f} s after the warm-up, "
        f"{cold:.1f} s after a written answer"
    )
    judge = ContentJudge(ConfiguredClient(Settings()), encoder)
    cases = [
        ("spoken story, 60 s (~150 words), its 4 STAR parts", STORY_QUESTION, FORM_POINTS["story"],
         (STORY, STORY_AGAIN), "story"),
        ("written technical answer, 40 words, 1 point", TECH_QUESTION, TECH_POINT,
         (TECH, TECH_AGAIN), "explanation"),
    ]  # fmt: skip
    try:
        started = time.perf_counter()
        judge.warm_up()
        print(f"warm-up, the server's start included: {time.perf_counter() - started:.1f} s")
        judge.apply(FIRST_ANSWER)
        for label, question, points, answers, form in cases:
            seconds = []
            for answer in answers:
                started = time.perf_counter()
                judge.apply(JudgeInput(question, points, answer, form))  # type: ignore[arg-type]
                seconds.append(time.perf_counter() - started)
            print(f"{label}: {seconds[0]:.1f} s first, {seconds[1]:.1f} s with the question cached")
        whole, floor = read_ahead_floor(judge)
        print(
            f"spoken story read at once: {whole:.1f} s; after all of it was read ahead: "
            f"{floor:.1f} s ({floor / whole:.2f} of it, the floor of judging while it is said)"
        )
    finally:
        judge.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

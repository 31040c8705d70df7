"""Whether an answer addressed its question at all: the verdict that keeps an answer about
something else from making a session good.

The question's own similarity (``relevance``) is the first test: below its off-topic cut no
on-topic answer of the calibration fell for technical questions (docs/content-evaluation.md).
Answers about the candidate (a self-introduction, a motivation, a weakness, a story) share
few words with their short questions, though: on the real rated mock interviews 27 of 323
answers fell under that cut, most of them self-introductions ("I'm a junior studying
biology..."). So an answer that is not an explanation is called off topic only when it is
also unlike what answers of its kind talk about (a description per form) and unlike interview
answers in general: its similarities to the two add up to less than ``LIKE_AN_ANSWER_BELOW``.
Chosen on those 321 rated answers of more than five words (two are called off topic) and 45
answers about something else (President Kennedy's address, five sentences of Sense and
Sensibility, two bird stories and a recipe, each given to five kinds of question: all 38 the
question's cut catches are called off topic); docs/scoring.md.
"""

from __future__ import annotations

from collections.abc import Mapping

from rehearse.feedback.content.evaluation import ContentEvaluation
from rehearse.feedback.content.forms import AnswerForm
from rehearse.interviewer.retrieval.encoder import TextEncoder

INTERVIEW_ANSWER = (
    "In a job interview the candidate talks about themselves: my studies and degree, my work "
    "experience, internships and jobs, projects I worked on with my team, my skills, what I "
    "learned, my goals and career, and why I want this role at this company."
)
# What an answer of each form talks about.
FORM_ANSWERS: Mapping[AnswerForm, str] = {
    "introduction": "I am a student studying engineering at university; my background, my "
    "major and classes, my work experience and internships, projects I worked on, and what I "
    "want to do in my career.",
    "motivation": "I applied to this company because of its products, mission and team; the "
    "role fits my skills and experience, and it is where I want to grow my career.",
    "pitch": "You should hire me because I have the skills and experience for this role: I "
    "worked hard, led projects, and delivered results for my team.",
    "weakness": "My greatest weakness is that I struggle with something at work, like time "
    "management or public speaking, and I am working to improve it.",
    "story": "A time at work or school when I worked with my team on a project, faced a "
    "problem or challenge, what I did, and the result.",
}
LIKE_AN_ANSWER_BELOW = 0.25  # the similarities to its form's answers and to interview answers


def is_off_topic(evaluation: ContentEvaluation, answer: str, encoder: TextEncoder) -> bool:
    """Whether ``answer`` (evaluated as ``evaluation``) did not address its question."""
    if evaluation.relevance.label != "off topic":
        return False
    form_answer = FORM_ANSWERS.get(evaluation.question.form)
    if form_answer is None:  # an explanation: the question's cut was calibrated for it
        return True
    form_vector, interview_vector, answer_vector = encoder.encode(
        [form_answer, INTERVIEW_ANSWER, answer]
    )
    like_an_answer = float(form_vector @ answer_vector) + float(interview_vector @ answer_vector)
    return like_an_answer < LIKE_AN_ANSWER_BELOW

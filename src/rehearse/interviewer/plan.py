"""The interview plan: which topics to cover for this candidate and this job, and why.

Topics come from the skills the job asks for, weighed against the evidence in the résumé:
- **gaps**: the job asks for it, the résumé shows little of it (tested first);
- **strengths**: both the job and the résumé centre on it (probed at depth);
- **projects**: the candidate's own work, asked about by name;
- **behavioural**: the competencies every interview checks, chosen for the seniority.
Within a topic, a question is chosen by difficulty, then by the job's skills it names, then (with
a ``Retriever``) by how close its meaning is to the job and the résumé. Every question carries
the reason it was chosen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from rehearse.interviewer.bank.schema import Bank, BankQuestion, TopicArea, load_bank
from rehearse.interviewer.coding.problems import load_problems
from rehearse.interviewer.job import JobDescription
from rehearse.interviewer.planned import PlannedQuestion
from rehearse.interviewer.projects import project_questions
from rehearse.interviewer.resume import Resume
from rehearse.interviewer.retrieval.retriever import Retriever
from rehearse.interviewer.rewriting import Rewriter
from rehearse.interviewer.skills import load_vocabulary

INTERVIEW_TYPES = ("behavioural", "technical", "mixed", "coding")
_TARGET_DIFFICULTY = {
    "intern": 1,
    "junior": 2,
    "mid": 3,
    "senior": 4,
    "lead": 4,
    "principal": 5,
    "executive": 5,
}
_BEHAVIOURAL_BY_SENIORITY = {
    "junior": ("teamwork", "failure", "adaptability", "communication", "motivation"),
    "mid": ("ownership", "conflict", "failure", "communication", "prioritisation"),
    "senior": ("leadership", "conflict", "ownership", "failure", "prioritisation"),
}
T = TypeVar("T")
_STRENGTH_EVIDENCE = 2  # mentions of a topic's skills in a résumé that make it a strength
_OPENER_DIFFICULTY = 1
_JOB_WEIGHT = 0.7  # how much the job, rather than the résumé, decides which question is relevant


@dataclass(frozen=True)
class Focus:
    topic: str
    kind: str  # "gap", "strength", "project" or "behavioural"
    reason: str
    weight: float


@dataclass(frozen=True)
class InterviewPlan:
    role: str
    seniority: str
    interview_type: str
    focus: tuple[Focus, ...]
    questions: tuple[PlannedQuestion, ...]
    notes: tuple[str, ...] = field(default=())


def _readable(skills: Iterable[str]) -> str:
    names = [skill.replace("-", " ") for skill in skills]
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)


def choose_focus(resume: Resume | None, job: JobDescription, bank: Bank) -> list[Focus]:
    """Job topics ranked: gaps and strengths with their reasons (topics the bank covers)."""
    vocabulary = load_vocabulary()
    available = {topic.topic for topic in bank.topics}
    job_topics = vocabulary.topics_of(Counter(job.skill_weights))
    resume_skills = Counter(resume.skills) if resume else Counter()
    resume_topics = vocabulary.topics_of(resume_skills)
    focus: list[Focus] = []
    for topic, weight in job_topics.most_common():
        if topic not in available:
            continue
        asked = [s for s in job.skill_weights if topic in vocabulary.skills[s].topics]
        shown = [s for s in asked if s in resume_skills]
        evidence = resume_topics.get(topic, 0)
        if resume is not None and (shown or evidence >= _STRENGTH_EVIDENCE):
            reason = (
                f"The job asks for {_readable(asked[:3])} and your résumé shows "
                f"{_readable(shown[:3]) if shown else 'related experience'}: "
                "a strength to probe in depth."
            )
            focus.append(Focus(topic, "strength", reason, float(weight)))
        else:
            reason = (
                f"The job asks for {_readable(asked[:3])}, and your résumé shows little of it: "
                "a gap interviewers will test."
            )
            focus.append(Focus(topic, "gap", reason, float(weight) * 1.2))
    return sorted(focus, key=lambda item: item.weight, reverse=True)


def _difficulty(seniority: str, topic: str, mastery: Mapping[str, float]) -> int:
    """The seniority's level, moved by the candidate's measured mastery of the topic."""
    level = _TARGET_DIFFICULTY.get(seniority, 3)
    if topic in mastery:
        level += round((mastery[topic] - 1000) / 200)  # Elo-style: 200 points per level
    return max(1, min(5, level))


def _pick(
    bank: Bank,
    topic: str,
    difficulty: int,
    skills: Iterable[str],
    taken: set[str],
    *,
    relevance: Mapping[str, float],
) -> BankQuestion | None:
    """The unused question of ``topic`` nearest ``difficulty``, preferring the job's skills,
    then the meaning nearest the job and résumé."""
    wanted = set(skills)
    candidates = [
        q for t in bank.topics if t.topic == topic for q in t.questions if q.id not in taken
    ]
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda q: (
            abs(q.difficulty - difficulty),
            -len(wanted & set(q.skills)),
            -relevance.get(q.id, 0.0),
            q.id,
        ),
    )


def job_context(job: JobDescription) -> str:
    """The job in a few sentences: what the candidate will be asked about."""
    return ". ".join(
        [job.title, *job.responsibilities[:12], ", ".join(job.required_skills), *job.domains]
    )


def resume_context(resume: Resume) -> str:
    """The candidate's work in a few sentences: roles, projects and skills."""
    roles = [f"{role.title}: {role.description}" for role in resume.roles[:4]]
    projects = [f"{p.name}: {p.description}" for p in resume.projects[:4]]
    return ". ".join([resume.headline, *roles, *projects, ", ".join(resume.skills[:20])])


def relevance_to(
    retriever: Retriever, bank: Bank, job: JobDescription, resume: Resume | None
) -> dict[str, float]:
    """Each bank question's similarity to the job, blended with the résumé's when given."""
    ids = [question.id for question in bank.questions]
    to_job = retriever.relevance(job_context(job), ids)
    if resume is None:
        return to_job
    to_resume = retriever.relevance(resume_context(resume), ids)
    return {
        i: _JOB_WEIGHT * to_job.get(i, 0.0) + (1 - _JOB_WEIGHT) * to_resume.get(i, 0.0) for i in ids
    }


def _from_bank(question: BankQuestion, topic: str, reason: str) -> PlannedQuestion:
    return PlannedQuestion(
        text=question.text,
        kind=question.type.value,
        topic=topic,
        difficulty=question.difficulty,
        reason=reason,
        key_points=question.key_points,
        follow_ups=question.follow_ups,
        source=f"bank:{question.id}",
    )


def _interview_type(bank: Bank, focus: Sequence[Focus]) -> str:
    """Mixed when the job has technical or role topics to test, else behavioural."""
    areas = {topic.topic: topic.area for topic in bank.topics}
    specific = [f for f in focus if areas.get(f.topic) is not TopicArea.BEHAVIOURAL]
    return "mixed" if specific else "behavioural"


def make_plan(
    job: JobDescription,
    resume: Resume | None = None,
    *,
    interview_type: str | None = None,
    length: int = 8,
    mastery: Mapping[str, float] | None = None,
    asked_before: Iterable[str] = (),
    bank: Bank | None = None,
    retriever: Retriever | None = None,
) -> InterviewPlan:
    """An ordered plan of ``length`` questions with the reason for each."""
    bank = bank or load_bank()
    mastery = mastery or {}
    relevance = relevance_to(retriever, bank, job, resume) if retriever else {}
    focus = choose_focus(resume, job, bank)
    kind = interview_type or _interview_type(bank, focus)
    taken = set(asked_before)
    areas = {topic.topic: topic.area for topic in bank.topics}
    seniority = (
        job.seniority
        if job.seniority in _BEHAVIOURAL_BY_SENIORITY
        else ("senior" if _TARGET_DIFFICULTY.get(job.seniority, 3) >= 4 else "junior")
    )
    behavioural_slots = {
        "behavioural": length // 2,
        "technical": 1,
        "mixed": length // 3,
        "coding": 1,
    }[kind]
    no_projects = resume is None or kind in ("behavioural", "coding")
    project_slots = 0 if no_projects else min(2, max(1, length // 4))
    questions: list[PlannedQuestion] = []

    opener = _pick(bank, "motivation", _OPENER_DIFFICULTY, [], taken, relevance=relevance)
    if opener:
        taken.add(opener.id)
        questions.append(
            _from_bank(
                opener, "motivation", f"Every interview opens by asking why this role: {job.title}."
            )
        )
    role_topics = [
        f for f in focus if kind != "behavioural" or areas.get(f.topic) is not TopicArea.TECHNICAL
    ]
    free = length - len(questions) - behavioural_slots - project_slots
    role_slots = 0 if kind == "coding" else max(0, free)  # a coding interview codes instead
    vocabulary = load_vocabulary()
    for item in _cycle(role_topics, role_slots):
        asked = [s for s in job.skill_weights if item.topic in vocabulary.skills[s].topics]
        level = _difficulty(job.seniority, item.topic, mastery)
        question = _pick(bank, item.topic, level, asked, taken, relevance=relevance)
        if question:
            taken.add(question.id)
            questions.append(_from_bank(question, item.topic, item.reason))
    if resume is not None:
        for planned in project_questions(resume, job)[:project_slots]:
            questions.append(planned)
    if kind == "coding":
        job_topics = {item.topic for item in focus}
        questions.extend(coding_questions(job, job_topics, length - len(questions) - 1, taken))
    for topic in _cycle(_BEHAVIOURAL_BY_SENIORITY[seniority], length - len(questions)):
        level = _difficulty(job.seniority, topic, mastery)
        question = _pick(bank, topic, level, [], taken, relevance=relevance)
        if question:
            taken.add(question.id)
            reason = (
                f"A core competency for a {job.seniority}-level role: {topic.replace('-', ' ')}."
            )
            questions.append(_from_bank(question, topic, reason))
    notes = () if resume else ("No résumé was given: no project questions, and no gap analysis.",)
    return InterviewPlan(
        job.title, job.seniority, kind, tuple(focus), tuple(questions[:length]), notes
    )


def _cycle(items: Sequence[T], count: int) -> list[T]:
    """``count`` items taken round-robin from ``items`` (empty if there are none)."""
    return [items[index % len(items)] for index in range(count)] if items else []


def coding_questions(
    job: JobDescription, topics: set[str], count: int, taken: set[str]
) -> list[PlannedQuestion]:
    """Coding problems for the job: its topics first, nearest the seniority's difficulty."""
    target = min(_TARGET_DIFFICULTY.get(job.seniority, 3), 4)
    problems = sorted(
        (p for p in load_problems() if f"coding:{p.id}" not in taken),
        key=lambda p: (p.topic not in topics, abs(p.difficulty - target), p.id),
    )
    chosen = []
    for problem in problems[: max(count, 0)]:
        taken.add(f"coding:{problem.id}")
        chosen.append(
            PlannedQuestion(
                text=(
                    f"{problem.title}. {problem.prompt} For example, {problem.example.call} "
                    f"returns {problem.example.expected!r}.\n\n{problem.starter}"
                ),
                kind="coding",
                topic=problem.topic,
                difficulty=problem.difficulty,
                reason=(
                    f"A coding problem on {problem.topic.replace('-', ' ')}, graded by hidden "
                    "tests in a sandbox."
                ),
                key_points=(
                    "Correct on the example and on edge cases (empty input, duplicates, limits)",
                    "Efficient enough for large inputs",
                    "Readable code with clear names",
                ),
                follow_ups=(
                    "What is the time and space complexity?",
                    "Which edge cases did you consider?",
                ),
                source=f"coding:{problem.id}",
            )
        )
    return chosen


def tailor_plan(plan: InterviewPlan, job: JobDescription, rewriter: Rewriter) -> InterviewPlan:
    """Bank questions reworded by the language model for this job (offline: unchanged)."""
    if not rewriter.rewrites:
        return plan
    context = "; ".join([*job.required_skills[:10], *job.responsibilities[:5]])
    questions = tuple(
        replace(question, text=rewriter.tailor_question(question.text, job.title, context))
        if question.source.startswith("bank:")
        else question
        for question in plan.questions
    )
    return replace(plan, questions=questions)

"""Questions about the candidate's own work, written from their résumé.

Two kinds, both by name: a project with the technologies it used ("In DevFlow, you used Git
and Python...") and a claim from a role, preferring claims with numbers, which invite the
follow-up interviewers always ask ("how did you measure that, and what was your part?").
"""

from __future__ import annotations

import re
from itertools import zip_longest

from rehearse.interviewer.job import JobDescription
from rehearse.interviewer.planned import PlannedQuestion
from rehearse.interviewer.resume import Resume
from rehearse.interviewer.skills import load_vocabulary

_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(?:%|x|k|m|\+|ms|s\b|users|transactions|engineers)", re.I)
_PROJECT_KEY_POINTS = (
    "What the project was for and who used it",
    "The candidate's own part, as opposed to the team's",
    "A hard technical decision, the options weighed and why one was chosen",
    "How success was measured, with a number if possible",
    "What they would do differently now",
)
_CLAIM_KEY_POINTS = (
    "The situation and why the work mattered",
    "What the candidate personally did (I, not we)",
    "How the number was measured, and the baseline it improved on",
    "What went wrong or was hard on the way",
    "What they learned or would change",
)


def _names(skills: tuple[str, ...]) -> str:
    names = [skill.replace("-", " ") for skill in skills[:3]]
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)


def _claims(resume: Resume) -> list[tuple[str, str]]:
    """(employer, sentence) pairs from role descriptions, the ones with numbers first."""
    found = []
    for role in resume.roles:
        for part in re.split(r"(?<=[.;])\s+|\n", role.description):
            sentence = " ".join(part.split()).strip(" •-")
            if 40 <= len(sentence) <= 260:
                found.append((role.employer or role.title, sentence))
    return sorted(found, key=lambda pair: not _NUMBER.search(pair[1]))


def project_questions(resume: Resume, job: JobDescription) -> list[PlannedQuestion]:
    """Questions about the candidate's projects and roles, those nearest the job first."""
    wanted = set(job.skill_weights)
    vocabulary = load_vocabulary()
    projects: list[tuple[int, PlannedQuestion]] = []
    for project in resume.projects:
        overlap = wanted & set(project.skills)
        used = f", you used {_names(project.skills)}" if project.skills else ""
        why = (
            f" It uses {_names(tuple(sorted(overlap)))}, which the job asks for." if overlap else ""
        )
        projects.append(
            (
                len(overlap),
                PlannedQuestion(
                    text=(
                        f"In {project.name}{used}. Walk me through the hardest decision you made "
                        "on it, and what you would do differently today."
                    ),
                    kind="project",
                    topic="projects",
                    difficulty=3,
                    reason=f"Your résumé lists the project {project.name}; interviewers ask about "
                    f"your own work.{why}",
                    key_points=_PROJECT_KEY_POINTS,
                    follow_ups=(
                        "What exactly was your part, as opposed to the team's?",
                        "How did you know it worked? What did you measure?",
                    ),
                    source="project",
                ),
            )
        )
    claims: list[tuple[int, PlannedQuestion]] = []
    for employer, claim in _claims(resume)[:4]:
        overlap = wanted & set(vocabulary.find(claim))
        why = (
            f" It touches {_names(tuple(sorted(overlap)))}, which the job asks for."
            if overlap
            else ""
        )
        claims.append(
            (
                len(overlap),
                PlannedQuestion(
                    text=(
                        f'At {employer}, your résumé says: "{claim.rstrip(".")}". '
                        "Tell me how that happened, what you did yourself, and how you measured it."
                    ),
                    kind="project",
                    topic="projects",
                    difficulty=3,
                    reason=f"A claim from your time at {employer}, to check the evidence "
                    f"behind it.{why}",
                    key_points=_CLAIM_KEY_POINTS,
                    follow_ups=(
                        "What was the baseline before your change?",
                        "Who else was involved, and what did they do?",
                    ),
                    source="project",
                ),
            )
        )
    # The candidate's own projects and their claims, alternating, nearest the job first.
    ranked = [sorted(group, key=lambda pair: -pair[0]) for group in (projects, claims)]
    merged = [pair for both in zip_longest(*ranked) for pair in both if pair is not None]
    return [question for _, question in merged]

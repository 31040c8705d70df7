"""Which of the role's skills the answer names, in the interviewer's shared vocabulary.

Skills are canonical ids of ``rehearse/interviewer/skills.yaml``, matched with their aliases
("Postgres" names ``postgresql``). An id the vocabulary does not know is looked for as written,
as a whole word, with hyphens read as spaces.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rehearse.feedback.content.skills import named_skills
from rehearse.interviewer.skills import load_vocabulary


@dataclass(frozen=True)
class Alignment:
    role_skills: tuple[str, ...]  # canonical skill ids the role asks for, as given
    named: tuple[str, ...]  # those the answer names
    missing: tuple[str, ...]  # those it does not
    share: float | None  # share of the role's skills named; None when none were given


def _names(answer: str, skill: str, found: Counter[str]) -> bool:
    if skill in load_vocabulary().skills:
        return found[skill] > 0
    phrase = re.escape(skill.replace("-", " ")).replace(r"\ ", r"[\s-]+")
    return re.search(rf"(?<![\w+#]){phrase}(?![\w+#])", answer, re.IGNORECASE) is not None


def measure_alignment(answer: str, role_skills: Sequence[str]) -> Alignment:
    wanted = tuple(dict.fromkeys(skill.strip().lower() for skill in role_skills if skill.strip()))
    found = named_skills(answer)
    named = tuple(skill for skill in wanted if _names(answer, skill, found))
    return Alignment(
        role_skills=wanted,
        named=named,
        missing=tuple(skill for skill in wanted if skill not in named),
        share=round(len(named) / len(wanted), 4) if wanted else None,
    )

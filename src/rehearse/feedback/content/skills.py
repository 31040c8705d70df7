"""Skills and technologies an answer names, through the interviewer's shared vocabulary.

The vocabulary matches aliases case-insensitively as whole words, which suits résumés but not
speech: "the rest of the year" names REST, "I'd express my concern" names Express. Such
ordinary-English uses are blanked before matching. A skill counts as a technology when it leads
to a technical topic of the question bank (databases, testing, web-backend ...), so "teamwork"
and "budgeting" are skills but not technologies.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from rehearse.interviewer.bank.schema import TopicArea, topic_areas
from rehearse.interviewer.skills import load_vocabulary

_ORDINARY_ENGLISH = re.compile(
    # "the rest of the year", "get some rest", but not "a REST API"
    r"\b(?:the|a|some|any) rest\b(?!\s+(?:apis?|endpoints?|services?|interfaces?|calls?)\b)"
    r"|\brest of\b"
    r"|\bexpress(?:ed|ing|es)?\s+(?:my|our|their|his|her|your|that|this|it|concern|interest|"
    r"doubts?|support|gratitude|frustration)\b"
    r"|\bspark(?:ed|s)? (?:a|an|the|some|interest|debate|discussion)\b",
    re.IGNORECASE,
)


def named_skills(text: str) -> Counter[str]:
    """How often each canonical skill id is named in ``text``."""
    return load_vocabulary().find(_ORDINARY_ENGLISH.sub(" ", text))


@lru_cache(maxsize=1)
def technology_ids() -> frozenset[str]:
    """Skills that lead to at least one technical topic of the question bank."""
    technical = {topic for topic, area in topic_areas().items() if area == TopicArea.TECHNICAL}
    return frozenset(
        skill.id for skill in load_vocabulary().skills.values() if set(skill.topics) & technical
    )


def named_technologies(text: str) -> tuple[str, ...]:
    """The technologies named in ``text``, most often named first, then by id."""
    counts = named_skills(text)
    technologies = technology_ids()
    named = [(skill, count) for skill, count in counts.items() if skill in technologies]
    return tuple(skill for skill, _ in sorted(named, key=lambda pair: (-pair[1], pair[0])))

"""Skills named in free text, normalised to the shared vocabulary in ``skills.yaml``."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rehearse.interviewer.yaml_data import load_yaml

VOCABULARY = Path(__file__).with_name("skills.yaml")


@dataclass(frozen=True)
class Skill:
    id: str
    topics: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    skills: dict[str, Skill]
    _patterns: tuple[tuple[re.Pattern[str], str], ...]

    def find(self, text: str) -> Counter[str]:
        """How often each canonical skill is named in ``text``."""
        found: Counter[str] = Counter()
        for pattern, skill in self._patterns:
            count = len(pattern.findall(text))
            if count:
                found[skill] += count
        return found

    def topics_of(self, skill_ids: list[str] | Counter[str]) -> Counter[str]:
        """Bank topics the skills lead to, weighted by how often each skill was named."""
        weights = skill_ids if isinstance(skill_ids, Counter) else Counter(skill_ids)
        topics: Counter[str] = Counter()
        for skill, weight in weights.items():
            for topic in self.skills[skill].topics:
                topics[topic] += weight
        return topics


def _word(phrase: str, *, ignore_case: bool) -> re.Pattern[str]:
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<![\w.+#/-]){re.escape(phrase)}(?![\w+#]|\.\w)", flags)


@lru_cache(maxsize=1)
def load_vocabulary(path: Path = VOCABULARY) -> Vocabulary:
    raw = load_yaml(path.read_text(encoding="utf-8"))
    skills: dict[str, Skill] = {}
    patterns: list[tuple[re.Pattern[str], str]] = []
    for key, entry in raw.items():
        skill_id = str(key)
        skills[skill_id] = Skill(skill_id, tuple(entry.get("topics", ())))
        exact = [str(phrase) for phrase in entry.get("exact", ())]
        loose = [str(phrase) for phrase in entry.get("aliases", ())]
        if not exact:
            loose.append(skill_id.replace("-", " ") if "-" in skill_id else skill_id)
        patterns += [(_word(phrase, ignore_case=True), skill_id) for phrase in dict.fromkeys(loose)]
        patterns += [(_word(phrase, ignore_case=False), skill_id) for phrase in exact]
    return Vocabulary(skills, tuple(patterns))

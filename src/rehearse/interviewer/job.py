"""A job description as people paste it: title, seniority, required and nice-to-have skills,
responsibilities and domain.

Postings mix the role with boilerplate (salary, eligibility, hiring process). Sections are found
by their usual headings; skills are read from the whole text but those under "preferred" or
"nice to have" headings count as nice-to-have.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rehearse.interviewer.skills import load_vocabulary

SENIORITY = ("intern", "junior", "mid", "senior", "lead", "principal", "executive")
_SENIORITY_WORDS = (
    ("executive", r"\b(?:director|head of|vp|vice president|chief|executive|ex-\d)\b"),
    ("principal", r"\b(?:principal|staff|distinguished|architect)\b"),
    ("lead", r"\b(?:lead|manager|supervisor)\b"),
    ("senior", r"\b(?:senior|sr\.?|gs-1[345]|it-0[34])\b"),
    ("junior", r"\b(?:junior|jr\.?|associate|entry[- ]level|graduate|it-01)\b"),
    ("intern", r"\b(?:intern|internship|co-op|student)\b"),
)
_RESPONSIBILITIES = re.compile(
    r"^(?:principal )?(?:duties|responsibilities|duties and responsibilities|what you.?ll do|"
    r"what you will do|the role|your role|in this role|key responsibilities|role summary)\b",
    re.IGNORECASE,
)
_REQUIRED = re.compile(
    r"^(?:qualifications|requirements|required|must have|what you bring|what we.?re looking for|"
    r"about you|who you are|minimum qualifications|skills and experience|you have|"
    r"specialized experience)\b",
    re.IGNORECASE,
)
_PREFERRED = re.compile(
    r"^(?:preferred|nice to have|bonus|desired|assets?|it would be great|pluses|"
    r"preferred qualifications|asset qualifications)\b",
    re.IGNORECASE,
)
_OTHER = re.compile(
    r"^(?:salary|location|who may apply|benefits|how to apply|about (?:us|the team|cds)|"
    r"key requirements|employment requirements|travel|security clearance|compensation|"
    r"hiring process|equal opportunity|accommodation)\b",
    re.IGNORECASE,
)
_DOMAINS = {
    "government": r"\b(?:government|federal|public service|agency|agencies|citizens?)\b",
    "fintech": r"\b(?:payments?|banking|fintech|financial services|trading)\b",
    "healthcare": r"\b(?:health ?care|clinical|patients?|hospital|medical)\b",
    "e-commerce": r"\b(?:e-?commerce|retail|marketplace|shopping)\b",
    "education": r"\b(?:education|students|schools?|learning platform)\b",
    "identity and security": r"\b(?:identity verification|authentication|fraud|cybersecurity)\b",
    "ai and data": r"\b(?:artificial intelligence|machine learning|ai/ml|data science)\b",
}
_BULLET = re.compile(r"^\s*(?:[-•*▪◦●]|\d+[.)])\s+")
_OPENING_CHARS = 400
_YEARS = re.compile(r"(\d{1,2})\+?\s*(?:or more\s+)?years?", re.IGNORECASE)


@dataclass(frozen=True)
class JobDescription:
    title: str
    seniority: str
    years_required: int | None
    required_skills: tuple[str, ...]
    nice_to_have_skills: tuple[str, ...]
    responsibilities: tuple[str, ...]
    domains: tuple[str, ...]
    skill_weights: dict[str, int]


def _title(lines: list[str]) -> str:
    first = next((line for line in lines if line.strip()), "")
    return re.sub(r"^(?:job title|position|role)\s*:\s*", "", first.strip(), flags=re.IGNORECASE)


def _seniority(title: str, text: str) -> str:
    """From the title, else the posting's opening (where pay grades are stated), else the
    years of experience asked for."""
    for where in (title, text[:_OPENING_CHARS]):
        for level, pattern in _SENIORITY_WORDS:
            if re.search(pattern, where, re.IGNORECASE):
                return level
    years = [int(m.group(1)) for m in _YEARS.finditer(text) if int(m.group(1)) < 30]
    if years:
        top = max(years)
        return "junior" if top <= 2 else "mid" if top <= 4 else "senior"
    return "mid"


def _sections(lines: list[str]) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {
        "body": [],
        "responsibilities": [],
        "required": [],
        "preferred": [],
        "other": [],
    }
    current = "body"
    for line in lines:
        stripped = line.strip().rstrip(":").strip()
        heading = len(stripped) < 60 and not _BULLET.match(line)
        if heading and _PREFERRED.match(stripped):
            current = "preferred"
        elif heading and _REQUIRED.match(stripped):
            current = "required"
        elif heading and _RESPONSIBILITIES.match(stripped):
            current = "responsibilities"
        elif heading and _OTHER.match(stripped):
            current = "other"
        else:
            sections[current].append(line)
    return sections


def parse_job(text: str) -> JobDescription:
    lines = text.splitlines()
    title = _title(lines)
    sections = _sections(lines)
    vocabulary = load_vocabulary()
    relevant = "\n".join(sections["body"] + sections["responsibilities"] + sections["required"])
    required = vocabulary.find(title + "\n" + relevant)
    preferred = vocabulary.find("\n".join(sections["preferred"]))
    responsibilities = tuple(
        _BULLET.sub("", line).strip()
        for line in sections["responsibilities"]
        if _BULLET.match(line)
    )
    domains = tuple(
        name
        for name, pattern in _DOMAINS.items()
        if len(re.findall(pattern, text, re.IGNORECASE)) >= 2
    )
    years = [
        int(m.group(1))
        for m in _YEARS.finditer("\n".join(sections["required"]))
        if int(m.group(1)) < 30
    ]
    weights = Counter(required)
    weights.update(dict.fromkeys(preferred, 1))
    return JobDescription(
        title=title,
        seniority=_seniority(title, text),
        years_required=max(years) if years else None,
        required_skills=tuple(skill for skill, _ in required.most_common()),
        nice_to_have_skills=tuple(s for s, _ in preferred.most_common() if s not in required),
        responsibilities=responsibilities,
        domains=domains,
        skill_weights=dict(weights),
    )

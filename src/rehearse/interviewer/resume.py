"""A résumé's structure: sections, roles with dates, years of experience, projects, skills.

Résumés have no standard layout, so parsing is heuristic and errs toward leaving a field empty
rather than guessing: headings are recognised from a list of usual names, roles by their date
ranges ("Jan 2021 - Present", "2018 to 2021", with any dash), projects by the lines that open
each entry of the projects section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from rehearse.interviewer.skills import load_vocabulary

_HEADINGS = {
    "summary": ("summary", "professional summary", "profile", "about me", "objective"),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
    ),
    "education": ("education", "academic background", "qualifications"),
    "projects": ("projects", "personal projects", "selected projects", "side projects"),
    "skills": ("skills", "technical skills", "skills & awards", "skills and awards", "core skills"),
    "other": ("awards", "certifications", "publications", "languages", "interests", "volunteering"),
}
_HEADING_OF = {name: section for section, names in _HEADINGS.items() for name in names}
_MONTHS = {
    month: index
    for index, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for month in names
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DASHES = "-\u2013\u2014"  # hyphen, en dash, em dash: résumés use all three
_POINT = rf"(?:{_MONTH}\s+)?(?:19|20)\d\d"
_RANGE = re.compile(
    rf"(?P<start>{_POINT})\s*(?:[{_DASHES}]|to)\s*(?P<end>{_POINT}|present|current|now|today)",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*[•\-*▪◦●]\s*")
_LOCATION = re.compile(r"\s+[A-Z][a-z]+(?: [A-Z][a-z]+)*, [A-Z]{2}$")


@dataclass(frozen=True)
class Role:
    title: str
    employer: str
    start: date
    end: date | None  # None: current
    description: str

    def months(self, today: date) -> int:
        end = self.end or today
        return max(0, (end.year - self.start.year) * 12 + end.month - self.start.month)


@dataclass(frozen=True)
class Project:
    name: str
    description: str
    skills: tuple[str, ...]


@dataclass(frozen=True)
class Resume:
    name: str
    headline: str
    sections: dict[str, str]
    roles: tuple[Role, ...]
    projects: tuple[Project, ...]
    skills: tuple[str, ...]  # canonical, most mentioned first
    years_of_experience: float
    education: tuple[str, ...] = field(default=())


def _heading(line: str) -> str | None:
    cleaned = re.sub(r"[^a-z& ]", "", line.strip().lower()).strip()
    return _HEADING_OF.get(cleaned) if len(cleaned) <= 30 else None


def split_sections(text: str) -> dict[str, str]:
    """Text under each recognised heading; what precedes the first heading is the "header"."""
    sections: dict[str, list[str]] = {"header": []}
    current = "header"
    for line in text.splitlines():
        section = _heading(line)
        if section:
            current = section
            sections.setdefault(current, [])
        else:
            sections[current].append(line)
    return {name: "\n".join(lines).strip() for name, lines in sections.items() if lines}


def _point(text: str, *, end: bool = False) -> date | None:
    text = text.strip().lower().rstrip(".")
    if text in ("present", "current", "now", "today"):
        return None
    year = int(text[-4:])
    month_name = text[:-4].strip().rstrip(".")
    month = _MONTHS.get(month_name, 12 if end else 1)
    return date(year, month, 1)


def _lines(section: str) -> list[str]:
    """Non-empty lines, with page footers ("1/2") dropped and a date range split over two
    lines ("2021 -" then "Present") joined into one."""
    lines = [
        line.strip()
        for line in section.splitlines()
        if line.strip() and not re.fullmatch(r"\d+\s*/\s*\d+", line.strip())
    ]
    joined: list[str] = []
    for line in lines:
        if joined and re.search(rf"{_POINT}\s*[{_DASHES}]\s*$", joined[-1]):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _title_and_employer(text: str) -> tuple[str, str] | None:
    parts = [part.strip() for part in re.split(r",| at | \| ", text) if part.strip()]
    return (parts[0], parts[1]) if len(parts) >= 2 and len(parts[0]) < 80 else None


def _role_text(lines: list[str], index: int, match: re.Match[str]) -> tuple[str, str, int]:
    """Title and employer around the date range on line ``index``, and the index of the line
    the role's description starts at."""
    line = lines[index]
    rest = (line[: match.start()] + " " + line[match.end() :]).strip(f" ,|{_DASHES}")
    following = lines[index + 1] if index + 1 < len(lines) else ""
    if rest:  # "Software Engineer Jul 2019 - May 2021" then "Notion San Francisco, CA"
        if pair := _title_and_employer(rest):
            return pair[0], pair[1], index + 1
        if following and not _BULLET.match(following) and not _RANGE.search(following):
            return rest, re.sub(_LOCATION, "", following).strip(), index + 2
        return rest, "", index + 1
    if following and (pair := _title_and_employer(following)):  # moderncv: dates, then title
        return pair[0], pair[1], index + 2
    previous = lines[index - 1] if index > 0 else ""
    return previous, "", index + 1


def _items(lines: list[str]) -> list[str]:
    """Bullets and sentences whole again: a wrapped line is joined to the one it continues."""
    items: list[str] = []
    for line in lines:
        starts = _BULLET.match(line) or not items or items[-1].endswith((".", ";", ":"))
        text = _BULLET.sub("", line)
        if starts:
            items.append(text)
        else:
            joiner = "" if items[-1].endswith("-") else " "
            items[-1] = items[-1].removesuffix("-") + joiner + text
    return items


def parse_roles(section: str) -> list[Role]:
    """Roles in an experience section, each found by its date range."""
    lines = _lines(section)
    found = [(i, match) for i, line in enumerate(lines) if (match := _RANGE.search(line))]
    roles: list[Role] = []
    for position, (index, match) in enumerate(found):
        start = _point(match.group("start"))
        if start is None:
            continue
        title, employer, body = _role_text(lines, index, match)
        until = found[position + 1][0] if position + 1 < len(found) else len(lines)
        description = "\n".join(_items(lines[body:until]))
        end = _point(match.group("end"), end=True)
        roles.append(Role(title, employer, start, end, description))
    return roles


def years_of_experience(roles: list[Role], today: date) -> float:
    """Months covered by at least one role (overlaps count once), in years."""
    covered: set[tuple[int, int]] = set()
    for role in roles:
        end = role.end or today
        year, month = role.start.year, role.start.month
        while (year, month) < (end.year, end.month):
            covered.add((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return round(len(covered) / 12, 1)


def _opens_entry(line: str) -> bool:
    """A project's name line: short, capitalised, not a sentence or a bullet."""
    return (
        not _BULLET.match(line)
        and len(line) < 70
        and line[:1].isupper()
        and not line.endswith((".", ",", ";"))
    )


def parse_projects(section: str) -> list[Project]:
    """Each project opens with a short title line (after its dates, if any); a short line
    right after the title (the candidate's role) belongs to it; bullets and sentences follow."""
    vocabulary = load_vocabulary()
    entries: list[list[str]] = []
    in_heading = False  # just after a name line, before the description starts
    for line in _lines(section):
        if _RANGE.search(line) and not _RANGE.sub("", line).strip(f" {_DASHES}"):
            entries.append([])  # a dates-only line opens the next entry
            in_heading = True
            continue
        if entries and (not entries[-1] or (in_heading and _opens_entry(line))):
            entries[-1].append(line)
            in_heading = len(entries[-1]) == 1
            continue
        if _opens_entry(line):
            entries.append([line])
            in_heading = True
            continue
        in_heading = False
        if entries:
            entries[-1].append(_BULLET.sub("", line))
    projects = []
    for entry in entries:
        if not entry:
            continue
        name = re.sub(
            r"\b(?:19|20)\d\d\b|personal project:?",
            "",
            _RANGE.sub("", entry[0]),
            flags=re.IGNORECASE,
        )
        description = " ".join(entry[1:])
        projects.append(
            Project(
                name.strip(f" ,{_DASHES}"), description, tuple(vocabulary.find(" ".join(entry)))
            )
        )
    return [project for project in projects if project.name]


def parse_resume(text: str, *, today: date | None = None) -> Resume:
    today = today or date.today()
    sections = split_sections(text)
    header = [line.strip() for line in sections.get("header", "").splitlines() if line.strip()]
    name = next((line for line in header if _looks_like_name(line)), "")
    headline = next(
        (line for line in header if line != name and not _is_contact(line) and len(line) < 60), ""
    )
    roles = parse_roles(sections.get("experience", ""))
    skills = load_vocabulary().find(text)
    education = tuple(
        line.strip() for line in sections.get("education", "").splitlines() if line.strip()
    )
    return Resume(
        name=name,
        headline=headline,
        sections=sections,
        roles=tuple(roles),
        projects=tuple(parse_projects(sections.get("projects", ""))),
        skills=tuple(skill for skill, _ in skills.most_common()),
        years_of_experience=years_of_experience(roles, today),
        education=education,
    )


def _is_contact(line: str) -> bool:
    return bool(re.search(r"@|\d{3}|linkedin|github|https?:|\bst\b|street|usa\b", line, re.I))


def _looks_like_name(line: str) -> bool:
    words = line.replace(".", "").split()
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() and w.isalpha() for w in words)
        and not _is_contact(line)
    )
